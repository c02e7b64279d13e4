"""The November report on the plan as an official document (Word), in the administrative
format of Nghị định 30/2020/NĐ-CP (Phụ lục I): the governing and issuing bodies, quốc hiệu and
tiêu ngữ, số/ký hiệu left to fill, place and date, the document type and trích yếu; I. results
(the plan's targets, every task with owner, time frame, status and evidence, the index and
rank against last year), II. shortcomings and their causes, III. recommendations (what to do,
and the methodology points to raise with the town); nơi nhận and the signer.

Times New Roman, A4, the decree's margins (top and bottom 20 mm, left 30 mm, right 15 mm) and
sizes; every paragraph is ordinary Word text, editable in Word and LibreOffice. Values from the
data go into runs as text: Word shows them, never interprets them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pandas as pd

from cchc_lib.core import formats, provenance
from cchc_lib.core import indicator_registry as registry
from cchc_lib.core.catalog import resolve
from cchc_lib.core.errors import CchcError
from cchc_lib.core.lang import reports_plan as lang
from cchc_lib.core.periods import Period
from cchc_lib.core.provenance import Stamp
from cchc_lib.core.text import within_sentence
from cchc_lib.core.vi import NO_DATA_VI
from cchc_lib.indicators.base import clip_to_data, dated
from cchc_lib.indicators.plan import gaps, procedure_uptake
from cchc_lib.par.scoring import SURVEY_ID
from cchc_lib.par.tasks import Signer
from cchc_lib.reports import docx_parts as parts
from cchc_lib.reports import render
from cchc_lib.reports.plan_causes import (
    Evidence,
    evidence_of,
    lost_before,
    no_data_note,
    recommendations,
    recovered_vi,
    shortcomings,
)
from cchc_lib.reports.plan_progress import PlanProgress, plan_progress_of


@dataclass(frozen=True)
class IndexLine:
    """The estimated index and rank of the year (self-assessed, and counting only the points
    with evidence), last year's official ones, and the criteria that lost points then."""

    index: float
    rank: int | None  # None: not ranked, a criterion not scored for want of data
    units: int
    index_before: float | None
    rank_before: int | None
    evidenced: float | None = None  # the index counting only points with their evidence
    lost_before: pd.DataFrame | None = None  # plan_causes.lost_before


def index_line(unit_code: str, year: int, data_dir: Path, through: date | None = None
               ) -> IndexLine | None:
    """The scorecard's index and rank on the data to ``through`` (the report's day), or None
    when there is no methodology to score with."""
    from cchc_lib.reports.scorecard import scorecard

    try:
        card = scorecard(unit_code, year, data_dir, through)
    except CchcError:
        return None
    r = card.ranks.set_index("unit_code").loc[unit_code]
    before = None if pd.isna(r.index_before) else float(r.index_before)
    rank_before = None if pd.isna(r.rank_before) else int(r.rank_before)
    rank = None if pd.isna(r["rank"]) else int(r["rank"])
    return IndexLine(float(r["index"]), rank, len(card.ranks), before, rank_before,
                     float(card.summary_evidenced["index"]),
                     lost_before(card) if card.before is not None else None)


def write_plan_document(unit_code: str, year: int, as_of: str | date, data_dir: str | Path,
                        path: str | Path, final: bool = False) -> Path:
    """Compute the plan report of a unit as of a day and write it as DOCX to ``path``: a
    draft ("DỰ THẢO") unless the office marks it ``final``."""
    from cchc_lib.core.units import parent_name
    from cchc_lib.ingest.store import read_processed

    data_dir = resolve(data_dir)
    tables = read_processed(data_dir, unit_code=unit_code)  # read once, used for all parts
    progress = plan_progress_of(tables, unit_code, year, as_of)
    # the data may end before the report's day: every figure stops at the data's last day
    ytd = clip_to_data(Period(date(year, 1, 1), pd.Timestamp(progress.as_of).date(),
                              f"{year}-YTD"), dated(tables))
    uptake = procedure_uptake(tables["dossiers"], tables["catalogue"], unit_code, ytd)
    found = gaps(uptake, progress.plan.reset_index(drop=True))
    document = build(progress, progress.unit_name,
                     within_sentence(parent_name(tables["units"], unit_code)), found, uptake,
                     index_line(unit_code, year, data_dir, ytd.end),
                     provenance.stamp(data_dir),
                     final=final, evidence=evidence_of(tables, unit_code, ytd, uptake),
                     through=ytd.end)
    path = Path(path)
    save_reproducibly(document, path, pd.Timestamp(progress.as_of).to_pydatetime())
    return path


