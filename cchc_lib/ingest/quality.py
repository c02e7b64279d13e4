"""The data-quality counts of an ingest: rows in, accepted and set aside per file, the reasons,
rows that are not data, dossiers per unit and status, personal columns dropped. Written as
``data_quality.csv`` beside the tables; the ingest notebook shows them."""

from __future__ import annotations

import pandas as pd

from cchc_lib.core import schema, vi
from cchc_lib.core.lang import ingest as lang
from cchc_lib.core.schema import REASON_SEP
from cchc_lib.core.vi import NON_DATA_REASONS_VI
from cchc_lib.ingest.result import IngestResult


def table_label(table: str) -> str:
    return schema.TABLES[table].label_vi


def reason_counts(result: IngestResult) -> pd.DataFrame:
    q = result.quarantine
    if q.empty:
        return pd.DataFrame(columns=["table", "reason", "column", "rows"])
    tags = q.reasons.str.split(REASON_SEP).explode()
    frame = pd.DataFrame({"table": q.table.reindex(tags.index), "tag": tags})
    frame[["reason", "column"]] = frame.tag.str.split(":", n=1, expand=True)
    return frame.groupby(["table", "reason", "column"]).size().reset_index(name="rows")


def quality_table(result: IngestResult) -> pd.DataFrame:
    """Every count of the data-quality report in one long table (Mục, Nội dung, Số lượng)."""
    rows: list[tuple[str, str, int]] = []
    s = result.summary
    for r in s.itertuples():
        where = f" [{r.sheet}]" if r.sheet else ""
        rows += [(lang.FILE_ROWS_IN_VI, f"{r.file}{where}", r.rows_in),
                 (lang.FILE_ACCEPTED_VI, f"{r.file}{where}", r.accepted),
                 (lang.FILE_QUARANTINED_VI, f"{r.file}{where}", r.quarantined)]
    for f in result.files:
        for kind, n in f.rows_skipped.items():
            rows.append((lang.NOT_DATA_ROWS_VI, f"{f.file}: {NON_DATA_REASONS_VI[kind]}", n))
    for r in reason_counts(result).itertuples():
        rows.append((lang.QUARANTINE_REASON_VI, f"{table_label(r.table)}: "
                     f"{vi.QUARANTINE_REASONS_VI.get(r.reason, r.reason)} ({r.column})",
                     r.rows))
    d = result.tables["dossiers"]
    q = result.quarantine[result.quarantine.table == "dossiers"]
    for unit, n in d.unit_code.value_counts().sort_index().items():
        rows.append((lang.UNIT_ACCEPTED_VI, unit, n))
    for unit, n in q.unit_code.fillna(lang.UNIT_NOT_KNOWN_VI).value_counts().sort_index().items():
        rows.append((lang.UNIT_QUARANTINED_VI, unit, n))
    for code, n in d[d.unknown_procedure].procedure_code.value_counts().sort_index().items():
        rows.append((lang.PROCEDURE_NOT_LISTED_VI, code, n))
    for status in schema.STATUS_CODES:
        rows.append((lang.STATUS_DOSSIERS_VI, vi.STATUS_LABELS_VI[status],
                     int((d.status == status).sum())))
    for unit, n in d[d.due_derived].unit_code.value_counts().sort_index().items():
        rows.append((lang.DUE_DERIVED_UNITS_VI, unit, n))
    dropped = pd.Series([c for f in result.files for c in f.personal_columns_dropped])
    for col, n in dropped.value_counts().sort_index().items():
        rows.append((lang.PERSONAL_DROPPED_FILES_VI, col, n))
    out = pd.DataFrame(rows, columns=list(lang.QUALITY_COLUMNS_VI))
    count = lang.QUALITY_COLUMNS_VI[-1]
    out[count] = out[count].astype("int64")
    return out


QUARANTINE_HEADERS_VI = lang.QUARANTINE_HEADERS_VI


WHOLE_ROW = "row"  # the "column" of a reason about the whole line (wrong_field_count:row)


def reasons_vi(tags: str) -> str:
    """ "bad_code:status; missing:received_at" -> "Mã không hợp lệ (status); Thiếu giá trị
    bắt buộc (received_at)"."""
    out = []
    for tag in str(tags).split(REASON_SEP):
        reason, _, column = tag.partition(":")
        text = vi.QUARANTINE_REASONS_VI.get(reason, reason)
        out.append(f"{text} ({column})" if column and column != WHOLE_ROW else text)
    return REASON_SEP.join(out)


def titles_named(tags: str, titles: dict[str, str]) -> str:
    """The titles, as the file or sheet writes them, of the columns a row's reasons name
    ("Điểm tự chấm" for ``above_maximum:points``), so an officer finds the cell."""
    names = [tag.partition(":")[2] for tag in str(tags).split(REASON_SEP)]
    return REASON_SEP.join(dict.fromkeys(titles[n] for n in names if n in titles))


def quarantine_for_readers(quarantine: pd.DataFrame,
                           titles: dict[tuple[str, str], dict[str, str]] | None = None
                           ) -> pd.DataFrame:
    """The quarantine as ``quarantine.csv`` shows it: Vietnamese headers, the table's name, the
    reasons in words beside their codes (kept for filtering), and the column each reason
    names under its own title in the file (``titles``: per (file, sheet), column -> title)."""
    out = quarantine.copy()
    out["table"] = out.table.map(lambda name: table_label(name) if name in schema.TABLES
                                 else name)
    out.insert(out.columns.get_loc("reasons"), "reasons_vi",
               out.reasons.map(reasons_vi, na_action="ignore"))
    if titles is not None:
        sheets = out.source_sheet.fillna("").astype(str)
        out.insert(out.columns.get_loc("reasons"), "titles_named", [
            titles_named(tags, titles.get((str(f), s), {}))
            for tags, f, s in zip(out.reasons, out.source_file, sheets, strict=True)])
    return out.rename(columns=QUARANTINE_HEADERS_VI | {"reasons_vi": lang.REASONS_HEADER_VI,
                                                      "titles_named": lang.COLUMN_TITLES_VI})


__all__ = [
    "quality_table", "quarantine_for_readers", "QUARANTINE_HEADERS_VI", "reason_counts",
    "reasons_vi", "table_label", "titles_named", "WHOLE_ROW",
]
