"""The data catalog's schema, declared once: every key (top level and per source), its type,
whether it is required, what it may hold and what it means, in Vietnamese.

:func:`check` reads a composed catalog (:func:`cchc_lib.core.yamlfile.compose`, so every node
keeps its line) against the declaration and returns plain values; a problem is one
:class:`~cchc_lib.core.errors.InputFileError` naming the file, the line, the key path, what is
wrong and what is allowed. :func:`json_schema` writes the same declaration as a JSON Schema
(draft-07) for editors; the package ships it as ``cchc_lib/resources/catalog.schema.json``
(:func:`write_json_schema` rewrites it, a test holds it to the declaration).
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from cchc_lib.core import schema
from cchc_lib.core.errors import InputFileError
from cchc_lib.core.lang import catalog as lang
from cchc_lib.core.vi import CATALOG_SOURCES_VI
from cchc_lib.core.yamlfile import (
    TAG,
    At,
    is_map,
    is_null,
    is_seq,
    is_str,
    line,
    pairs,
    short,
    shown,
)
from cchc_lib.resources import HERE

# core.codes and core.text (pandas) are imported where used: the command line imports the
# catalog, and this module, before it needs any data library

SCHEMA_FILE = HERE / "catalog.schema.json"
JSON_SCHEMA_DRAFT = "http://json-schema.org/draft-07/schema#"
SINGLE_SOURCES = ("units", "catalogue", "targets", "plans", "plan_tasks", "calendar",
                  "self_assessment", "official_results", "plan_progress", "methodology")
_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")
DATE_ORDERS = ("dmy", "mdy")  # a dossier export's date order, when it does not show it


def _allowed(what: str, names: list[str], written: str) -> str:
    """``; các <what> dùng được: a, b, c`` and, for a near miss, the name probably meant."""
    near = difflib.get_close_matches(written, names, n=1, cutoff=0.75)
    hint = lang.ALLOWED_HINT_VI.format(name=near[0]) if near else ""
    return lang.ALLOWED_VI.format(what=what, names=", ".join(names), hint=hint)


def _or_null(spec: dict) -> dict:
    """``spec`` or null (a JSON Schema keyword for strings or objects ignores a null)."""
    if isinstance(spec.get("type"), str):
        return {**spec, "type": [spec["type"], "null"]}
    if "anyOf" in spec:
        return {**spec, "anyOf": [*spec["anyOf"], {"type": "null"}]}
    return {"anyOf": [spec, {"type": "null"}]}


# --------------------------------------------------------------------------------------
# Kinds of value: each checks a node (returning plain values) and writes its JSON Schema
# --------------------------------------------------------------------------------------


class Kind:
    expected = ""  # what the value must be, after "phải là"
    nullable = True  # written with nothing after the key: as if not written

    def json(self) -> dict:
        raise NotImplementedError

    def check(self, node: yaml.Node, at: At) -> object:
        raise NotImplementedError

    def wrong(self, node: yaml.Node, at: At) -> InputFileError:
        return at.fail(node, lang.MUST_BE_VI.format(expected=self.expected, shown=shown(node)))


@dataclass(frozen=True)
class Key:
    """One key of a mapping: its name, kind, Vietnamese description, whether required."""

    name: str
    kind: Kind
    description: str
    required: bool = False


class Text(Kind):
    """A string with something in it (quote a number: ``sheet: "2022"``)."""

    expected = lang.EXPECTED_TEXT_VI

    def json(self) -> dict:
        return {"type": "string", "pattern": r"\S"}

    def check(self, node: yaml.Node, at: At) -> str:
        if not is_str(node):
            raise self.wrong(node, at)
        if not node.value.strip():
            raise at.fail(node, lang.NOT_EMPTY_VI)
        return node.value


class Day(Kind):
    """A calendar day written YYYY-MM-DD (unquoted, YAML reads it as a date)."""

    expected = lang.EXPECTED_DAY_VI

    def json(self) -> dict:
        return {"type": "string", "pattern": r"^\d{4}-\d{1,2}-\d{1,2}$", "format": "date"}

    def check(self, node: yaml.Node, at: At) -> date:
        written = node.value.strip() if isinstance(node, yaml.ScalarNode) else ""
        if not (_DATE.fullmatch(written) and (is_str(node) or node.tag == TAG + "timestamp")):
            raise self.wrong(node, at)  # a time after the day too: not a day
        try:
            return datetime.strptime(written, "%Y-%m-%d").date()
        except ValueError:
            raise at.fail(node, lang.DAY_NOT_REAL_VI.format(day=written)) from None


@dataclass(frozen=True)
class Choice(Kind):
    """One of a few words."""

    words: tuple[str, ...] = ()

    def json(self) -> dict:
        return {"type": "string", "enum": list(self.words)}

    def check(self, node: yaml.Node, at: At) -> str:
        if not is_str(node) or node.value not in self.words:
            raise at.fail(node, lang.MUST_BE_ONE_OF_VI.format(words=", ".join(self.words),
                                                              shown=shown(node)))
        return node.value


class Texts(Kind):
    """A list of strings, or one string as a list of one."""

    expected = lang.EXPECTED_TEXTS_VI
    item = Text()

    def json(self) -> dict:
        return {"anyOf": [self.item.json(), {"type": "array", "items": self.item.json()}]}

    def check(self, node: yaml.Node, at: At) -> tuple[str, ...]:
        if is_str(node):
            return (self.item.check(node, at),)
        if not is_seq(node):
            raise self.wrong(node, at)
        return tuple(self._item(n, at.item(i)) for i, n in enumerate(node.value))

    def _item(self, node: yaml.Node, at: At) -> str:
        at.lines[at.path] = line(node)
        return self.item.check(node, at)


@dataclass(frozen=True)
class Fields(Kind):
    """A mapping of declared keys: an unknown key, a key written twice or a required key
    missing is refused."""

    keys: tuple[Key, ...]
    expected: str = lang.EXPECTED_FIELDS_VI

    def names(self) -> list[str]:
        return [k.name for k in self.keys]

    def json(self) -> dict:
        properties = {}
        for key in self.keys:
            spec = key.kind.json()
            spec = _or_null(spec) if key.kind.nullable and not key.required else spec
            properties[key.name] = {"description": key.description, **spec}
        out = {"type": "object", "properties": properties, "additionalProperties": False}
        required = [k.name for k in self.keys if k.required]
        return {**out, "required": required} if required else out

    def check(self, node: yaml.Node, at: At) -> dict[str, object]:
        if not is_map(node):
            raise self.wrong(node, at)
        declared = {k.name: k for k in self.keys}
        out: dict[str, object] = {}
        for key_node, value in pairs(node, at):
            key = declared.get(key_node.value)
            if key is None:
                raise at.fail(key_node, lang.KEY_UNKNOWN_VI.format(key=short(key_node.value))
                              + _allowed(lang.WHAT_KEY_VI, self.names(), key_node.value))
            sub = at.key(key.name)
            at.lines[sub.path] = line(value)
            if not (key.kind.nullable and is_null(value) and not key.required):
                out[key.name] = key.kind.check(value, sub)
        missing = [k for k in self.keys if k.required and k.name not in out]
        if missing:
            raise at.fail(node, lang.KEY_MISSING_VI.format(key=missing[0].name,
                                                           description=missing[0].description))
        return out


@dataclass(frozen=True)
class SourceSpec(Kind):
    """One input file: its path, or a mapping of its options (``path`` required)."""

    options: Fields
    expected: str = lang.EXPECTED_SOURCE_VI
    nullable: bool = False

    def json(self) -> dict:
        return {"anyOf": [{"type": "string", "pattern": r"\S",
                           "description": lang.SOURCE_PATH_ONLY_DESCRIPTION_VI},
                          self.options.json()]}

    def check(self, node: yaml.Node, at: At) -> dict[str, object]:
        if is_str(node):
            at.lines[at.key("path").path] = line(node)
            return {"path": Text().check(node, at)}
        if not is_map(node):
            raise self.wrong(node, at)
        return self.options.check(node, at)


@dataclass(frozen=True)
class SourceList(Kind):
    """Several input files of one table (or one, as a list of one)."""

    source: SourceSpec
    expected: str = lang.EXPECTED_SOURCE_LIST_VI

    def json(self) -> dict:
        one = self.source.json()
        return {"anyOf": [{"type": "array", "items": one}, *one["anyOf"]]}

    def check(self, node: yaml.Node, at: At) -> list[dict[str, object]]:
        if not is_seq(node):
            return [self.source.check(node, at)]
        return [self.source.check(n, at.item(i)) for i, n in enumerate(node.value)]


@dataclass(frozen=True)
class ColumnPins(Kind):
    """``{"Tiêu đề như trong tệp": canonical_column | null}``: which canonical column of
    ``tables`` a title holds, or (null) that it is not read. Checked: the column is one of
    those tables'; no two titles of one mapping pin one column or match alike (the same
    :func:`~cchc_lib.core.text.match_key`); a title of personal data is pinned to null only.
    Returns the pins keyed by the title's match key."""

    tables: tuple[str, ...]
    expected: str = lang.EXPECTED_COLUMN_PINS_VI

    def names(self) -> list[str]:
        names = dict.fromkeys(c for t in self.tables for c in schema.TABLES[t].names)
        return list(names) if len(self.tables) == 1 else sorted(names)

    def whose(self) -> str:
        if len(self.tables) == 1:
            table = schema.TABLES[self.tables[0]]
            return lang.OF_TABLE_VI.format(label=table.label_vi, name=table.name)
        return lang.OF_ANY_TABLE_VI

    def json(self) -> dict:
        return {"type": "object", "propertyNames": {"pattern": r"[0-9A-Za-z\u00C0-\u1EF9]"},
                "additionalProperties": {"enum": [*self.names(), None]}}

    def check(self, node: yaml.Node, at: At) -> dict[str, str | None]:
        from cchc_lib.core.text import match_key

        if not is_map(node):
            raise self.wrong(node, at)
        personal = tuple(match_key(a) for a in schema.PERSONAL_ALIASES)
        names = self.names()
        out: dict[str, str | None] = {}
        titles: dict[str, yaml.ScalarNode] = {}  # match key -> the title's node
        pinned: dict[str, yaml.ScalarNode] = {}  # column -> the title's node
        for title, value in pairs(node, at):
            key, written = match_key(title.value), short(title.value)
            if not key:
                raise at.fail(title, lang.TITLE_NO_LETTERS_VI.format(title=written))
            if key in titles:
                raise at.fail(title, lang.TITLE_TWICE_VI.format(
                    title=written, other=short(titles[key].value), line=line(titles[key])))
            column = None
            if not is_null(value):
                if not (is_str(value) and value.value in names):
                    what = (f"'{short(value.value)}'" if isinstance(value, yaml.ScalarNode)
                            else shown(value))
                    raise at.fail(value, lang.NOT_A_COLUMN_OF_VI.format(
                        title=written, what=what, whose=self.whose())
                        + _allowed(lang.WHAT_COLUMN_VI, names, str(getattr(value, "value", ""))))
                column = value.value
                if any(p in key for p in personal):
                    raise at.fail(title, lang.PERSONAL_TITLE_PINNED_VI.format(title=written))
                if column in pinned:
                    first = pinned[column]
                    raise at.fail(title, lang.TWO_TITLES_ONE_COLUMN_VI.format(
                        column=column, first=short(first.value), first_line=line(first),
                        title=written, line=line(title)))
                pinned[column] = title
            titles[key] = title
            out[key] = column
        return out


