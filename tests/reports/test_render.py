from cchc_lib.reports import render


def test_vietnamese_number_formats():
    nbsp = "\u00a0"
    assert render.percent(0.524) == f"52,4{nbsp}%"
    assert render.percent(0.5, 0) == f"50{nbsp}%"
    assert render.percent(None) == "không áp dụng"
    assert render.integer(4123) == "4.123"
    assert render.integer(1234567) == "1.234.567"
    assert render.points(12.5) == "12,50"
    assert render.change_pp(0.123) == f"+12,3{nbsp}điểm phần trăm"
    assert render.change_pp(-0.05) == f"−5,0{nbsp}điểm phần trăm"
    assert render.day(__import__("datetime").date(2022, 3, 5)) == "05/03/2022"
