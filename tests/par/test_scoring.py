"""Methodology files and scoring, on small hand-made methodologies with known totals."""

from __future__ import annotations

import pandas as pd
import pytest

from cchc_lib.core.errors import MethodologyError
from cchc_lib.ingest.methodology import load_methodology, parse_methodology
from cchc_lib.par.scoring import (
    FLAG_NO_EVIDENCE,
    FLAG_NOT_SCORED,
    band_points,
    official_scored,
    points_lost,
    ranking,
    score,
    total,
)

SMALL = """\
name: test
max_points: 20
grades: [{grade: Tốt, min: 80}, {grade: Khá, min: 65}, {grade: Yếu, min: 0}]
survey: {max_points: 2}
fields:
  - id: "1"
    title: Chỉ đạo
    max_points: 8
    criteria:
      - {id: "1.1", title: Kế hoạch, max_points: 3, manual: true}
      - id: "1.2"
        title: Báo cáo
        max_points: 5
        sub_criteria:
          - {id: "1.2.1", title: Đúng hạn, max_points: 2, manual: true}
          - {id: "1.2.2", title: Đầy đủ, max_points: 3, manual: true}
  - id: "3"
    title: TTHC
    max_points: 10
    criteria:
      - id: "3.4"
        title: Trực tuyến
        max_points: 10
        indicator: online_procedure_rate
        bands:
          - {min: 0, points: 0}
          - {min: 0.3, points: 5}
          - {min: 0.5, points: 10}
"""


def self_assessment(rows):
    return pd.DataFrame(rows, columns=["criterion_id", "points", "evidence", "note"])


def test_band_edges():
    m = parse_methodology(SMALL)
    bands = m.criteria["3.4"].bands
    assert band_points(bands, 0.5) == 10  # exactly the target: full score
    assert band_points(bands, 0.4999) == 5  # just below
    assert band_points(bands, 0.3) == 5 and band_points(bands, 0.2999) == 0
    assert band_points(bands, 1.0) == 10 and band_points(bands, None) == 0


def test_score_with_known_total():
    m = parse_methodology(SMALL)
    sa = self_assessment([("1.1", 3, "KH số 10/KH-UBND", None),
                          ("1.2.1", 2, None, "quên đính kèm"),  # points, no evidence
                          ("1.2.2", 1.5, "BC số 5/BC-UBND", None)])
    s = score(m, {"online_procedure_rate": 0.509}, sa, survey_points=1.5).set_index("id")
    # 1.1 = 3; 1.2 = 2 + 1.5 = 3.5; field 1 = 6.5; 3.4 = 10 (≥ 50 %); survey 1.5 -> 18 / 20
    assert s.loc["1.2", "points"] == 3.5 and s.loc["1", "points"] == 6.5
    assert s.loc["3", "points"] == 10
    t = total(m, s.reset_index())
    assert (t["points"], t["max_points"], t["index"], t["grade"]) == (18.0, 20.0, 90.0, "Tốt")
    assert s.loc["1.2.1", "flag"] == FLAG_NO_EVIDENCE
    assert pd.isna(s.loc["1.1", "flag"])


def test_editing_one_band_changes_the_score_without_code():
    sa = self_assessment([("1.1", 3, "x", None), ("1.2.1", 2, "x", None),
                          ("1.2.2", 3, "x", None)])
    before = total(parse_methodology(SMALL), score(parse_methodology(SMALL),
                                                   {"online_procedure_rate": 0.45}, sa, 2))
    edited = SMALL.replace("{min: 0.5, points: 10}", "{min: 0.4, points: 10}")
    after = total(parse_methodology(edited), score(parse_methodology(edited),
                                                   {"online_procedure_rate": 0.45}, sa, 2))
    assert (before["points"], after["points"]) == (15.0, 20.0)


def test_missing_self_assessment_scores_zero_and_is_flagged():
    m = parse_methodology(SMALL)
    s = score(m, {}, None).set_index("id")
    assert s.loc["1.1", "points"] == 0 and s.loc["1.1", "flag"] == FLAG_NOT_SCORED
    assert total(m, s.reset_index())["grade"] == "Yếu"


