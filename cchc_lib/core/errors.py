"""Errors an analyst can act on: the CLI prints the message alone, with exit status 2."""

from __future__ import annotations


class CchcError(Exception):
    """A problem with the user's input or set-up, explained in one message."""


class InputFileError(CchcError):
    """A file that cannot be read as what it should be."""

    def __init__(self, path: object, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")