# --------------------------------------------------------------------------------------
# value_map: the spellings an office pins for a code column
# --------------------------------------------------------------------------------------


def code_columns(tables: tuple[str, ...] = ()) -> dict[str, tuple[schema.Column, ...]]:
    """The columns a ``value_map`` may name, by name: the code, flag and fee columns of
    ``tables`` (every table by default; ``status`` is a column of two)."""
    out: dict[str, tuple[schema.Column, ...]] = {}
    for table in tables or tuple(schema.TABLES):
        for col in schema.TABLES[table].columns:
            if col.kind in ("code", "flag", "fee"):
                out[col.name] = (*out.get(col.name, ()), col)
    return out


def codes_of(columns: tuple[schema.Column, ...]) -> list:
    """The codes columns of one name may hold (True/False for a flag or fee)."""
    from cchc_lib.core.codes import family_of

    return list(dict.fromkeys(code for col in columns
                              for code in schema.VOCABULARIES[family_of(col).name]))


def code_of(columns: tuple[schema.Column, ...], written: object) -> object:
    """The code a ``value_map`` pin names for columns of one name; a flag's may be written
    by meaning ("Có", 1). ValueError when it names none of their codes."""
    from cchc_lib.core.codes import family_of

    for col in columns:
        family = family_of(col)
        code = written
        if family.name == "flag" and not isinstance(code, bool):
            code = family.read(code)[0] if isinstance(code, str | int | float) else None
        if isinstance(code, bool) == (family.name == "flag") and code in codes_of((col,)):
            return code
    raise ValueError(written)


