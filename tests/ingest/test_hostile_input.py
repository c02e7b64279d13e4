"""Hostile text planted in every input file: every report and email renders it as text, every
spreadsheet keeps it inert (issue: escaped output by construction, neutral spreadsheets).

The HTML is parsed (html.parser), not grepped: no tag, attribute, event handler or URL from the
data may survive, and the same text must show, escaped, where it belongs.
"""

from __future__ import annotations

import email
import re
import shutil
import subprocess
import sys
import zipfile
from email import policy
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data/raw/sample"
EVIL = "evil.example"
HOSTILE = ('<script>alert("x")</script><img src=http://evil.example/a.png onerror=alert(1)>'
           '<a href="javascript:alert(2)">bấm</a> [liên kết](http://evil.example/b) '
           '**đậm** &amp; =HYPERLINK("http://evil.example/c","x")')
FORMULA = '=HYPERLINK("http://evil.example/d","Bấm")'
UNIT = "SAMPLE-P1"


def _csv(path: Path, change) -> None:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    change(frame)
    frame.to_csv(path, index=False)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """A copy of the sample with hostile text in every file a person writes, ingested and
    reported on (ward, scorecard, plan, overview) and mailed (dry run)."""
    tmp = tmp_path_factory.mktemp("hostile")
    raw = tmp / "raw"
    shutil.copytree(SAMPLE, raw)
    method = yaml.safe_load((ROOT / "data/raw/methodology/chi_so_cchc_cap_xa_mau.yml")
                            .read_text(encoding="utf-8"))
    method["name"] = "Bộ chỉ số " + HOSTILE
    method["fields"][0]["title"] = "Lĩnh vực " + HOSTILE
    (raw / "methodology.yml").write_text(yaml.safe_dump(method, allow_unicode=True),
                                         encoding="utf-8")
    catalog = (raw / "catalog.yml").read_text(encoding="utf-8").replace(
        "../methodology/chi_so_cchc_cap_xa_mau.yml", "methodology.yml")
    (raw / "catalog.yml").write_text(catalog, encoding="utf-8")

    def units(f):
        f.loc[f.unit_code == UNIT, "unit_name"] = "Phường " + HOSTILE
        f["parent_name"] = "Thị xã " + HOSTILE

    def catalogue(f):
        f.loc[f.index[:3], "Tên TTHC"] = "Thủ tục " + HOSTILE
        f.loc[f.index[:3], "Lĩnh vực"] = "Lĩnh vực " + HOSTILE
        f.loc[f.index[3:6], "Lĩnh vực"] = FORMULA  # a field name that is a formula

    def tasks(f):
        f["task"] = "Nhiệm vụ " + HOSTILE
        f["lead"] = FORMULA
        f["plan_id"] = ""  # the tasks of every plan, Phường 1's hostile one included

    def plans(f):
        f.loc[len(f)] = {"plan_id": "P1-" + FORMULA, "unit_code": UNIT, "number": "1/KH-UBND",
                         "date": "2022-03-01", "issuer": "UBND " + HOSTILE,
                         "title": "Kế hoạch " + HOSTILE, "year": "2022"}

    def progress(f):
        f["note"] = "Ghi chú " + HOSTILE
        f["evidence"] = "Văn bản " + HOSTILE

    def assessment(f):
        f["evidence"] = "Minh chứng " + HOSTILE

    def dossiers(f):
        mine = f.index[f.MaDonVi == UNIT]
        f.loc[mine, "MaHoSo"] = [f"{HOSTILE}-{i}" for i in range(len(mine))]
        f.loc[mine[:5], "MaTTHC"] = FORMULA  # unknown procedure codes: listed, not run

    # the office's records as CSV files (csv/catalog.yml: the sample's, those tables on top)
    for name, change in (("csv/units.csv", units), ("catalogue.csv", catalogue),
                         ("csv/plan_tasks.csv", tasks), ("csv/plans.csv", plans),
                         ("csv/plan_progress.csv", progress),
                         ("csv/self_assessment_2022.csv", assessment),
                         ("dossiers/dvcqg_2022.csv", dossiers)):
        _csv(raw / name, change)
    common = ["--catalog", str(raw / "csv" / "catalog.yml"), "--data", str(tmp / "processed"),
              "--reports", str(tmp / "reports")]
    cchc = [sys.executable, "-m", "cchc_lib.cli"]
    for args in (["run", "--unit", UNIT, "--period", "2022", "--report", "all"],
                 ["run", "--overview", "--period", "2022", "--skip-ingest"]):
        done = subprocess.run([*cchc, *args, *common], capture_output=True, text=True,
                              cwd=ROOT, timeout=600)
        assert done.returncode == 0, done.stderr[-2000:]
    mails = []
    for report in ("ward", "scorecard", "plan", "overview"):
        eml = tmp / f"{report}.eml"
        done = subprocess.run([*cchc, "email", "--unit", UNIT, "--period", "2022", "--report",
                               report, "--to", "a@example.vn", "--dry-run", str(eml),
                               "--reports", str(tmp / "reports"), "--data",
                               str(tmp / "processed")],
                              capture_output=True, text=True, cwd=ROOT, timeout=300)
        assert done.returncode == 0, done.stderr[-2000:]
        mails.append(eml)
    return tmp, mails


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_data(self, data):
        self.text.append(data)


