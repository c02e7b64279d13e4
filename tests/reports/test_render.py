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


def test_verdicts_carry_a_mark_a_word_and_a_colour():
    from cchc_lib.reports.safe import BAD_COLOR, GOOD_COLOR, rich

    out = rich("- ^^✓ Đạt^^ {a}\n- !!✗ Chưa đạt!! {b}", a="x!!y!!", b="^^z^^")
    assert f'<strong style="color:{GOOD_COLOR}">✓ Đạt</strong> x!!y!!' in out.html
    assert f'<strong style="color:{BAD_COLOR}">✗ Chưa đạt</strong> ^^z^^' in out.html
    # without colour (a text email, a screen reader) the mark and the word remain
    assert "**✓ Đạt**" in out.markdown and "**✗ Chưa đạt**" in out.markdown
    assert "^^" not in repr(out).replace("^^z^^", "") and "✗ Chưa đạt" in repr(out)
