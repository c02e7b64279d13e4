"""The report as the cron job makes it: papermill runs, cleaned notebooks, offline HTML."""

from __future__ import annotations

import json
import re

import nbformat
import pytest


def test_run_writes_notebooks_and_html(sample_run):
    folder = sample_run["folder"]
    assert sorted(p.name for p in folder.iterdir()) == [
        "bieu06.csv", "bieu06.xlsx", "bieu06_vn.csv", "ingest.ipynb", "so_lieu_chi_tiet.xlsx",
        "ward_report.html", "ward_report.ipynb"]
    assert "Traceback" not in sample_run["stderr"]


def test_html_opens_offline_and_reads_in_vietnamese(sample_run):
    html = (sample_run["folder"] / "ward_report.html").read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html, re.I)
    assert "http://" not in html and "https://" not in html
    images = re.findall(r"<img[^>]+src=\"([^\"]{0,30})", html)
    assert images and all(src.startswith("data:image/png;base64,") for src in images)
    # the analyst's cells (what the notebook is, the DataFrames behind it) stay in the notebook
    notebook = (sample_run["folder"] / "ward_report.ipynb").read_text(encoding="utf-8")
    assert "Dữ liệu phía sau báo cáo" in notebook and "report.gaps" in notebook
    assert "Dữ liệu phía sau báo cáo" not in html and "JupyterLab" not in html
    # every chart says in Vietnamese what it shows (images blocked, screen readers)
    alts = re.findall(r"<img[^>]*\salt=\"([^\"]*)\"", html)
    assert len(alts) == len(images) and "No description" not in html
    assert all(a.startswith("Biểu đồ") for a in alts)
    # one chart per target, each stating its own figure
    assert len(alts) == 3
    assert "TTHC có hồ sơ trực tuyến" in alts[0] and "50,9\u00a0%" in alts[0]
    assert "mục tiêu 50\u00a0%" in alts[0]
    assert "cùng kỳ 2021: 22,6\u00a0%" in alts[0]
    assert "Hồ sơ trả kết quả qua BCCI" in alts[2] and "17,6\u00a0%" in alts[2]
    for text in ("Báo cáo Chỉ số CCHC: Phường 2", "Mục tiêu năm của kế hoạch",
                 "Dự báo cuối năm", "Trách nhiệm xin lỗi", "Bộ chỉ số 766", "Điểm ước tính",
                 "điểm chính thức là điểm trên Cổng Dịch vụ công quốc gia",
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
    for text in ("Số dòng dữ liệu", "Mã bị trùng", "Ngày tháng không đọc được",
                 "Đã trả kết quả"):
        assert text in html


def test_bieu06_files_are_the_form(sample_run):
    """The XLSX has the form's header fields, title, 13 numbered columns and the same total as
    both CSVs (comma, and semicolon for Vietnamese Excel)."""
    import pandas as pd
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(sample_run["folder"] / "bieu06.xlsx")) \
        .get_sheet_by_name("Biểu 06").to_python()
    assert rows[0][0] == "Đơn vị báo cáo: Phường 2" and rows[0][9] == "Biểu số 06/VPCP/KSTT"
    assert rows[1][0] == "Đơn vị nhận báo cáo: UBND thị xã Quảng Trị (dữ liệu mẫu)"
    assert rows[3][0].startswith("TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC")
    assert rows[6][2] == "Số hồ sơ nhận giải quyết" and rows[7][2] == "Tổng số"
    assert rows[8] == [f"({i})" for i in range(1, 14)]
    total = next(r for r in rows if r[1] == "Tổng cộng")
    assert len(total) == 13
    csv = pd.read_csv(sample_run["folder"] / "bieu06.csv", encoding="utf-8-sig")
    semi = pd.read_csv(sample_run["folder"] / "bieu06_vn.csv", encoding="utf-8-sig", sep=";")
    assert csv.shape[1] == 13 and semi.shape == csv.shape
    assert [int(v) for v in total[2:]] == csv.iloc[-1, 2:].astype(int).tolist()
    assert semi.iloc[-1, 2:].astype(int).tolist() == csv.iloc[-1, 2:].astype(int).tolist()
    # received = resolved + pending + withdrawn/stopped: the totals cannot exceed received
    assert total[2] == total[3] + total[4] + total[5]
    assert total[6] == total[7] + total[8] + total[9] and total[10] == total[11] + total[12]


def _flaky_kernel(root, marker, always: bool = False):
    """A real kernelspec whose process exits at once the first time (every time with
    ``always``), then starts ipykernel: a kernel that dies before answering, as two kernels
    racing for one port do."""
    import sys

    fail = "True" if always else f"not os.path.exists({str(marker)!r})"
    script = ("import os, runpy, sys\n"
              f"if {fail}:\n"
              f"    open({str(marker)!r}, 'a').write('x')\n"
              "    sys.exit(1)\n"
              "sys.argv = ['ipykernel_launcher'] + sys.argv[1:]\n"
              "runpy.run_module('ipykernel_launcher', run_name='__main__')\n")
    spec = root / "kernels" / "flaky"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-c", script, "-f", "{connection_file}"],
        "display_name": "flaky", "language": "python"}))


def _tiny_notebook(path):
    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell("x = 0")
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, nbformat.v4.new_code_cell("print(x * 2)")]
    nb.metadata["kernelspec"] = {"name": "flaky", "display_name": "flaky", "language": "python"}
    nbformat.write(nb, str(path))
    return path


@pytest.fixture
def no_kept_kernel():
    """A test with its own kernelspec starts from no kept kernel and leaves none."""
    from cchc_lib.delivery.notebooks import shutdown_kept_kernels

    shutdown_kept_kernels()
    yield
    shutdown_kept_kernels()


def test_a_kernel_that_dies_at_start_is_started_again(tmp_path, monkeypatch, no_kept_kernel):
    from cchc_lib.delivery.notebooks import execute

    marker = tmp_path / "deaths"
    _flaky_kernel(tmp_path / "jupyter", marker)
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    out = execute(_tiny_notebook(tmp_path / "n.ipynb"), tmp_path / "out.ipynb", {"x": 21},
                  kernel="flaky")
    assert marker.read_text() == "x"  # it died once, then ran
    assert "42" in out.read_text(encoding="utf-8")


def test_a_kernel_that_never_starts_stops_with_one_message(tmp_path, monkeypatch,
                                                          no_kept_kernel):
    import pytest

    from cchc_lib.core.errors import CchcError
    from cchc_lib.delivery.notebooks import KERNEL_START_TRIES, execute

    marker = tmp_path / "deaths"
    _flaky_kernel(tmp_path / "jupyter", marker, always=True)
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    with pytest.raises(CchcError, match="không khởi động được kernel Jupyter 'flaky' sau 3"):
        execute(_tiny_notebook(tmp_path / "n.ipynb"), tmp_path / "out.ipynb", {"x": 1},
                kernel="flaky")
    assert marker.read_text() == "x" * KERNEL_START_TRIES
