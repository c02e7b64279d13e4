"""What an ingest returns: the tables, the quarantine, a report per file, the alerts to read
first, and their Vietnamese texts for the terminal and logs.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field, replace
from functools import cached_property

import pandas as pd

from cchc_lib.core import schema, vi
from cchc_lib.core.codes import AMBIGUOUS, problem_vi
from cchc_lib.core.lang import ingest as lang
from cchc_lib.core.schema import REASON_SEP
from cchc_lib.core.text import fold

SOURCE_COLUMNS = ["source_file", "source_sheet", "source_row"]
# the processed table of which optional columns each dossier export has (source_columns)
SOURCE_COLUMNS_TABLE = ["source_file", "source_sheet", "column", "present", "title", "how"]
QUARANTINE_COLUMNS = ["table", *SOURCE_COLUMNS, "reasons", "unit_code", "dossier_id",
                      "procedure_code", "received_at", "detail"]

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
    columns_ignored: list[str] = field(default_factory=list)  # titles not read (nor personal)
    columns_read: dict[str, str] = field(default_factory=dict)  # column -> its title
    columns_how: dict[str, str] = field(default_factory=dict)  # column -> pinned/alias/rules
    columns_missing: list[str] = field(default_factory=list)  # optional columns not in it
    columns_empty: list[str] = field(default_factory=list)  # titled, no value (also missing)
    dates_ambiguous: int = 0  # rows set aside for a date that reads day first and month first
    note: str = ""  # how the file was read: its encoding, a sheet continuing another
    # unreadable code values, one per (column, folded value), kept in memory for the alerts
    unread_codes: list[UnreadCode] = field(default_factory=list, repr=False)
    # the columns not read, and why (mapping.Unread), kept in memory for the warnings
    columns_unread: list = field(default_factory=list, repr=False)


@dataclass
class UnreadCode:
    column: str
    shown: str  # as the quarantine may show it (never text a person typed)
    problem: str  # codes.UNKNOWN, NOT_A_CODE or "ambiguous:a/b"
    rows: int
    first_row: int  # the file's row or line number of its first occurrence
    spelling: str  # the raw value when it may be shown (else ""): for the value_map line
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
                    else lang.VALUE_AT_ROW_VI.format(row=self.code.first_row))
        return f"value_map: {{{self.code.column}: {{{spelling}: {'|'.join(options)}}}}}"

    def message_vi(self) -> str:
        from cchc_lib.core.formats import integer, percent

        return lang.CODE_ALERT_VI.format(
            file=self.file, column=self.code.column, shown=self.code.shown,
            problem=problem_vi(self.code.problem), rows=integer(self.code.rows),
            rows_in=integer(self.rows_in), share=percent(self.share),
            first=self.code.first_row, line=self.value_map_line)


@dataclass
class TitleAlert:
    """A column not read whose title names a word of the data contract ("hẹn", "bổ sung",
    "xin lỗi" …): it may be a column the export calls otherwise."""

    table: str
    file: str
    sheet: str
    title: str
    words: list  # [(word, columns it makes one think of)]

    @property
    def columns(self) -> list[str]:
        return list(dict.fromkeys(c for _, cols in self.words for c in cols))

    def lines(self) -> tuple[str, str]:
        """The ``columns:`` line that reads the column, and the one that says not to."""
        quoted = json.dumps(self.title, ensure_ascii=False)
        return (f"columns: {{{quoted}: {'|'.join(self.columns)}}}",
                f"columns: {{{quoted}: null}}")

    def message_vi(self) -> str:
        where = f" [{self.sheet}]" if self.sheet else ""
        words = ", ".join(f"“{w}”" for w, _ in self.words)
        read, skip = self.lines()
        return lang.TITLE_ALERT_VI.format(file=self.file, where=where, title=self.title,
                                          words=words, columns=lang.OR_VI.join(self.columns),
                                          read=read, skip=skip)


# the reasons that say a value was not read (a rule broken across columns — received after
# finished, a duplicate — is the data's own story, told in the data-quality report, not an alert)
READING_REASONS = ("bad_date", "bad_number", "missing", "unknown_unit", "wrong_field_count",
                   "implausible_date")


@dataclass
class ReasonAlert:
    """One reason a value was not read that sets aside many rows of one file."""

    table: str
    file: str
    reason: str
    column: str
    rows: int
    rows_in: int
    first_row: int
    shown: str  # what the quarantine shows of the first one (never text a person typed)
    sheet: str = ""  # the sheet of a workbook (one table per sheet: a logbook)
    title: str = ""  # the column's title in the file, when it has one

    def message_vi(self) -> str:
        from cchc_lib.core.formats import integer, percent

        example = f" ({self.shown})" if self.shown else ""
        column = (f"“{self.title}” ({self.column})" if self.title and self.title != self.column
                  else self.column)
        return lang.REASON_ALERT_VI.format(
            file=self.file + (f" [{self.sheet}]" if self.sheet else ""),
            rows=integer(self.rows), rows_in=integer(self.rows_in),
            share=percent(self.rows / self.rows_in if self.rows_in else 0.0),
            reason=vi.QUARANTINE_REASONS_VI.get(self.reason, self.reason).lower(),
            column=("" if self.column == "row"
                    else lang.REASON_ALERT_COLUMN_VI.format(column=column)),
            first=self.first_row, example=example)


@dataclass
class DateOrderAlert:
    """An export whose dates do not show their order (every one reads day first and month
    first): its rows are set aside until the data catalog says the order."""

    table: str
    file: str
    rows: int
    rows_in: int

    def message_vi(self) -> str:
        from cchc_lib.core.formats import integer

        return lang.DATE_ORDER_ALERT_VI.format(file=self.file, rows=integer(self.rows),
                                               rows_in=integer(self.rows_in))


@dataclass
class IngestResult:
    tables: dict[str, pd.DataFrame]
    quarantine: pd.DataFrame
    files: list[FileReport]
    methodology: str | None = None  # the PAR methodology YAML, checked, copied as it is
    # the per-file cache: files read again from their bytes, files unchanged since (labels)
    files_parsed: list[str] = field(default_factory=list)
    files_reused: list[str] = field(default_factory=list)

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
                key = (f.table, f.file, c.column, fold(c.spelling or c.shown), c.problem)
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

    @cached_property
    def title_alerts(self) -> list[TitleAlert]:
        """Columns not read whose titles name the data contract's words, once per file,
        sheet and title."""
        out: dict[tuple, TitleAlert] = {}
        for f in self.files:
            for u in f.columns_unread:
                if u.warns:
                    out.setdefault((f.table, f.file, f.sheet, u.title), TitleAlert(
                        f.table, f.file, f.sheet, u.title, [tuple(w) for w in u.words]))
        return list(out.values())

    @property
    def source_columns(self) -> pd.DataFrame:
        """Per dossier export read (file and sheet): each optional column of the contract,
        whether the export has it, under which title and how the title was read. What an
        indicator needs and an export lacks is "không có số liệu", never 0."""
        rows = [{"source_file": f.file, "source_sheet": f.sheet, "column": c.name,
                 "present": c.name not in f.columns_missing,
                 "title": f.columns_read.get(c.name), "how": f.columns_how.get(c.name)}
                for f in self.files if f.table == "dossiers" and f.rows_in
                for c in schema.DOSSIERS.columns if not c.required]
        return pd.DataFrame(rows, columns=SOURCE_COLUMNS_TABLE).astype(
            {"source_file": "string", "source_sheet": "string", "column": "string",
             "present": "bool", "title": "string", "how": "string"})

    @cached_property
    def date_alerts(self) -> list[DateOrderAlert]:
        """Exports with rows set aside for dates that read both ways, once per file."""
        rows: dict[tuple[str, str], list[int]] = {}
        for f in self.files:
            got = rows.setdefault((f.table, f.file), [0, 0])
            got[0] += f.dates_ambiguous
            got[1] += f.rows_in
        return [DateOrderAlert(t, file, n, total) for (t, file), (n, total) in rows.items()
                if n]

    @cached_property
    def reason_alerts(self) -> list[ReasonAlert]:
        """Values not read (a date, a number, a required value, a unit) that set aside at
        least 1 % of a file's rows, or 20 rows, per reason and column."""
        q = self.quarantine
        if q.empty:
            return []
        rows_in: dict[tuple[str, str], int] = {}
        for f in self.files:
            rows_in[(f.table, f.file)] = rows_in.get((f.table, f.file), 0) + f.rows_in
        tags = q.reasons.str.split(REASON_SEP).explode()
        found = q.loc[tags.index, ["table", "source_file", "source_sheet", "source_row",
                                   "detail"]].assign(tag=tags.to_numpy())
        found[["reason", "column"]] = found.tag.str.split(":", n=1, expand=True)
        found = found[found.reason.isin(READING_REASONS)]
        # a sheet is named when the file's table is read from one sheet (a logbook's)
        sheets: dict[tuple[str, str], set[str]] = {}
        titles: dict[tuple[str, str], dict[str, str]] = {}
        for f in self.files:
            sheets.setdefault((f.table, f.file), set()).add(f.sheet or "")
            titles.setdefault((f.table, f.file), {}).update(f.columns_read)
        out = []
        for (table, file, reason, column), part in found.groupby(
                ["table", "source_file", "reason", "column"], sort=True):
            key = (str(table), str(file))
            n, total = len(part), rows_in.get(key, 0)
            if n >= ALERT_ROWS or n >= ALERT_SHARE * total:
                first = part.sort_values("source_row").iloc[0]
                shown = next((d for d in str(first.detail or "").split(REASON_SEP)
                              if d.startswith(f"{column}=")), "")
                one = sheets.get(key, set())
                out.append(ReasonAlert(str(table), str(file), str(reason), str(column), n,
                                       total, int(first.source_row), shown,
                                       next(iter(one)) if len(one) == 1 else "",
                                       titles.get(key, {}).get(str(column), "")))
        return sorted(out, key=lambda a: (-a.rows, a.file, a.column))

    @property
    def stops_strict(self) -> bool:
        """Whether ``--strict`` writes nothing: an alert of any kind."""
        return bool(self.alerts or self.title_alerts or self.date_alerts
                    or self.reason_alerts)

    @property
    def summary(self) -> pd.DataFrame:
        hidden = ("unread_codes", "columns_unread", "columns_how")
        rows = [{**{k: v for k, v in f.__dict__.items() if k not in hidden},
                 "rows_skipped": sum(f.rows_skipped.values()),
                 "skipped_detail": ", ".join(f"{k} {v}" for k, v in f.rows_skipped.items()),
                 "personal_columns_dropped": ", ".join(f.personal_columns_dropped),
                 "columns_ignored": "; ".join(f.columns_ignored),
                 "columns_read": "; ".join(
                     f"{c} <- {t}" + (f" ({HOW_VI[f.columns_how[c]]})"
                                      if f.columns_how.get(c) in HOW_VI else "")
                     for c, t in f.columns_read.items()),
                 "columns_missing": ", ".join(f.columns_missing)} for f in self.files]
        cols = [c for c in FileReport.__dataclass_fields__ if c not in hidden]
        cols.insert(cols.index("rows_skipped") + 1, "skipped_detail")
        return pd.DataFrame(rows, columns=cols)


