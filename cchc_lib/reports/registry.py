"""Every report, once: the registry ``cchc run --report``, ``cchc email --report``, the golden
copies and the CLI's choices read. A new report is its notebook, its module and one record here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cchc_lib.core.lang import reports as lang
from cchc_lib.core.request import RunRequest

# Biểu 06 beside a report that files it: the form to print and sign, its CSV, and the CSV with
# ";" that Excel set to a Vietnamese locale opens in columns
FORM_FILES = ("bieu06.xlsx", "bieu06.csv", "bieu06_vn.csv")
DETAIL_FILE = "so_lieu_chi_tiet.xlsx"  # the dossiers and procedures behind the figures


@dataclass(frozen=True)
class ReportKind:
    kind: str  # the name on the command line
    notebook: str  # in notebooks/; the executed copy and its HTML take the same stem
    scope: str  # "unit": one per unit; "town": one for every unit (reports/<period>/overview/)
    title_vi: str
    parameters: Callable[[RunRequest], dict]
    # golden copies nbval re-runs: (unit_code or None, period, as_of) per case
    golden: tuple[tuple[str | None, str, str | None], ...] = ()
    needs_own_plan: bool = False  # made only for a unit with a plan of its own
    with_forms: bool = False  # Biểu 06 as XLSX and CSV beside it
    with_detail: bool = False  # the rows behind its figures (reports.detail) beside it
    takes_as_of: bool = False  # reports on a day (default: the period's end or last data day)
    # an official document written beside it: (file name, writer(request, path) -> path)
    document: tuple[str, Callable[[RunRequest, Path], Path]] | None = None

    @property
    def stem(self) -> str:
        return self.notebook.removesuffix(".ipynb")

    @property
    def outputs(self) -> tuple[str, ...]:
        """The files one run writes into the report's folder: the executed notebook, its HTML,
        and the Biểu 06 files when the report files them."""
        return (self.notebook, f"{self.stem}.html", *(FORM_FILES if self.with_forms else ()),
                *((DETAIL_FILE,) if self.with_detail else ()),
                *((self.document[0],) if self.document else ()))

    @property
    def attachments(self) -> tuple[str, ...]:
        """The files its email carries: the documents to file (Word, Excel), not the page nor
        the detail workbook (thousands of rows, opened from the report's folder)."""
        return tuple(name for name in self.outputs
                     if name.endswith((".docx", ".xlsx")) and name != DETAIL_FILE)

    def subject(self, title: str, period_vi: str) -> str:
        """The email subject: the report's own heading (it names the unit) and the period."""
        return f"{title or self.title_vi} ({period_vi})"

    def golden_name(self, unit_code: str | None, period: str) -> str:
        return f"{self.stem}_{unit_code}_{period}.ipynb" if unit_code else \
            f"{self.stem}_{period}.ipynb"


def _as_of(r: RunRequest) -> str | None:
    return None if r.as_of is None else f"{r.as_of:%Y-%m-%d}"


def _ward(r: RunRequest) -> dict:
    return {"unit_code": r.unit, "period": r.label, "data_dir": str(r.folders.data)}


def _scorecard(r: RunRequest) -> dict:
    return {"unit_code": r.unit, "year": r.year, "data_dir": str(r.folders.data)}


def _plan(r: RunRequest) -> dict:
    return {"unit_code": r.unit, "year": r.year, "data_dir": str(r.folders.data),
            "as_of": _as_of(r)}


def _plan_document(r: RunRequest, path: Path) -> Path:
    from cchc_lib.reports.plan_document import write_plan_document

    return write_plan_document(str(r.unit), r.year, str(_as_of(r)), str(r.folders.data), path,
                               final=r.final)


def _checklist(r: RunRequest, path: Path) -> Path:
    from cchc_lib.reports.checklist import write_checklist_document

    return write_checklist_document(str(r.unit), r.year, str(r.folders.data), path)


def _overview(r: RunRequest) -> dict:
    return {"period": r.label, "data_dir": str(r.folders.data)}


REPORTS: dict[str, ReportKind] = {r.kind: r for r in (
    ReportKind("ward", "ward_report.ipynb", "unit", lang.REPORT_TITLES_VI["ward"], _ward,
               golden=(("SAMPLE-P2", "2022", None),), with_forms=True, with_detail=True),
    ReportKind("scorecard", "scorecard.ipynb", "unit", lang.REPORT_TITLES_VI["scorecard"],
               _scorecard,
               golden=(("SAMPLE-P2", "2022", None),),
               document=("kiem_chung.xlsx", _checklist)),  # evidence checklist, Phòng Nội vụ
    ReportKind("plan", "plan_progress.ipynb", "unit", lang.REPORT_TITLES_VI["plan"], _plan,
               golden=(("SAMPLE-P2", "2022", "2022-11-15"),), needs_own_plan=True,
               takes_as_of=True, with_forms=True,
               document=("bao_cao_ke_hoach.docx", _plan_document)),
    ReportKind("overview", "town_overview.ipynb", "town", lang.REPORT_TITLES_VI["overview"],
               _overview,
               golden=((None, "2022", None),)),
)}
UNIT_REPORTS = tuple(k for k, r in REPORTS.items() if r.scope == "unit")


__all__ = ["DETAIL_FILE", "FORM_FILES", "ReportKind", "REPORTS", "UNIT_REPORTS"]