THUMBNAIL = "docProps/thumbnail.jpeg"


def save_reproducibly(document, path: Path, when: datetime) -> None:
    """Save the document so that the same report is the same bytes: its dates are the day it
    reports on (python-docx would write the time of the run into its properties and into
    every member of the zip)."""
    import io
    import zipfile

    when = when.replace(tzinfo=None, microsecond=0)
    props = document.core_properties
    props.created = props.modified = when
    props.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    stamp = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w") as out:
        for item in src.infolist():
            if item.filename == THUMBNAIL:  # the library's template's picture, not this one
                continue
            data = src.read(item)
            if item.filename == "_rels/.rels":
                data = re.sub(rb"<Relationship [^>]*Target=\"docProps/thumbnail\.jpeg\"[^>]*/>",
                              b"", data)
            member = zipfile.ZipInfo(item.filename, date_time=stamp)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            out.writestr(member, data)


# --------------------------------------------------------------------------------------
# The document
# --------------------------------------------------------------------------------------


def build(progress: PlanProgress, unit: str, parent: str, found: dict, uptake: pd.DataFrame,
          index: IndexLine | None, stamp: Stamp | None = None, final: bool = False,
          evidence: Evidence | None = None, through: date | None = None):
    """The python-docx Document of the report (pure: nothing read, nothing written): a
    draft, marked "DỰ THẢO", unless ``final``; ``evidence``: the facts Section II reads its
    causes from (none: the shortcomings without them)."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = parts.FONT, Pt(parts.BODY_PT)
    normal.element.rPr.rFonts.set(parts.qn("w:eastAsia"), parts.FONT)
    normal.paragraph_format.space_after = Pt(6)

    parts.page_numbers(section)
    if not final:
        mark = doc.add_paragraph()
        mark.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        parts.run(mark, lang.DRAFT_MARK_VI, bold=True, size=13)
    _heading_block(doc, unit, parent, progress)
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    parts.run(title, lang.DOCUMENT_TYPE_VI, bold=True, size=14)
    subject = doc.add_paragraph()
    subject.alignment = WD_ALIGN_PARAGRAPH.CENTER
    parts.run(subject, lang.SUBJECT_VI.format(plan=progress.plan_name, year=progress.year),
         bold=True, size=14)
    parts.rule(doc)
    as_of = formats.day(progress.as_of)
    parts.para(doc, lang.OPENING_VI.format(plan=progress.plan_name, unit=within_sentence(unit),
                                      as_of=as_of), indent=True)

    if not final and (note := progress.hand_kept_note()):  # for the reviewer of the draft
        parts.para(doc, note, indent=True, bold=True)
    parts.section(doc, lang.SECTION_RESULTS_VI)
    through = through or progress.as_of  # the data's last day, when before the report's
    parts.sub(doc, lang.SUB_TARGETS_VI.format(year=progress.year, as_of=formats.day(through))
         + (lang.DATA_ENDS_VI.format(day=formats.day(through)) if through < progress.as_of
            else ""))
    parts.table(doc, list(lang.TARGETS_HEADER_VI),
           [[registry.label(r.indicator), render.share_shown(r.value, no_data_note(r)),
             f"{formats.integer(r.numerator)} / {formats.integer(r.denominator)}",
             formats.percent(r.target, 0), render.verdict_shown(r.met, no_data_note(r))]
            for r in progress.plan.itertuples()], widths=(55, 25, 30, 22, 25))
    for line in render.notes_of(progress.plan) + render.reading_lines(progress.plan,
                                                                       progress.readings):
        parts.para(doc, f"{line}.", indent=True)
    parts.sub(doc, lang.SUB_TASKS_VI)
    if len(progress.tasks):
        parts.table(doc, list(lang.TASKS_HEADER_VI), task_rows(progress),
               widths=(11, 50, 26, 48, 30), size=11, left=(1, 3, 4))
    else:
        parts.para(doc, repr(progress.no_tasks()), indent=True)
    parts.sub(doc, lang.SUB_INDEX_VI)
    parts.para(doc, _index_text(index, progress.year, through), indent=True)
    _lost_before(doc, index, progress.year)

    parts.section(doc, lang.SECTION_SHORTCOMINGS_VI)
    for line in shortcomings(progress.plan, progress.tasks, found, evidence, progress.as_of):
        parts.para(doc, line, indent=True)

    parts.section(doc, lang.SECTION_RECOMMENDATIONS_VI)
    for line in recommendations(progress.tasks, found, uptake, parent):
        parts.para(doc, line, indent=True)

    closing = parts.para(doc, lang.CLOSING_VI.format(plan=progress.plan_name), indent=True)
    closing.paragraph_format.keep_with_next = True  # the closing line stays with the signer
    _signature_block(doc, parent, progress.signer, within_sentence(unit))
    props = doc.core_properties
    props.title = parts.doc_property(lang.SUBJECT_VI.format(plan=progress.plan_name,
                                                            year=progress.year))
    props.subject = parts.doc_property(progress.plan_name)
    props.author = props.last_modified_by = parts.doc_property(
        lang.AUTHOR_VI.format(unit=within_sentence(unit)))
    props.category = "" if final else lang.DRAFT_MARK_VI
    _stamp(doc, stamp)
    return doc




def _stamp(doc, stamp: Stamp | None) -> None:
    """What made the document: in its properties only (the page carries the report alone)."""
    if stamp is None:
        return
    props = doc.core_properties
    props.comments = stamp.line_vi()
    props.version = stamp.workbook
    props.identifier = stamp.data_sha256 or "-"


def task_rows(progress: PlanProgress) -> list[list[str]]:
    """Per task: id, task, lead and time frame, what was done (the progress log's notes, oldest
    first, then the linked indicators against their targets and the status), evidence; a
    cell's lines are separated by newlines."""
    out = []
    for r in progress.tasks.itertuples():
        done = [lang.TASK_DONE_LINE_VI.format(day=formats.day(d), note=n) for d, n in r.done]
        result = done or [lang.TASK_NOTHING_DONE_VI]
        if r.indicators:
            result.append(progress.linked_vi(list(r.indicators)))
        result.append(lang.TASK_STATUS_LINE_VI.format(status=r.status_vi))
        out.append([str(r.task_id), str(r.task), f"{r.lead}\n{r.timeframe}", "\n".join(result),
                    "—" if pd.isna(r.evidence) else str(r.evidence).replace("; ", "\n")])
    return out


