"""The report as the cron job makes it: papermill runs, cleaned notebooks, offline HTML."""

from __future__ import annotations

import json
import re

import nbformat


def test_run_writes_notebooks_and_html(sample_run):
    folder = sample_run["folder"]
    assert sorted(p.name for p in folder.iterdir()) == ["ingest.ipynb", "ward_report.html",
                                                        "ward_report.ipynb"]
    assert "Traceback" not in sample_run["stderr"]


def test_html_opens_offline_and_reads_in_vietnamese(sample_run):
    html = (sample_run["folder"] / "ward_report.html").read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html, re.I)
    assert "http://" not in html and "https://" not in html
    images = re.findall(r"<img[^>]+src=\"([^\"]{0,30})", html)
    assert images and all(src.startswith("data:image/png;base64,") for src in images)
    for text in ("Báo cáo Chỉ số CCHC: Phường 2", "Ba mục tiêu của Kế hoạch 99/KH-UBND",
                 "Biểu số 06/VPCP/KSTT", "Việc cần làm tiếp theo", "Tổng cộng",
                 "số liệu đến ngày 30/11/2022", "Cùng kỳ 2021"):
        assert text in html
    assert "import " not in html and "ward_report(" not in html  # no code cells
    assert "<title>Báo cáo Chỉ số CCHC: Phường 2</title>" in html


def test_executed_notebooks_are_clean_and_deterministic(sample_run):
    for name in ("ingest.ipynb", "ward_report.ipynb"):
        path = sample_run["folder"] / name
        nb = nbformat.read(path, as_version=4)
        text = path.read_text(encoding="utf-8")
        for volatile in ('"start_time"', '"end_time"', '"duration"', '"input_path"',
                         "iopub.execute_input", "0x7f"):
            assert volatile not in text, (name, volatile)
        assert all(c.get("outputs", []) == [] or not any(o.output_type == "error"
                                                           for o in c.outputs)
                   for c in nb.cells if c.cell_type == "code")
        assert nb.metadata.papermill["parameters"]


def test_parameters_cell_is_annotated_for_papermill():
    for name in ("ingest.ipynb", "ward_report.ipynb"):
        nb = nbformat.read(f"notebooks/{name}", as_version=4)
        params = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
        assert len(params) == 1
        lines = [ln for ln in params[0].source.splitlines() if ln and not ln.startswith("#")]
        assert lines and all(re.match(r"^\w+: \w+ = .+  # .+", ln) for ln in lines)
        code = [c for c in nb.cells if c.cell_type == "code"]
        assert code[0] is params[0]  # the parameters cell comes first
        assert not any(re.search(r"^\s*(def|class) ", c.source, re.M) for c in code)


def test_ingest_notebook_shows_the_data_quality_tables(sample_run):
    nb = json.loads((sample_run["folder"] / "ingest.ipynb").read_text(encoding="utf-8"))
    html = "".join("".join(o.get("data", {}).get("text/html", ""))
                   for c in nb["cells"] for o in c.get("outputs", []))
    for text in ("Số dòng dữ liệu", "Trùng mã hồ sơ", "Ngày tháng không đọc được",
                 "Đã trả kết quả"):
        assert text in html
