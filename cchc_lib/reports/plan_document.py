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
from cchc_lib.core.vi import NO_DATA_VI, TASK_STATUS_VI
from cchc_lib.indicators.plan import gaps, procedure_uptake
from cchc_lib.indicators.unknown import has_note
from cchc_lib.par.tasks import Signer
from cchc_lib.reports import render
from cchc_lib.reports.plan_progress import PlanProgress, plan_progress_of

FONT = "Times New Roman"
BODY_PT = 13
CANDIDATES_SHOWN = 3


@dataclass(frozen=True)
class IndexLine:
    """The estimated index and rank of the year, and last year's official ones."""

    index: float
    rank: int | None  # None: not ranked, a criterion not scored for want of data
    units: int
    index_before: float | None
    rank_before: int | None


def index_line(unit_code: str, year: int, data_dir: Path) -> IndexLine | None:
    """The scorecard's index and rank, or None when there is no methodology to score with."""
    from cchc_lib.reports.scorecard import scorecard

    try:
        card = scorecard(unit_code, year, data_dir)
    except CchcError:
        return None
    r = card.ranks.set_index("unit_code").loc[unit_code]
    before = None if pd.isna(r.index_before) else float(r.index_before)
    rank_before = None if pd.isna(r.rank_before) else int(r.rank_before)
    rank = None if pd.isna(r["rank"]) else int(r["rank"])
    return IndexLine(float(r["index"]), rank, len(card.ranks), before, rank_before)


