"""Ingest: raw exports (CSV/XLSX) -> canonical Parquet tables, quarantine and summary.

Flow per file: read it (:mod:`cchc_lib.ingest.readers`: kind, encoding, delimiter, header
found by content) -> map headers to canonical columns -> drop personal-data columns before
any value is looked at (:mod:`cchc_lib.ingest.columns`) -> set aside rows that are not data
(blank, column numbers, totals) -> parse values by column kind -> mark rows that break a rule
with reasons (:mod:`cchc_lib.ingest.checks`) -> accepted rows to the table, the rest to the
quarantine (:mod:`cchc_lib.ingest.result`). For every file, ``rows_in = accepted +
quarantined``; :func:`ingest` checks it. :mod:`cchc_lib.ingest.store` writes the tables.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from cchc_lib.core import indicator_registry as registry
from cchc_lib.core import schema
from cchc_lib.core.calendar import WorkCalendar
from cchc_lib.core.catalog import (
    PROCESSED_DIR,
    DataCatalog,
    Source,
    load_catalog,
    resolve,
    with_overrides,
)
from cchc_lib.core.errors import CchcError
from cchc_lib.core.lang import ingest as lang
from cchc_lib.core.schema import Table
from cchc_lib.core.text import shown_values
from cchc_lib.ingest.cache import IngestCache, Parsed, cache_dir
from cchc_lib.ingest.checks import (
    check_dossier_rules,
    check_plausible_dates,
    check_reference_rows,
    complete_dossiers,
    mark_duplicates,
)
from cchc_lib.ingest.columns import Reasons
from cchc_lib.ingest.evidence import EVIDENCE_DIR, check_evidence_files
from cchc_lib.ingest.memory import release_memory
from cchc_lib.ingest.parse import parse_files, take_rows
from cchc_lib.ingest.result import (
    QUARANTINE_COLUMNS,
    SOURCE_COLUMNS,
    FileReport,
    IngestResult,
)
from cchc_lib.ingest.rules import NO_END_DATES
from cchc_lib.ingest.store import write_processed
from cchc_lib.ingest.validation import validate

# tables in the order they are read: dossiers need the catalogue and the calendar
TABLE_ORDER = (schema.UNITS, schema.CATALOGUE, schema.CALENDAR, schema.TARGETS,
               schema.PLANS, schema.PLAN_TASKS, schema.SELF_ASSESSMENT, schema.OFFICIAL_RESULTS,
               schema.PLAN_PROGRESS, schema.DOSSIERS)



def _read_table(sources: list[Source], table: Table, catalog: DataCatalog,
                cache: IngestCache | None = None
                ) -> tuple[pd.DataFrame, Reasons, list[FileReport]]:
    frames: list[pd.DataFrame] = []
    reasons_list: list[Reasons] = []
    reports: list[FileReport] = []
    found: list[tuple[str | None, list[Parsed] | None]] = [
        cache.lookup(s, table, catalog) if cache is not None else (None, None) for s in sources]
    todo = [i for i, (_, kept) in enumerate(found) if kept is None]
    fresh = dict(zip(todo, parse_files([sources[i] for i in todo], table, catalog),
                     strict=True))
    for i, source in enumerate(sources):
        key, kept = found[i]
        parsed = fresh[i] if i in fresh else kept or []
        if i in fresh and cache is not None and key is not None:
            cache.store(key, source, parsed)
        for frame, reasons, report in parsed:
            if frame is not None and reasons is not None:
                frames.append(frame)
                reasons_list.append(reasons)
            reports.append(report)
    if not frames:
        empty = pd.DataFrame({c.name: pd.Series(dtype=schema.KIND_DTYPES[c.kind])
                              for c in table.columns})
        empty[SOURCE_COLUMNS] = pd.DataFrame({"source_file": pd.Series(dtype="string"),
                                              "source_sheet": pd.Series(dtype="string"),
                                              "source_row": pd.Series(dtype="int64")})
        return empty, Reasons(empty.index), []
    frame = pd.concat(frames, ignore_index=True)
    del frames, fresh, found
    release_memory()  # the files' text, parsed
    return frame, Reasons.concat(reasons_list, frame.index), reports


def _without_end_dates(reports: list[FileReport]) -> list[str]:
    """The exports without a column of the day processing ended: a dossier resolved and not
    yet returned has no end date there, and is not set aside for it."""
    return sorted({r.file for r in reports if "finished_at" in r.columns_missing})


def _codes_for_names(frame: pd.DataFrame, units: pd.DataFrame,
                     reports: list[FileReport]) -> None:
    """A unit written by its name in an export ("UBND Phường 2") is read as its code, and each
    file's report says so with how many rows."""
    from cchc_lib.core.formats import integer
    from cchc_lib.core.units import codes_for_names

    before = frame.unit_code
    after = codes_for_names(before, units)
    changed = (before != after).fillna(False).astype(bool)
    if not changed.any():
        return
    frame["unit_code"] = after
    counts = frame[changed].groupby(["source_file", "source_sheet"]).size()
    for r in reports:
        if (r.file, r.sheet) in counts.index:
            said = lang.UNIT_FROM_NAMES_NOTE_VI.format(
                rows=integer(int(counts[(r.file, r.sheet)])))
            r.note = "; ".join(p for p in (r.note, said) if p)


