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

from cchc_lib.core import yamlfile
from cchc_lib.core.errors import CchcError, InputFileError

CATALOG_FILE = Path("data/catalog.yml")
PROCESSED_DIR = Path("data/processed")
REPORTS_DIR = Path("reports")
NOTEBOOKS_DIR = Path("notebooks")
ROOT_ENV = "CCHC_PROJECT_DIR"
SINGLE_SOURCES = ("units", "catalogue", "targets", "plans", "plan_tasks",
                   "calendar", "self_assessment",
                  "official_results", "plan_progress", "methodology")
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


@dataclass(frozen=True)
class DataCatalog:
    path: Path
    sources: dict[str, Source] = field(default_factory=dict)
    dossiers: tuple[Source, ...] = ()
    personal_columns: tuple[str, ...] = ()
    value_map: dict = field(default_factory=dict, hash=False)  # for every source


def project_root(start: Path | None = None) -> Path:
    """The project folder: ``$CCHC_PROJECT_DIR``, else the nearest parent with data/catalog.yml."""
    if os.environ.get(ROOT_ENV):
        return Path(os.environ[ROOT_ENV]).resolve()
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CATALOG_FILE).is_file():
            return folder
    raise CchcError(
        f"không tìm thấy dự án: không có {CATALOG_FILE} trong {here} hay thư mục nào phía "
        f"trên (hãy chạy trong thư mục sổ tay, hoặc đặt {ROOT_ENV})")


def resolve(path: str | Path) -> Path:
    """An absolute path: as given if absolute, else under the project root."""
    p = Path(path)
    return p if p.is_absolute() else project_root() / p


SOURCE_OPTIONS = ("path", "unit_code", "sheet", "value_map", "exported_on")


def value_map(spec: object, where: str) -> dict:
    """A ``value_map:`` checked: column -> {spelling: code}, spellings folded, codes valid.

    ``value_map: {receive_channel: {"Một cửa điện tử": direct}}`` pins what a spelling
    means for that column; it wins over the meaning rules.
    """
    from cchc_lib.core import schema
    from cchc_lib.core.codes import family_of
    from cchc_lib.core.text import fold

    if spec is None:
        return {}
    if not isinstance(spec, dict):
        raise CchcError(f"{where}: value_map phải có dạng cột -> {{cách viết: mã}}")
    columns = {c.name: c for t in schema.TABLES.values() for c in t.columns
               if c.kind in ("code", "flag", "fee")}
    out: dict[str, dict] = {}
    for column, pins in spec.items():
        if column not in columns:
            raise CchcError(f"{where}: value_map nêu cột '{column}', cột này không chứa "
                            f"mã (các cột có mã: {', '.join(sorted(columns))})")
        col = columns[column]
        family = family_of(col)
        allowed = list(schema.VOCABULARIES[family.name])
        if not isinstance(pins, dict):
            raise CchcError(f"{where}: value_map.{column} phải có dạng cách viết -> mã")
        out[column] = {}
        for spelling, code in pins.items():
            if family.name == "flag" and not isinstance(code, bool):
                code = family.read(code)[0] if code is not None else None
            if code not in allowed:
                raise CchcError(f"{where}: value_map.{column}: '{spelling}' -> '{code}' "
                                f"không phải mã của cột {column} (các mã: "
                                f"{', '.join(str(a) for a in allowed)})")
            out[column][fold(spelling)] = code
    return out


def _source(entry: object, base: Path, where: str) -> Source:
    if isinstance(entry, str):
        entry = {"path": entry}
    if not isinstance(entry, dict) or "path" not in entry:
        raise CchcError(f"{where}: mỗi nguồn dữ liệu cần có 'path' (đường dẫn tệp)")
    unknown = set(entry) - set(SOURCE_OPTIONS)
    if unknown:
        raise CchcError(f"{where}: tùy chọn không dùng được: "
                        f"{', '.join(sorted(map(str, unknown)))}; dùng được: "
                        f"{', '.join(SOURCE_OPTIONS)}")
    exported = entry.get("exported_on")
    if exported is not None and not isinstance(exported, date):
        raise CchcError(f"{where}: exported_on là ngày, viết YYYY-MM-DD")
    rel = Path(str(entry["path"]))
    try:
        path = (base / rel).resolve()
    except (RuntimeError, OSError):  # Python raises RuntimeError on a symlink loop
        raise InputFileError(str(base / rel), "vòng lặp liên kết tượng trưng (symlink): sửa "
                             "liên kết hoặc ghi đường dẫn thật của tệp") from None
    return Source(path=path, label=_label(path),
                  unit_code=entry.get("unit_code"), sheet=entry.get("sheet"),
                  value_map=value_map(entry.get("value_map"), where), exported_on=exported)


