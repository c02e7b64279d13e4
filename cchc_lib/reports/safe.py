"""The one rendering path for text in reports and emails: values from data are escaped by
construction.

A report's narrative is written as a small, trusted template in a few Markdown marks of our
own (``# heading``, ``**bold**``, ``*italic*``, `` `code` ``, blank line = paragraph,
``- `` list items, ``^^met^^`` and ``!!missed!!`` verdicts) with ``{name}`` placeholders;
the values go in separately::

    rich("# Báo cáo: {unit}\\n\\n**Đơn vị:** {unit}", unit=unit_name)

The result displays as HTML (the template converted here, every value escaped by markupsafe:
no tag, attribute, entity or link from data survives) and as Markdown (every value escaped for
Markdown *and* HTML, so no renderer turns it into markup or a link). Tables go through
:func:`cchc_lib.reports.render.html_table`, which escapes every cell and header the same way.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from markupsafe import Markup, escape

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~:])")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*(?![*\w])")
_CODE = re.compile(r"`([^`]+)`")
# a verdict: ^^met^^ and !!missed!! — a mark and a word in the template, a colour in HTML
# (never colour alone), bold in Markdown and plain text
_GOOD = re.compile(r"\^\^(.+?)\^\^")
_BAD = re.compile(r"!!(.+?)!!")
GOOD_COLOR, BAD_COLOR = "#1e7a3f", "#b42318"


def md_escape(value: object) -> str:
    """Text for a Markdown renderer: every Markdown mark backslash-escaped, then ``& < >`` as
    entities (renderers pass raw HTML through), ``:`` too (no renderer can see a URL)."""
    text = _MD_SPECIAL.sub(r"\\\1", str(value))
    return html.escape(text, quote=False).replace("\\:", "&#58;")


def _inline(text: str) -> str:
    text = _CODE.sub(r"<code>\1</code>", text)
    text = _BOLD.sub(r"<strong>\1</strong>", text)
    text = _GOOD.sub(rf'<strong style="color:{GOOD_COLOR}">\1</strong>', text)
    text = _BAD.sub(rf'<strong style="color:{BAD_COLOR}">\1</strong>', text)
    return _ITALIC.sub(r"<em>\1</em>", text)


def template_html(template: str) -> str:
    """Our template marks as HTML; the template's own text escaped, placeholders kept."""
    out = []
    for block in re.split(r"\n\s*\n", template.strip()):
        text = str(escape(block))
        if m := re.match(r"(#{1,3}) (.*)", text, re.S):
            level = len(m[1])
            out.append(f"<h{level}>{_inline(m[2].strip())}</h{level}>")
        elif all(line.startswith("- ") for line in text.splitlines()):
            items = "".join(f"<li>{_inline(line[2:])}</li>" for line in text.splitlines())
            out.append(f"<ul>{items}</ul>")
        else:
            out.append(f"<p>{_inline(' '.join(text.splitlines()))}</p>")
    return "\n".join(out)


@dataclass(frozen=True)
class Rich:
    """A piece of a report: HTML and Markdown of the same trusted template and values."""

    html: str
    markdown: str

    def _repr_html_(self) -> str:
        return self.html

    def _repr_markdown_(self) -> str:
        return self.markdown

    def __repr__(self) -> str:  # text/plain: what a terminal or a text email shows
        return plain(self.markdown)

    def __add__(self, other: Rich) -> Rich:
        return Rich(self.html + "\n" + other.html, self.markdown + "\n\n" + other.markdown)


def rich(template: str, **values: object) -> Rich:
    """The one way a report writes text: ``values`` escaped into the ``template``."""
    as_html = Markup(template_html(template)).format(**{k: escape(str(v))
                                                        for k, v in values.items()})
    marked = _BAD.sub(r"**\1**", _GOOD.sub(r"**\1**", template))
    as_md = marked.format(**{k: md_escape(v) for k, v in values.items()})
    return Rich(str(as_html), as_md)


def raw_html(trusted: str) -> Rich:
    """HTML the project wrote itself (a table from :func:`render.html_table`)."""
    return Rich(str(Markup(trusted)), str(Markup(trusted)))


def plain(markdown: str) -> str:
    """A Markdown output as plain text: marks and escapes undone (titles, text emails)."""
    text = re.sub(r"(?m)^#+ ", "", markdown)
    text = re.sub(r"(?<!\\)[*`]", "", text)
    text = re.sub(r"\\(.)", r"\1", text)
    return html.unescape(text)


__all__ = ["Rich", "rich", "raw_html", "md_escape", "plain", "template_html"]
