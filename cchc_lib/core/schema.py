"""Canonical tables, code vocabularies, header aliases and indicator labels.

Data, not logic: every column name, alias, code and Vietnamese label used by the
workbook is declared here once (see ``../shared/spec/data_contract.md``); the Vietnamese
words themselves (table labels, header aliases, code spellings) are written in
:mod:`cchc_lib.core.lang.vocabulary`. Matching of headers and text codes goes through
:func:`cchc_lib.core.text.match_key`, so the aliases match with or without diacritics, in any
case, NFC or NFD.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cchc_lib.core.lang import vocabulary as lang

# --------------------------------------------------------------------------------------
# Column declarations
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One canonical column: its name, parser kind, whether required, and header aliases."""

    name: str
    kind: str  # a key of cchc_lib.ingest.parsers.PARSERS
    required: bool = False
    aliases: tuple[str, ...] = ()
    vocabulary: str | None = None  # for kind "code": a key of VOCABULARIES


@dataclass(frozen=True)
class Table:
    name: str
    label_vi: str
    columns: tuple[Column, ...]
    derived: dict[str, str] = field(default_factory=dict)  # extra output column -> dtype
    # the columns an office fills in a row the logbook writes ready (the self-assessment's
    # grid): a row with all of them blank is not filled yet, counted as such, not refused
    filled_by_office: tuple[str, ...] = ()
    # what names one row of a hand-kept table: a key given twice is refused (ingest.checks)
    key: tuple[str, ...] = ()

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def required(self) -> list[str]:
        return [c.name for c in self.columns if c.required]

    def __reduce__(self):  # one object per table, in a worker process too (``is`` holds)
        return (table_named, (self.name,))


def table_named(name: str) -> Table:
    """The table declared under ``name``."""
    return TABLES[name]


DOSSIERS = Table(
    name="dossiers",
    label_vi=lang.TABLE_LABELS_VI["dossiers"],
    columns=(
        Column("dossier_id", "text", True, lang.DOSSIERS_ALIASES["dossier_id"]),
        # required, but may come from the data catalog when an export holds one unit
        Column("unit_code", "text", True, lang.DOSSIERS_ALIASES["unit_code"]),
        Column("procedure_code", "procedure_code", True,
               lang.DOSSIERS_ALIASES["procedure_code"]),
        Column("procedure_name", "text", False, lang.DOSSIERS_ALIASES["procedure_name"]),
        Column("field_name", "text", False, lang.DOSSIERS_ALIASES["field_name"]),
        Column("receive_channel", "code", True, lang.DOSSIERS_ALIASES["receive_channel"],
               vocabulary="receive_channel"),
        Column("return_channel", "code", False, lang.DOSSIERS_ALIASES["return_channel"],
               vocabulary="return_channel"),
        Column("submitted_at", "datetime", False, lang.DOSSIERS_ALIASES["submitted_at"]),
        Column("received_at", "datetime", True, lang.DOSSIERS_ALIASES["received_at"]),
        Column("due_at", "datetime", False, lang.DOSSIERS_ALIASES["due_at"]),
        Column("finished_at", "datetime", False, lang.DOSSIERS_ALIASES["finished_at"]),
        Column("returned_at", "datetime", False, lang.DOSSIERS_ALIASES["returned_at"]),
        Column("status", "code", True, lang.DOSSIERS_ALIASES["status"], vocabulary="status"),
        Column("supplement_requests", "count", False,
               lang.DOSSIERS_ALIASES["supplement_requests"]),
        Column("supplement_days", "amount", False, lang.DOSSIERS_ALIASES["supplement_days"]),
        Column("paid_online", "flag", False, lang.DOSSIERS_ALIASES["paid_online"]),
        Column("digitized", "flag", False, lang.DOSSIERS_ALIASES["digitized"]),
        Column("e_result", "flag", False, lang.DOSSIERS_ALIASES["e_result"]),
        Column("apology_issued", "flag", False, lang.DOSSIERS_ALIASES["apology_issued"]),
    ),
    derived={
        "due_derived": "bool",  # due_at computed from the catalogue (data_contract.md §1 **)
        "unknown_procedure": "bool",  # procedure_code not in the catalogue: kept and flagged
    },
)