@pytest.mark.parametrize("change, message, line", [
    ('- {id: "1.1", title: Kế hoạch, max_points: 3, manual: true}',
     "id 1.2.1 bị trùng", 15),  # the second 1.2.1 (the first, line 10, is named too)
    ("    max_points: 8\n", "max_points là 8 nhưng các tiêu chí thành phần cộng lại được 9", 6),
    ("indicator: online_procedure_rate", "không có chỉ số 'online_rate'", 21),  # node 3.4
    ("{min: 0.5, points: 10}", "các mức điểm chồng lên nhau", 28),  # the later of the two bands
    ("max_points: 20",
     "max_points là 21 nhưng các lĩnh vực và điểm điều tra xã hội học cộng lại được 20", 1),
    ("{min: 0.5, points: 10}", "nhiều hơn điểm tối đa 10", 28),
    ("  - id: \"3\"", "không phải YAML hợp lệ", None),  # the line where the YAML parser stops
])
def test_malformed_methodology_names_problem_and_line(change, message, line):
    replacements = {
        "id 1.2.1 bị trùng": (change, '- {id: "1.2.1", title: Kế hoạch, max_points: 3, '
                                       'manual: true}'),
        "max_points là 8 nhưng các tiêu chí thành phần cộng lại được 9": (
            '- {id: "1.1", title: Kế hoạch, max_points: 3, manual: true}',
            '- {id: "1.1", title: Kế hoạch, max_points: 4, manual: true}'),
        "không có chỉ số 'online_rate'": (change, "indicator: online_rate"),
        "các mức điểm chồng lên nhau": (change, "{min: 0.3, points: 10}"),
        "max_points là 21 nhưng các lĩnh vực và điểm điều tra xã hội học cộng lại được 20": (change,
                                                                        "max_points: 21"),
        "nhiều hơn điểm tối đa 10": (change, "{min: 0.5, points: 12}"),
        "không phải YAML hợp lệ": (change, '  - id: "3\n'),
    }
    old, new = replacements[message]
    text = SMALL.replace(old, new, 1)
    with pytest.raises(MethodologyError) as err:
        parse_methodology(text, "m.yml")
    assert message in str(err.value), str(err.value)
    assert (f"m.yml, dòng {line}:" if line else "m.yml, dòng ") in str(err.value), str(err.value)


def test_the_shipped_template_is_valid_and_marked():
    m = load_methodology("data/raw/methodology/chi_so_cchc_cap_xa_mau.yml")
    assert m.template and len(m.fields) == 7 and m.max_points == 100
    # the plan's targets are the full-score thresholds
    for cid, target in (("3.4", 0.5), ("7.2", 0.6), ("7.3", 0.15)):
        bands = m.criteria[cid].bands
        assert bands[-1].min == target and bands[-1].points == m.criteria[cid].max_points


def test_points_lost_sorted_by_what_can_be_recovered_and_ranking():
    m = parse_methodology(SMALL)
    now = score(m, {"online_procedure_rate": 0.35},
                self_assessment([("1.1", 3, "x", None), ("1.2.1", 1, "x", None),
                                 ("1.2.2", 3, "x", None)]), 2)
    official = pd.DataFrame({"year": [2021] * 5, "unit_code": ["U1"] * 5,
                             "criterion_id": ["1.1", "1.2.1", "1.2.2", "3.4", "survey"],
                             "points": [2.0, 2.0, 3.0, 0.0, 1.5]})
    before = official_scored(m, official, "U1", 2021)
    lost = points_lost(m, now, before)
    # recoverable now: 3.4 = 10 - 5 = 5; 1.2.1 = 2 - 1 = 1; the rest 0
    assert lost.id.tolist()[:2] == ["3.4", "1.2.1"]
    row = lost.set_index("id").loc["3.4"]
    assert (row.points_before, row.points, row.recoverable, row.gained) == (0, 5, 5, 5)
    r = ranking({"U1": 80.0, "U2": 90.0, "U3": 70.0}, {"U1": 85.0, "U2": 60.0, "U3": 75.0})
    assert r.unit_code.tolist() == ["U2", "U1", "U3"]
    assert r.rank_change.tolist() == [2, -1, -1]