# how a column's title was read, as the summary says it (an exact alias goes unsaid)
HOW_VI = lang.HOW_VI


def alerts_text(result: IngestResult) -> str:
    """The alerts, first thing an analyst reads: one paragraph per unrecognised value, then
    one per column not read whose title names a word of the data contract."""
    parts = []
    if result.alerts:
        parts += [lang.CODE_ALERTS_HEAD_VI.format(n=len(result.alerts)),
                  *(a.message_vi() for a in result.alerts)]
    if result.date_alerts:
        parts += [a.message_vi() for a in result.date_alerts]
    if result.reason_alerts:
        parts += [a.message_vi() for a in result.reason_alerts]
    if result.title_alerts:
        parts += [lang.TITLE_ALERTS_HEAD_VI.format(n=len(result.title_alerts)),
                  *(a.message_vi() for a in result.title_alerts)]
    return "\n".join(parts) + "\n" if parts else ""



def derived_due_dates(result: IngestResult) -> dict[tuple[str, str], int]:
    """Per (file, sheet): the accepted dossiers whose due date was worked out from the
    procedure catalogue's processing days, because the export gave none."""
    d = result.tables.get("dossiers")
    if d is None or "due_derived" not in d or not d.due_derived.any():
        return {}
    counts = d[d.due_derived].groupby(["source_file", "source_sheet"]).size()
    return {(str(f), str(s)): int(n) for (f, s), n in counts.items()}


