"""Data-quality view of an ingest run, in Vietnamese: what came in, what was set aside, why."""

from __future__ import annotations

import pandas as pd

from . import render, schema
from .ingest import REASON_SEP, IngestResult


def files_table(result: IngestResult) -> pd.DataFrame:
    s = result.summary
    return pd.DataFrame({
        "Bảng": s.table.map(lambda t: schema.TABLES[t].label_vi),
        "Tệp": s.file,
        "Trang tính": s.sheet,
        "Số dòng đọc": s.rows_in.map(render.integer),
        "Nhận": s.accepted.map(render.integer),
        "Loại (cách ly)": s.quarantined.map(render.integer),
        "Cột dữ liệu cá nhân đã bỏ": s.personal_columns_dropped,
    })


def reasons_table(result: IngestResult) -> pd.DataFrame:
    q = result.quarantine
    tags = q.reasons.str.split(REASON_SEP).explode()
    frame = pd.DataFrame({"table": q.table.reindex(tags.index), "tag": tags})
    frame[["reason", "column"]] = frame.tag.str.split(":", n=1, expand=True)
    counts = frame.groupby(["table", "reason", "column"]).size().reset_index(name="rows")
    return pd.DataFrame({
        "Bảng": counts.table.map(lambda t: schema.TABLES[t].label_vi),
        "Lý do": counts.reason.map(schema.QUARANTINE_REASONS_VI),
        "Cột": counts.column,
        "Số dòng": counts.rows.map(render.integer),
    })


def unknown_procedures_table(result: IngestResult) -> pd.DataFrame:
    d = result.tables["dossiers"]
    u = d[d.unknown_procedure].groupby(["unit_code", "procedure_code"]).size()
    u = u.reset_index(name="rows").sort_values(["unit_code", "procedure_code"])
    return pd.DataFrame({"Đơn vị": u.unit_code, "Mã TTHC không có trong danh mục":
                         u.procedure_code, "Số hồ sơ": u.rows.map(render.integer)})


def status_table(result: IngestResult) -> pd.DataFrame:
    d = result.tables["dossiers"]
    counts = pd.crosstab(d.unit_code, d.status).reindex(columns=list(schema.STATUS_CODES),
                                                          fill_value=0)
    counts.loc["Tổng cộng"] = counts.sum()
    out = counts.rename(columns=schema.STATUS_LABELS_VI).map(render.integer)
    out.insert(0, "Đơn vị", counts.index)
    out["Hạn trả tính từ danh mục"] = (d.groupby("unit_code").due_derived.sum()
                                       .reindex(counts.index).fillna(d.due_derived.sum())
                                       .map(render.integer).to_numpy())
    return out.reset_index(drop=True)