# Optional dossier columns the procedure catalogue gives when an export lacks them (its name and
# field, always; the due date, worked out from the processing days and flagged due_derived):
# an export without them is not missing what they measure.
FROM_CATALOGUE = ("procedure_name", "field_name")

# DVCQG exports mark an electronic result by a result code plus a file path; both present
# means e_result (data_contract.md §1). These raw columns are read only for that.
E_RESULT_PARTS = lang.E_RESULT_PARTS

CATALOGUE = Table(
    name="catalogue",
    label_vi=lang.TABLE_LABELS_VI["catalogue"],
    columns=(
        Column("procedure_code", "procedure_code", True,
               lang.CATALOGUE_ALIASES["procedure_code"]),
        Column("procedure_name", "text", True, lang.CATALOGUE_ALIASES["procedure_name"]),
        Column("field_name", "text", True, lang.CATALOGUE_ALIASES["field_name"]),
        Column("level", "code", True, lang.CATALOGUE_ALIASES["level"], vocabulary="level"),
        Column("postal_enabled", "flag", True, lang.CATALOGUE_ALIASES["postal_enabled"]),
        Column("processing_days", "amount", True, lang.CATALOGUE_ALIASES["processing_days"]),
        Column("has_fee", "fee", False, lang.CATALOGUE_ALIASES["has_fee"]),
        Column("unit_code", "text", False, lang.CATALOGUE_ALIASES["unit_code"]),
        Column("valid_from", "datetime", False, lang.CATALOGUE_ALIASES["valid_from"]),
        Column("valid_to", "datetime", False, lang.CATALOGUE_ALIASES["valid_to"]),
    ),
)

UNITS = Table(
    name="units",
    label_vi=lang.TABLE_LABELS_VI["units"],
    columns=(
        Column("unit_code", "text", True, lang.UNITS_ALIASES["unit_code"]),
        Column("unit_name", "text", True, lang.UNITS_ALIASES["unit_name"]),
        Column("parent_code", "text", False, lang.UNITS_ALIASES["parent_code"]),
        Column("parent_name", "text", False, lang.UNITS_ALIASES["parent_name"]),
    ),
)

TARGETS = Table(
    name="targets",
    label_vi=lang.TABLE_LABELS_VI["targets"],
    columns=(
        Column("indicator", "text", True, lang.TARGETS_ALIASES["indicator"]),
        Column("target", "share", True, lang.TARGETS_ALIASES["target"]),
        # blank = every unit
        Column("unit_code", "text", False, lang.TARGETS_ALIASES["unit_code"]),
        Column("year", "count", False, lang.TARGETS_ALIASES["year"]),  # blank = every year
        Column("source", "text", False, lang.TARGETS_ALIASES["source"]),
    ),
    key=("indicator", "unit_code", "year"),
)

PLANS = Table(
    name="plans",
    label_vi=lang.TABLE_LABELS_VI["plans"],
    columns=(
        Column("plan_id", "text", True, lang.PLANS_ALIASES["plan_id"]),
        Column("unit_code", "text", True, lang.PLANS_ALIASES["unit_code"]),
        Column("number", "text", True, lang.PLANS_ALIASES["number"]),
        Column("date", "datetime", False, lang.PLANS_ALIASES["date"]),
        Column("issuer", "text", False, lang.PLANS_ALIASES["issuer"]),
        Column("title", "text", False, lang.PLANS_ALIASES["title"]),
        Column("year", "count", True, lang.PLANS_ALIASES["year"]),
        # who signs the unit's reports on the plan (Nghị định 30/2020/NĐ-CP): "TM. ỦY BAN
        # NHÂN DÂN" or "KT. CHỦ TỊCH", the title, the name; blank: left for the office
        Column("signing", "text", False, lang.PLANS_ALIASES["signing"]),
        Column("signer_title", "text", False, lang.PLANS_ALIASES["signer_title"]),
        Column("signer_name", "text", False, lang.PLANS_ALIASES["signer_name"]),
    ),
    key=("plan_id",),
    filled_by_office=("number", "date", "title"),
)

