"""Charts drawn for a phone: one chart per image, text that stays at least 11 px on a 390-px
screen. The arithmetic is by hand: a 9-pt text on a 3.8-inch figure shown 340 px wide is
9 / 72 × 340 / 3.8 = 11.18 px."""

from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.figure import Figure

from cchc_lib.reports import charts


def _figure(width_in: float, fontsize: float, panels: int = 1) -> Figure:
    fig = Figure(figsize=(width_in, 3))
    for ax in [fig.subplots()] if panels == 1 else fig.subplots(panels, 1):
        ax.set_title("Tiêu đề", fontsize=fontsize + 2)
        ax.text(0.5, 0.5, "nhãn", fontsize=fontsize)
        ax.tick_params(labelsize=fontsize + 1)
    return fig


def test_text_size_on_a_phone_by_hand():
    assert charts.phone_text_px(_figure(3.8, 9)) == pytest.approx(11.18, abs=0.01)
    # the old charts: 8-pt legends on a 7.2-inch figure, 5.2 px on the phone
    assert charts.phone_text_px(_figure(7.2, 8)) == pytest.approx(5.25, abs=0.01)


def test_a_chart_against_the_phone_rules_is_refused():
    with pytest.raises(ValueError, match="one chart per image: this figure has 3"):
        charts.chart(_figure(3.8, 9, panels=3), "Biểu đồ")
    with pytest.raises(ValueError, match="under 11 px"):
        charts.chart(_figure(7.2, 8), "Biểu đồ")
    image = charts.chart(_figure(3.8, 9), "Biểu đồ thử: 50,0 %")
    assert image.metadata == {"alt": "Biểu đồ thử: 50,0 %"} and image.width == charts.SHOWN_PX


def _months(indicator: str, year: int, values: list[float], target: float | None):
    return pd.DataFrame({"indicator": indicator,
                         "period": [f"{year}-{m:02d}" for m in range(1, len(values) + 1)],
                         "value": values, "target": target})


def test_report_charts_pass_the_phone_rules():
    now = _months("online_procedure_rate", 2022, [0.1, 0.2, 0.35], 0.5)
    before = _months("online_procedure_rate", 2021, [0.05] * 12, None)
    projection = pd.DataFrame({"indicator": ["online_procedure_rate"], "projected": [0.8],
                               "low": [0.7], "high": [0.9]})
    trend = charts.trend_figure("online_procedure_rate", now, before, 2022, 2021, projection)
    units = charts.units_figure("postal_procedure_rate",
                                pd.Series([f"Phường {i}" for i in range(1, 16)]),
                                pd.Series([i / 15 for i in range(15)]),
                                pd.Series([i >= 9 for i in range(15)]), 0.6)
    for fig in (trend, units):
        assert len(fig.axes) == 1 and charts.phone_text_px(fig) >= charts.PHONE_TEXT_PX - 0.05
        assert charts.chart(fig, "Biểu đồ").data[:4] == b"\x89PNG"