def _lost_before(doc, index: IndexLine | None, year: int) -> None:
    """The criteria where last year's official result lost points, by field, against this
    year's points (self-assessed and with evidence)."""
    if index is None or index.lost_before is None:
        return
    lost = index.lost_before
    if not len(lost):
        parts.para(doc, lang.NO_LOST_BEFORE_VI.format(before=year - 1), indent=True)
        return
    parts.para(doc, lang.SUB_LOST_BEFORE_VI.format(before=year - 1, year=year), indent=True)
    header = [h.format(before=year - 1, year=year) for h in lang.LOST_BEFORE_HEADER_VI]
    rows: list[list[str]] = []
    for field, part in lost.groupby("field", sort=False):
        if field != SURVEY_ID:  # the survey is its own field: no heading above it
            rows.append([str(part.field_title.iloc[0])])  # the field: one merged row
        rows += [[str(r.title) if r.id == SURVEY_ID else f"{r.id}. {r.title}",
                  formats.points(r.max_points), formats.points(r.points_before),
                  formats.points(r.points),
                  NO_DATA_VI if pd.isna(r.evidenced) else formats.points(r.evidenced),
                  recovered_vi(r)] for r in part.itertuples()]
    parts.table(doc, header, rows, widths=(62, 18, 18, 22, 22, 23), size=11, left=(0,))
    if (lost.id == SURVEY_ID).any():  # this year's survey is published late
        parts.para(doc, lang.SURVEY_CARRIED_VI.format(year=year, before=year - 1), indent=True)