def columns_lines(f: FileReport, derived: int = 0) -> list[str]:
    """What a file's report says of its columns, in Vietnamese: those read by the meaning of
    their titles or by the data catalog, those the export lacks, those not read, and the
    due dates worked out from the catalogue (``derived``: how many)."""
    from cchc_lib.core.formats import integer

    out = []
    by = {how: [f"{c} ← “{f.columns_read[c]}”" for c, h in f.columns_how.items() if h == how]
          for how in HOW_VI}
    for how, said in by.items():
        if said:
            out.append(lang.COLUMNS_READ_HOW_VI.format(how=HOW_VI[how], columns=", ".join(said)))
    absent = [c for c in f.columns_missing if c not in f.columns_empty]
    if absent:
        out.append(lang.COLUMNS_ABSENT_VI.format(columns=", ".join(absent)))
    if f.columns_empty:
        out.append(lang.COLUMNS_EMPTY_VI.format(columns=", ".join(
            f"{c} ← “{f.columns_read.get(c, '')}”" for c in f.columns_empty)))
    if derived:
        out.append(lang.DUE_DERIVED_VI.format(n=integer(derived)))
    if f.columns_unread:
        out.append(lang.COLUMNS_UNREAD_VI.format(columns="; ".join(
            f"“{u.title}” ({u.why_vi()})" for u in f.columns_unread)))
    return out


