"""Ingest: raw exports (CSV/XLSX) -> canonical Parquet tables, quarantine and summary.

Flow per file: read it (:mod:`cchc_lib.ingest.readers`: kind, encoding, delimiter, header found by
content) -> map headers to canonical columns -> drop personal-data columns before any value
is looked at -> set aside rows that are not data (blank, column numbers, totals) -> parse
values by column kind (:mod:`cchc_lib.ingest.parsers`) -> mark rows that break a rule with reasons
-> accepted rows to the table, the rest to the quarantine. For every file,
``rows_in = accepted + quarantined``; :func:`ingest` checks it.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd

from cchc_lib.core import schema
from cchc_lib.core.calendar import WorkCalendar, add_working_days
from cchc_lib.core.catalog import (
    PROCESSED_DIR,
    DataCatalog,
    Source,
    load_catalog,
    pinned,
    resolve,
    with_overrides,
)
from cchc_lib.core.codes import AMBIGUOUS, problem_vi
from cchc_lib.core.errors import CchcError, InputFileError
from cchc_lib.core.paths import is_safe_part
from cchc_lib.core.schema import REASON_SEP, Table
from cchc_lib.core.sheets import write_csv
from cchc_lib.core.text import fold, match_key, shown_values
from cchc_lib.ingest.parsers import BAD_REASON, PARSERS, blank, code_problems, family_of
from cchc_lib.ingest.readers import (
    NON_DATA_REASONS_VI,
    RawSheet,
    alias_index,
    non_data_rows,
    read_source,
)
from cchc_lib.ingest.rules import DOSSIER_RULES
from cchc_lib.ingest.validation import validate

SOURCE_COLUMNS = ["source_file", "source_sheet", "source_row"]
QUARANTINE_COLUMNS = ["table", *SOURCE_COLUMNS, "reasons", "unit_code", "dossier_id",
                      "procedure_code", "received_at", "detail"]
# tables in the order they are read: dossiers need the catalogue and the calendar
TABLE_ORDER = (schema.UNITS, schema.CATALOGUE, schema.CALENDAR, schema.TARGETS,
               schema.PLANS, schema.PLAN_TASKS, schema.SELF_ASSESSMENT, schema.OFFICIAL_RESULTS,
               schema.PLAN_PROGRESS, schema.DOSSIERS)
METHODOLOGY_FILE = "methodology.yml"


# --------------------------------------------------------------------------------------
# Header mapping and personal data
# --------------------------------------------------------------------------------------


@dataclass
class ColumnMap:
    canonical: dict[int, str] = field(default_factory=dict)  # position -> canonical name
    personal: list[str] = field(default_factory=list)
    ignored: dict[int, str] = field(default_factory=dict)  # position -> header


def map_columns(header: list[str], table: Table, extra_personal: tuple[str, ...] = ()
                ) -> ColumnMap:
    """Which position holds which canonical column; which headers are personal data.

    Canonical aliases are tried first; then a header whose match key *contains* a personal
    alias ("Địa chỉ thường trú", "Số CCCD/CMND") is dropped. A header the analyst lists as
    personal is dropped even if it looks canonical.
    """
    index = alias_index(table)
    personal_keys = tuple(match_key(a) for a in schema.PERSONAL_ALIASES)
    analyst_keys = {match_key(a) for a in extra_personal}
    out = ColumnMap()
    for pos, raw in enumerate(header):
        key, name = match_key(raw), str(raw).strip()
        if key in analyst_keys:
            out.personal.append(name)
        elif key in index and index[key] not in out.canonical.values():
            out.canonical[pos] = index[key]
        elif key and any(p in key for p in personal_keys):
            out.personal.append(name)
        else:
            out.ignored[pos] = name
    return out


# --------------------------------------------------------------------------------------
# Rows: parse, and collect the reasons a row breaks a rule
# --------------------------------------------------------------------------------------


class Reasons:
    """Per-row reasons a row is rejected, built column by column (never row by row)."""

    def __init__(self, index: pd.Index):
        self.text = pd.Series("", index=index, dtype=object)
        self.detail = pd.Series("", index=index, dtype=object)
        # unreadable codes, kept in memory only: (column, raw values, problems) for alerts
        self.bad_codes: list[tuple[str, pd.Series, pd.Series]] = []

    def add(self, mask: pd.Series, reason: str, column: str, shown: pd.Series | None = None):
        """Mark rows; ``shown`` is what the quarantine may show of the value (see
        :func:`cchc_lib.core.text.shown_values`), never the raw text."""
        mask = mask.fillna(False).astype(bool)
        if not mask.any():
            return
        tag = f"{reason}:{column}"
        self.text[mask] = np.where(self.text[mask] == "", tag, self.text[mask] + REASON_SEP + tag)
        if shown is not None:
            note = column + "=" + shown[mask].astype(str)
            self.detail[mask] = np.where(self.detail[mask] == "", note,
                                         self.detail[mask] + REASON_SEP + note)

    @property
    def rejected(self) -> pd.Series:
        return self.text != ""

    @staticmethod
    def concat(parts: list[Reasons], index: pd.Index) -> Reasons:
        out = Reasons(index)
        if parts:
            out.text[:] = np.concatenate([p.text.to_numpy() for p in parts])
            out.detail[:] = np.concatenate([p.detail.to_numpy() for p in parts])
        return out


def _vocabulary(col) -> re.Pattern | None:
    """The words of a code column's family, to tell a label from text a person typed."""
    return family_of(col).vocabulary() if col.kind in ("code", "flag", "fee") else None


