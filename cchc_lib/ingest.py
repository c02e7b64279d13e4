"""Ingest: raw exports (CSV/XLSX) -> canonical Parquet tables, quarantine and summary.

Flow per file: read (encoding, delimiter and header row found by content) -> map headers
to canonical columns (aliases from :mod:`cchc_lib.schema`) -> drop personal-data columns
before any value is looked at -> parse values by column kind -> mark rows that break a
rule with reasons -> accepted rows to the table, the rest to the quarantine. Every row in
lands in exactly one of the two; :func:`ingest` checks it for every file.
"""

from __future__ import annotations

import codecs
import csv
import io
import math
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pandas as pd

from . import schema
from .calendar import add_working_days
from .catalog import PROCESSED_DIR, DataCatalog, Source, load_catalog, resolve, with_overrides
from .errors import CchcError, InputFileError
from .schema import Column, Table
from .text import display_number_text, match_key, to_nfc, vocabulary_index

HEADER_SCAN_ROWS = 30
CSV_DELIMITERS = (",", ";", "\t", "|")
EXCEL_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
REASON_SEP = "; "
SOURCE_COLUMNS = ["source_file", "source_sheet", "source_row"]
QUARANTINE_COLUMNS = ["table", *SOURCE_COLUMNS, "reasons", "unit_code", "dossier_id",
                      "procedure_code", "detail"]
# raw DVCQG columns read only to derive e_result (schema.E_RESULT_PARTS)
E_RESULT_KEYS = {match_key(a): f"_{a}" for a in schema.E_RESULT_PARTS}


# --------------------------------------------------------------------------------------
# Reading files
# --------------------------------------------------------------------------------------


@dataclass
class RawSheet:
    """One table-shaped block of a file: header found, values still as read."""

    file: str
    sheet: str
    header: list[str]
    values: pd.DataFrame  # object columns by position, one row per data row
    row_numbers: np.ndarray  # 1-based line (CSV) or row (XLSX) numbers of the data rows


def _alias_index(table: Table) -> dict[str, str]:
    index = {}
    for col in table.columns:
        for alias in (col.name, *col.aliases):
            index.setdefault(match_key(alias), col.name)
    if table is schema.DOSSIERS:
        index.update(E_RESULT_KEYS)
    return index


def _header_score(cells: list, index: dict[str, str]) -> int:
    return len({index[k] for k in (match_key(c) for c in cells if c is not None) if k in index})


def _min_header_score(table: Table) -> int:
    return max(2, math.ceil(len(table.required) / 2))


def _expected_headers(table: Table) -> str:
    return ", ".join(f"{c.aliases[1] if len(c.aliases) > 1 else c.name}"
                     for c in table.columns if c.required)