PLAN_TASKS = Table(
    name="plan_tasks",
    label_vi=lang.TABLE_LABELS_VI["plan_tasks"],
    columns=(
        Column("task_id", "text", True, lang.PLAN_TASKS_ALIASES["task_id"]),
        Column("section", "text", True, lang.PLAN_TASKS_ALIASES["section"]),
        Column("section_title", "text", False, lang.PLAN_TASKS_ALIASES["section_title"]),
        Column("task", "text", True, lang.PLAN_TASKS_ALIASES["task"]),
        Column("lead", "text", True, lang.PLAN_TASKS_ALIASES["lead"]),
        Column("coordinators", "text", False, lang.PLAN_TASKS_ALIASES["coordinators"]),
        Column("timeframe", "text", True, lang.PLAN_TASKS_ALIASES["timeframe"]),
        # indicator ids separated by ";", their targets live in the targets file
        Column("indicators", "text", False, lang.PLAN_TASKS_ALIASES["indicators"]),
        # blank: the only plan
        Column("plan_id", "text", False, lang.PLAN_TASKS_ALIASES["plan_id"]),
    ),
    key=("plan_id", "task_id"),
)

CALENDAR = Table(
    name="calendar",
    label_vi=lang.TABLE_LABELS_VI["calendar"],
    columns=(
        Column("date", "datetime", True, lang.CALENDAR_ALIASES["date"]),
        Column("kind", "code", True, lang.CALENDAR_ALIASES["kind"], vocabulary="day_kind"),
        Column("note", "text", False, lang.CALENDAR_ALIASES["note"]),
    ),
)

# the files a row's evidence names under data/evidence/, and those not there (ingest.evidence)
EVIDENCE_DERIVED = {"evidence_files": "string", "evidence_missing": "string"}

SELF_ASSESSMENT = Table(
    name="self_assessment",
    label_vi=lang.TABLE_LABELS_VI["self_assessment"],
    columns=(
        Column("unit_code", "text", True, lang.SELF_ASSESSMENT_ALIASES["unit_code"]),
        Column("year", "count", True, lang.SELF_ASSESSMENT_ALIASES["year"]),
        Column("criterion_id", "text", True, lang.SELF_ASSESSMENT_ALIASES["criterion_id"]),
        Column("points", "amount", True, lang.SELF_ASSESSMENT_ALIASES["points"]),
        Column("evidence", "text", False, lang.SELF_ASSESSMENT_ALIASES["evidence"]),
        Column("note", "text", False, lang.SELF_ASSESSMENT_ALIASES["note"]),
    ),
    filled_by_office=("points", "evidence", "note"),
    derived=EVIDENCE_DERIVED,
    key=("unit_code", "year", "criterion_id"),
)

OFFICIAL_RESULTS = Table(
    name="official_results",
    label_vi=lang.TABLE_LABELS_VI["official_results"],
    columns=(
        Column("year", "count", True, lang.OFFICIAL_RESULTS_ALIASES["year"]),
        Column("unit_code", "text", True, lang.OFFICIAL_RESULTS_ALIASES["unit_code"]),
        Column("criterion_id", "text", True, lang.OFFICIAL_RESULTS_ALIASES["criterion_id"]),
        Column("points", "amount", True, lang.OFFICIAL_RESULTS_ALIASES["points"]),
    ),
    key=("year", "unit_code", "criterion_id"),
)

PLAN_PROGRESS = Table(
    name="plan_progress",
    label_vi=lang.TABLE_LABELS_VI["plan_progress"],
    columns=(
        Column("task_id", "text", True, lang.PLAN_PROGRESS_ALIASES["task_id"]),
        Column("date", "datetime", True, lang.PLAN_PROGRESS_ALIASES["date"]),
        Column("status", "code", True, lang.PLAN_PROGRESS_ALIASES["status"],
               vocabulary="task_status"),
        Column("note", "text", False, lang.PLAN_PROGRESS_ALIASES["note"]),
        Column("evidence", "text", False, lang.PLAN_PROGRESS_ALIASES["evidence"]),
        Column("cause", "text", False, lang.PLAN_PROGRESS_ALIASES["cause"]),
    ),
    derived=EVIDENCE_DERIVED,
)