def _ids_shown(frame: pd.DataFrame, column: str, known_units: pd.Series | None) -> pd.Series:
    """An id column as the quarantine may show it: a code as it is, anything else (a name
    or phone number that slid into it) as ``<văn bản, …>`` / ``<số, …>``; a known unit code
    always as it is."""
    values = frame.get(column, pd.Series(pd.NA, index=frame.index, dtype="string"))
    shown = shown_values(values, "code")
    if column == "unit_code" and known_units is not None:
        shown = shown.mask(values.isin(known_units), values)
    return shown


def _quarantine_rows(table: Table, frame: pd.DataFrame, reasons: Reasons,
                     known_units: pd.Series | None = None) -> pd.DataFrame:
    bad = reasons.rejected
    rejected = frame[bad]  # ids are shown for the rows set aside only
    return pd.DataFrame({
        "table": table.name,
        "source_file": frame.source_file[bad],
        "source_sheet": frame.source_sheet[bad],
        "source_row": frame.source_row[bad],
        "reasons": reasons.text[bad],
        **{c: _ids_shown(rejected, c, known_units)
           for c in ("unit_code", "dossier_id", "procedure_code")},
        # so that a report can say how many of *its period's* dossiers were set aside
        "received_at": frame.get("received_at", pd.Series(pd.NaT, index=frame.index,
                                                          dtype="datetime64[us]"))[bad],
        "detail": reasons.detail[bad],
    })


def _count(reports: list[FileReport], frame: pd.DataFrame, accepted: pd.Series) -> None:
    per_file = pd.DataFrame({"f": frame.source_file, "s": frame.source_sheet, "ok": accepted})
    counts = per_file.groupby(["f", "s"])["ok"].agg(["sum", "size"])
    for r in reports:
        ok, size = counts.loc[(r.file, r.sheet)] if (r.file, r.sheet) in counts.index else (0, 0)
        r.accepted, r.quarantined = int(ok), int(size - ok)
        if r.rows_in != r.accepted + r.quarantined:  # the promise of data_contract.md
            raise AssertionError(f"{r.file}: {r.rows_in} rows in, {r.accepted} accepted, "
                                 f"{r.quarantined} quarantined")


def evidence_folder(catalog: DataCatalog) -> Path:
    """The workbook's evidence folder, ``data/evidence`` of the catalog's project (the
    nearest folder above it holding data/catalog.yml; the catalog's own folder for one
    outside any project)."""
    from cchc_lib.core.catalog import project_root

    try:
        return project_root(catalog.path.parent) / EVIDENCE_DIR
    except CchcError:
        return catalog.path.parent / EVIDENCE_DIR