def _shown_bad(raw: pd.Series, bad: pd.Series, col, problems: pd.Series | None
               ) -> pd.Series:
    """What the quarantine says of each unreadable value: the value when it may be shown,
    and for codes why it was not read (``problems``, on the bad rows)."""
    shown = pd.Series("", index=raw.index, dtype=object)
    if not bad.any():
        return shown
    text = shown_values(raw[bad], col.kind, _vocabulary(col)).astype(object)
    if problems is not None:
        text = '"' + text + '" (' + problems.fillna("unknown").map(problem_vi) + ")"
    shown[bad] = text
    return shown


def parse_block(values: pd.DataFrame, table: Table, cmap: ColumnMap, unit_code: str | None,
                value_maps: dict[str, dict] | None = None) -> tuple[pd.DataFrame, Reasons]:
    """Typed canonical columns of one block, and the reasons each row breaks a rule.

    Only canonical positions of ``values`` are read. ``value_maps``: the office's pinned
    spellings, column -> folded spelling -> code. The reason's detail shows a failing value
    only when it looks like a date, number or code (never text a person typed).
    """
    value_maps = value_maps or {}
    index = values.index
    frame = pd.DataFrame(index=index)
    reasons = Reasons(index)
    extras = {}
    unreadable: dict[str, pd.Series] = {}
    columns = {c.name: c for c in table.columns}
    for pos, name in cmap.canonical.items():
        if name.startswith("_"):
            extras[name] = values[pos]
            continue
        col = columns[name]
        parsed, bad = PARSERS[col.kind](values[pos], col, value_maps.get(name))
        frame[name] = parsed
        if col.kind in BAD_REASON:
            problems = None
            if col.kind in ("code", "flag") and bad.any():  # why each value was not read
                problems = code_problems(values[pos][bad], family_of(col), value_maps.get(name))
                reasons.bad_codes.append((name, values[pos][bad], problems))
            reasons.add(bad, BAD_REASON[col.kind], name,
                        _shown_bad(values[pos], bad, col, problems))
            unreadable[name] = bad
    for col in table.columns:
        if col.name not in frame:
            frame[col.name] = pd.Series(pd.NA, index=index, dtype=schema.KIND_DTYPES[col.kind])
    if "unit_code" in columns and unit_code:
        frame["unit_code"] = frame["unit_code"].fillna(unit_code)
    if table is schema.DOSSIERS and frame["e_result"].isna().all() and extras:
        parts = [~blank(extras.get(f"_{p}", pd.Series(None, index=index, dtype=object)))
                 for p in schema.E_RESULT_PARTS]
        frame["e_result"] = (parts[0] & parts[1]).astype("boolean")
    for col in table.columns:
        if col.required:  # a value that was there but unreadable is not also "missing"
            already = unreadable.get(col.name, pd.Series(False, index=index))
            reasons.add(frame[col.name].isna() & ~already, "missing", col.name)
    return frame, reasons


def check_dossier_rules(df: pd.DataFrame, reasons: Reasons) -> None:
    """Dates out of order and statuses that contradict the dates (data_contract.md), from
    the one rule table (:mod:`cchc_lib.ingest.rules`) pandera also checks."""
    for rule in DOSSIER_RULES:
        reasons.add(rule.broken(df), rule.reason, rule.column)


# Dates a one-stop export can hold: the national portal and the provinces' one-stop systems
# date from 2015 at the earliest; nothing happened after the export was made (the run day
# unless the data catalog gives ``exported_on``); a due date lies at most a year after it.
EARLIEST_DATE = pd.Timestamp("2015-01-01")
DUE_AHEAD = pd.Timedelta(days=366)
DATE_COLUMNS = ("submitted_at", "received_at", "due_at", "finished_at", "returned_at")