def codes_shown(columns: tuple[schema.Column, ...]) -> str:
    return ", ".join(str(c).lower() for c in codes_of(columns))


@dataclass(frozen=True)
class ValueMap(Kind):
    """``{column: {spelling: code}}`` for the code columns of ``tables``: each code one of
    its column's; the spellings folded (:func:`~cchc_lib.core.text.fold`), two that fold
    alike pinned to two codes refused."""

    tables: tuple[str, ...]
    expected: str = lang.EXPECTED_VALUE_MAP_VI

    def json(self) -> dict:
        props = {}
        for name, columns in code_columns(self.tables).items():
            code = ({"type": ["boolean", "integer", "string"]}
                    if columns[0].kind in ("flag", "fee") else {"enum": codes_of(columns)})
            props[name] = {"description": lang.VALUE_MAP_COLUMN_DESCRIPTION_VI.format(
                               column=name, codes=codes_shown(columns)),
                           "type": "object", "additionalProperties": code}
        return {"type": "object", "properties": props, "additionalProperties": False}

    def check(self, node: yaml.Node, at: At) -> dict[str, dict]:
        from cchc_lib.core.text import fold

        if not is_map(node):
            raise self.wrong(node, at)
        columns = code_columns(self.tables)
        names = sorted(columns)
        out: dict[str, dict] = {}
        for key, pins in pairs(node, at):
            column = key.value
            if column not in columns:
                raise at.fail(key, lang.COLUMN_HOLDS_NO_CODE_VI.format(column=short(column))
                              + _allowed(lang.WHAT_CODE_COLUMN_VI, names, column))
            sub = at.key(column)
            if not (is_map(pins)):
                raise sub.fail(pins, lang.PINS_NOT_MAPPING_VI.format(shown=shown(pins)))
            out[column] = {}
            first: dict[str, yaml.ScalarNode] = {}  # folded spelling -> where it was written
            for spelling, code in pairs(pins, sub):
                written = sub.value(code) if isinstance(code, yaml.ScalarNode) else None
                what = short(code.value) if isinstance(code, yaml.ScalarNode) else shown(code)
                try:
                    meant = code_of(columns[column], written)
                except ValueError:
                    raise sub.fail(code, lang.PIN_NOT_A_CODE_VI.format(
                        spelling=short(spelling.value), code=what, column=column,
                        codes=codes_shown(columns[column]))) from None
                folded = fold(spelling.value)
                if out[column].get(folded, meant) != meant:
                    raise sub.fail(spelling, lang.SPELLING_TWICE_VI.format(
                        spelling=short(spelling.value), other=short(first[folded].value),
                        line=line(first[folded])))
                out[column][folded], first[folded] = meant, spelling
        return out


