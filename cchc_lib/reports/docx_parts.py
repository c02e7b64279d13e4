"""The pieces of an administrative document in python-docx, as Nghị định 30/2020/NĐ-CP lays
them out: Times New Roman runs, indented paragraphs, bold section and italic sub-headings,
grid tables of fixed column widths whose header repeats on each page and whose rows never
split, page numbers from the second page at the top centre, properties cut to what Word holds.
Nothing here knows a report: the plan report (:mod:`.plan_document`) composes them.
"""

from __future__ import annotations

FONT = "Times New Roman"
BODY_PT = 13
PROPERTY_CHARS = 255  # what a Word document property holds (python-docx refuses more)


def qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def run(paragraph, text: str, bold: bool = False, italic: bool = False, size: float | None = None,
         underline: bool = False):
    from docx.shared import Pt

    run = paragraph.add_run(text)
    run.bold, run.italic, run.underline = bold, italic, underline
    run.font.name = FONT
    if size:
        run.font.size = Pt(size)
    return run


def para(doc, text: str, indent: bool = False, bold: bool = False, size: float | None = None):
    from docx.shared import Mm

    p = doc.add_paragraph()
    if indent:
        p.paragraph_format.first_line_indent = Mm(10)
    run(p, text, bold=bold, size=size)
    return p


def section(doc, text: str) -> None:
    para(doc, text, bold=True)


def sub(doc, text: str) -> None:
    p = doc.add_paragraph()
    run(p, text, bold=True, italic=True)


def rule(doc) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run(p, "―" * 8, size=8)


def cell(cell, text: str, bold: bool = False, italic: bool = False, size: float = 13,
          center: bool = True, underline: bool = False) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    p = cell.paragraphs[0] if not cell.paragraphs[0].text else cell.add_paragraph()
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.space_after = 0
    run(p, text, bold=bold, italic=italic, size=size, underline=underline)


def table(doc, header: list[str], rows: list[list[str]], widths: tuple[float, ...],
           size: float = 12, left: tuple[int, ...] = ()) -> None:
    """A grid table: the header bold and repeated on each page, rows that do not break
    across pages; a cell's lines (newlines) as paragraphs, the ``left`` columns left-aligned;
    a row of one text spans the table, in bold (a group's heading)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    table = doc.add_table(rows=1 + len(rows), cols=len(header))
    table.style = "Table Grid"
    for j, text in enumerate(header):
        cell(table.rows[0].cells[j], text, bold=True, size=size)
    for i, row in enumerate(rows, start=1):
        cells = table.rows[i].cells
        if len(row) == 1:
            merged = cells[0].merge(cells[-1])
            cell(merged, row[0], bold=True, size=size, center=False)
            continue
        for j, text in enumerate(row):
            for line in str(text).split("\n"):
                cell(cells[j], line, size=size, center=j not in left)
    fixed_widths(table, widths)
    for k, row_ in enumerate(table.rows):
        props = row_._tr.get_or_add_trPr()
        if k == 0:
            head = OxmlElement("w:tblHeader")
            head.set(qn("w:val"), "true")
            props.append(head)
        keep_on_one_page(row_)
    doc.add_paragraph()


def keep_on_one_page(row) -> None:
    """A table row that never breaks across pages (Word's "don't split row")."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    cant = OxmlElement("w:cantSplit")
    cant.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(cant)


def fixed_widths(table, widths: tuple[float, ...]) -> None:
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


def page_numbers(section) -> None:
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


def doc_property(text: str) -> str:
    """A document property from data, cut to what the property holds (a plan's long title)."""
    return text if len(text) <= PROPERTY_CHARS else text[:PROPERTY_CHARS - 1] + "…"


__all__ = [
    "BODY_PT", "cell", "doc_property", "FONT", "fixed_widths", "keep_on_one_page", "page_numbers",
    "para", "PROPERTY_CHARS", "qn", "rule", "run", "section", "sub", "table",
]