TASK_STATUSES = lang.TASK_STATUSES

# the tables an office keeps by hand (its logbook's sheets, reports.logbook), in its order
HAND_KEPT = ("units", "plans", "targets", "plan_tasks", "plan_progress", "self_assessment",
             "official_results")
TABLES: dict[str, Table] = {t.name: t for t in (DOSSIERS, CATALOGUE, UNITS, TARGETS, PLANS,
                                                PLAN_TASKS,
                                                CALENDAR, SELF_ASSESSMENT, OFFICIAL_RESULTS,
                                                PLAN_PROGRESS)}

# Headers that hold personal data (data_contract.md §1): dropped at ingest, never read.
# A header is personal when its match key contains one of these keys.
PERSONAL_ALIASES = lang.PERSONAL_ALIASES

# --------------------------------------------------------------------------------------
# Code vocabularies: canonical code -> the spellings that mean it
# --------------------------------------------------------------------------------------

STATUS_CODES = lang.STATUS_CODES
RECEIVE_CHANNELS = lang.RECEIVE_CHANNELS
RETURN_CHANNELS = lang.RETURN_CHANNELS
LEVELS = lang.LEVELS
DAY_KINDS = lang.DAY_KINDS
FLAGS = lang.FLAGS

VOCABULARIES: dict[str, dict] = {
    "status": STATUS_CODES,
    "receive_channel": RECEIVE_CHANNELS,
    "return_channel": RETURN_CHANNELS,
    "level": LEVELS,
    "flag": FLAGS,
    "day_kind": DAY_KINDS,
    "task_status": TASK_STATUSES,
}

# --------------------------------------------------------------------------------------
# Status groups (docs/indicators.md, "Periods")
# --------------------------------------------------------------------------------------

NOT_ACCEPTED_STATUSES = frozenset({"registered", "not_accepted"})
ENDED_STATUSES = frozenset({"resolved", "returned", "withdrawn", "stopped"})
RESOLVED_STATUSES = frozenset({"resolved", "returned"})
ONLINE_LEVELS = frozenset({"partial", "full"})
# How far a dossier has progressed, to keep the most advanced of duplicate rows.
STATUS_PROGRESS = {
    "registered": 0, "not_accepted": 1, "received": 2, "processing": 3,
    "supplement_requested": 4, "awaiting_payment": 5, "withdrawn": 6, "stopped": 6,
    "resolved": 7, "returned": 8,
}

# Indicator ids, labels, targets and points: cchc_lib.core.indicator_registry (one record each).


# The dtype each column kind is stored as (ingest parses into it, pandera checks it).
KIND_DTYPES = {"text": "string", "procedure_code": "string", "code": "string",
               "flag": "boolean", "datetime": "datetime64[us]", "count": "Int64",
               "amount": "Float64", "share": "Float64", "fee": "boolean"}

# Quarantine reasons are written "reason:column", several joined by this separator.
REASON_SEP = "; "

# Reasons a row is quarantined, with the Vietnamese text the data-quality report shows.


__all__ = [
    "CALENDAR", "CATALOGUE", "Column", "DAY_KINDS", "DOSSIERS", "E_RESULT_PARTS", "ENDED_STATUSES",
    "EVIDENCE_DERIVED", "FLAGS", "FROM_CATALOGUE", "HAND_KEPT", "KIND_DTYPES", "LEVELS",
    "NOT_ACCEPTED_STATUSES", "OFFICIAL_RESULTS", "ONLINE_LEVELS", "PERSONAL_ALIASES",
    "PLAN_PROGRESS", "PLAN_TASKS",
    "PLANS", "REASON_SEP", "RECEIVE_CHANNELS", "RESOLVED_STATUSES", "RETURN_CHANNELS",
    "SELF_ASSESSMENT", "STATUS_CODES", "STATUS_PROGRESS", "Table", "table_named", "TABLES",
    "TARGETS", "TASK_STATUSES", "UNITS", "VOCABULARIES",
]
