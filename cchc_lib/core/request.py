"""A run, asked once: the unit or units, the period, the day reported on, the folders and the
options, parsed and checked where the command line (or a caller) makes the request, then
passed down whole. Nothing below the command line parses a period or an ``--as-of`` again;
the period is set to the span the data speaks for once (:meth:`RunRequest.settled`, called
by the delivery stage with the tables it read).

Names, one per idea, the same in the command line, the code and the docs: *the unit*
(``unit``, ``--unit``: a unit code), *the units* (``units``: unit codes; the units *file* is
``units_file``), *the catalog* (``catalog``, ``--catalog``: the data catalog, YAML) and *the
procedure catalogue* (``catalogue``: the list of administrative procedures)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from cchc_lib.core.catalog import CATALOG_FILE, PROCESSED_DIR, REPORTS_DIR
from cchc_lib.core.errors import CchcError
from cchc_lib.core.lang import cli as lang
from cchc_lib.core.paths import check_part
from cchc_lib.core.periods import Period, parse_period

KERNEL_NAME = "cchc"  # the Jupyter kernel `make setup` installs


@dataclass(frozen=True)
class Folders:
    """Where a run reads and writes (relative paths are the project folder's)."""

    catalog: Path = CATALOG_FILE  # the data catalog (data/catalog.yml)
    data: Path = PROCESSED_DIR  # the processed tables
    reports: Path = REPORTS_DIR  # reports/<period>/<unit>/


@dataclass(frozen=True)
class RunRequest:
    """One run of the reports: for ``units`` (none: the town overview), ``period``."""

    period: Period
    units: tuple[str, ...] = ()
    reports: tuple[str, ...] = ("ward",)
    folders: Folders = field(default_factory=Folders)
    as_of: date | None = None  # the day the plan report speaks of (None: the data's last day)
    ingest: bool = True  # ingest the catalog's sources first
    kernel: str = KERNEL_NAME
    jobs: int | None = None  # units run at once (None: one per core)
    covered: Period | None = None  # the period ended at the data's last day (settled)
    final: bool = False  # the plan report as the office's final text (else a draft)
    pdf: bool = False  # also a PDF of each page and Word document (cchc run --pdf)

    @property
    def unit(self) -> str | None:
        """The unit of a one-unit request (None for the overview)."""
        if len(self.units) > 1:
            raise ValueError("a request for several units has no one unit")
        return self.units[0] if self.units else None

    @property
    def label(self) -> str:
        """The period as folders and notebooks name it (``2022``, ``2022-Q3``, …)."""
        return self.period.label

    @property
    def year(self) -> int:
        return self.period.year

    def for_unit(self, unit: str) -> RunRequest:
        return replace(self, units=(unit,))

    def settled(self, covered: Period) -> RunRequest:
        """The request with ``covered``, its period as the data covers it (ended at the
        data's last day), and the day reported on, when not asked, that end: done once, by
        the stage that read the data."""
        return replace(self, covered=covered, as_of=self.as_of or covered.end)


def parse_as_of(text: str | None, period: Period) -> date | None:
    """``--as-of``: a real day (YYYY-MM-DD) in the period's year (the plan report speaks of a
    day of its plan's year), or None."""
    if text is None:
        return None
    try:
        day = date.fromisoformat(str(text).strip())
    except ValueError:
        raise CchcError(lang.AS_OF_NOT_A_DAY_VI.format(text=text)) from None
    first, last = date(period.start.year, 1, 1), date(period.end.year, 12, 31)
    if not first <= day <= last:
        raise CchcError(lang.AS_OF_OUTSIDE_VI.format(
            day=f"{day:%d/%m/%Y}", start=f"{first:%d/%m/%Y}", end=f"{last:%d/%m/%Y}"))
    return day


def run_request(period: str | Period, units: tuple[str, ...] | list[str] = (), *,
                reports: tuple[str, ...] = ("ward",), as_of: str | date | None = None,
                catalog: str | Path = CATALOG_FILE, data: str | Path = PROCESSED_DIR,
                reports_dir: str | Path = REPORTS_DIR, ingest: bool = True,
                kernel: str = KERNEL_NAME, jobs: int | None = None,
                final: bool = False, pdf: bool = False) -> RunRequest:
    """A request from what a user typed: the period parsed, the units and the period checked
    as folder names, ``as_of`` a real day of the period's year: refused here, before anything
    runs."""
    span = parse_period(period)
    check_part(span.label, lang.PERIOD_WHAT_VI)
    for unit in units:
        check_part(unit, lang.UNIT_WHAT_VI)
    if jobs is not None and jobs < 1:
        raise CchcError(lang.JOBS_AT_LEAST_ONE_VI.format(jobs=jobs))
    day = as_of if isinstance(as_of, date) else parse_as_of(as_of, span)
    return RunRequest(span, tuple(units), tuple(reports),
                      Folders(Path(catalog), Path(data), Path(reports_dir)), day, ingest,
                      kernel, jobs, final=final, pdf=pdf)


__all__ = ["Folders", "KERNEL_NAME", "RunRequest", "parse_as_of", "run_request"]