def parse(markup: str) -> Page:
    page = Page()
    page.feed(markup)
    return page


def assert_inert(page: Page, where: str) -> None:
    for tag, attrs in page.tags:
        assert tag not in ("script", "iframe", "object", "embed", "a", "form"), (where, tag)
        for name, value in attrs:
            assert not name.startswith("on"), (where, tag, name)
            if name == "alt":  # a chart's alt text names units: text, escaped, never a link
                continue
            assert EVIL not in (value or "") and "javascript" not in (value or ""), (where, tag)
            if tag == "img" and name == "src":
                assert value.startswith(("data:", "cid:")), (where, value[:40])


def pages(tmp: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in (tmp / "reports").rglob("*.html")}


def test_every_report_shows_hostile_text_as_text(hostile):
    tmp, _ = hostile
    found = pages(tmp)
    assert {"ward_report.html", "scorecard.html", "plan_progress.html",
            "town_overview.html"} <= set(found)
    for name, markup in found.items():
        page = parse(markup)
        assert_inert(page, name)
        text = "".join(page.text)
        # the same text shows where it belongs, escaped: the unit's or the town's name
        assert "Phường " + HOSTILE in text or "Thị xã " + HOSTILE in text, name
    plan = "".join(parse(found["plan_progress.html"]).text)
    assert "Nhiệm vụ " + HOSTILE in plan and "Văn bản " + HOSTILE in plan
    assert "UBND " + HOSTILE in plan  # the plan's issuer, from the plans file
    scorecard = "".join(parse(found["scorecard.html"]).text)
    assert "Bộ chỉ số " + HOSTILE in scorecard


def test_every_email_shows_hostile_text_as_text(hostile):
    _, mails = hostile
    for eml in mails:
        message = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
        body = message.get_body(("html",)).get_content()
        page = parse(body)
        assert_inert(page, eml.name)
        assert HOSTILE in "".join(page.text) or ("Thị xã " + HOSTILE) in "".join(page.text)
        assert "\n" not in message["Subject"]  # a header is text: shown as typed, one line


def test_spreadsheets_keep_formulas_inert(hostile):
    tmp, _ = hostile
    quality = pd.read_csv(tmp / "processed" / "data_quality.csv", dtype=str)
    unknown = quality[quality["Mục"] == "Mã TTHC không có trong danh mục"]["Nội dung"]
    planted = [v for v in unknown if "HYPERLINK" in v]
    assert planted and all(v.startswith("'=") for v in planted)
    for name in ("quarantine.csv", "data_quality.csv", "ingest_summary.csv"):
        frame = pd.read_csv(tmp / "processed" / name, dtype=str, keep_default_na=False)
        cells = frame.to_numpy().ravel().tolist() + list(frame.columns)
        assert not [c for c in cells if str(c).lstrip().startswith(("=", "+", "@"))], name
    for xlsx in (tmp / "reports").rglob("*.xlsx"):
        with zipfile.ZipFile(xlsx) as z:
            for sheet in [n for n in z.namelist() if n.startswith("xl/worksheets/")]:
                # the only formulas are the form's own totals, never a value from the data
                formulas = re.findall(rb"<f>(.*?)</f>", z.read(sheet))
                assert all(re.fullmatch(rb"SUM\([A-M]\d+:[A-M]\d+\)", f) for f in formulas), \
                    (xlsx.name, sheet, formulas)
    bieu = pd.read_csv(next((tmp / "reports").rglob("bieu06.csv")), dtype=str,
                       encoding="utf-8-sig", keep_default_na=False)
    assert ("'" + FORMULA) in set(bieu["Lĩnh vực"])  # the planted field, inert
    assert not bieu.map(lambda c: c.lstrip().startswith(("=", "+", "@"))).any().any()


def test_no_report_builds_html_or_markdown_by_hand():
    """The one rendering path: text through safe.rich, tables through render.html_table."""
    for path in (ROOT / "cchc_lib").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "Markdown(" not in source, path.name
        assert 'HTML(f"' not in source and "HTML(f'" not in source, path.name
