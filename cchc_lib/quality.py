"""Data-quality view of an ingest run, in Vietnamese: what came in, what was set aside, why.

Tables for the ingest notebook, and :func:`quality_table`, the same counts in one long table
written as ``data_quality.csv`` next to the processed data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from . import render, schema
from .readers import NON_DATA_REASONS_VI
from .schema import REASON_SEP

if TYPE_CHECKING:
    from .ingest import IngestResult


def _label(table: str) -> str:
    return schema.TABLES[table].label_vi


def files_table(result: IngestResult) -> pd.DataFrame:
    s = result.summary
    return pd.DataFrame({
        "Bảng": s.table.map(_label),
        "Tệp": s.file,
        "Trang tính": s.sheet,
        "Số dòng dữ liệu": s.rows_in.map(render.integer),
        "Nhận": s.accepted.map(render.integer),
        "Cách ly": s.quarantined.map(render.integer),
        "Dòng không phải dữ liệu": s.rows_skipped.map(render.integer),
        "Cột dữ liệu cá nhân đã bỏ": s.personal_columns_dropped,
    })


def _reason_counts(result: IngestResult) -> pd.DataFrame:
    q = result.quarantine
    if q.empty:
        return pd.DataFrame(columns=["table", "reason", "column", "rows"])
    tags = q.reasons.str.split(REASON_SEP).explode()
    frame = pd.DataFrame({"table": q.table.reindex(tags.index), "tag": tags})
    frame[["reason", "column"]] = frame.tag.str.split(":", n=1, expand=True)
    return frame.groupby(["table", "reason", "column"]).size().reset_index(name="rows")


def reasons_table(result: IngestResult) -> pd.DataFrame:
    counts = _reason_counts(result)
    return pd.DataFrame({
        "Bảng": counts.table.map(_label),
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
    derived = d.groupby("unit_code").due_derived.sum().reindex(counts.index, fill_value=0)
    counts.loc[schema.TOTAL_ROW_VI] = counts.sum()
    derived.loc[schema.TOTAL_ROW_VI] = derived.sum()
    out = counts.rename(columns=schema.STATUS_LABELS_VI).map(render.integer)
    out.insert(0, "Đơn vị", counts.index)
    out["Hạn trả tính từ danh mục"] = derived.map(render.integer).to_numpy()
    return out.reset_index(drop=True)


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
    for r in _reason_counts(result).itertuples():
        rows.append(("Lý do cách ly", f"{_label(r.table)}: "
                     f"{schema.QUARANTINE_REASONS_VI.get(r.reason, r.reason)} ({r.column})",
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
        rows.append(("Hồ sơ theo trạng thái", schema.STATUS_LABELS_VI[status],
                     int((d.status == status).sum())))
    for unit, n in d[d.due_derived].unit_code.value_counts().sort_index().items():
        rows.append(("Hạn trả tính từ danh mục (ngày làm việc)", unit, n))
    dropped = pd.Series([c for f in result.files for c in f.personal_columns_dropped])
    for col, n in dropped.value_counts().sort_index().items():
        rows.append(("Cột dữ liệu cá nhân đã bỏ (số tệp)", col, n))
    out = pd.DataFrame(rows, columns=["Mục", "Nội dung", "Số lượng"])
    out["Số lượng"] = out["Số lượng"].astype("int64")
    return out