def _decode_head(head: bytes) -> tuple[str, str]:
    """(encoding, decoded text) of the start of a text file."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", head[3:].decode("utf-8", errors="ignore")
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", head.decode("utf-16", errors="ignore")
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        return "utf-8", decoder.decode(head, final=False)
    except UnicodeDecodeError:
        return "cp1258", head.decode("cp1258", errors="replace")


def _read_csv(source: Source, table: Table) -> list[RawSheet]:
    with open(source.path, "rb") as fh:
        head = fh.read(256 * 1024)
    if not head.strip():
        raise InputFileError(source.label, "the file is empty")
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputFileError(source.label, "not a text table (binary content)")
    encoding, text = _decode_head(head)
    lines = text.splitlines()[:HEADER_SCAN_ROWS]
    index = _alias_index(table)
    best = (0, None, None)  # score, delimiter, line index
    for delim in CSV_DELIMITERS:
        for i, cells in enumerate(csv.reader(lines, delimiter=delim)):
            score = _header_score(cells, index)
            if score > best[0]:
                best = (score, delim, i)
    score, delim, header_line = best
    if score < _min_header_score(table):
        raise InputFileError(
            source.label, f"no recognisable header in the first {HEADER_SCAN_ROWS} lines "
            f"(expected columns such as {_expected_headers(table)})")
    try:
        frame = pd.read_csv(source.path, sep=delim, encoding=encoding, skiprows=header_line,
                            header=None, dtype=object, keep_default_na=False, na_values=[],
                            skip_blank_lines=False)
    except (pd.errors.ParserError, UnicodeDecodeError, ValueError) as exc:
        raise InputFileError(source.label, f"cannot be read as a table ({exc})") from None
    header = [str(h) for h in frame.iloc[0].tolist()]
    values = frame.iloc[1:].reset_index(drop=True)
    rows = np.arange(len(values)) + header_line + 2
    return [RawSheet(source.label, "", header, values, rows)]


def _read_excel(source: Source, table: Table) -> list[RawSheet]:
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(source.path))
    except Exception as exc:  # calamine raises its own error types for every bad workbook
        raise InputFileError(source.label, f"not a readable Excel workbook ({exc})") from None
    names = book.sheet_names
    if source.sheet is not None:
        if source.sheet not in names:
            raise InputFileError(source.label, f"no sheet named '{source.sheet}' "
                                 f"(sheets: {', '.join(names)})")
        names = [source.sheet]
    index = _alias_index(table)
    sheets = []
    for name in names:
        rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        scores = [_header_score(r, index) for r in rows[:HEADER_SCAN_ROWS]]
        if not scores or max(scores) < _min_header_score(table):
            continue
        h = int(np.argmax(scores))
        width = len(rows[h])
        data = [list(r[:width]) + [None] * (width - len(r)) for r in rows[h + 1:]]
        values = pd.DataFrame(data, columns=range(width), dtype=object)
        sheets.append(RawSheet(source.label, name, ["" if c is None else str(c) for c in rows[h]],
                               values, np.arange(len(values)) + h + 2))
    if not sheets:
        raise InputFileError(
            source.label, f"no sheet has a recognisable header in its first {HEADER_SCAN_ROWS} "
            f"rows (expected columns such as {_expected_headers(table)})")
    return sheets


def _is_excel(path: Path) -> bool:
    if path.suffix.lower() in EXCEL_SUFFIXES:
        return True
    with open(path, "rb") as fh:
        magic = fh.read(8)
    return magic.startswith(b"PK\x03\x04") or magic.startswith(b"\xd0\xcf\x11\xe0")


def read_source(source: Source, table: Table) -> list[RawSheet]:
    """The table-shaped blocks of one file; a file that is not one stops with a message."""
    if not source.path.is_file():
        raise InputFileError(source.label, "file not found")
    if source.path.stat().st_size == 0:
        raise InputFileError(source.label, "the file is empty")
    reader = _read_excel if _is_excel(source.path) else _read_csv
    return reader(source, table)


# --------------------------------------------------------------------------------------
# Header mapping and personal data
# --------------------------------------------------------------------------------------


@dataclass
class ColumnMap:
    canonical: dict[int, str] = field(default_factory=dict)  # position -> canonical name
    personal: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)


def _personal_keys(extra: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(match_key(a) for a in (*schema.PERSONAL_ALIASES, *extra))


def map_columns(header: list[str], table: Table, extra_personal: tuple[str, ...] = ()) -> ColumnMap:
    """Which position holds which canonical column; which headers are personal data.

    A header the analyst lists as personal is dropped even if it looks canonical.
    """
    index = _alias_index(table)
    personal_keys = _personal_keys(())
    analyst_keys = {match_key(a) for a in extra_personal}
    out = ColumnMap()
    for pos, raw in enumerate(header):
        key = match_key(raw)
        name = str(raw).strip()
        if not key:
            if name:
                out.ignored.append(name)
            continue
        if key in analyst_keys:
            out.personal.append(name)
        elif key in index and index[key] not in out.canonical.values():
            out.canonical[pos] = index[key]
        elif any(p in key for p in personal_keys):
            out.personal.append(name)
        else:
            out.ignored.append(name)
    return out


# --------------------------------------------------------------------------------------
# Value parsers: kind -> (values, bad mask). All vectorised over the column.
# --------------------------------------------------------------------------------------

Parsed = tuple[pd.Series, pd.Series]


def _map_unique(text: pd.Series, func: Callable[[str], object]) -> pd.Series:
    """Apply ``func`` once per distinct non-blank value, then map: codes repeat a lot."""
    lookup = {u: func(u) for u in text.dropna().unique()}
    return text.map(lookup)


def _blank(raw: pd.Series) -> pd.Series:
    return raw.isna() | raw.astype("string").str.strip().fillna("").eq("")


def _parse_text(raw: pd.Series, col: Column) -> Parsed:
    return to_nfc(raw.astype(object).where(~_blank(raw))), pd.Series(False, index=raw.index)


def _parse_procedure_code(raw: pd.Series, col: Column) -> Parsed:
    # Excel may hold 2.000950 as the number 2.00095: six decimals give the code back.
    is_float = raw.map(type).eq(float)
    text = raw.astype(object).where(~is_float, raw[is_float].map("{:.6f}".format))
    text = to_nfc(text.where(~_blank(raw)))
    return text.str.replace(r"\s+", "", regex=True), pd.Series(False, index=raw.index)


def _codes(raw: pd.Series, vocabulary: dict) -> Parsed:
    text = display_number_text(raw.where(~_blank(raw)))
    index = vocabulary_index(vocabulary)
    mapped = _map_unique(text, lambda u: index.get(match_key(u)))
    return mapped, text.notna() & mapped.isna()


def _parse_code(raw: pd.Series, col: Column) -> Parsed:
    values, bad = _codes(raw, schema.VOCABULARIES[col.vocabulary])
    return values.astype("string"), bad


def _parse_flag(raw: pd.Series, col: Column) -> Parsed:
    is_bool = raw.map(type).eq(bool)
    values, bad = _codes(raw.where(~is_bool, raw[is_bool].map({True: "1", False: "0"})),
                         schema.FLAGS)
    return values.astype("boolean"), bad


_DATE_FORMATS = (  # (regex the text must match, strptime format); day first, always
    (r"\d{4}-\d{2}-\d{2}", "%Y-%m-%d"),
    (r"\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}", "ISO8601"),
    (r"\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}:\d{2}(\.\d+)?", "ISO8601"),
    (r"\d{1,2}/\d{1,2}/\d{4}", "%d/%m/%Y"),
    (r"\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}", "%d/%m/%Y %H:%M"),
    (r"\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}:\d{2}", "%d/%m/%Y %H:%M:%S"),
    (r"\d{1,2}-\d{1,2}-\d{4}", "%d-%m-%Y"),
    (r"\d{1,2}-\d{1,2}-\d{4} \d{1,2}:\d{2}", "%d-%m-%Y %H:%M"),
    (r"\d{1,2}-\d{1,2}-\d{4} \d{1,2}:\d{2}:\d{2}", "%d-%m-%Y %H:%M:%S"),
    (r"\d{14}", "%Y%m%d%H%M%S"),
    (r"\d{8}", "%Y%m%d"),
)
_EXCEL_EPOCH = pd.Timestamp("1899-12-30")


def _parse_datetime(raw: pd.Series, col: Column) -> Parsed:
    out = pd.Series(pd.NaT, index=raw.index, dtype="datetime64[us]")
    blank = _blank(raw)
    kinds = raw.map(type)
    native = kinds.isin([datetime, pd.Timestamp, date]) & ~blank
    if native.any():
        out[native] = pd.to_datetime(raw[native].astype(object), errors="coerce").astype(
            "datetime64[us]")
    serial = kinds.isin([float, int]) & ~blank
    text = raw.where(~(native | serial | blank)).astype("string").str.strip()
    serial_text = text.str.fullmatch(r"\d{5}(\.\d+)?").fillna(False)
    serial |= serial_text
    if serial.any():
        days = pd.to_numeric(raw[serial].astype(str), errors="coerce")
        ok = days.between(1, 2_958_465)  # Excel's range: 1900-01-01 to 9999-12-31
        stamps = _EXCEL_EPOCH + pd.to_timedelta(days[ok], unit="D")
        out[stamps.index] = stamps.dt.round("s").astype("datetime64[us]")
    text = text.where(~serial_text)
    for pattern, fmt in _DATE_FORMATS:
        hit = text.str.fullmatch(pattern).fillna(False) & out.isna()
        if hit.any():
            parsed = pd.to_datetime(text[hit], format=fmt, errors="coerce")
            out[hit] = parsed.astype("datetime64[us]")
    return out, ~blank & out.isna()


def _number_text(raw: pd.Series) -> pd.Series:
    text = raw.astype("string").str.strip().str.replace(r"\s+", "", regex=True)
    return text.str.replace(",", ".", regex=False)


def _parse_count(raw: pd.Series, col: Column) -> Parsed:
    blank = _blank(raw)
    num = pd.to_numeric(_number_text(raw.where(~blank)), errors="coerce")
    ok = num.notna() & (num >= 0) & (num == np.floor(num))
    return num.where(ok).astype("Int64"), ~blank & ~ok


_SAME_DAY = {match_key(s) for s in ("Trong ngày", "Ngay trong ngày", "Trả ngay")}
_FREE = {match_key(s) for s in ("Miễn phí", "Không thu", "Miễn")}



def _parse_amount(raw: pd.Series, col: Column) -> Parsed:
    blank = _blank(raw)
    text = raw.where(~blank).astype("string").str.strip()
    same_day = _map_unique(text, lambda v: match_key(v) in _SAME_DAY).fillna(False).astype(bool)
    text = text.str.replace(r"(?i)\s*(ngày( làm việc)?|ngay( lam viec)?)$", "", regex=True)
    num = pd.to_numeric(_number_text(text), errors="coerce").mask(same_day, 0.0)
    ok = num.notna() & (num >= 0)
    return num.where(ok).astype("Float64"), ~blank & ~ok


def _parse_fee(raw: pd.Series, col: Column) -> Parsed:
    """A fee column holds an amount (non-zero = has a fee) or a yes/no word."""
    blank = _blank(raw)
    digits = raw.astype("string").str.replace(r"[.,\s]|đồng|đ|VNĐ|VND", "", regex=True)
    amount = pd.to_numeric(digits.where(digits.str.fullmatch(r"\d+").fillna(False)),
                           errors="coerce")
    words, bad_words = _parse_flag(raw.where(amount.isna()), col)
    free = _map_unique(raw.astype("string"), lambda v: match_key(v) in _FREE).fillna(False)
    free = free.astype(bool)
    values = (amount > 0).astype("boolean").where(amount.notna(), words).mask(free, False)
    return values.astype("boolean"), ~blank & values.isna()


PARSERS: dict[str, Callable[[pd.Series, Column], Parsed]] = {
    "text": _parse_text,
    "procedure_code": _parse_procedure_code,
    "code": _parse_code,
    "flag": _parse_flag,
    "datetime": _parse_datetime,
    "count": _parse_count,
    "amount": _parse_amount,
    "fee": _parse_fee,
}
BAD_REASON = {"datetime": "bad_date", "code": "bad_code", "flag": "bad_code",
              "count": "bad_number", "amount": "bad_number", "fee": "bad_number"}
OUTPUT_DTYPES = {"text": "string", "procedure_code": "string", "code": "string",
                 "flag": "boolean", "datetime": "datetime64[us]", "count": "Int64",
                 "amount": "Float64", "fee": "boolean"}


class Reasons:
    """Per-row reasons a row is rejected, built column by column (never row by row)."""

    def __init__(self, index: pd.Index):
        self.text = pd.Series("", index=index, dtype=object)
        self.detail = pd.Series("", index=index, dtype=object)

    def add(self, mask: pd.Series, reason: str, column: str, values: pd.Series | None = None):
        mask = mask.fillna(False).astype(bool)
        if not mask.any():
            return
        tag = f"{reason}:{column}"
        self.text[mask] = np.where(self.text[mask] == "", tag, self.text[mask] + REASON_SEP + tag)
        if values is not None:
            shown = column + "=" + values[mask].astype(str)
            self.detail[mask] = np.where(self.detail[mask] == "", shown,
                                         self.detail[mask] + REASON_SEP + shown)

    @property
    def rejected(self) -> pd.Series:
        return self.text != ""


def parse_block(raw: RawSheet, table: Table, cmap: ColumnMap, unit_code: str | None
                ) -> tuple[pd.DataFrame, Reasons]:
    """Typed canonical columns of one block, and the reasons each row breaks a rule."""
    values = raw.values
    index = values.index
    frame = pd.DataFrame(index=index)
    reasons = Reasons(index)
    extras = {}
    for pos, name in cmap.canonical.items():
        if name.startswith("_"):
            extras[name] = values[pos]
            continue
        col = next(c for c in table.columns if c.name == name)
        parsed, bad = PARSERS[col.kind](values[pos], col)
        frame[name] = parsed
        if col.kind in BAD_REASON:
            # the raw value is shown only for non-text kinds: dates, codes, numbers
            reasons.add(bad, BAD_REASON[col.kind], name, values[pos])
    for col in table.columns:
        if col.name not in frame:
            frame[col.name] = pd.Series(pd.NA, index=index, dtype=OUTPUT_DTYPES[col.kind])
    if "unit_code" in table.names and unit_code:
        frame["unit_code"] = frame["unit_code"].fillna(unit_code)
    if table is schema.DOSSIERS and frame["e_result"].isna().all() and extras:
        parts = [~_blank(extras.get(f"_{p}", pd.Series(None, index=index)))
                 for p in schema.E_RESULT_PARTS]
        frame["e_result"] = (parts[0] & parts[1]).astype("boolean")
    for col in table.columns:
        if col.required:
            reasons.add(frame[col.name].isna()
                    & ~reasons.text.str.contains(f":{col.name}", regex=False),
                        "missing", col.name)
    return frame, reasons


# --------------------------------------------------------------------------------------
# Table-level rules
# --------------------------------------------------------------------------------------


def _day(s: pd.Series) -> pd.Series:
    return s.dt.normalize()


def check_dossier_rules(df: pd.DataFrame, reasons: Reasons) -> None:
    """Dates out of order and statuses that contradict the dates (data_contract.md)."""
    reasons.add(_day(df.finished_at) < _day(df.received_at), "received_after_finished",
                "received_at")
    reasons.add(_day(df.due_at) < _day(df.received_at), "due_before_received", "due_at")
    ended = df.status.isin(list(schema.ENDED_STATUSES))
    reasons.add(ended & df.finished_at.isna() & df.returned_at.isna(),
                "status_without_end_date", "status")


def mark_duplicates(df: pd.DataFrame) -> pd.Series:
    """Rows to quarantine as ``duplicate``: all but the most advanced row of each dossier.

    Most advanced = furthest status, then latest date seen on the row.
    """
    progress = df.status.map(schema.STATUS_PROGRESS).astype(float).fillna(-1)
    latest = df[["received_at", "finished_at", "returned_at"]].max(axis=1)
    order = pd.DataFrame({"unit": df.unit_code, "id": df.dossier_id, "p": progress, "t": latest,
                          "pos": np.arange(len(df))}, index=df.index)
    order = order.sort_values(["unit", "id", "p", "t", "pos"], kind="stable")
    dup = order.duplicated(["unit", "id"], keep="last")
    return dup.reindex(df.index)


def complete_dossiers(df: pd.DataFrame, catalogue: pd.DataFrame) -> pd.DataFrame:
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
                               df.procedure_code[missing_due].map(cat.processing_days))
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
    personal_columns_dropped: list[str] = field(default_factory=list)
    columns_ignored: list[str] = field(default_factory=list)


@dataclass
class IngestResult:
    tables: dict[str, pd.DataFrame]
    quarantine: pd.DataFrame
    files: list[FileReport]

    @property
    def summary(self) -> pd.DataFrame:
        rows = [{**f.__dict__,
                 "personal_columns_dropped": ", ".join(f.personal_columns_dropped),
                 "columns_ignored": ", ".join(f.columns_ignored)} for f in self.files]
        return pd.DataFrame(rows, columns=list(FileReport.__dataclass_fields__))


def _check_required_columns(raw: RawSheet, table: Table, cmap: ColumnMap, source: Source):
    have = set(cmap.canonical.values())
    if source.unit_code:
        have.add("unit_code")
    missing = [c for c in table.columns if c.required and c.name not in have]
    if missing:
        names = "; ".join(f"{c.name} ({' / '.join(c.aliases[:2]) or c.name})" for c in missing)
        where = f" (sheet '{raw.sheet}')" if raw.sheet else ""
        raise InputFileError(source.label, f"required column missing{where}: {names}")


def _read_table(sources: list[Source], table: Table, personal: tuple[str, ...]
                ) -> tuple[pd.DataFrame, Reasons, list[FileReport]]:
    frames, reasons_list, reports = [], [], []
    for source in sources:
        for raw in read_source(source, table):
            cmap = map_columns(raw.header, table, personal)
            _check_required_columns(raw, table, cmap, source)
            # personal columns are never looked at: only canonical positions are read
            raw.values = raw.values[list(cmap.canonical)]
            cols = [_blank(raw.values[c]).to_numpy() for c in raw.values.columns]
            keep = ~np.logical_and.reduce(cols) if cols else np.ones(len(raw.values), bool)
            raw.values = raw.values[keep].reset_index(drop=True)
            raw.row_numbers = raw.row_numbers[keep]
            frame, reasons = parse_block(raw, table, cmap, source.unit_code)
            frame["source_file"] = raw.file
            frame["source_sheet"] = raw.sheet
            frame["source_row"] = raw.row_numbers.astype("int64")
            frames.append(frame)
            reasons_list.append(reasons)
            reports.append(FileReport(table.name, raw.file, raw.sheet, len(frame),
                                      personal_columns_dropped=cmap.personal,
                                      columns_ignored=cmap.ignored))
    if not frames:
        return pd.DataFrame(columns=table.names + SOURCE_COLUMNS), Reasons(pd.RangeIndex(0)), []
    frame = pd.concat(frames, ignore_index=True)
    merged = Reasons(frame.index)
    merged.text[:] = np.concatenate([r.text.to_numpy() for r in reasons_list])
    merged.detail[:] = np.concatenate([r.detail.to_numpy() for r in reasons_list])
    return frame, merged, reports


def _quarantine_rows(table: Table, frame: pd.DataFrame, reasons: Reasons) -> pd.DataFrame:
    bad = reasons.rejected
    q = pd.DataFrame({
        "table": table.name,
        "source_file": frame.source_file[bad],
        "source_sheet": frame.source_sheet[bad],
        "source_row": frame.source_row[bad],
        "reasons": reasons.text[bad],
        **{c: frame.get(c, pd.Series(pd.NA, index=frame.index))[bad]
           for c in ("unit_code", "dossier_id", "procedure_code")},
        "detail": reasons.detail[bad],
    })
    return q


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
    cols = table.names + [c for c in table.derived if c in frame] + \
        [c for c in SOURCE_COLUMNS if c not in table.derived]
    out = frame[[c for c in dict.fromkeys(cols) if c in frame]].reset_index(drop=True)
    return out.astype({"source_file": "string", "source_sheet": "string"})


def ingest(catalog: DataCatalog) -> IngestResult:
    """Read every source of the catalog into canonical tables; nothing is written."""
    for name in ("units", "catalogue"):
        if name not in catalog.sources:
            raise CchcError(f"{catalog.path.name}: the data catalog names no '{name}' source")
    if not catalog.dossiers:
        raise CchcError(f"{catalog.path.name}: the data catalog lists no dossier exports")
    tables: dict[str, pd.DataFrame] = {}
    quarantine: list[pd.DataFrame] = []
    reports: list[FileReport] = []
    for table in (schema.UNITS, schema.CATALOGUE, schema.TARGETS, schema.PLAN_TASKS,
                  schema.DOSSIERS):
        sources = ([catalog.sources[table.name]] if table.name in catalog.sources
                   else list(catalog.dossiers) if table is schema.DOSSIERS else [])
        frame, reasons, file_reports = _read_table(sources, table, catalog.personal_columns)
        if table is schema.TARGETS:
            known = list(schema.INDICATOR_LABELS_VI)
            reasons.add(frame.indicator.notna() & ~frame.indicator.isin(known), "bad_code",
                        "indicator", frame.indicator)
        if table is schema.DOSSIERS:
            check_dossier_rules(frame, reasons)
            ok = ~reasons.rejected
            reasons.add(mark_duplicates(frame[ok]).reindex(frame.index, fill_value=False),
                        "duplicate", "dossier_id")
        accepted = ~reasons.rejected
        _count(file_reports, frame, accepted)
        reports.extend(file_reports)
        quarantine.append(_quarantine_rows(table, frame, reasons))
        good = frame[accepted]
        if table is schema.DOSSIERS:
            good = complete_dossiers(good, tables["catalogue"])
            good = good.sort_values(["unit_code", "received_at", "dossier_id"], kind="stable")
        tables[table.name] = _finish(table, good)
    q = pd.concat(quarantine, ignore_index=True)[QUARANTINE_COLUMNS]
    q = q.astype({c: "string" for c in QUARANTINE_COLUMNS if c != "source_row"})
    return IngestResult(tables, q.astype({"source_row": "int64"}), reports)


# --------------------------------------------------------------------------------------
# Writing: all or nothing
# --------------------------------------------------------------------------------------

PROCESSED_FILES = {name: f"{name}.parquet" for name in schema.TABLES} | {
    "quarantine": "quarantine.parquet"}


def write_processed(result: IngestResult, out_dir: Path) -> list[Path]:
    """Write every table to a fresh folder, then swap it in: a failure leaves the old one."""
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-", dir=out_dir.parent))
    try:
        for name, frame in {**result.tables, "quarantine": result.quarantine}.items():
            frame.to_parquet(tmp / PROCESSED_FILES[name], index=False)
        result.quarantine.to_csv(tmp / "quarantine.csv", index=False)
        result.summary.to_csv(tmp / "ingest_summary.csv", index=False)
        if (out_dir / ".gitkeep").exists():
            (tmp / ".gitkeep").touch()
        old = out_dir.with_name(f".{out_dir.name}-old")
        if old.exists():
            shutil.rmtree(old)
        if out_dir.exists():
            out_dir.rename(old)
        tmp.rename(out_dir)
        if old.exists():
            shutil.rmtree(old)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return sorted(out_dir.iterdir())


def run(catalog_path: str | Path | None = None, out_dir: str | Path = PROCESSED_DIR,
        **overrides) -> IngestResult:
    """Ingest what the data catalog names (``overrides``: see ``with_overrides``) and write it."""
    catalog = load_catalog(catalog_path)
    if any(overrides.values()):
        catalog = with_overrides(catalog, **overrides)
    result = ingest(catalog)
    write_processed(result, resolve(out_dir))
    return result


def read_processed(data_dir: Path | str) -> dict[str, pd.DataFrame]:
    """The processed tables written by :func:`write_processed`, by name."""
    data_dir = Path(data_dir)
    if not (data_dir / PROCESSED_FILES["dossiers"]).is_file():
        raise CchcError(f"{data_dir}: no processed data here; run `cchc ingest` first")
    return {name: pd.read_parquet(data_dir / file) for name, file in PROCESSED_FILES.items()
            if (data_dir / file).is_file()}


def summary_text(result: IngestResult) -> str:
    """A short plain summary of a run, for the terminal and logs (no personal values)."""
    s = result.summary
    buf = io.StringIO()
    for table, part in s.groupby("table", sort=False):
        buf.write(f"{table}: {part.rows_in.sum()} rows in, {part.accepted.sum()} accepted, "
                  f"{part.quarantined.sum()} quarantined ({len(part)} file(s))\n")
    d = s[s.table == "dossiers"]
    for _, r in d.iterrows():
        where = f" [{r.sheet}]" if r.sheet else ""
        buf.write(f"  {r.file}{where}: {r.rows_in} in = {r.accepted} + {r.quarantined}\n")
    dropped = sorted({c for f in result.files for c in f.personal_columns_dropped})
    buf.write(f"personal-data columns dropped: {', '.join(dropped) or 'none'}\n")
    if len(result.quarantine):
        reasons = (result.quarantine.reasons.str.split(REASON_SEP).explode()
                   .str.split(":").str[0].value_counts().sort_index())
        buf.write("quarantine reasons: " + ", ".join(f"{k} {v}" for k, v in reasons.items()) + "\n")
    unknown = result.tables["dossiers"].get("unknown_procedure")
    if unknown is not None and unknown.any():
        buf.write(f"dossiers with procedure codes not in the catalogue (kept, flagged): "
                  f"{int(unknown.sum())}\n")
    return buf.getvalue()
