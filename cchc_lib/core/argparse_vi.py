"""The command line's parser in Vietnamese: argparse's headings, help flag and messages as a
Vietnamese user reads them, and ``--version`` (read only when asked)."""

from __future__ import annotations

import argparse
import re
import sys

from cchc_lib.core.lang import core as lang

EXIT_USER_ERROR = 2  # a problem the user can act on: one message, no traceback

# argparse's own messages, as a Vietnamese user reads them
ARGPARSE_VI = tuple((re.compile(english), vietnamese)
                    for english, vietnamese in lang.ARGPARSE_MESSAGES_VI)


class VietnameseParser(argparse.ArgumentParser):
    """argparse with its headings, help flag and messages in Vietnamese."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = lang.POSITIONALS_TITLE_VI
        self._optionals.title = lang.OPTIONALS_TITLE_VI
        self.add_argument("-h", "--help", action="help", help=lang.HELP_HELP_VI)

    def format_usage(self) -> str:
        return super().format_usage().replace("usage:", lang.USAGE_VI, 1)

    def format_help(self) -> str:
        return super().format_help().replace("usage:", lang.USAGE_VI, 1)

    def error(self, message: str):
        for pattern, vietnamese in ARGPARSE_VI:
            if pattern.fullmatch(message):
                message = pattern.sub(vietnamese, message)
                break
        self.print_usage(sys.stderr)
        self.exit(EXIT_USER_ERROR, lang.PARSER_ERROR_VI.format(prog=self.prog, message=message))


class VersionAction(argparse.Action):
    """``--version``: the workbook's version and its key libraries' (read only when asked)."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, **kwargs):
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS,
                         help=lang.VERSION_HELP_VI)

    def __call__(self, parser, namespace, values, option_string=None):
        from cchc_lib.core.provenance import version_text

        print(version_text())
        parser.exit()


__all__ = ["ARGPARSE_VI", "EXIT_USER_ERROR", "VersionAction", "VietnameseParser"]