def check_plausible_dates(df: pd.DataFrame, reasons: Reasons, latest: pd.Series) -> None:
    """Dates outside what an export can hold (a year 0022 or 1900, a receipt next year) are
    set aside as implausible: never counted as carried over or overdue.

    ``latest``: per row, the last moment the row's export can speak of (end of its day).
    """
    for column in DATE_COLUMNS:
        limit = latest + DUE_AHEAD if column == "due_at" else latest
        values = df[column]
        bad = values.notna() & ((values < EARLIEST_DATE) | (values > limit))
        reasons.add(bad, "implausible_date", column,
                    values.dt.strftime("%d/%m/%Y").astype(object).where(bad, ""))


def check_reference_rows(table: Table, frame: pd.DataFrame, reasons: Reasons,
                         tables: dict[str, pd.DataFrame], methodology) -> None:
    """Reference files are held to the rules exports are: a row that would be dropped
    without a trace or crash a report later is quarantined here, with its file and line.

    - catalogue: a procedure code listed twice with different attributes (both rows: which
      one is right is the office's call); listed twice the same (the later row);
    - units: a unit code listed twice (the later row);
    - self-assessment: a criterion the methodology lacks;
    - progress log: a task the plan lacks;
    - plan tasks: a time frame that cannot be read as dates.
    """
    ok = ~reasons.rejected
    if table is schema.CATALOGUE:
        key = ["procedure_code", "unit_code"]
        attrs = [c for c in table.names if c not in key]
        rows = frame[ok]
        distinct = rows.drop_duplicates(key + attrs)
        conflicting = distinct[distinct.duplicated(key, keep=False)]
        clash = rows.set_index(key).index.isin(conflicting.set_index(key).index)
        reasons.add(pd.Series(clash, index=rows.index).reindex(frame.index, fill_value=False),
                    "conflicting_duplicate", "procedure_code", frame.procedure_code)
        same = rows.duplicated(key + attrs) & ~pd.Series(clash, index=rows.index)
        reasons.add(same.reindex(frame.index, fill_value=False), "duplicate", "procedure_code")
    elif table is schema.UNITS:
        # a unit code names the unit's report folder: it must be a plain name
        unsafe = frame.unit_code.notna() & ~frame.unit_code.map(is_safe_part,
                                                                 na_action="ignore").fillna(True)
        reasons.add(unsafe.astype(bool), "bad_code", "unit_code",
                    shown_values(frame.unit_code, "code"))
        reasons.add(frame.unit_code.duplicated() & ok, "duplicate", "unit_code",
                    frame.unit_code)
    elif table is schema.SELF_ASSESSMENT and methodology is not None:
        unknown = frame.criterion_id.notna() & ~frame.criterion_id.isin(
            list(methodology.criteria))
        reasons.add(unknown, "unknown_criterion", "criterion_id",
                    shown_values(frame.criterion_id, "code"))
    elif table is schema.PLAN_PROGRESS and "plan_tasks" in tables:
        unknown = frame.task_id.notna() & ~frame.task_id.isin(tables["plan_tasks"].task_id)
        reasons.add(unknown, "unknown_task", "task_id", shown_values(frame.task_id, "code"))
    elif table is schema.PLAN_TASKS:
        from cchc_lib.par.tasks import TimeframeError, parse_timeframe

        def unreadable(text: str) -> bool:
            try:
                parse_timeframe(text, 2000)
            except TimeframeError:
                return True
            return False
        bad = frame.timeframe.map(unreadable, na_action="ignore").fillna(False).astype(bool)
        reasons.add(bad, "bad_timeframe", "timeframe",
                    shown_values(frame.timeframe, "code"))


def mark_duplicates(df: pd.DataFrame) -> pd.Series:
    """Rows to quarantine as ``duplicate``: all but the most advanced row of each dossier.

    Most advanced = furthest status, then latest date seen on the row, then the later row.
    """
    progress = df.status.map(schema.STATUS_PROGRESS).astype(float).fillna(-1)
    latest = df[["received_at", "finished_at", "returned_at"]].max(axis=1)
    order = pd.DataFrame({"unit": df.unit_code, "id": df.dossier_id, "p": progress, "t": latest,
                          "pos": np.arange(len(df))}, index=df.index)
    order = order.sort_values(["unit", "id", "p", "t", "pos"], kind="stable")
    return order.duplicated(["unit", "id"], keep="last").reindex(df.index)