def _label(path: Path) -> str:
    """A path as shown to people: relative to the project root when it lies inside it."""
    try:
        path = path.resolve()
        rel = Path(os.path.relpath(path, project_root())).as_posix()
    except (CchcError, ValueError, RuntimeError, OSError):
        return str(path)
    return str(path) if rel.startswith("..") else rel


MAX_INCLUDE_DEPTH = 8


def load_catalog(path: str | Path | None = None, _chain: tuple[Path, ...] = ()) -> DataCatalog:
    """Read a data catalog (and those it includes); a bad one stops with a message."""
    file = resolve(path or CATALOG_FILE)
    if not file.exists() and not file.is_symlink():
        raise InputFileError(_label(file), "không tìm thấy danh mục dữ liệu")
    try:
        real = file.resolve()
    except (RuntimeError, OSError):
        raise InputFileError(str(file), "vòng lặp liên kết tượng trưng (symlink): sửa liên "
                             "kết hoặc ghi đường dẫn thật của danh mục dữ liệu") from None
    if real in _chain:
        raise InputFileError(_label(file), "danh mục dữ liệu tự include chính nó (vòng lặp "
                             "include: " + " → ".join(_label(p) for p in (*_chain, real)) + ")")
    if len(_chain) >= MAX_INCLUDE_DEPTH:
        raise InputFileError(_label(file), f"include lồng quá {MAX_INCLUDE_DEPTH} cấp")
    spec = yamlfile.load_file(file, _label(file)) or {}
    if not isinstance(spec, dict):
        raise InputFileError(_label(file),
                             "danh mục dữ liệu phải liệt kê các nguồn theo tên (tên: tệp)")
    base = file.parent
    sources: dict[str, Source] = {}
    dossiers: list[Source] = []
    personal: list[str] = []
    pins: dict[str, dict] = {}
    includes = spec.get("include") or []
    for inc in [includes] if isinstance(includes, str) else includes:
        sub = load_catalog(base / str(inc), (*_chain, real))
        sources.update(sub.sources)
        dossiers.extend(sub.dossiers)
        personal.extend(sub.personal_columns)
        for column, m in sub.value_map.items():
            pins.setdefault(column, {}).update(m)
    for column, m in value_map(spec.get("value_map"), f"{_label(file)}: value_map").items():
        pins.setdefault(column, {}).update(m)
    for name in SINGLE_SOURCES:
        if name in spec:
            sources[name] = _source(spec[name], base, f"{_label(file)}: {name}")
    for i, entry in enumerate(spec.get("dossiers") or []):
        dossiers.append(_source(entry, base, f"{_label(file)}: dossiers[{i}]"))
    personal.extend(str(c) for c in spec.get("personal_columns") or [])
    return DataCatalog(path=file, sources=sources, dossiers=tuple(dossiers),
                       personal_columns=tuple(personal), value_map=pins)


def pinned(catalog: DataCatalog, source: Source) -> dict[str, dict]:
    """The spellings pinned for one source: the catalog's, then the source's own on top."""
    out = {column: dict(m) for column, m in catalog.value_map.items()}
    for column, m in source.value_map.items():
        out.setdefault(column, {}).update(m)
    return out


def with_overrides(catalog: DataCatalog, *, dossiers=None, catalogue=None, units=None,
                   unit_code: str | None = None) -> DataCatalog:
    """The catalog with some sources replaced by files named on the command line."""
    sources = dict(catalog.sources)
    here = Path.cwd()
    if catalogue:
        sources["catalogue"] = _source(str(Path(catalogue).absolute()), here, "--catalogue")
    if units:
        sources["units"] = _source(str(Path(units).absolute()), here, "--units")
    new_dossiers = catalog.dossiers
    if dossiers:
        new_dossiers = tuple(
            _source({"path": str(Path(d).absolute()), **({"unit_code": unit_code} if unit_code
                                                         else {})}, here, "--dossiers")
            for d in dossiers)
    return replace(catalog, sources=sources, dossiers=new_dossiers)
