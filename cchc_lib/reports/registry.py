"""Every report, once: the registry ``cchc run --report``, ``cchc email --report``, the golden
copies and the CLI's choices read. A new report is its notebook, its module and one record here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class RunContext:
    """What a report's parameters are made from."""

    unit_code: str | None
    period: str
    data_dir: str
    as_of: str | None = None  # plan report: the day reported on (default: the last day of data)

    @property
    def year(self) -> int:
        return int(self.period[:4])


# Biểu 06 beside a report that files it: the form to print and sign, its CSV, and the CSV with
# ";" that Excel set to a Vietnamese locale opens in columns
FORM_FILES = ("bieu06.xlsx", "bieu06.csv", "bieu06_vn.csv")


@dataclass(frozen=True)
class ReportKind:
    kind: str  # the name on the command line
    notebook: str  # in notebooks/; the executed copy and its HTML take the same stem
    scope: str  # "unit": one per unit; "town": one for every unit (reports/<period>/overview/)
    title_vi: str
    parameters: Callable[[RunContext], dict]
    # golden copies nbval re-runs: (unit_code or None, period, as_of) per case
    golden: tuple[tuple[str | None, str, str | None], ...] = ()
    needs_own_plan: bool = False  # made only for a unit with a plan of its own
    with_forms: bool = False  # Biểu 06 as XLSX and CSV beside it
    takes_as_of: bool = False  # reports on a day (default: the period's end or last data day)
    # an official document written beside it: (file name, writer(context, path) -> path)
    document: tuple[str, Callable[[RunContext, Path], Path]] | None = None

    @property
    def stem(self) -> str:
        return self.notebook.removesuffix(".ipynb")

    @property
    def outputs(self) -> tuple[str, ...]:
        """The files one run writes into the report's folder: the executed notebook, its HTML,
        and the Biểu 06 files when the report files them."""
        return (self.notebook, f"{self.stem}.html", *(FORM_FILES if self.with_forms else ()),
                *((self.document[0],) if self.document else ()))

    @property
    def attachments(self) -> tuple[str, ...]:
        """The files its email carries: the documents to file (Word, Excel), not the page."""
        return tuple(name for name in self.outputs if name.endswith((".docx", ".xlsx")))

    def subject(self, title: str, period_vi: str) -> str:
        """The email subject: the report's own heading (it names the unit) and the period."""
        return f"{title or self.title_vi} ({period_vi})"

    def golden_name(self, unit_code: str | None, period: str) -> str:
        return f"{self.stem}_{unit_code}_{period}.ipynb" if unit_code else \
            f"{self.stem}_{period}.ipynb"


def _ward(c: RunContext) -> dict:
    return {"unit_code": c.unit_code, "period": c.period, "data_dir": c.data_dir}


def _scorecard(c: RunContext) -> dict:
    return {"unit_code": c.unit_code, "year": c.year, "data_dir": c.data_dir}


def _plan(c: RunContext) -> dict:
    return {"unit_code": c.unit_code, "year": c.year, "data_dir": c.data_dir, "as_of": c.as_of}


def _plan_document(c: RunContext, path: Path) -> Path:
    from cchc_lib.reports.plan_document import write_plan_document

    return write_plan_document(str(c.unit_code), c.year, str(c.as_of), c.data_dir, path)


def _checklist(c: RunContext, path: Path) -> Path:
    from cchc_lib.reports.checklist import write_checklist_document

    return write_checklist_document(str(c.unit_code), c.year, c.data_dir, path)


def _overview(c: RunContext) -> dict:
    return {"period": c.period, "data_dir": c.data_dir}


REPORTS: dict[str, ReportKind] = {r.kind: r for r in (
    ReportKind("ward", "ward_report.ipynb", "unit", "Báo cáo Chỉ số CCHC", _ward,
               golden=(("SAMPLE-P2", "2022", None),), with_forms=True),
    ReportKind("scorecard", "scorecard.ipynb", "unit", "Bảng điểm Chỉ số CCHC", _scorecard,
               golden=(("SAMPLE-P2", "2022", None),),
               document=("kiem_chung.xlsx", _checklist)),  # evidence checklist, Phòng Nội vụ
    ReportKind("plan", "plan_progress.ipynb", "unit", "Báo cáo kết quả thực hiện kế hoạch",
               _plan, golden=(("SAMPLE-P2", "2022", "2022-11-15"),), needs_own_plan=True,
               takes_as_of=True, with_forms=True,
               document=("bao_cao_ke_hoach.docx", _plan_document)),
    ReportKind("overview", "town_overview.ipynb", "town", "Tổng hợp Chỉ số CCHC", _overview,
               golden=((None, "2022", None),)),
)}
UNIT_REPORTS = tuple(k for k, r in REPORTS.items() if r.scope == "unit")


__all__ = ["FORM_FILES", "ReportKind", "RunContext", "REPORTS", "UNIT_REPORTS"]