def write_plan_document(unit_code: str, year: int, as_of: str | date, data_dir: str | Path,
                        path: str | Path, final: bool = False) -> Path:
    """Compute the plan report of a unit as of a day and write it as DOCX to ``path``: a
    draft ("DỰ THẢO") unless the office marks it ``final``."""
    from cchc_lib.core.units import parent_name
    from cchc_lib.ingest.store import read_processed

    data_dir = resolve(data_dir)
    tables = read_processed(data_dir, unit_code=unit_code)  # read once, used for all parts
    progress = plan_progress_of(tables, unit_code, year, as_of)
    ytd = Period(date(year, 1, 1), pd.Timestamp(progress.as_of).date(), f"{year}-YTD")
    uptake = procedure_uptake(tables["dossiers"], tables["catalogue"], unit_code, ytd)
    found = gaps(uptake, progress.plan.reset_index(drop=True))
    document = build(progress, progress.unit_name,
                     within_sentence(parent_name(tables["units"], unit_code)), found, uptake,
                     index_line(unit_code, year, data_dir), provenance.stamp(data_dir),
                     final=final)
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
          index: IndexLine | None, stamp: Stamp | None = None, final: bool = False):
    """The python-docx Document of the report (pure: nothing read, nothing written): a
    draft, marked "DỰ THẢO", unless ``final``."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(BODY_PT)
    normal.element.rPr.rFonts.set(_qn("w:eastAsia"), FONT)
    normal.paragraph_format.space_after = Pt(6)

    _page_numbers(section)
    if not final:
        mark = doc.add_paragraph()
        mark.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _run(mark, lang.DRAFT_MARK_VI, bold=True, size=13)
    _heading_block(doc, unit, parent, progress)
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(title, lang.DOCUMENT_TYPE_VI, bold=True, size=14)
    subject = doc.add_paragraph()
    subject.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(subject, lang.SUBJECT_VI.format(plan=progress.plan_name, year=progress.year),
         bold=True, size=14)
    _rule(doc)
    as_of = formats.day(progress.as_of)
    _para(doc, lang.OPENING_VI.format(plan=progress.plan_name, unit=within_sentence(unit),
                                      as_of=as_of), indent=True)

    _section(doc, lang.SECTION_RESULTS_VI)
    _sub(doc, lang.SUB_TARGETS_VI.format(year=progress.year, as_of=as_of))
    _table(doc, list(lang.TARGETS_HEADER_VI),
           [[registry.label(r.indicator), render.share_shown(r.value, _note(r)),
             f"{formats.integer(r.numerator)} / {formats.integer(r.denominator)}",
             formats.percent(r.target, 0), render.verdict_shown(r.met, _note(r))]
            for r in progress.plan.itertuples()], widths=(55, 25, 30, 22, 25))
    for line in render.notes_of(progress.plan):
        _para(doc, f"{line}.", indent=True)
    _sub(doc, lang.SUB_TASKS_VI)
    t = progress.tasks
    _table(doc, list(lang.TASKS_HEADER_VI),
           [[str(r.task_id), str(r.task), str(r.lead), str(r.timeframe), str(r.status_vi),
             "—" if pd.isna(r.evidence) else str(r.evidence)] for r in t.itertuples()],
           widths=(12, 58, 24, 20, 22, 29), size=11)
    _sub(doc, lang.SUB_INDEX_VI)
    _para(doc, _index_text(index, progress.year), indent=True)

    _section(doc, lang.SECTION_SHORTCOMINGS_VI)
    for line in shortcomings(progress, found):
        _para(doc, line, indent=True)

    _section(doc, lang.SECTION_RECOMMENDATIONS_VI)
    for line in recommendations(progress, found, uptake):
        _para(doc, line, indent=True)

    _para(doc, lang.CLOSING_VI.format(plan=progress.plan_name), indent=True)
    _signature_block(doc, parent, progress.signer)
    props = doc.core_properties
    props.title = _property(lang.SUBJECT_VI.format(plan=progress.plan_name, year=progress.year))
    props.subject = _property(progress.plan_name)
    props.author = props.last_modified_by = _property(
        lang.AUTHOR_VI.format(unit=within_sentence(unit)))
    props.category = "" if final else lang.DRAFT_MARK_VI
    _stamp(doc, stamp)
    return doc


PROPERTY_CHARS = 255  # what a Word document property holds (python-docx refuses more)


def _property(text: str) -> str:
    """A document property from data, cut to what the property holds (a plan's long title)."""
    return text if len(text) <= PROPERTY_CHARS else text[:PROPERTY_CHARS - 1] + "…"


def _page_numbers(section) -> None:
    """Page numbers as Nghị định 30/2020 places them: from the second page, top centre, in
    the header (the first page has none)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph._p.append(parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:rPr><w:sz w:val="{2 * BODY_PT}"/>'
        "</w:rPr><w:t>2</w:t></w:r></w:fldSimple>"))


def _stamp(doc, stamp: Stamp | None) -> None:
    """What made the document: in its properties only (the page carries the report alone)."""
    if stamp is None:
        return
    props = doc.core_properties
    props.comments = stamp.line_vi()
    props.version = stamp.workbook
    props.identifier = stamp.data_sha256 or "-"


def _index_text(index: IndexLine | None, year: int) -> str:
    if index is None:
        return lang.INDEX_NO_METHOD_VI.format(year=year)
    placed = (lang.INDEX_RANKED_VI.format(rank=index.rank, units=index.units)
              if index.rank is not None else lang.INDEX_UNRANKED_VI.format(no_data=NO_DATA_VI))
    text = lang.INDEX_VI.format(year=year, points=formats.points(index.index), placed=placed)
    if index.index_before is not None:
        rank = (lang.INDEX_RANK_BEFORE_VI.format(rank=index.rank_before)
                if index.rank_before else "")
        change = index.index - index.index_before
        text += lang.INDEX_BEFORE_VI.format(
            year=year - 1, points=formats.points(index.index_before), rank=rank,
            direction=lang.INDEX_UP_VI if change >= 0 else lang.INDEX_DOWN_VI,
            change=formats.points(abs(change)))
    return text


def _note(r) -> str | None:
    """Why a plan row has no figure (None: it has one)."""
    note = getattr(r, "no_data", None)
    return note if has_note(note) else None


def shortcomings(progress: PlanProgress, found: dict) -> list[str]:
    """What is behind the plan as of the day, with its cause where the data shows it; a
    target without data is said to be so, and not judged."""
    out = []
    for r in progress.plan.itertuples():
        if (note := _note(r)) is not None:
            out.append(lang.SHORTCOMING_NO_DATA_VI.format(label=registry.label(r.indicator),
                                                          note=note))
            continue
        gap = found.get(r.indicator)
        if r.met is False and gap is not None and gap.needed:
            unit = (lang.GAP_UNIT_DOSSIERS_VI if registry.gap_rule(r.indicator).counts
                    == "dossiers" else lang.GAP_UNIT_PROCEDURES_VI)
            out.append(lang.SHORTCOMING_GAP_VI.format(
                label=registry.label(r.indicator), value=formats.percent(r.value),
                target=formats.percent(r.target, 0), needed=formats.integer(gap.needed),
                unit=unit))
    t = progress.tasks
    for flag in ("overdue", "at_risk", "no_update"):
        hit = t[t.status_flags.map(lambda flags, f=flag: f in flags)]
        if len(hit):
            ids = ", ".join(str(i) for i in hit.task_id)
            out.append(lang.SHORTCOMING_TASKS_VI.format(status=TASK_STATUS_VI[flag], ids=ids))
    missing = t[t.evidence.isna()]
    if len(missing):
        out.append(lang.SHORTCOMING_NO_EVIDENCE_VI.format(
            count=len(missing), ids=", ".join(str(i) for i in missing.task_id)))
    if not out:
        return [lang.NOTHING_BEHIND_VI.format(day=formats.day(progress.as_of))]
    return out


def recommendations(progress: PlanProgress, found: dict, uptake: pd.DataFrame) -> list[str]:
    """What to do next, and the methodology points to raise with the town."""
    out = []
    for indicator, gap in found.items():
        if not gap.needed:
            continue
        rule = registry.gap_rule(indicator)
        action = rule.action_vi.format(n=formats.integer(gap.needed),
                                       t=formats.percent(gap.target, 0)).replace("**", "")
        action = action.rsplit(".", 1)[0] + "."  # the sentence, without the table's lead-in
        names = [str(n) for n in gap.candidates.procedure_name.head(CANDIDATES_SHOWN)]
        out.append(f"- {action}"
                   + (lang.RECOMMEND_PRIORITY_VI.format(names="; ".join(names)) if names else ""))
    enabled = uptake[uptake.online_enabled | uptake.postal_enabled]
    idle = enabled[(enabled.received == 0) & (enabled.returned_total == 0)]
    if len(idle):
        out.append(lang.RECOMMEND_IDLE_PROCEDURES_VI.format(count=len(idle)))
    missing = progress.tasks[progress.tasks.evidence.isna()]
    if len(missing):
        leads = sorted({str(x) for x in missing.lead.dropna()})
        out.append(lang.RECOMMEND_EVIDENCE_VI.format(leads=", ".join(leads)))
    return out or [lang.RECOMMEND_KEEP_UP_VI]


# --------------------------------------------------------------------------------------
# Pieces of the administrative format
# --------------------------------------------------------------------------------------


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def _run(paragraph, text: str, bold: bool = False, italic: bool = False, size: float | None = None,
         underline: bool = False):
    from docx.shared import Pt

    run = paragraph.add_run(text)
    run.bold, run.italic, run.underline = bold, italic, underline
    run.font.name = FONT
    if size:
        run.font.size = Pt(size)
    return run


def _para(doc, text: str, indent: bool = False, bold: bool = False, size: float | None = None):
    from docx.shared import Mm

    p = doc.add_paragraph()
    if indent:
        p.paragraph_format.first_line_indent = Mm(10)
    _run(p, text, bold=bold, size=size)
    return p


def _section(doc, text: str) -> None:
    _para(doc, text, bold=True)


def _sub(doc, text: str) -> None:
    p = doc.add_paragraph()
    _run(p, text, bold=True, italic=True)


def _rule(doc) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(p, "―" * 8, size=8)


def _cell(cell, text: str, bold: bool = False, italic: bool = False, size: float = 13,
          center: bool = True, underline: bool = False) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    p = cell.paragraphs[0] if not cell.paragraphs[0].text else cell.add_paragraph()
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.space_after = 0
    _run(p, text, bold=bold, italic=italic, size=size, underline=underline)


def _heading_block(doc, unit: str, parent: str, progress: PlanProgress) -> None:
    """Governing and issuing bodies and the number on the left; quốc hiệu, tiêu ngữ, place and
    date on the right."""

    table = doc.add_table(rows=1, cols=2)
    _fixed_widths(table, (70, 95))
    left, right = table.rows[0].cells
    if parent:
        _cell(left, f"UBND {parent}".upper(), size=13)
    _cell(left, lang.ISSUER_VI.format(unit=unit.upper()), bold=True, size=13)
    _cell(left, "―――――", size=8)
    _cell(left, lang.NUMBER_LINE_VI, size=13)
    _cell(right, lang.NATIONAL_TITLE_VI, bold=True, size=12)
    _cell(right, lang.MOTTO_VI, bold=True, size=13, underline=True)
    _cell(right, "")
    _cell(right, lang.PLACE_DATE_VI.format(place=unit, year=progress.as_of.year), italic=True,
          size=13)


def _table(doc, header: list[str], rows: list[list[str]], widths: tuple[float, ...],
           size: float = 12) -> None:

    table = doc.add_table(rows=1 + len(rows), cols=len(header))
    table.style = "Table Grid"
    for j, text in enumerate(header):
        _cell(table.rows[0].cells[j], text, bold=True, size=size)
    for i, row in enumerate(rows, start=1):
        for j, text in enumerate(row):
            _cell(table.rows[i].cells[j], text, size=size, center=j != 1 or len(header) < 6)
    _fixed_widths(table, widths)
    doc.add_paragraph()


def _fixed_widths(table, widths: tuple[float, ...]) -> None:
    """Columns of the given widths (mm) in every reader: a fixed layout, the grid and every
    cell say the same (Word and LibreOffice read the grid; python-docx writes equal ones)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm

    table.autofit = False
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for column, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
        column.w = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Mm(width)


def _signature_block(doc, parent: str, signer: Signer | None = None) -> None:
    """Nơi nhận on the left; on the right who signs, as the plans file says (the signing
    authority, the title, room for the signature and seal, the name), or the usual authority
    and title with a line for the office to sign and name by hand."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    table = doc.add_table(rows=1, cols=2)
    _fixed_widths(table, (80, 85))
    left, right = table.rows[0].cells
    p = left.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.LEFT
    _run(p, lang.RECIPIENTS_VI, bold=True, italic=True, size=12)
    for line in (lang.RECIPIENT_PARENT_VI.format(parent=parent) if parent
                 else lang.RECIPIENT_UPPER_VI, *lang.RECIPIENTS_OTHERS_VI):
        _cell(left, line, size=11, center=False)
    signer = signer or Signer(None, None, None)
    _cell(right, signer.signing or lang.SIGNER_ON_BEHALF_VI, bold=True, size=13)
    _cell(right, signer.title or lang.SIGNER_TITLE_VI, bold=True, size=13)
    if not signer.name:
        _cell(right, lang.SIGNER_NOTE_VI, italic=True, size=12)
        return
    for _ in range(4):  # room for the signature and the seal
        _cell(right, "", size=13)
    _cell(right, signer.name, bold=True, size=14)


__all__ = [
    "BODY_PT", "build", "CANDIDATES_SHOWN", "FONT", "index_line", "IndexLine", "recommendations",
    "save_reproducibly", "shortcomings", "write_plan_document",
]
