"""Properties of ingest over random mixes of good and bad rows (hypothesis)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cchc_lib.core.catalog import load_catalog, with_overrides
from cchc_lib.ingest.pipeline import ingest
from cchc_lib.ingest.store import write_processed

CORPUS = Path(__file__).parents[1] / "corpus"
HEADER = ["MaHoSo", "MaDonVi", "MaTTHC", "KenhThucHien", "NgayTiepNhan", "NgayHenTra",
          "NgayKetThucXuLy", "TrangThaiHoSo"]

# each kind of row, and whether ingest must accept it (None: depends on the other rows)
ROW_KINDS = {
    "good": (lambda i: [f"D{i}", "U1", "1.004873", "1", "14/04/2022 08:00", "19/04/2022",
                        "18/04/2022 10:00", "9"], True),
    "open": (lambda i: [f"D{i}", "U2", "2.000815", "Trực tuyến", "20220401080000", "", "",
                        "Đang xử lý"], True),
    "unknown_code": (lambda i: [f"D{i}", "U1", "9.99999", "3", "2022-04-01", "", "", "4"], True),
    "missing_id": (lambda i: ["", "U1", "1.004873", "1", "14/04/2022", "", "", "4"], False),
    "bad_date": (lambda i: [f"D{i}", "U1", "1.004873", "1", "32/13/2022", "", "", "4"], False),
    "bad_channel": (lambda i: [f"D{i}", "U1", "1.004873", "fax", "14/04/2022", "", "", "4"],
                    False),
    "finished_first": (lambda i: [f"D{i}", "U1", "1.004873", "1", "18/04/2022", "",
                                  "14/04/2022", "9"], False),
    "repeat": (None, None),  # repeats an earlier dossier id: one of the pair is quarantined
    "blank": (None, None),  # an empty line: not a row
}


def write_csv(path: Path, kinds: list[str], sep: str, encoding: str) -> tuple[int, int]:
    """Write the rows; return (data rows written, rows that must be accepted at least)."""
    lines, rows, must = [sep.join(HEADER)], 0, 0
    last_good = None
    for i, kind in enumerate(kinds):
        make, ok = ROW_KINDS[kind]
        if kind == "blank":
            lines.append("")
            continue
        if kind == "repeat":
            if last_good is None:
                continue
            cells = last_good
        else:
            cells = make(i)
            if ok:
                last_good = cells
                must += 1
        lines.append(sep.join(cells))
        rows += 1
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    return rows, must


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kinds=st.lists(st.sampled_from(sorted(ROW_KINDS)), max_size=40),
       sep=st.sampled_from([",", ";", "\t"]),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_random_row_mixes_conserve_rows(kinds, sep, encoding):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "mix.csv"
        written, must = write_csv(path, kinds, sep, encoding)
        catalog = with_overrides(load_catalog(CORPUS / "catalog.yml"), dossiers=[str(path)])
        result = ingest(catalog)
    report = [f for f in result.files if f.table == "dossiers"][0]
    assert report.rows_in == written
    assert report.rows_in == report.accepted + report.quarantined
    assert len(result.tables["dossiers"]) == report.accepted
    assert (result.quarantine.table == "dossiers").sum() == report.quarantined
    # every good row is accepted, except the copies of a repeated id (one of each pair stays)
    repeats = sum(1 for k in kinds if k == "repeat")
    assert must - repeats <= report.accepted <= must
    per_id = result.tables["dossiers"].groupby(["unit_code", "dossier_id"]).size()
    assert per_id.empty or per_id.max() == 1


@settings(max_examples=10, deadline=None)
@given(kinds=st.lists(st.sampled_from(sorted(ROW_KINDS)), min_size=1, max_size=30))
def test_reingesting_the_same_files_gives_identical_parquet(kinds):
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        write_csv(tmp / "mix.csv", kinds, ",", "utf-8")
        catalog = with_overrides(load_catalog(CORPUS / "catalog.yml"),
                                 dossiers=[str(tmp / "mix.csv")])
        write_processed(ingest(catalog), tmp / "a")
        write_processed(ingest(catalog), tmp / "b")
        files = sorted(p.name for p in (tmp / "a").iterdir())
        assert files == sorted(p.name for p in (tmp / "b").iterdir())
        for name in files:
            assert (tmp / "a" / name).read_bytes() == (tmp / "b" / name).read_bytes(), name


def test_reingesting_the_sample_gives_identical_parquet(tmp_path):
    catalog = load_catalog(Path(__file__).resolve().parents[2] / "data/raw/sample/catalog.yml")
    write_processed(ingest(catalog), tmp_path / "again")
    shipped = Path(__file__).resolve().parents[2] / "tests/.sample_processed"
    for path in sorted((tmp_path / "again").iterdir()):
        assert path.read_bytes() == (shipped / path.name).read_bytes(), path.name