def complete_dossiers(df: pd.DataFrame, catalogue: pd.DataFrame,
                      calendar: WorkCalendar) -> pd.DataFrame:
    """Flag unknown procedures, take field/name from the catalogue, derive missing due dates."""
    cat = catalogue.drop_duplicates("procedure_code").set_index("procedure_code")
    known = df.procedure_code.isin(cat.index)
    df = df.copy()
    df["unknown_procedure"] = ~known
    df["field_name"] = (df.procedure_code.map(cat.field_name).astype("string")
                        .fillna(df.field_name).fillna(schema.UNKNOWN_FIELD_VI))
    df["procedure_name"] = (df.procedure_code.map(cat.procedure_name).astype("string")
                            .fillna(df.procedure_name))
    missing_due = df.due_at.isna() & known
    derived = add_working_days(df.received_at[missing_due],
                               df.procedure_code[missing_due].map(cat.processing_days),
                               calendar)
    df.loc[missing_due, "due_at"] = derived
    df["due_derived"] = missing_due & df.due_at.notna()
    return df


# --------------------------------------------------------------------------------------
# Orchestration
# --------------------------------------------------------------------------------------


@dataclass
class FileReport:
    table: str
    file: str
    sheet: str
    rows_in: int
    accepted: int = 0
    quarantined: int = 0
    rows_skipped: dict[str, int] = field(default_factory=dict)  # not data: blank, totals, …
    personal_columns_dropped: list[str] = field(default_factory=list)
    columns_ignored: list[str] = field(default_factory=list)
    note: str = ""  # how the file was read: its encoding, a sheet continuing another
    # unreadable code values, one per (column, folded value), kept in memory for the alerts
    unread_codes: list[UnreadCode] = field(default_factory=list, repr=False)


@dataclass
class UnreadCode:
    column: str
    shown: str  # as the quarantine may show it (never text a person typed)
    problem: str  # codes.UNKNOWN, NOT_A_CODE or "ambiguous:a/b"
    rows: int
    first_row: int  # the file's row or line number of its first occurrence
    spelling: str  # the raw value: used only to write the value_map line, if it may be shown
    family: str  # the code family (codes.FAMILIES)


# An unread value is said first, loudly, when it sets aside this share of a file's rows or
# this many rows (issue: one spelling an export system uses can hide half the data).
ALERT_SHARE = 0.01
ALERT_ROWS = 20


@dataclass
class CodeAlert:
    """One unrecognised value that sets aside many rows of one file."""

    table: str
    file: str
    code: UnreadCode
    rows_in: int

    @property
    def share(self) -> float:
        return self.code.rows / self.rows_in if self.rows_in else 0.0

    @property
    def value_map_line(self) -> str:
        """The line to add to the data catalog once the office knows what the value means:
        the codes to choose from are those the value names, or every code of the column."""
        if self.code.problem.startswith(AMBIGUOUS):
            options = self.code.problem.split(":", 1)[1].split("/")
        else:
            options = [str(c).lower() for c in schema.VOCABULARIES[self.code.family]]
        spelling = (json.dumps(self.code.spelling, ensure_ascii=False)
                    if self.code.shown == self.code.spelling
                    else f'"<giá trị ở dòng {self.code.first_row}>"')
        return f"value_map: {{{self.code.column}: {{{spelling}: {'|'.join(options)}}}}}"

    def message_vi(self) -> str:
        from cchc_lib.reports.render import integer, percent

        return (f"CẢNH BÁO {self.file}: cột {self.code.column}, giá trị "
                f"\"{self.code.shown}\" ({problem_vi(self.code.problem)}) làm "
                f"{integer(self.code.rows)}/{integer(self.rows_in)} dòng "
                f"({percent(self.share)}) bị cách ly; lần đầu ở dòng {self.code.first_row}. "
                f"Khi đã rõ nghĩa, ghim cách viết này trong danh mục dữ liệu (data/catalog.yml), "
                f"giữ một mã:\n    {self.value_map_line}")


@dataclass
class IngestResult:
    tables: dict[str, pd.DataFrame]
    quarantine: pd.DataFrame
    files: list[FileReport]
    methodology: str | None = None  # the PAR methodology YAML, checked, copied as it is

    @cached_property
    def alerts(self) -> list[CodeAlert]:
        """Unrecognised values that set aside at least 1 % of a file's rows, or 20 rows."""
        out = []
        rows_in: dict[tuple[str, str], int] = {}
        for f in self.files:
            rows_in[(f.table, f.file)] = rows_in.get((f.table, f.file), 0) + f.rows_in
        merged: dict[tuple, UnreadCode] = {}
        for f in self.files:
            for c in f.unread_codes:
                key = (f.table, f.file, c.column, fold(c.spelling), c.problem)
                if key in merged:
                    m = merged[key]
                    merged[key] = replace(m, rows=m.rows + c.rows)
                else:
                    merged[key] = c
        for (table, file, *_), c in merged.items():
            n = rows_in[(table, file)]
            if c.rows >= ALERT_ROWS or c.rows >= ALERT_SHARE * n:
                out.append(CodeAlert(table, file, c, n))
        return sorted(out, key=lambda a: (-a.code.rows, a.file, a.code.column))

    @property
    def summary(self) -> pd.DataFrame:
        rows = [{**{k: v for k, v in f.__dict__.items() if k != "unread_codes"},
                 "rows_skipped": sum(f.rows_skipped.values()),
                 "skipped_detail": ", ".join(f"{k} {v}" for k, v in f.rows_skipped.items()),
                 "personal_columns_dropped": ", ".join(f.personal_columns_dropped),
                 "columns_ignored": ", ".join(f.columns_ignored)} for f in self.files]
        cols = [c for c in FileReport.__dataclass_fields__ if c != "unread_codes"]
        cols.insert(cols.index("rows_skipped") + 1, "skipped_detail")
        return pd.DataFrame(rows, columns=cols)


