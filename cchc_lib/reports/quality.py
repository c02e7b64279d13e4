"""Data-quality view of an ingest run, in Vietnamese: what came in, what was set aside, why.

Tables for the ingest notebook, and :func:`quality_table`, the same counts in one long table
written as ``data_quality.csv`` next to the processed data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from cchc_lib.core import schema, vi
from cchc_lib.core.codes import problem_vi
from cchc_lib.core.lang import reports_quality as lang
from cchc_lib.core.schema import REASON_SEP
from cchc_lib.core.vi import NON_DATA_REASONS_VI
from cchc_lib.ingest.quality import reason_counts, table_label
from cchc_lib.reports import render
from cchc_lib.reports.safe import Rich, rich

if TYPE_CHECKING:
    from cchc_lib.ingest.result import IngestResult


def alerts_view(result: IngestResult) -> Rich:
    """The first thing the ingest notebook shows: exports whose dates read both ways (with
    the ``date_order`` line), unrecognised values that set many rows aside (each with the
    ``value_map`` line that pins it), then the columns not read whose titles name a word of
    the data contract (each with the ``columns`` lines)."""
    parts = [rich(lang.DATE_ORDER_ALERT_VI, file=a.file, rows=render.integer(a.rows),
                  rows_in=render.integer(a.rows_in))
             for a in result.date_alerts]
    parts += [rich(lang.REASON_ALERT_VI
                   + ("" if a.column == "row" else lang.REASON_ALERT_COLUMN_VI)
                   + lang.REASON_ALERT_FIRST_VI, file=a.file,
                   rows=render.integer(a.rows), rows_in=render.integer(a.rows_in),
                   reason=vi.QUARANTINE_REASONS_VI.get(a.reason, a.reason).lower(),
                   column=a.column, first=a.first_row,
                   example=f" ({a.shown})" if a.shown else "")
              for a in result.reason_alerts]
    alerts = result.alerts
    if not alerts:
        parts.append(rich(lang.NO_VALUE_ALERTS_VI))
    else:
        parts.append(rich(lang.VALUE_ALERTS_VI, n=len(alerts)))
    for a in alerts:
        parts.append(rich(
            lang.VALUE_ALERT_ITEM_VI, file=a.file, column=a.code.column,
            value=a.code.shown, problem=problem_vi(a.code.problem),
            rows=render.integer(a.code.rows), rows_in=render.integer(a.rows_in),
            share=render.percent(a.share), first=a.code.first_row, line=a.value_map_line))
    parts.append(_title_alerts_view(result))
    out = parts[0]
    for part in parts[1:]:
        out += part
    return out


def _title_alerts_view(result: IngestResult) -> Rich:
    alerts = result.title_alerts
    if not alerts:
        return rich(lang.NO_TITLE_ALERTS_VI)
    out = rich(lang.TITLE_ALERTS_VI, n=len(alerts))
    for a in alerts:
        read, skip = a.lines()
        out += rich(lang.TITLE_ALERT_ITEM_VI, file=a.file,
                    sheet=f" [{a.sheet}]" if a.sheet else "", title=a.title,
                    words=", ".join(f"“{w}”" for w, _ in a.words),
                    columns=lang.OR_VI.join(a.columns), read=read, skip=skip)
    return out


def columns_table(result: IngestResult) -> pd.DataFrame:
    """Per export: the columns read by the meaning of their titles or by the data catalog, the
    optional columns it lacks, and every column neither read nor dropped as personal data,
    with why."""
    from cchc_lib.ingest.result import HOW_VI

    head = lang.COLUMNS_TABLE_VI
    rows = []
    for f in result.files:
        if f.table != "dossiers" or not (f.columns_read or f.columns_unread):
            continue
        read = [f"{c} ← “{f.columns_read[c]}” ({HOW_VI[h]})" for c, h in f.columns_how.items()
                if h in HOW_VI]
        rows.append({head["file"]: f.file + (f" [{f.sheet}]" if f.sheet else ""),
                     head["read"]: "; ".join(read),
                     head["missing"]: ", ".join(f.columns_missing),
                     head["unread"]: "; ".join(f"“{u.title}”: {u.why_vi()}"
                                               for u in f.columns_unread)})
    return pd.DataFrame(rows, columns=list(head.values()))


def files_table(result: IngestResult) -> pd.DataFrame:
    s = result.summary
    head = lang.FILES_COLUMNS_VI
    return pd.DataFrame({
        head["table"]: s.table.map(table_label),
        head["file"]: s.file,
        head["sheet"]: s.sheet,
        head["rows_in"]: s.rows_in.map(render.integer),
        head["accepted"]: s.accepted.map(render.integer),
        head["quarantined"]: s.quarantined.map(render.integer),
        head["rows_skipped"]: s.rows_skipped.map(render.integer),
        head["personal_columns_dropped"]: s.personal_columns_dropped,
        head["note"]: [", ".join(p for p in (note, _skipped_vi(detail)) if p)
                    for note, detail in zip(s.note, s.skipped_detail, strict=True)],
    })


def _skipped_vi(detail: str) -> str:
    """'blank 3, no_header 1' -> the same in Vietnamese."""
    parts = [p.rsplit(" ", 1) for p in detail.split(", ") if p]
    return ", ".join(f"{NON_DATA_REASONS_VI.get(k, k)}: {n}" for k, n in parts)


def reasons_table(result: IngestResult) -> pd.DataFrame:
    counts = reason_counts(result)
    head = lang.REASONS_COLUMNS_VI
    return pd.DataFrame({
        head["table"]: counts.table.map(table_label),
        head["reason"]: counts.reason.map(vi.QUARANTINE_REASONS_VI),
        head["column"]: counts.column,
        head["rows"]: counts.rows.map(render.integer),
    })


def unknown_procedures_table(result: IngestResult) -> pd.DataFrame:
    d = result.tables["dossiers"]
    u = d[d.unknown_procedure].groupby(["unit_code", "procedure_code"]).size()
    u = u.reset_index(name="rows").sort_values(["unit_code", "procedure_code"])
    head = lang.UNKNOWN_PROCEDURES_COLUMNS_VI
    return pd.DataFrame({head["unit"]: u.unit_code, head["procedure"]: u.procedure_code,
                         head["dossiers"]: u.rows.map(render.integer)})


def status_table(result: IngestResult) -> pd.DataFrame:
    d = result.tables["dossiers"]
    counts = pd.crosstab(d.unit_code, d.status).reindex(columns=list(schema.STATUS_CODES),
                                                          fill_value=0)
    derived = d.groupby("unit_code").due_derived.sum().reindex(counts.index, fill_value=0)
    counts.loc[vi.TOTAL_ROW_VI] = counts.sum()
    derived.loc[vi.TOTAL_ROW_VI] = derived.sum()
    out = counts.rename(columns=vi.STATUS_LABELS_VI).map(render.integer)
    out.insert(0, lang.STATUS_COLUMNS_VI["unit"], counts.index)
    out[lang.STATUS_COLUMNS_VI["due_derived"]] = derived.map(render.integer).to_numpy()
    return out.reset_index(drop=True)


def set_aside(quarantine: pd.DataFrame | None, unit_codes: list[str], start, end
              ) -> dict[str, object]:
    """Dossier rows of these units set aside at ingest, as a report of [start, end] must say.

    ``in_period``: quarantined rows received in the period; ``reason``: their most common
    reason (Vietnamese); ``undated``: rows of these units whose receipt date could not be
    read (or is implausible), which may belong to this period or another.
    """
    if quarantine is None or quarantine.empty:
        return {"in_period": 0, "reason": "", "reason_rows": 0, "undated": 0}
    q = quarantine[(quarantine.table == "dossiers") & quarantine.unit_code.isin(unit_codes)]
    received = q.received_at if "received_at" in q else pd.Series(pd.NaT, index=q.index)
    from cchc_lib.ingest.checks import EARLIEST_DATE

    undated = received.isna() | (received < EARLIEST_DATE)
    day = received.dt.normalize()
    inside = q[~undated & (day >= pd.Timestamp(start)) & (day <= pd.Timestamp(end))]
    reasons = inside.reasons.str.split(REASON_SEP).str[0].str.split(":").str[0]
    top = reasons.value_counts().sort_index().sort_values(ascending=False, kind="stable")
    return {"in_period": len(inside),
            "reason": vi.QUARANTINE_REASONS_VI.get(top.index[0], top.index[0])
            if len(top) else "",
            "reason_rows": int(top.iloc[0]) if len(top) else 0,
            "undated": int(undated.sum())}


def set_aside_vi(counts: dict) -> str:
    """One sentence for a report: how many of its period's dossiers were set aside, why."""
    n, undated = counts["in_period"], counts["undated"]
    text = (lang.SET_ASIDE_VI.format(count=render.integer(n))
            + (lang.SET_ASIDE_REASON_VI.format(reason=counts["reason"],
                                               rows=render.integer(counts["reason_rows"]))
               if n else "") + ".")
    if undated:
        text += lang.SET_ASIDE_UNDATED_VI.format(undated=render.integer(undated))
    return text + lang.SET_ASIDE_DETAIL_VI


__all__ = [
    "alerts_view", "columns_table", "files_table", "reasons_table", "set_aside", "set_aside_vi",
    "status_table", "unknown_procedures_table",
]
