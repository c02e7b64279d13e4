"""YAML the analyst writes (data catalog, methodology, recipients), read safely.

Safe tags only (``yaml.SafeLoader``), a size cap, a nesting cap, and no aliases: ``*name`` lets
a few lines expand into gigabytes (the "billion laughs"), and none of our files needs it. Every
problem is one :class:`~cchc_lib.core.errors.InputFileError` naming the file and the line.

A file checked key by key (the data catalog) is *composed*, not loaded: its nodes keep the line
each key and value was written on, and :class:`Scalars` builds the Python value of one scalar
at a time, so a value that cannot be built (a date that does not exist) is refused at its line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

import yaml

from cchc_lib.core.errors import InputFileError
from cchc_lib.core.lang import catalog as lang

MAX_YAML_BYTES = 1 * 2**20  # a catalog or methodology is a few kilobytes
MAX_YAML_DEPTH = 64  # nested lists and mappings; ours go a dozen deep, Python's stack ~1000
MAX_SHOWN = 40  # characters of a written value a message repeats
TAG = "tag:yaml.org,2002:"  # the standard tags: TAG + "str", "int", "map", ...

T = TypeVar("T")


class NoAliasLoader(yaml.SafeLoader):
    """SafeLoader that refuses aliases (anchors alone are harmless) and nesting deeper than
    :data:`MAX_YAML_DEPTH` (the composer recurses once per level)."""

    _depth = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed in this file", event.start_mark)
        if self._depth >= MAX_YAML_DEPTH:
            raise yaml.composer.ComposerError(
                None, None, lang.YAML_TOO_DEEP_VI.format(depth=MAX_YAML_DEPTH),
                self.peek_event().start_mark)
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def read_text(path: Path, label: str) -> str:
    """The text of a YAML file the analyst wrote, refused when it is not a readable file or
    larger than the cap."""
    if path.is_dir():
        raise InputFileError(label, lang.YAML_IS_FOLDER_VI)
    try:
        size = path.stat().st_size
        if size > MAX_YAML_BYTES:
            raise InputFileError(label, lang.YAML_TOO_BIG_VI.format(size=size,
                                                                    limit=MAX_YAML_BYTES))
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputFileError(label, lang.FILE_UNREADABLE_VI.format(
            problem=exc.strerror or exc)) from None
    except UnicodeDecodeError:
        raise InputFileError(label, lang.YAML_NOT_UTF8_VI) from None


def _parse(text: str, label: str, parse: Callable[[str], T]) -> T:
    """``parse(text)`` with the size cap; a syntax error names its line, a value Python cannot
    build (a date that does not exist, an integer of thousands of digits) is refused too."""
    if len(text.encode("utf-8")) > MAX_YAML_BYTES:
        raise InputFileError(label, lang.YAML_OVER_LIMIT_VI.format(limit=MAX_YAML_BYTES))
    try:
        return parse(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = lang.AT_LINE_VI.format(line=mark.line + 1) if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise InputFileError(label, lang.YAML_INVALID_VI.format(where=where, problem=problem)
                             ) from None
    except ValueError as exc:  # raised while building a value, which has no mark
        raise InputFileError(label, lang.YAML_INVALID_VI.format(where="", problem=exc)
                             ) from None


def load(text: str, label: str, loader: type[yaml.SafeLoader] = NoAliasLoader) -> object:
    """Parse YAML text with a no-alias safe loader; a syntax error names its line."""
    return _parse(text, label, lambda t: yaml.load(t, Loader=loader))  # noqa: S506 - safe


def load_file(path: Path, label: str | None = None) -> object:
    label = label or str(path)
    return load(read_text(path, label), label)


def compose(text: str, label: str) -> yaml.Node | None:
    """The node tree of one YAML document (None when empty), every node with its marks."""
    return _parse(text, label, lambda t: yaml.compose(t, Loader=NoAliasLoader))


def compose_file(path: Path, label: str | None = None) -> yaml.Node | None:
    label = label or str(path)
    return compose(read_text(path, label), label)


def line(node: yaml.Node) -> int:
    """The line (from 1) a node starts on."""
    return node.start_mark.line + 1


class Scalars:
    """Builds the Python value of scalar nodes as the safe loader would (``"2022-03-15"``
    unquoted is a date, ``yes`` is True); one per document read."""

    def __init__(self) -> None:
        self._constructor = yaml.constructor.SafeConstructor()

    def value(self, node: yaml.ScalarNode) -> object:
        """The node's value; ValueError when it cannot be built (``2022-02-30``)."""
        try:
            return self._constructor.construct_object(node)
        except yaml.YAMLError as exc:
            raise ValueError(getattr(exc, "problem", None) or str(exc)) from None