def _index_text(index: IndexLine | None, year: int, through: date) -> str:
    if index is None:
        return lang.INDEX_NO_METHOD_VI.format(year=year)
    placed = (lang.INDEX_RANKED_VI.format(rank=index.rank, units=index.units)
              if index.rank is not None else lang.INDEX_UNRANKED_VI.format(no_data=NO_DATA_VI))
    text = lang.INDEX_VI.format(year=year, points=formats.points(index.index), placed=placed,
                                through=formats.day(through))
    if index.evidenced is not None and index.index - index.evidenced > 1e-9:
        text += lang.INDEX_EVIDENCED_VI.format(
            points=formats.points(index.evidenced),
            lost=formats.points(index.index - index.evidenced))
    if index.index_before is not None:
        rank = (lang.INDEX_RANK_BEFORE_VI.format(rank=index.rank_before)
                if index.rank_before else "")
        change = index.index - index.index_before
        text += lang.INDEX_BEFORE_VI.format(
            year=year - 1, points=formats.points(index.index_before), rank=rank,
            direction=lang.INDEX_UP_VI if change >= 0 else lang.INDEX_DOWN_VI,
            change=formats.points(abs(change)))
    return text


# --------------------------------------------------------------------------------------
# Pieces of the administrative format
# --------------------------------------------------------------------------------------


def _heading_block(doc, unit: str, parent: str, progress: PlanProgress) -> None:
    """Governing and issuing bodies and the number on the left; quốc hiệu, tiêu ngữ, place and
    date on the right."""

    table = doc.add_table(rows=1, cols=2)
    parts.fixed_widths(table, (70, 95))
    left, right = table.rows[0].cells
    if parent:
        parts.cell(left, f"UBND {parent}".upper(), size=13)
    for line in lang.ISSUER_VI.format(unit=unit.upper()).split("\n"):
        parts.cell(left, line, bold=True, size=13)
    parts.cell(left, "―――――", size=8)
    parts.cell(left, lang.NUMBER_LINE_VI, size=13)
    parts.cell(right, lang.NATIONAL_TITLE_VI, bold=True, size=12)
    parts.cell(right, lang.MOTTO_VI, bold=True, size=13, underline=True)
    parts.cell(right, "")
    parts.cell(right, lang.PLACE_DATE_VI.format(place=unit, year=progress.as_of.year), italic=True,
          size=13)


def signing_lines(signing: str | None) -> list[str]:
    """The authority lines above the signer's title, as NĐ 30 writes them for a People's
    Committee: "TM. ỦY BAN NHÂN DÂN", and for a vice-chair signing for the chair
    "TM. ỦY BAN NHÂN DÂN" then "KT. CHỦ TỊCH" on a line of its own. The plans file may give
    both on one line, on two (a newline or ";"), or the "KT." line alone."""
    text = signing or lang.SIGNER_ON_BEHALF_VI
    lines = [part.strip() for part in re.split(r"[\n;]+|\s+(?=KT\.)", text) if part.strip()]
    if lines and lines[0].upper().startswith(lang.SIGNER_DEPUTY_PREFIX) and \
            lang.SIGNER_ON_BEHALF_VI not in lines:
        lines.insert(0, lang.SIGNER_ON_BEHALF_VI)  # "KT." signs within the committee's "TM."
    return lines


def _signature_block(doc, parent: str, signer: Signer | None = None, unit: str = "") -> None:
    """Nơi nhận on the left; on the right who signs, as the plans file says (the signing
    authority, the title, room for the signature and seal, the name), or the usual authority
    and title with a line for the office to sign and name by hand."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    table = doc.add_table(rows=1, cols=2)
    parts.fixed_widths(table, (80, 85))
    parts.keep_on_one_page(table.rows[0])
    left, right = table.rows[0].cells
    p = left.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.LEFT
    parts.run(p, lang.RECIPIENTS_VI, bold=True, italic=True, size=12)
    others = [line.format(unit=unit) for line in lang.RECIPIENTS_OTHERS_VI]
    for line in ((lang.RECIPIENT_PARENT_VI.format(parent=parent),
                  lang.RECIPIENT_NOI_VU_VI.format(parent=parent)) if parent
                 else (lang.RECIPIENT_UPPER_VI,)) + tuple(others):
        parts.cell(left, line, size=11, center=False)
    signer = signer or Signer(None, None, None)
    for line in signing_lines(signer.signing):
        parts.cell(right, line, bold=True, size=13)
    parts.cell(right, signer.title or lang.SIGNER_TITLE_VI, bold=True, size=13)
    if not signer.name:
        parts.cell(right, lang.SIGNER_NOTE_VI, italic=True, size=12)
        return
    for _ in range(4):  # room for the signature and the seal
        parts.cell(right, "", size=13)
    parts.cell(right, signer.name, bold=True, size=14)


__all__ = [
    "build", "index_line", "IndexLine", "save_reproducibly", "task_rows",
    "write_plan_document",
]
