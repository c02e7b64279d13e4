"""The evidence-aware score and the evidence checklist, on a small hand-made methodology.

By hand: 1.1 = 3 with evidence; 1.2.1 = 2 without; 1.2.2 not scored; 3.4 = 10 from data
(51 % ≥ 50 %); survey 1.5. Self-assessed: 3 + 2 + 0 + 10 + 1.5 = 16.5 / 20 = 82.5 (Tốt); with
evidence: 16.5 − 2 = 14.5 / 20 = 72.5 (Khá)."""

from __future__ import annotations

import pandas as pd
import pytest

from cchc_lib.ingest.methodology import parse_methodology
from cchc_lib.par.evidence import criterion_owners, evidence_checklist
from cchc_lib.par.scoring import points_lost, score, total

SMALL = """\
name: test
max_points: 20
grades: [{grade: Tốt, min: 80}, {grade: Khá, min: 65}, {grade: Yếu, min: 0}]
survey: {max_points: 2}
fields:
  - id: "1"
    title: Công tác chỉ đạo, điều hành CCHC
    max_points: 8
    criteria:
      - {id: "1.1", title: Kế hoạch, max_points: 3, manual: true, evidence: "Kế hoạch CCHC năm"}
      - id: "1.2"
        title: Báo cáo
        max_points: 5
        sub_criteria:
          - {id: "1.2.1", title: Đúng hạn, max_points: 2, manual: true}
          - {id: "1.2.2", title: Đầy đủ, max_points: 3, manual: true, evidence: "Báo cáo quý"}
  - id: "3"
    title: Cải cách TTHC
    max_points: 10
    criteria:
      - id: "3.4"
        title: Trực tuyến
        max_points: 10
        indicator: online_procedure_rate
        bands: [{min: 0, points: 0}, {min: 0.3, points: 5}, {min: 0.5, points: 10}]
"""


@pytest.fixture
def scored():
    m = parse_methodology(SMALL)
    sa = pd.DataFrame([("1.1", 3, "KH số 10/KH-UBND", None), ("1.2.1", 2, None, None)],
                      columns=["criterion_id", "points", "evidence", "note"])
    return m, score(m, {"online_procedure_rate": 0.51}, sa, survey_points=1.5)


def test_score_with_evidence_by_hand(scored):
    m, s = scored
    assert total(m, s) == {"points": 16.5, "max_points": 20.0, "index": 82.5, "grade": "Tốt"}
    assert total(m, s, "evidenced") == {"points": 14.5, "max_points": 20.0, "index": 72.5,
                                        "grade": "Khá"}
    by_id = s.set_index("id")
    assert by_id.loc["1.2", "evidenced"] == 0 and by_id.loc["1", "evidenced"] == 3
    assert by_id.loc["1.1", "evidence_required"] == "Kế hoạch CCHC năm"
    # points lost count the points without evidence as lost: 1.2.1 has 2 of 2 lost
    lost = points_lost(m, s, None).set_index("id")
    assert lost.loc["1.2.1", "recoverable"] == 2 and lost.loc["1.2.2", "recoverable"] == 3


def test_checklist_by_hand(scored):
    m, s = scored
    tasks = pd.DataFrame({"section_title": ["CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC.", "Khác"],
                          "lead": ["Công chức VP-TK", "Ai đó"]})
    owners = criterion_owners(m, tasks, {"online_procedure_rate": "Công chức chuyên môn"})
    # field 1's criteria by section title (case and punctuation aside); 3.4 by its indicator
    assert owners == {"1.1": "Công chức VP-TK", "1.2.1": "Công chức VP-TK",
                      "1.2.2": "Công chức VP-TK", "3.4": "Công chức chuyên môn"}
    c = evidence_checklist(m, s, owners)
    # what costs points first: missing (2 points at stake), not scored, attached, from data
    assert c.id.tolist() == ["1.2.1", "1.2.2", "1.1", "3.4"]
    assert c.status.tolist() == ["missing", "not_scored", "attached", "data"]
    assert c.at_stake.tolist() == [2, 0, 0, 0]
    assert c.attached.tolist()[2] == "KH số 10/KH-UBND"
    assert pd.isna(c.required.iloc[0]) and c.required.iloc[1] == "Báo cáo quý"
    # no plan: nobody answers, said as such by the sheet
    assert set(criterion_owners(m, None, {}).values()) == {""}