# --------------------------------------------------------------------------------------
# A place in a composed file, and the words a message uses for what is written there
# --------------------------------------------------------------------------------------


def is_map(node: yaml.Node) -> bool:
    return isinstance(node, yaml.MappingNode) and node.tag == TAG + "map"


def is_seq(node: yaml.Node) -> bool:
    return isinstance(node, yaml.SequenceNode) and node.tag == TAG + "seq"


def is_str(node: yaml.Node) -> bool:
    """A string as written (quoted, or plain text YAML reads as no number, date or bool)."""
    return isinstance(node, yaml.ScalarNode) and node.tag == TAG + "str"


def is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == TAG + "null"


def short(text: object) -> str:
    """Written text as a message repeats it: one line, at most :data:`MAX_SHOWN` characters."""
    text = " ".join(str(text).split())
    return text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN - 1] + "…"


def shown(node: yaml.Node) -> str:
    """What a node holds, in words: ``số nguyên 5``, ``một danh sách``, ``để trống``."""
    if isinstance(node, yaml.MappingNode):
        return lang.SHOWN_MAPPING_VI
    if isinstance(node, yaml.SequenceNode):
        return lang.SHOWN_LIST_VI
    text, tag = short(node.value), node.tag.removeprefix(TAG)
    return lang.SHOWN_SCALARS_VI.get(tag, lang.SHOWN_OTHER_VI).format(text=text, tag=node.tag)


@dataclass(frozen=True)
class At:
    """A place in one composed file: the file as shown, the key path (``dossiers[0].columns``),
    the builder of its scalar values and the line of every value checked, by key path."""

    label: str
    path: str = ""
    scalars: Scalars = field(default_factory=Scalars, compare=False, repr=False)
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def key(self, name: str) -> At:
        return replace(self, path=f"{self.path}.{name}" if self.path else name)

    def item(self, index: int) -> At:
        return replace(self, path=f"{self.path}[{index}]")

    def fail(self, node: yaml.Node, problem: str) -> InputFileError:
        """``<file>: dòng <n>: <key path>: <problem>``, as one error."""
        where = f"{self.path}: " if self.path else ""
        return InputFileError(self.label, lang.AT_LINE_VI.format(line=line(node)) + where
                              + problem)

    def value(self, node: yaml.ScalarNode) -> object:
        try:
            return self.scalars.value(node)
        except ValueError as exc:
            raise self.fail(node, lang.VALUE_UNREADABLE_VI.format(value=short(node.value),
                                                                  problem=exc)) from None


def pairs(node: yaml.MappingNode, at: At) -> list[tuple[yaml.ScalarNode, yaml.Node]]:
    """The key and value nodes of a mapping; a key that is not a name, or written twice, is
    refused (a YAML loader would keep the last silently). A value left empty (``units:``)
    is on its key's line (YAML marks it where the next thing begins)."""
    seen: dict[str, yaml.Node] = {}
    out = []
    for key, value in node.value:
        if not isinstance(key, yaml.ScalarNode):
            raise at.fail(key, lang.KEY_NOT_A_NAME_VI.format(shown=shown(key)))
        if key.value in seen:
            raise at.fail(key, lang.KEY_TWICE_VI.format(
                key=short(key.value), first=line(seen[key.value]), second=line(key)))
        seen[key.value] = key
        if is_null(value) and value.value == "":
            value = yaml.ScalarNode(value.tag, "", key.start_mark, key.end_mark)
        out.append((key, value))
    return out


__all__ = ["MAX_SHOWN", "MAX_YAML_BYTES", "MAX_YAML_DEPTH", "TAG", "At", "NoAliasLoader",
           "Scalars", "compose", "compose_file", "is_map", "is_null", "is_seq", "is_str", "line",
           "load", "load_file", "pairs", "read_text", "short", "shown"]
