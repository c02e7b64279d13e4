"""The command line's parser in Vietnamese: argparse's headings, help flag and messages as a
Vietnamese user reads them, and ``--version`` (read only when asked)."""

from __future__ import annotations

import argparse
import re
import sys

EXIT_USER_ERROR = 2  # a problem the user can act on: one message, no traceback

ARGPARSE_VI = (  # argparse's own messages, as a Vietnamese user reads them
    (re.compile(r"the following arguments are required: (.*)"), r"thiếu tham số bắt buộc: \1"),
    (re.compile(r"one of the arguments (.*) is required"), r"cần một trong các tham số: \1"),
    (re.compile(r"argument (.*?): not allowed with argument (.*)"),
     r"tham số \1 không dùng cùng với \2"),
    (re.compile(r"argument (.*?): invalid choice: (.*?) \(choose from (.*)\)"),
     r"tham số \1: không có lựa chọn \2 (chọn một trong: \3)"),
    (re.compile(r"argument (.*?): invalid (\w+) value: (.*)"),
     r"tham số \1: giá trị \3 không hợp lệ"),
    (re.compile(r"argument (.*?): expected one argument"), r"tham số \1: cần một giá trị"),
    (re.compile(r"unrecognized arguments: (.*)"), r"không hiểu tham số: \1"),
)


class VietnameseParser(argparse.ArgumentParser):
    """argparse with its headings, help flag and messages in Vietnamese."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "lệnh"
        self._optionals.title = "tùy chọn"
        self.add_argument("-h", "--help", action="help", help="xem hướng dẫn này rồi thoát")

    def format_usage(self) -> str:
        return super().format_usage().replace("usage:", "cách dùng:", 1)

    def format_help(self) -> str:
        return super().format_help().replace("usage:", "cách dùng:", 1)

    def error(self, message: str):
        for pattern, vietnamese in ARGPARSE_VI:
            if pattern.fullmatch(message):
                message = pattern.sub(vietnamese, message)
                break
        self.print_usage(sys.stderr)
        self.exit(EXIT_USER_ERROR, f"{self.prog}: lỗi: {message}\n")


class VersionAction(argparse.Action):
    """``--version``: the workbook's version and its key libraries' (read only when asked)."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, **kwargs):
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS,
                         help="in phiên bản của sổ tay và của các thư viện chính rồi thoát")

    def __call__(self, parser, namespace, values, option_string=None):
        from cchc_lib.core.provenance import version_text

        print(version_text())
        parser.exit()


__all__ = ["ARGPARSE_VI", "EXIT_USER_ERROR", "VersionAction", "VietnameseParser"]
