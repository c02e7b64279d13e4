"""Every error the workbook raises on purpose, under one root.

:class:`CchcError` is a problem an analyst can act on: the CLI prints its message alone (no
traceback) and exits with status 2. Anything else that escapes is a bug in the workbook.

    CchcError
    ├── InputFileError      a file that cannot be read as what it should be
    ├── PeriodError         a period written in none of the accepted forms
    ├── TimeframeError      a plan task's time frame that cannot be read
    ├── MethodologyError    a methodology file that cannot be used as it is
    ├── NoDataError         a period the data does not reach: no figure, no verdict
    └── LoginRefused        the mail server refused the credentials
"""

from __future__ import annotations


class CchcError(Exception):
    """A problem with the user's input or set-up, explained in one message."""


class InputFileError(CchcError):
    """A file that cannot be read as what it should be."""

    def __init__(self, path: object, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")

    def __reduce__(self):  # raised in a worker process, it crosses back whole
        return (type(self), (self.path, self.problem))


class PeriodError(CchcError, ValueError):
    """A period written in none of the accepted forms."""


class TimeframeError(CchcError, ValueError):
    """A plan task's time frame ("Quý II/2022", "Trong năm") that cannot be read."""


class MethodologyError(CchcError):
    """A methodology file that cannot be used as it is."""


class NoDataError(CchcError):
    """A period the data does not reach: no figure, no verdict."""


class LoginRefused(CchcError):
    """The SMTP server answered the credentials with a refusal (mechanism kept for the
    message)."""

    def __init__(self, mechanism: str, code: int):
        super().__init__(mechanism, code)
        self.mechanism, self.code = mechanism, code


__all__ = [
    "CchcError", "InputFileError", "LoginRefused", "MethodologyError", "NoDataError",
    "PeriodError", "TimeframeError",
]