# --------------------------------------------------------------------------------------
# The declaration
# --------------------------------------------------------------------------------------



def _source(table: str) -> SourceSpec:
    """The options of a source of ``table`` (``value_map`` only when it has a code column)."""
    label = schema.TABLES[table].label_vi
    about = lang.SOURCE_OPTION_DESCRIPTIONS_VI
    value_map = (Key("value_map", ValueMap((table,)), about["value_map"]),) \
        if code_columns((table,)) else ()
    return SourceSpec(Fields((
        Key("path", Text(), about["path"], required=True),
        Key("unit_code", Text(), about["unit_code"]),
        Key("sheet", Text(), about["sheet"]),
        Key("exported_on", Day(), about["exported_on"]),
        *((Key("date_order", Choice(DATE_ORDERS), about["date_order"]),)
          if table == "dossiers" else ()),
        *value_map,
        Key("columns", ColumnPins((table,)), about["columns"].format(label=label)),
    ), expected=lang.EXPECTED_SOURCE_OPTIONS_VI))


METHODOLOGY = SourceSpec(Fields((
    Key("path", Text(), lang.METHODOLOGY_PATH_DESCRIPTION_VI, required=True),),
    expected=lang.EXPECTED_SOURCE_OPTIONS_VI))

CATALOG = Fields((
    *(Key(name, METHODOLOGY if name == "methodology" else _source(name), CATALOG_SOURCES_VI[name])
      for name in SINGLE_SOURCES),
    Key("dossiers", SourceList(_source("dossiers")), CATALOG_SOURCES_VI["dossiers"]),
    *(Key(name, kind, CATALOG_SOURCES_VI[name]) for name, kind in (
        ("personal_columns", Texts()), ("value_map", ValueMap(tuple(schema.TABLES))),
        ("columns", ColumnPins(tuple(schema.TABLES))), ("date_order", Choice(DATE_ORDERS)),
        ("include", Texts()), ("description", Text()))),
), expected=lang.EXPECTED_CATALOG_VI)
SOURCE_OPTIONS = tuple(_source("dossiers").options.names())