def _evidence_files(frame: pd.DataFrame, reasons: Reasons, reports: list[FileReport],
                    folder: Path) -> None:
    """The files each row's evidence names (ingest.evidence): a name leading outside the
    evidence folder sets the row aside; files not there are kept as missing, and each file
    read says how many."""
    found = check_evidence_files(frame.evidence, folder)
    reasons.add(found.outside, "evidence_outside", "evidence")
    frame["evidence_files"] = found.files
    frame["evidence_missing"] = found.missing
    gone = frame[found.missing.notna() & ~reasons.rejected]
    for r in reports:
        n = int(((gone.source_file == r.file) & (gone.source_sheet == r.sheet)).sum())
        if n:
            extra = lang.EVIDENCE_MISSING_NOTE_VI.format(n=n, folder=EVIDENCE_DIR.as_posix())
            r.note = "; ".join(p for p in (r.note, extra) if p)


def _finish(table: Table, frame: pd.DataFrame) -> pd.DataFrame:
    cols = [*table.names, *[c for c in table.derived if c in frame], *SOURCE_COLUMNS]
    out = frame[cols].reset_index(drop=True)
    return out.astype({"source_file": "string", "source_sheet": "string",
                       "source_row": "int64", **table.derived})


def stable_order(frame: pd.DataFrame, columns: list[str]) -> np.ndarray:
    """The positions that sort ``frame`` by ``columns``, ties in their order, blanks last: as
    ``sort_values(kind="stable")``, sorted by Arrow (pandas first turns text keys into
    categories, the larger part of its time)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    keys = pa.Table.from_pandas(frame[columns], preserve_index=False)
    return pc.sort_indices(keys, sort_keys=[(c, "ascending", "at_end") for c in columns]
                           ).to_numpy()


def _latest_dates(frame: pd.DataFrame, sources: list[Source], today: date) -> pd.Series:
    """Per row: the end of the day its export was made (``exported_on``, else the run day)."""
    exported = {s.label: pd.Timestamp(s.exported_on or today) for s in sources}
    days = frame.source_file.map(exported).fillna(pd.Timestamp(today))
    return days.astype("datetime64[us]") + pd.Timedelta(days=1) - pd.Timedelta(microseconds=1)


def ingest(catalog: DataCatalog, today: date | None = None,
           cache: IngestCache | None = None) -> IngestResult:
    """Read every source of the catalog into canonical tables; nothing is written (but the
    ``cache`` of each file's parsed blocks, when given: a file unchanged since is not parsed
    again).

    ``today``: the day of the run (default: the system date); no date may lie after it.
    """
    today = today or date.today()
    for name in ("units", "catalogue"):
        if name not in catalog.sources:
            raise CchcError(lang.CATALOG_SOURCE_MISSING_VI.format(catalog=catalog.path.name,
                                                                  name=name))
    if not catalog.dossiers:
        raise CchcError(lang.CATALOG_NO_DOSSIERS_VI.format(catalog=catalog.path.name))
    tables: dict[str, pd.DataFrame] = {}
    quarantine: list[pd.DataFrame] = []
    reports: list[FileReport] = []
    methodology = None
    if "methodology" in catalog.sources:  # refused here, with its line, if malformed
        from cchc_lib.ingest.methodology import load_methodology

        methodology = load_methodology(catalog.sources["methodology"].path)
    for table in TABLE_ORDER:
        sources = ([catalog.sources[table.name]] if table.name in catalog.sources
                   else list(catalog.dossiers) if table is schema.DOSSIERS else [])
        frame, reasons, file_reports = _read_table(sources, table, catalog, cache)
        if table is schema.TARGETS:
            known = list(registry.BY_ID)
            unknown = frame.indicator.notna() & ~frame.indicator.isin(known)
            reasons.add(unknown, "bad_code", "indicator",
                        shown_values(frame.indicator, "code").where(unknown, ""))
        check_reference_rows(table, frame, reasons, tables, methodology, today)
        if "evidence_files" in table.derived and "evidence" in frame:
            _evidence_files(frame, reasons, file_reports, evidence_folder(catalog))
        if table is schema.DOSSIERS:
            _codes_for_names(frame, tables["units"], file_reports)
            known = frame.unit_code.isin(tables["units"].unit_code) | frame.unit_code.isna()
            reasons.add(~known, "unknown_unit", "unit_code",
                        _ids_shown(frame, "unit_code", None))
            check_plausible_dates(frame, reasons, _latest_dates(frame, sources, today))
            frame.attrs[NO_END_DATES] = _without_end_dates(file_reports)
            check_dossier_rules(frame, reasons)
            reasons.add(mark_duplicates(frame, among=~reasons.rejected), "duplicate",
                        "dossier_id")
        accepted = ~reasons.rejected
        _count(file_reports, frame, accepted)
        reports.extend(file_reports)
        units = tables["units"].unit_code if "units" in tables else None
        quarantine.append(_quarantine_rows(table, frame, reasons, units))
        rows = np.flatnonzero(accepted.to_numpy(dtype=bool))
        if table is schema.DOSSIERS:  # in their order: the rows are taken once, not twice
            keys = ["unit_code", "received_at", "dossier_id"]
            rows = rows[stable_order(frame[keys].iloc[rows], keys)]
        good = take_rows(frame, rows)
        del frame, reasons  # a million rows: the accepted ones are all that is still needed
        release_memory()
        if table is schema.DOSSIERS:
            calendar = WorkCalendar.from_table(tables["calendar"])
            good = complete_dossiers(good, tables["catalogue"], calendar)
        finished = _finish(table, good)
        if table is schema.DOSSIERS:  # the same rules, checked again on what is written
            finished.attrs[NO_END_DATES] = _without_end_dates(file_reports)
        tables[table.name] = validate(table, finished)
        tables[table.name].attrs.clear()  # (nothing of it goes into the Parquet file)
    q = pd.concat(quarantine, ignore_index=True)[QUARANTINE_COLUMNS]
    q = q.astype({c: "string" for c in QUARANTINE_COLUMNS
                  if c not in ("source_row", "received_at")})
    q["received_at"] = q.received_at.astype("datetime64[us]")
    text = (catalog.sources["methodology"].path.read_text(encoding="utf-8")
            if methodology is not None else None)
    parsed, reused = [], []
    if cache is not None:
        cache.prune()  # entries of files no longer read
        parsed, reused = cache.parsed_files, cache.reused_files
    return IngestResult(tables, q.astype({"source_row": "int64"}), reports, text, parsed,
                        reused)



def run(catalog_path: str | Path | None = None, out_dir: str | Path = PROCESSED_DIR,
        strict: bool = False, full: bool = False, **overrides) -> IngestResult:
    """Ingest what the data catalog names (``overrides``: see ``with_overrides``) and write it.

    Each file's parsed blocks are kept by content in ``cache/ingest`` beside ``out_dir``
    (:mod:`.cache`): a file unchanged since the last run is not parsed again; ``full``
    parses every file again (and refreshes the cache).
    ``strict``: when an unrecognised value sets many rows aside (:attr:`IngestResult.alerts`)
    or a column whose title names the data contract's words is not read
    (:attr:`IngestResult.title_alerts`), write nothing and return the result for the caller
    to report.
    """
    catalog = load_catalog(catalog_path)
    if any(overrides.values()):
        catalog = with_overrides(catalog, **overrides)
    cache = IngestCache(cache_dir(resolve(out_dir)), refresh=full)
    result = ingest(catalog, cache=cache)
    if not (strict and result.stops_strict):
        write_processed(result, resolve(out_dir))
    return result


__all__ = [
    "ingest", "run", "stable_order", "TABLE_ORDER",
]
