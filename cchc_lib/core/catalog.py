"""The project's paths and its data catalog: every input named once, in one YAML file.

``data/catalog.yml`` lists the sources (after Kedro's data catalog): units, procedure
catalogue, targets, plan tasks and dossier exports, each with a path relative to the
catalog file and its load options. ``include:`` pulls in another catalog (the shipped
sample is one). Relative paths given to the workbook resolve against the project root,
the nearest folder above the working directory that holds ``data/catalog.yml``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from cchc_lib.core import catalog_schema, schema, yamlfile
from cchc_lib.core.catalog_schema import SINGLE_SOURCES
from cchc_lib.core.errors import CchcError, InputFileError
from cchc_lib.core.lang import catalog as lang

CATALOG_FILE = Path("data/catalog.yml")
PROCESSED_DIR = Path("data/processed")
REPORTS_DIR = Path("reports")
NOTEBOOKS_DIR = Path("notebooks")
ROOT_ENV = "CCHC_PROJECT_DIR"
# the source names (SINGLE_SOURCES, and "dossiers") and their options are declared with the
# catalog's schema, core.catalog_schema, which checks every catalog read
REQUIRED_SOURCES = ("units", "catalogue")


@dataclass(frozen=True)
class Source:
    path: Path  # absolute, resolved against the catalog that named it
    label: str  # as the user wrote it, relative: used in messages and quarantine rows
    unit_code: str | None = None  # for exports that hold one unit and no unit column
    sheet: str | None = None  # XLSX: read only this sheet
    # spellings the office pins: column -> folded spelling -> code (wins over the rules)
    value_map: dict = field(default_factory=dict, hash=False, compare=False)
    exported_on: date | None = None  # no date in the file may be later than this
    # titles the office pins: match key of the title -> canonical column, or None (not read)
    columns: dict = field(default_factory=dict, hash=False, compare=False)
    table: str | None = None  # the table it is read as (None: the methodology, or by hand)
    # a dossier export's date order ("dmy", "mdy") for dates that read both ways, when no date
    # of the file shows it
    date_order: str | None = None


@dataclass(frozen=True)
class DataCatalog:
    path: Path
    sources: dict[str, Source] = field(default_factory=dict)
    dossiers: tuple[Source, ...] = ()
    personal_columns: tuple[str, ...] = ()
    value_map: dict = field(default_factory=dict, hash=False)  # for every source
    # titles pinned for every source whose table has the column (see pinned_columns)
    columns: dict = field(default_factory=dict, hash=False)
    date_order: str | None = None  # for every dossier export without its own


def project_root(start: Path | None = None) -> Path:
    """The project folder: ``$CCHC_PROJECT_DIR``, else the nearest parent with data/catalog.yml."""
    if os.environ.get(ROOT_ENV):
        return Path(os.environ[ROOT_ENV]).resolve()
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CATALOG_FILE).is_file():
            return folder
    raise CchcError(lang.PROJECT_NOT_FOUND_VI.format(catalog=CATALOG_FILE, here=here,
                                                     env=ROOT_ENV))


def resolve(path: str | Path) -> Path:
    """An absolute path: as given if absolute, else under the project root."""
    p = Path(path)
    return p if p.is_absolute() else project_root() / p


def value_map(spec: object, where: str) -> dict:
    """A ``value_map`` given as Python values (a test case's), checked as the catalog's are:
    column -> {spelling: code}, spellings folded, codes valid.

    ``value_map: {receive_channel: {"Một cửa điện tử": direct}}`` pins what a spelling
    means for that column; it wins over the meaning rules.
    """
    from cchc_lib.core.text import fold

    if spec is None:
        return {}
    if not isinstance(spec, dict):
        raise CchcError(lang.VALUE_MAP_NOT_MAPPING_VI.format(where=where))
    columns = catalog_schema.code_columns()
    out: dict[str, dict] = {}
    for column, pins in spec.items():
        if column not in columns:
            raise CchcError(lang.VALUE_MAP_NOT_CODE_COLUMN_VI.format(
                where=where, column=column, columns=", ".join(sorted(columns))))
        if not isinstance(pins, dict):
            raise CchcError(lang.VALUE_MAP_PINS_NOT_MAPPING_VI.format(where=where,
                                                                      column=column))
        out[column] = {}
        for spelling, code in pins.items():
            try:
                out[column][fold(spelling)] = catalog_schema.code_of(columns[column], code)
            except ValueError:
                codes = catalog_schema.codes_shown(columns[column])
                raise CchcError(lang.VALUE_MAP_NOT_A_CODE_VI.format(
                    where=where, column=column, spelling=spelling, code=code, codes=codes)
                ) from None
    return out


def _source(options: dict, base: Path, table: str | None) -> Source:
    """A source from its checked options (``path`` relative to ``base``)."""
    rel = Path(str(options["path"]))
    try:
        path = (base / rel).resolve()
    except (RuntimeError, OSError):  # Python raises RuntimeError on a symlink loop
        raise InputFileError(str(base / rel), lang.SYMLINK_LOOP_VI.format(
            what=lang.WHAT_FILE_VI)) from None
    return Source(path=path, label=_label(path), unit_code=options.get("unit_code"),
                  sheet=options.get("sheet"), value_map=options.get("value_map") or {},
                  exported_on=options.get("exported_on"), columns=options.get("columns") or {},
                  table=table, date_order=options.get("date_order"))


def _pins_on_top(under: dict, top: dict) -> dict:
    """Title pins ``top`` laid over ``under``: a title of ``top`` replaces the same title, and
    a column ``top`` pins drops the title ``under`` pinned to it (one title per column)."""
    taken = {column for column in top.values() if column is not None}
    return {**{k: c for k, c in under.items() if c not in taken}, **top}


def _label(path: Path) -> str:
    """A path as shown to people: relative to the project root when it lies inside it."""
    try:
        path = path.resolve()
        rel = Path(os.path.relpath(path, project_root())).as_posix()
    except (CchcError, ValueError, RuntimeError, OSError):
        return str(path)
    return str(path) if rel.startswith("..") else rel


MAX_INCLUDE_DEPTH = 8


def _real(file: Path, what: str) -> Path:
    try:
        return file.resolve()
    except (RuntimeError, OSError):
        raise InputFileError(str(file), lang.SYMLINK_LOOP_VI.format(what=what)) from None


def _include(target: Path, chain: tuple[Path, ...], label: str, line: int | None
             ) -> DataCatalog:
    """The catalog an ``include:`` names; a missing one, a loop or too deep a nesting is
    refused at the include's line of the including catalog."""
    where = (lang.AT_LINE_VI.format(line=line) if line else "") + "include: "
    if not target.exists() and not target.is_symlink():
        raise InputFileError(label, lang.INCLUDE_NOT_FOUND_VI.format(where=where,
                                                                     target=_label(target)))
    real = _real(target, lang.WHAT_CATALOG_VI)
    if real in chain:
        raise InputFileError(label, lang.INCLUDE_LOOP_VI.format(
            where=where, chain=" → ".join(_label(p) for p in (*chain, real))))
    if len(chain) >= MAX_INCLUDE_DEPTH:
        raise InputFileError(label, lang.INCLUDE_TOO_DEEP_VI.format(where=where,
                                                                    depth=MAX_INCLUDE_DEPTH))
    return load_catalog(target, chain)


def load_catalog(path: str | Path | None = None, _chain: tuple[Path, ...] = ()) -> DataCatalog:
    """Read a data catalog (and those it includes), checked against its schema
    (:mod:`cchc_lib.core.catalog_schema`); a bad one stops with a message naming the file,
    the line and what is allowed. Includes come first; this catalog's keys on top of them."""
    file = resolve(path or CATALOG_FILE)
    label = _label(file)
    if not file.exists() and not file.is_symlink():
        raise InputFileError(label, lang.CATALOG_NOT_FOUND_VI)
    real = _real(file, lang.WHAT_CATALOG_VI)
    spec, lines = catalog_schema.check(yamlfile.compose_file(file, label), label)
    base = file.parent
    sources: dict[str, Source] = {}
    dossiers: list[Source] = []
    personal: list[str] = []
    pins: dict[str, dict] = {}
    columns: dict[str, str | None] = {}
    subs = []
    for i, inc in enumerate(spec.get("include", ())):
        sub = _include(base / inc, (*_chain, real), label,
                       lines.get(f"include[{i}]", lines.get("include")))
        subs.append(sub)
        sources.update(sub.sources)
        dossiers.extend(sub.dossiers)
        personal.extend(sub.personal_columns)
        for column, m in sub.value_map.items():
            pins.setdefault(column, {}).update(m)
        columns = _pins_on_top(columns, sub.columns)
    for column, m in spec.get("value_map", {}).items():
        pins.setdefault(column, {}).update(m)
    columns = _pins_on_top(columns, spec.get("columns", {}))
    for name in SINGLE_SOURCES:
        if name in spec:
            sources[name] = _source(spec[name], base,
                                    None if name == "methodology" else name)
    dossiers.extend(_source(entry, base, "dossiers")
                    for entry in spec.get("dossiers", ()))
    personal.extend(spec.get("personal_columns", ()))
    date_order = spec.get("date_order") or next(
        (sub.date_order for sub in subs if sub.date_order), None)
    return DataCatalog(path=file, sources=sources, dossiers=tuple(dossiers),
                       personal_columns=tuple(personal), value_map=pins, columns=columns,
                       date_order=date_order)


SCHEMA_LINE = "# yaml-language-server: $schema="  # where editors find the JSON Schema


def with_schema_line(text: str, catalog_file: Path,
                     schema_file: Path = catalog_schema.SCHEMA_FILE) -> str:
    """A catalog's text whose first line tells editors (VS Code's YAML extension) where its
    JSON Schema is: ``schema_file`` relative to the catalog's folder (a file URI when it lies
    on another drive); a line saying it already is replaced."""
    try:
        where = Path(os.path.relpath(schema_file, catalog_file.parent)).as_posix()
    except ValueError:  # Windows: another drive
        where = schema_file.resolve().as_uri()
    kept = [ln for ln in text.splitlines(keepends=True) if not ln.startswith(SCHEMA_LINE)]
    return f"{SCHEMA_LINE}{where}\n" + "".join(kept)


def pinned(catalog: DataCatalog, source: Source) -> dict[str, dict]:
    """The spellings pinned for one source: the catalog's, then the source's own on top. Of
    the catalog's, only the pins its table can hold (``status: {...: returned}`` is a dossier
    status, not a plan task's)."""
    if source.table in schema.TABLES:
        columns = catalog_schema.code_columns((source.table,))
        held = {column: catalog_schema.codes_of(columns[column]) for column in columns}
        out = {column: {k: c for k, c in m.items() if c in held[column]}
               for column, m in catalog.value_map.items() if column in held}
        out = {column: m for column, m in out.items() if m}
    else:
        out = {column: dict(m) for column, m in catalog.value_map.items()}
    for column, m in source.value_map.items():
        out.setdefault(column, {}).update(m)
    return out


def pinned_columns(catalog: DataCatalog, source: Source) -> dict[str, str | None]:
    """The titles pinned for one source, keyed by the title's header-matching key
    (:func:`cchc_lib.core.text.match_key`): a canonical column of the source's table, or None
    (the column is not read). The catalog's pins that concern the source's table (a column of
    it, or None), then the source's own on top: a column the source pins drops the catalog's
    title for that column."""
    table = schema.TABLES.get(source.table or "")
    mine = {k: c for k, c in catalog.columns.items()
            if c is None or table is None or c in table.names}
    return _pins_on_top(mine, source.columns)


def with_overrides(catalog: DataCatalog, *, dossiers=None, catalogue=None, units_file=None,
                   unit: str | None = None) -> DataCatalog:
    """The catalog with some sources replaced by files named on the command line (the
    catalog's own pins, ``value_map`` and ``columns``, still apply to them): ``dossiers``
    (exports of ``unit`` when they have no unit column), the procedure ``catalogue``, the
    ``units_file``."""
    sources = dict(catalog.sources)
    here = Path.cwd()
    if catalogue:
        sources["catalogue"] = _source({"path": Path(catalogue).absolute()}, here, "catalogue")
    if units_file:
        sources["units"] = _source({"path": Path(units_file).absolute()}, here, "units")
    new_dossiers = catalog.dossiers
    if dossiers:
        new_dossiers = tuple(_source({"path": Path(d).absolute(), "unit_code": unit},
                                     here, "dossiers") for d in dossiers)
    return replace(catalog, sources=sources, dossiers=new_dossiers)


__all__ = [
    "CATALOG_FILE", "DataCatalog", "load_catalog", "MAX_INCLUDE_DEPTH", "NOTEBOOKS_DIR", "pinned",
    "pinned_columns", "PROCESSED_DIR", "project_root", "REPORTS_DIR", "REQUIRED_SOURCES",
    "resolve", "ROOT_ENV", "SCHEMA_LINE", "Source", "value_map", "with_overrides",
    "with_schema_line",
]