def _missing_columns(table: Table, cmap: ColumnMap, source: Source) -> list:
    have = set(cmap.canonical.values()) | ({"unit_code"} if source.unit_code else set())
    return [c for c in table.columns if c.required and c.name not in have]


def _missing_columns_error(raw: RawSheet, cmap: ColumnMap, table: Table,
                           source: Source) -> InputFileError:
    missing = _missing_columns(table, cmap, source)
    names = "; ".join(f"{c.name} ({' / '.join(c.aliases[:2]) or c.name})" for c in missing)
    where = f" (sheet '{raw.sheet}')" if raw.sheet else ""
    return InputFileError(source.label, f"required column missing{where}: {names}")


def _block(raw: RawSheet, cmap: ColumnMap, source: Source, table: Table,
           value_maps: dict[str, dict]) -> tuple[pd.DataFrame, Reasons, FileReport]:
    # personal columns are never looked at: only canonical and ignored positions are kept
    values = raw.values[sorted([*cmap.canonical, *cmap.ignored])]
    received = next((p for p, n in cmap.canonical.items() if n == "received_at"), None)
    dossier_id = next((p for p, n in cmap.canonical.items() if n == "dossier_id"), None)
    kind = non_data_rows(values, received, dossier_id)
    kind.iloc[raw.header_rows] = "header"  # a header repeated below the first one
    data = (kind == "").to_numpy()
    skipped = kind[~data].value_counts().sort_index().to_dict()
    values = values[data].reset_index(drop=True)
    frame, reasons = parse_block(values, table, cmap, source.unit_code, value_maps)
    frame["source_row"] = raw.row_numbers[data].astype("int64")
    if raw.broken_rows:  # lines that do not split into the header's columns
        broken = frame.iloc[:0].reindex(range(len(raw.broken_rows)))  # empty, same dtypes
        broken["source_row"] = [row for row, _ in raw.broken_rows]
        bad = Reasons(broken.index)
        bad.add(pd.Series(True, index=broken.index), "wrong_field_count", "row")
        bad.detail[:] = [problem for _, problem in raw.broken_rows]
        frame = pd.concat([frame, broken], ignore_index=True)
        joined = Reasons.concat([reasons, bad], frame.index)
        order = frame.source_row.argsort(kind="stable").to_numpy()  # back in file order
        frame = frame.iloc[order].reset_index(drop=True)
        reasons = _take(joined, order)
    unread = _unread_codes(reasons, raw.row_numbers[data], table)
    frame["source_file"] = raw.file
    frame["source_sheet"] = raw.sheet
    report = FileReport(table.name, raw.file, raw.sheet, len(frame), rows_skipped=skipped,
                        personal_columns_dropped=cmap.personal,
                        columns_ignored=[n for n in cmap.ignored.values() if n],
                        unread_codes=unread, note=_note(raw))
    return frame, reasons, report


def _note(raw: RawSheet) -> str:
    from cchc_lib.ingest.encodings import LEGACY_NAMES_VI

    notes = []
    if raw.encoding in LEGACY_NAMES_VI:
        notes.append(f"bảng mã {LEGACY_NAMES_VI[raw.encoding]}, đã chuyển sang Unicode")
    if raw.continues:
        notes.append(f"không có dòng tiêu đề: đọc tiếp theo tiêu đề của trang '{raw.continues}'")
    return "; ".join(notes)


def _unread_codes(reasons: Reasons, row_numbers: np.ndarray, table: Table) -> list[UnreadCode]:
    """Each unreadable code value of a block, counted once per (column, folded spelling)."""
    columns = {c.name: c for c in table.columns}
    out = []
    for column, values, problems in reasons.bad_codes:
        col = columns[column]
        frame = pd.DataFrame({"raw": values.astype("string"), "problem": problems,
                              "row": row_numbers[values.index.to_numpy()]})
        frame["key"] = frame.raw.map(fold)
        for (_key, problem), part in frame.groupby(["key", "problem"], sort=True):
            first = part.iloc[0]
            shown = shown_values(part.raw.iloc[:1], col.kind, _vocabulary(col)).iloc[0]
            out.append(UnreadCode(column, str(shown), str(problem), len(part), int(first.row),
                                  str(first.raw), family_of(col).name))
    return out