def _reference_file_lines(buf: io.StringIO, f: FileReport) -> None:
    """A hand-kept file's line, only when there is something to say: its note (evidence
    files missing), rows that are not data (a grid row not filled yet), optional columns it
    lacks (read as blank: a self-assessment without its evidence column scores nothing as
    evidenced)."""
    from cchc_lib.core.formats import integer as n
    from cchc_lib.core.vi import NON_DATA_REASONS_VI

    skipped = ", ".join(f"{NON_DATA_REASONS_VI.get(k, k).lower()} {n(v)}"
                        for k, v in f.rows_skipped.items())
    notes = "; ".join(p for p in (
        f.note, lang.FILE_SKIPPED_VI.format(skipped=skipped) if skipped else "") if p)
    if not (notes or f.columns_missing) or f.table not in schema.HAND_KEPT:
        return
    where = f" [{f.sheet}]" if f.sheet else ""
    buf.write(lang.FILE_SUMMARY_VI.format(file=f.file, where=where, rows_in=n(f.rows_in),
                                          accepted=n(f.accepted), quarantined=n(f.quarantined))
              + (f" ({notes})" if notes else "") + "\n")
    if f.columns_missing:
        first = {c.name: c.aliases[0] for c in schema.TABLES[f.table].columns}
        buf.write("    " + lang.OPTIONAL_MISSING_VI.format(columns=", ".join(
            f"“{first.get(c, c)}”" for c in f.columns_missing)) + "\n")


def summary_text(result: IngestResult) -> str:
    """A short plain summary of a run, in Vietnamese, for the terminal and logs (no
    personal values)."""
    from cchc_lib.core.formats import integer as n  # 31.111: a dot for thousands
    from cchc_lib.core.vi import NON_DATA_REASONS_VI

    s = result.summary
    buf = io.StringIO()
    for table, part in s.groupby("table", sort=False):
        buf.write(lang.TABLE_SUMMARY_VI.format(
            table=schema.TABLES[table].label_vi, rows_in=n(part.rows_in.sum()),
            accepted=n(part.accepted.sum()), quarantined=n(part.quarantined.sum()),
            files=part.file.nunique()))
    derived = derived_due_dates(result)
    for f in result.files:
        if f.table != "dossiers":
            _reference_file_lines(buf, f)
            continue
        where = f" [{f.sheet}]" if f.sheet else ""
        skipped = ", ".join(f"{NON_DATA_REASONS_VI.get(k, k).lower()} {n}"
                            for k, n in f.rows_skipped.items())
        notes = "; ".join(p for p in (
            f.note, lang.FILE_SKIPPED_VI.format(skipped=skipped) if skipped else "") if p)
        buf.write(lang.FILE_SUMMARY_VI.format(file=f.file, where=where, rows_in=n(f.rows_in),
                                              accepted=n(f.accepted),
                                              quarantined=n(f.quarantined))
                  + (f" ({notes})" if notes else "") + "\n")
        for line in columns_lines(f, derived.get((f.file, f.sheet), 0)):
            buf.write(f"    {line}\n")
    if result.files_reused:
        buf.write(lang.FILES_REUSED_VI.format(reused=len(result.files_reused),
                                              parsed=len(result.files_parsed)))
    dropped = sorted({c for f in result.files for c in f.personal_columns_dropped})
    buf.write(lang.PERSONAL_DROPPED_VI.format(columns=", ".join(dropped) or lang.NONE_VI))
    if len(result.quarantine):
        reasons = (result.quarantine.reasons.str.split(REASON_SEP).explode()
                   .str.split(":").str[0].value_counts().sort_index())
        buf.write(lang.QUARANTINE_REASONS_LINE_VI.format(reasons=", ".join(
            f"{vi.QUARANTINE_REASONS_VI.get(k, k).lower()} ({k}) {n(v)}"
            for k, v in reasons.items())))
    unknown = result.tables["dossiers"].get("unknown_procedure")
    if unknown is not None and unknown.any():
        buf.write(lang.UNKNOWN_PROCEDURES_VI.format(n=n(unknown.sum())))
    return buf.getvalue()


__all__ = [
    "ALERT_ROWS", "ALERT_SHARE", "alerts_text", "CodeAlert", "columns_lines", "DateOrderAlert",
    "derived_due_dates", "FileReport", "HOW_VI", "IngestResult", "QUARANTINE_COLUMNS",
    "READING_REASONS", "ReasonAlert", "SOURCE_COLUMNS", "SOURCE_COLUMNS_TABLE", "summary_text",
    "TitleAlert", "UnreadCode",
]