def check(node: yaml.Node | None, label: str) -> tuple[dict[str, Any], dict[str, int]]:
    """A composed catalog checked against :data:`CATALOG`: its plain values (sources as
    option dicts, ``columns`` keyed by match key, ``value_map`` spellings folded) and the
    line of every value by key path (``include[1]``)."""
    if node is None or is_null(node):
        return {}, {}
    at = At(label)
    if not is_map(node):
        raise at.fail(node, lang.CATALOG_NOT_MAPPING_VI.format(shown=shown(node)))
    return CATALOG.check(node, at), at.lines


def json_schema() -> dict:
    """The JSON Schema (draft-07) of the data catalog, from :data:`CATALOG`."""
    return {"$schema": JSON_SCHEMA_DRAFT,
            "title": lang.CATALOG_SCHEMA_TITLE_VI,
            "description": lang.CATALOG_SCHEMA_DESCRIPTION_VI,
            **CATALOG.json()}


def schema_text() -> str:
    """:func:`json_schema` as the shipped file's text."""
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


def write_json_schema(path: Path = SCHEMA_FILE) -> Path:
    """Write the JSON Schema (the shipped file by default); the path written."""
    path.write_text(schema_text(), encoding="utf-8", newline="\n")
    return path


__all__ = ["CATALOG", "SCHEMA_FILE", "SINGLE_SOURCES", "SOURCE_OPTIONS", "ColumnPins", "Fields",
           "Key", "Kind", "ValueMap", "check", "code_columns", "code_of", "codes_of",
           "codes_shown", "json_schema", "schema_text", "write_json_schema"]
