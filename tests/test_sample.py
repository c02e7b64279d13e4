"""The shipped sample is what the generator makes, byte for byte."""

from pathlib import Path

from tools.sample import generate

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "data/raw/sample"


def test_generator_reproduces_the_committed_sample(tmp_path):
    written = generate(tmp_path)
    assert [p.relative_to(tmp_path) for p in written] == sorted(
        p.relative_to(SHIPPED) for p in SHIPPED.rglob("*") if p.is_file())
    for path in written:
        shipped = SHIPPED / path.relative_to(tmp_path)
        assert path.read_bytes() == shipped.read_bytes(), f"{shipped} differs: run `make sample`"


def test_sample_has_the_required_shape(sample_tables):
    units = sample_tables["units"]
    assert units.unit_code.str.startswith("SAMPLE-").all() and len(units) == 5
    cat = sample_tables["catalogue"].set_index("procedure_code")
    assert len(cat) >= 60
    for code, name in [("1.001193", "Đăng ký khai sinh"), ("2.000815", "Chứng thực bản sao từ "
                       "bản chính"), ("1.004873", "Cấp Giấy xác nhận tình trạng hôn nhân")]:
        assert cat.loc[code, "procedure_name"] == name
    d = sample_tables["dossiers"]
    per_unit_year = d.groupby([d.unit_code, d.received_at.dt.year]).size()
    assert per_unit_year.between(2000, 8000).all()
    assert d.received_at.min() >= __import__("pandas").Timestamp("2021-01-01")
    assert d.received_at.max() < __import__("pandas").Timestamp("2022-12-01")
    top_fields = d.field_name.value_counts().index[:2].tolist()
    assert sorted(top_fields) == ["Chứng thực", "Hộ tịch"]
    tasks = sample_tables["plan_tasks"]
    assert tasks.task_id.tolist() == ["I.1", "I.2", "II.1", "III.1"]
    assert tasks.set_index("task_id").loc["I.1", "timeframe"] == "Quý II, Quý III năm 2022"
