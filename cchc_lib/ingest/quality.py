"""The data-quality counts of an ingest: rows in, accepted and set aside per file, the reasons,
rows that are not data, dossiers per unit and status, personal columns dropped. Written as
``data_quality.csv`` beside the tables; the ingest notebook shows them."""

from __future__ import annotations

import pandas as pd

from cchc_lib.core import schema, vi
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
        rows += [("Số dòng dữ liệu theo tệp", f"{r.file}{where}", r.rows_in),
                 ("Số dòng nhận theo tệp", f"{r.file}{where}", r.accepted),
                 ("Số dòng cách ly theo tệp", f"{r.file}{where}", r.quarantined)]
    for f in result.files:
        for kind, n in f.rows_skipped.items():
            rows.append(("Dòng không phải dữ liệu", f"{f.file}: {NON_DATA_REASONS_VI[kind]}", n))
    for r in reason_counts(result).itertuples():
        rows.append(("Lý do cách ly", f"{table_label(r.table)}: "
                     f"{vi.QUARANTINE_REASONS_VI.get(r.reason, r.reason)} ({r.column})",
                     r.rows))
    d = result.tables["dossiers"]
    q = result.quarantine[result.quarantine.table == "dossiers"]
    for unit, n in d.unit_code.value_counts().sort_index().items():
        rows.append(("Hồ sơ nhận theo đơn vị", unit, n))
    for unit, n in q.unit_code.fillna("(không rõ)").value_counts().sort_index().items():
        rows.append(("Hồ sơ cách ly theo đơn vị", unit, n))
    for code, n in d[d.unknown_procedure].procedure_code.value_counts().sort_index().items():
        rows.append(("Mã TTHC không có trong danh mục", code, n))
    for status in schema.STATUS_CODES:
        rows.append(("Hồ sơ theo trạng thái", vi.STATUS_LABELS_VI[status],
                     int((d.status == status).sum())))
    for unit, n in d[d.due_derived].unit_code.value_counts().sort_index().items():
        rows.append(("Hạn trả tính từ danh mục (ngày làm việc)", unit, n))
    dropped = pd.Series([c for f in result.files for c in f.personal_columns_dropped])
    for col, n in dropped.value_counts().sort_index().items():
        rows.append(("Cột dữ liệu cá nhân đã bỏ (số tệp)", col, n))
    out = pd.DataFrame(rows, columns=["Mục", "Nội dung", "Số lượng"])
    out["Số lượng"] = out["Số lượng"].astype("int64")
    return out


QUARANTINE_HEADERS_VI = {
    "table": "Bảng", "source_file": "Tệp", "source_sheet": "Trang tính", "source_row": "Dòng",
    "reasons": "Mã lý do", "unit_code": "Mã đơn vị", "dossier_id": "Mã hồ sơ",
    "procedure_code": "Mã TTHC", "received_at": "Ngày tiếp nhận", "detail": "Chi tiết",
}


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


def quarantine_for_readers(quarantine: pd.DataFrame) -> pd.DataFrame:
    """The quarantine as ``quarantine.csv`` shows it: Vietnamese headers, the table's name, the
    reasons in words beside their codes (kept for filtering)."""
    out = quarantine.copy()
    out["table"] = out.table.map(lambda name: table_label(name) if name in schema.TABLES
                                 else name)
    out.insert(out.columns.get_loc("reasons"), "reasons_vi",
               out.reasons.map(reasons_vi, na_action="ignore"))
    return out.rename(columns=QUARANTINE_HEADERS_VI | {"reasons_vi": "Lý do"})
