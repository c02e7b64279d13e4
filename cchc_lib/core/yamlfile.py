"""YAML the analyst writes (data catalog, methodology, recipients), read safely.

Safe tags only (``yaml.SafeLoader``), a size cap, and no aliases: ``*name`` lets a few lines
expand into gigabytes (the "billion laughs"), and none of our files needs it. Every problem is
one :class:`~cchc_lib.core.errors.InputFileError` naming the file and the line.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from cchc_lib.core.errors import InputFileError

MAX_YAML_BYTES = 1 * 2**20  # a catalog or methodology is a few kilobytes


class NoAliasLoader(yaml.SafeLoader):
    """SafeLoader that refuses aliases (anchors alone are harmless)."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed in this file", event.start_mark)
        return super().compose_node(parent, index)


def read_text(path: Path, label: str) -> str:
    """The text of a YAML file the analyst wrote, refused when it is not a readable file or
    larger than the cap."""
    if path.is_dir():
        raise InputFileError(label, "đây là một thư mục, không phải tệp YAML")
    try:
        size = path.stat().st_size
        if size > MAX_YAML_BYTES:
            raise InputFileError(label, f"tệp YAML lớn {size:,} byte, quá giới hạn "
                                 f"{MAX_YAML_BYTES:,} byte")
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputFileError(label, f"không đọc được tệp ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise InputFileError(label, "tệp YAML phải lưu ở bảng mã UTF-8") from None


def load(text: str, label: str, loader: type[yaml.SafeLoader] = NoAliasLoader) -> object:
    """Parse YAML text with a no-alias safe loader; a syntax error names its line."""
    if len(text.encode("utf-8")) > MAX_YAML_BYTES:
        raise InputFileError(label, f"tệp YAML quá giới hạn {MAX_YAML_BYTES:,} byte")
    try:
        return yaml.load(text, Loader=loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"dòng {mark.line + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise InputFileError(label, f"{where}không phải YAML hợp lệ ({problem})") from None


def load_file(path: Path, label: str | None = None) -> object:
    label = label or str(path)
    return load(read_text(path, label), label)


__all__ = ["NoAliasLoader", "load", "load_file", "read_text", "MAX_YAML_BYTES"]