def _take(reasons: Reasons, order: np.ndarray) -> Reasons:
    out = Reasons(pd.RangeIndex(len(order)))
    out.text[:] = reasons.text.to_numpy()[order]
    out.detail[:] = reasons.detail.to_numpy()[order]
    return out


def _read_table(sources: list[Source], table: Table, catalog: DataCatalog
                ) -> tuple[pd.DataFrame, Reasons, list[FileReport]]:
    frames, reasons_list, reports = [], [], []
    for source in sources:
        try:
            sheets = read_source(source, table)
            for raw in sheets:
                if raw.skipped:  # a sheet not read is said, with its rows
                    reports.append(FileReport(table.name, raw.file, raw.sheet, 0,
                                              rows_skipped={raw.skipped: len(raw.values)}))
            blocks = [(raw, map_columns(raw.header, table, catalog.personal_columns))
                      for raw in sheets if not raw.skipped]
            complete = [not _missing_columns(table, cmap, source) for _, cmap in blocks]
            if not any(complete):
                raise _missing_columns_error(*blocks[0], table, source)
            for (raw, cmap), ok in zip(blocks, complete, strict=True):
                if not ok:  # e.g. a summary sheet beside the dossier list: its rows are counted
                    reports.append(FileReport(table.name, raw.file, raw.sheet, 0,
                                              rows_skipped={"incomplete_sheet": len(raw.values)},
                                              personal_columns_dropped=cmap.personal))
                    continue
                frame, reasons, report = _block(raw, cmap, source, table,
                                                pinned(catalog, source))
                frames.append(frame)
                reasons_list.append(reasons)
                reports.append(report)
        except InputFileError:
            raise
        except Exception as exc:  # whatever else a strange file triggers: still one message
            raise InputFileError(source.label, f"cannot be read ({type(exc).__name__}: "
                                 f"{str(exc).splitlines()[0] if str(exc) else 'no detail'})"
                                 ) from exc
    if not frames:
        empty = pd.DataFrame({c.name: pd.Series(dtype=schema.KIND_DTYPES[c.kind])
                              for c in table.columns})
        empty[SOURCE_COLUMNS] = pd.DataFrame({"source_file": pd.Series(dtype="string"),
                                              "source_sheet": pd.Series(dtype="string"),
                                              "source_row": pd.Series(dtype="int64")})
        return empty, Reasons(empty.index), []
    frame = pd.concat(frames, ignore_index=True)
    return frame, Reasons.concat(reasons_list, frame.index), reports


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
    return pd.DataFrame({
        "table": table.name,
        "source_file": frame.source_file[bad],
        "source_sheet": frame.source_sheet[bad],
        "source_row": frame.source_row[bad],
        "reasons": reasons.text[bad],
        **{c: _ids_shown(frame, c, known_units)[bad]
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


def _finish(table: Table, frame: pd.DataFrame) -> pd.DataFrame:
    cols = [*table.names, *[c for c in table.derived if c in frame], *SOURCE_COLUMNS]
    out = frame[cols].reset_index(drop=True)
    return out.astype({"source_file": "string", "source_sheet": "string",
                       "source_row": "int64", **table.derived})


def _latest_dates(frame: pd.DataFrame, sources: list[Source], today: date) -> pd.Series:
    """Per row: the end of the day its export was made (``exported_on``, else the run day)."""
    exported = {s.label: pd.Timestamp(s.exported_on or today) for s in sources}
    days = frame.source_file.map(exported).fillna(pd.Timestamp(today))
    return days.astype("datetime64[us]") + pd.Timedelta(days=1) - pd.Timedelta(microseconds=1)


def ingest(catalog: DataCatalog, today: date | None = None) -> IngestResult:
    """Read every source of the catalog into canonical tables; nothing is written.

    ``today``: the day of the run (default: the system date); no date may lie after it.
    """
    today = today or date.today()
    for name in ("units", "catalogue"):
        if name not in catalog.sources:
            raise CchcError(f"{catalog.path.name}: the data catalog names no '{name}' source")
    if not catalog.dossiers:
        raise CchcError(f"{catalog.path.name}: the data catalog lists no dossier exports")
    tables: dict[str, pd.DataFrame] = {}
    quarantine: list[pd.DataFrame] = []
    reports: list[FileReport] = []
    methodology = None
    if "methodology" in catalog.sources:  # refused here, with its line, if malformed
        from cchc_lib.par.methodology import load_methodology

        methodology = load_methodology(catalog.sources["methodology"].path)
    for table in TABLE_ORDER:
        sources = ([catalog.sources[table.name]] if table.name in catalog.sources
                   else list(catalog.dossiers) if table is schema.DOSSIERS else [])
        frame, reasons, file_reports = _read_table(sources, table, catalog)
        if table is schema.TARGETS:
            known = list(schema.INDICATOR_LABELS_VI)
            unknown = frame.indicator.notna() & ~frame.indicator.isin(known)
            reasons.add(unknown, "bad_code", "indicator",
                        shown_values(frame.indicator, "code").where(unknown, ""))
        check_reference_rows(table, frame, reasons, tables, methodology)
        if table is schema.DOSSIERS:
            known = frame.unit_code.isin(tables["units"].unit_code) | frame.unit_code.isna()
            reasons.add(~known, "unknown_unit", "unit_code",
                        _ids_shown(frame, "unit_code", None))
            check_plausible_dates(frame, reasons, _latest_dates(frame, sources, today))
            check_dossier_rules(frame, reasons)
            ok = ~reasons.rejected
            reasons.add(mark_duplicates(frame[ok]).reindex(frame.index, fill_value=False),
                        "duplicate", "dossier_id")
        accepted = ~reasons.rejected
        _count(file_reports, frame, accepted)
        reports.extend(file_reports)
        units = tables["units"].unit_code if "units" in tables else None
        quarantine.append(_quarantine_rows(table, frame, reasons, units))
        good = frame[accepted]
        if table is schema.DOSSIERS:
            calendar = WorkCalendar.from_table(tables["calendar"])
            good = complete_dossiers(good, tables["catalogue"], calendar)
            good = good.sort_values(["unit_code", "received_at", "dossier_id"], kind="stable")
        tables[table.name] = validate(table, _finish(table, good))
    q = pd.concat(quarantine, ignore_index=True)[QUARANTINE_COLUMNS]
    q = q.astype({c: "string" for c in QUARANTINE_COLUMNS
                  if c not in ("source_row", "received_at")})
    q["received_at"] = q.received_at.astype("datetime64[us]")
    text = (catalog.sources["methodology"].path.read_text(encoding="utf-8")
            if methodology is not None else None)
    return IngestResult(tables, q.astype({"source_row": "int64"}), reports, text)


# --------------------------------------------------------------------------------------
# Writing: all or nothing
# --------------------------------------------------------------------------------------

ALERTS_FILE = "ingest_alerts.txt"  # the alerts of the last ingest (empty when none)
PROCESSED_FILES = {name: f"{name}.parquet" for name in schema.TABLES} | {
    "quarantine": "quarantine.parquet"}


def write_processed(result: IngestResult, out_dir: Path | str) -> list[Path]:
    """Write every table to a fresh folder, then swap it in, under the project lock: readers
    see the old tables or the new ones; a failure or a kill leaves the old ones.

    ``out_dir`` may be a symlink (its target is replaced, never the link) or a mount point
    (its contents are swapped inside it); leftovers of a killed run are removed first.
    """
    from cchc_lib.core.lock import project_lock

    out_dir = Path(out_dir)
    with project_lock():
        target = out_dir.resolve() if out_dir.is_symlink() else out_dir
        if target.exists() and not target.is_dir():
            raise CchcError(f"{out_dir}: không phải thư mục; chọn một thư mục cho dữ liệu đã "
                            "xử lý (--out)")
        mounted = target.is_dir() and os.path.ismount(target)
        work = target if mounted else target.parent  # new files are made on the same disk
        work.mkdir(parents=True, exist_ok=True)
        for stale in work.glob(f".{target.name}-*"):  # a killed run's leftovers
            shutil.rmtree(stale, ignore_errors=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=work))
        try:
            _write_tables(result, tmp, keep_gitkeep=(target / ".gitkeep").exists())
            if mounted:
                _swap_contents(target, tmp)
            else:
                old = target.with_name(f".{target.name}-old")
                if target.exists():
                    target.rename(old)
                tmp.rename(target)
                shutil.rmtree(old, ignore_errors=True)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        return sorted(target.iterdir())


def _write_tables(result: IngestResult, folder: Path, keep_gitkeep: bool) -> None:
    from cchc_lib.reports.quality import quality_table

    for name, frame in {**result.tables, "quarantine": result.quarantine}.items():
        frame.to_parquet(folder / PROCESSED_FILES[name], index=False)
    write_csv(result.quarantine, folder / "quarantine.csv")
    write_csv(result.summary, folder / "ingest_summary.csv")
    write_csv(quality_table(result), folder / "data_quality.csv")
    (folder / ALERTS_FILE).write_text(alerts_text(result), encoding="utf-8")
    if result.methodology is not None:
        (folder / METHODOLOGY_FILE).write_text(result.methodology, encoding="utf-8")
    if keep_gitkeep:
        (folder / ".gitkeep").touch()
    folder.chmod(0o755)


def _swap_contents(target: Path, new: Path) -> None:
    """A mount point cannot be renamed: its old files go aside, the new ones move in (each
    move atomic; the lock keeps readers out meanwhile), then the old ones are removed."""
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}-old-", dir=target))
    for entry in target.iterdir():
        if entry not in (new, old):
            entry.rename(old / entry.name)
    for entry in new.iterdir():
        entry.rename(target / entry.name)
    new.rmdir()
    shutil.rmtree(old, ignore_errors=True)


def run(catalog_path: str | Path | None = None, out_dir: str | Path = PROCESSED_DIR,
        strict: bool = False, **overrides) -> IngestResult:
    """Ingest what the data catalog names (``overrides``: see ``with_overrides``) and write it.

    ``strict``: when an unrecognised value sets many rows aside (:attr:`IngestResult.alerts`),
    write nothing and return the result for the caller to report.
    """
    catalog = load_catalog(catalog_path)
    if any(overrides.values()):
        catalog = with_overrides(catalog, **overrides)
    result = ingest(catalog)
    if not (strict and result.alerts):
        write_processed(result, resolve(out_dir))
    return result


def alerts_text(result: IngestResult) -> str:
    """The alerts, first thing an analyst reads: one paragraph per unrecognised value."""
    alerts = result.alerts
    if not alerts:
        return ""
    head = (f"{len(alerts)} giá trị không đọc được làm nhiều dòng bị cách ly "
            f"(mọi chỉ số tính trên phần còn lại sẽ sai):")
    return "\n".join([head, *(a.message_vi() for a in alerts)]) + "\n"


def last_alerts(data_dir: Path | str) -> str:
    """The alerts the last ingest into ``data_dir`` raised ("" when none)."""
    path = Path(data_dir) / ALERTS_FILE
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def read_processed(data_dir: Path | str) -> dict[str, pd.DataFrame]:
    """The processed tables written by :func:`write_processed`, by name, read under the
    project lock (all from one ingest)."""
    from cchc_lib.core.lock import project_lock

    data_dir = Path(data_dir)
    with project_lock():
        if not (data_dir / PROCESSED_FILES["dossiers"]).is_file():
            raise CchcError(f"{data_dir}: chưa có dữ liệu đã xử lý; chạy `cchc ingest` trước")
        return {name: pd.read_parquet(data_dir / file)
                for name, file in PROCESSED_FILES.items() if (data_dir / file).is_file()}


def summary_text(result: IngestResult) -> str:
    """A short plain summary of a run, in Vietnamese, for the terminal and logs (no
    personal values)."""
    from cchc_lib.ingest.readers import NON_DATA_REASONS_VI

    s = result.summary
    buf = io.StringIO()
    for table, part in s.groupby("table", sort=False):
        buf.write(f"{schema.TABLES[table].label_vi}: {part.rows_in.sum()} dòng dữ liệu, "
                  f"nhận {part.accepted.sum()}, cách ly {part.quarantined.sum()} "
                  f"({part.file.nunique()} tệp)\n")
    for f in result.files:
        if f.table != "dossiers":
            continue
        where = f" [{f.sheet}]" if f.sheet else ""
        skipped = ", ".join(f"{NON_DATA_REASONS_VI.get(k, k).lower()} {n}"
                            for k, n in f.rows_skipped.items())
        notes = "; ".join(p for p in (f.note, f"bỏ qua: {skipped}" if skipped else "") if p)
        buf.write(f"  {f.file}{where}: {f.rows_in} = {f.accepted} nhận + {f.quarantined} "
                  f"cách ly" + (f" ({notes})" if notes else "") + "\n")
    dropped = sorted({c for f in result.files for c in f.personal_columns_dropped})
    buf.write(f"cột dữ liệu cá nhân đã bỏ: {', '.join(dropped) or 'không có'}\n")
    if len(result.quarantine):
        reasons = (result.quarantine.reasons.str.split(REASON_SEP).explode()
                   .str.split(":").str[0].value_counts().sort_index())
        buf.write("lý do cách ly: " + ", ".join(
            f"{schema.QUARANTINE_REASONS_VI.get(k, k).lower()} ({k}) {v}"
            for k, v in reasons.items()) + "\n")
    unknown = result.tables["dossiers"].get("unknown_procedure")
    if unknown is not None and unknown.any():
        buf.write(f"hồ sơ có mã TTHC chưa có trong danh mục (vẫn nhận, có đánh dấu): "
                  f"{int(unknown.sum())}\n")
    return buf.getvalue()


__all__ = ["ingest", "run", "write_processed", "read_processed", "summary_text",
           "IngestResult", "FileReport", "NON_DATA_REASONS_VI"]
