"""Which position of a header holds which canonical column, which titles are personal data,
and what is not read and why: before any value is looked at.

Titles are read by :class:`cchc_lib.ingest.readers.headers.TitleIndex`: the office's pins
(data catalog ``columns:``), the exact aliases, then the meaning rules of
:mod:`cchc_lib.core.titles`. Each column of the table is then given to one title:

- a title the catalog pins wins over every other title naming the same column;
- otherwise the titles that name it surely (an alias, a rule) are its candidates; titles that
  name it only weakly ("Đơn vị xử lý" for the unit code) are candidates only when no title
  names it surely, and are said as not read otherwise;
- copies of one title (the same words twice, e.g. a column Excel hid) are all read, and the
  copy with data is kept (:func:`cchc_lib.ingest.pipeline` decides once the values are read);
- two *different* titles naming one column, and a title naming two columns, are problems:
  ingest stops with both named and the ``columns:`` line that settles it.

Every other column is listed as not read, with why; one whose title names a word of the data
contract ("hẹn", "bổ sung", "xin lỗi" …) is a warning with the ``columns:`` line to add.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field

from cchc_lib.core import schema
from cchc_lib.core.lang import ingest as lang
from cchc_lib.core.schema import Table
from cchc_lib.core.text import match_key
from cchc_lib.core.titles import AMBIGUOUS, about_people, concepts
from cchc_lib.ingest.readers.headers import HEADER_MAX_CHARS, TitleIndex

# why a column is not read
NO_MEANING = "no_meaning"  # its title names no column of the table
PINNED_OFF = "pinned_off"  # the data catalog says not to read it (columns: {title: null})
WEAKER = "weaker"  # another title names its column more surely, or is pinned to it
COPY = "copy"  # the same title again: the copy with data is read
UNTITLED = "untitled"  # no title at all
UNIT_GIVEN = "unit_given"  # the unit by its name, when the data catalog gives the unit's code

WHY_VI = lang.UNREAD_WHY_VI  # keyed by the reasons above


@dataclass
class Unread:
    """A column that is not read (and not personal data), and why."""

    position: int
    title: str
    why: str  # one of NO_MEANING, PINNED_OFF, WEAKER, COPY, UNTITLED
    column: str | None = None  # the column it may have been (WEAKER, COPY)
    other: str = ""  # the title read instead (WEAKER) or its position (COPY)
    # the data contract's words the title names, with the columns they make one think of
    words: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)

    @property
    def warns(self) -> bool:
        """Whether it is a warning (a title naming the contract's words, read as nothing)."""
        return self.why == NO_MEANING and bool(self.words)

    def why_vi(self) -> str:
        return WHY_VI[self.why].format(column=self.column, other=self.other)


@dataclass
class ColumnMap:
    canonical: dict[int, str] = field(default_factory=dict)  # position -> canonical name
    personal: list[str] = field(default_factory=list)
    ignored: dict[int, str] = field(default_factory=dict)  # position -> header (not read)
    unread: dict[int, Unread] = field(default_factory=dict)  # why each ignored one is not read
    how: dict[int, str] = field(default_factory=dict)  # position -> pinned / alias / rules
    titles: dict[int, str] = field(default_factory=dict)  # position -> its title
    # copies of one title naming one column: column -> their positions (the first is read
    # until the values say which copy holds data)
    copies: dict[str, list[int]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # titles that stop ingest (Vietnamese)

    @property
    def kept(self) -> list[int]:
        """The positions whose values may be read, in order: all but the personal ones."""
        return sorted([*self.canonical, *self.ignored])

    def use_copy(self, column: str, position: int) -> None:
        """Read ``column`` from another copy of its title (``position``)."""
        now = next(p for p, c in self.canonical.items() if c == column)
        if now == position:
            return
        title = self.ignored.pop(position)
        self.unread.pop(position)
        del self.canonical[now]
        self.canonical[position] = column
        self.how[position] = self.how.pop(now)
        self.ignored[now] = title
        self.unread[now] = Unread(now, title, COPY, column, str(position + 1))
        for u in self.unread.values():
            if u.why == COPY and u.column == column:
                u.other = str(position + 1)


def columns_line(pins: Mapping[str, str | None]) -> str:
    """The ``columns:`` line of the data catalog that pins these titles."""
    body = ", ".join(f"{json.dumps(t, ensure_ascii=False)}: {c or 'null'}"
                     for t, c in pins.items())
    return f"columns: {{{body}}}"


def _label(table: Table, column: str) -> str:
    """A canonical column as a message names it: ``due_at (Ngày hẹn trả)``."""
    col = next((c for c in table.columns if c.name == column), None)
    shown = next((a for a in col.aliases if " " in a), None) if col is not None else None
    return f"{column} ({shown})" if shown else column.lstrip("_")


def _shown(title: str) -> str:
    return title if len(title) <= 80 else title[:77] + "…"


def map_columns(header: list[str], table: Table, extra_personal: tuple[str, ...] = (),
                pins: Mapping[str, str | None] | None = None,
                unit_given: bool = False) -> ColumnMap:
    """Which position holds which canonical column; which headers are personal data; what is
    not read and why (see the module's docstring). ``pins``: the data catalog's
    ``columns:``, match key of a title -> column (None: not read). ``unit_given``: the
    catalog gives the file's unit code, so a title naming the unit only by its name or role
    ("Cơ quan chủ trì giải quyết") is not read."""
    index = TitleIndex(table, pins)
    personal_keys = tuple(match_key(a) for a in schema.PERSONAL_ALIASES)
    analyst_keys = {match_key(a) for a in extra_personal}
    out = ColumnMap()
    # column -> (position, title, tier, how it was read)
    claims: dict[str, list[tuple[int, str, str, str]]] = {}
    for pos, raw in enumerate(header):
        title = str(raw).strip()
        key = match_key(title)
        how = index.how(title)
        out.titles[pos] = title
        if key in analyst_keys:
            out.personal.append(title)
            continue
        if not key or len(title) > HEADER_MAX_CHARS:
            out.ignored[pos] = title
            out.unread[pos] = Unread(pos, title, UNTITLED if not key else NO_MEANING)
            continue
        if how == "rules" and any(p in key for p in personal_keys):
            out.personal.append(title)
            continue
        reading = index.reading(title)
        if reading.column is not None:
            tier = "pinned" if how == "pinned" else "weak" if reading.weak else "sure"
            claims.setdefault(reading.column, []).append((pos, title, tier, how))
            continue
        out.ignored[pos] = title
        if how == "pinned":
            out.unread[pos] = Unread(pos, title, PINNED_OFF)
        elif reading.problem and reading.problem.startswith(AMBIGUOUS):
            columns = reading.problem.split(":", 1)[1].split("/")
            out.unread[pos] = Unread(pos, title, NO_MEANING)
            out.problems.append(lang.AMBIGUOUS_TITLE_VI.format(
                title=_shown(title), n=len(columns),
                columns=lang.OR_VI.join(_label(table, c) for c in columns),
                line=columns_line({title: columns[0]})))
        else:
            words = [] if about_people(title) else concepts(title)
            out.unread[pos] = Unread(pos, title, NO_MEANING, words=words)
    unit_claims = claims.get("unit_code", [])
    if unit_given and unit_claims and all(f[2] == "weak" for f in unit_claims):
        for pos, title, _, _ in claims.pop("unit_code"):
            out.ignored[pos] = title
            out.unread[pos] = Unread(pos, title, UNIT_GIVEN)
    for column, found in claims.items():
        _give(out, table, column, found)
    return out


def _give(out: ColumnMap, table: Table, column: str,
          found: list[tuple[int, str, str, str]]) -> None:
    """Give ``column`` to one of the titles that name it (see the module's docstring)."""
    best = next(b for b in ([f for f in found if f[2] == tier]
                            for tier in ("pinned", "sure", "weak")) if b)
    if len({match_key(f[1]) for f in best}) > 1:
        titles = [f[1] for f in best]
        why = lang.PINNED_TOGETHER_VI if best[0][2] == "pinned" else lang.READ_TOGETHER_VI
        out.problems.append(lang.SAME_COLUMN_VI.format(
            n=len(titles), titles=", ".join(f"“{_shown(t)}”" for t in titles), why=why,
            column=_label(table, column), line=columns_line({t: None for t in titles[1:]}),
            first=_shown(titles[0])))
    first, title, _, how = best[0]
    out.canonical[first] = column
    out.how[first] = how
    for found_one in found:
        pos, other = found_one[:2]
        if pos == first:
            continue
        out.ignored[pos] = other
        if found_one in best:  # a copy of the same title
            out.unread[pos] = Unread(pos, other, COPY, column, str(first + 1))
            out.copies.setdefault(column, [first]).append(pos)
        else:
            out.unread[pos] = Unread(pos, other, WEAKER, column, _shown(title))


# --------------------------------------------------------------------------------------
# What the mapping says about a block: copies decided by their data, columns missing,
# titles that stop ingest
# --------------------------------------------------------------------------------------


def choose_copies(cmap: ColumnMap, values) -> None:
    """Of the copies of one title, read the one with the most values (the first on a tie):
    Excel's hidden first copy of "Ngày tiếp nhận" is empty, the second holds the dates."""
    from cchc_lib.ingest.parsers import blank

    for column, positions in cmap.copies.items():
        filled = {p: int((~blank(values[p])).sum()) for p in positions if p in values.columns}
        if filled:
            best = max(filled, key=lambda p: (filled[p], -p))
            cmap.use_copy(column, best)
            for p, n in filled.items():
                if p in cmap.unread and n:
                    cmap.unread[p].other += lang.COPY_HAS_VALUES_VI.format(n=n)


def missing_required(table: Table, cmap: ColumnMap, unit_given: bool) -> list:
    """The required columns no title names (the unit may come from the data catalog)."""
    have = set(cmap.canonical.values()) | ({"unit_code"} if unit_given else set())
    return [c for c in table.columns if c.required and c.name not in have]


def missing_optional(table: Table, cmap: ColumnMap) -> list[str]:
    """The optional columns the export does not have: what they measure is unknown for its
    dossiers, never "no" (an electronic result may be told by the DVCQG result code and file
    path instead)."""
    have = set(cmap.canonical.values())
    if {f"_{p}" for p in schema.E_RESULT_PARTS} <= have:
        have.add("e_result")
    if table is schema.DOSSIERS:
        have.update(schema.FROM_CATALOGUE)
    return [c.name for c in table.columns if not c.required and c.name not in have]


def missing_message(table: Table, cmap: ColumnMap, unit_given: bool, sheet: str) -> str:
    """Why a block cannot be read: its required columns that no title names, with the titles
    of the file that may be them and the ``columns:`` line to add."""
    missing = missing_required(table, cmap, unit_given)
    names = "; ".join(_label(table, c.name) for c in missing)
    where = lang.MISSING_SHEET_VI.format(sheet=sheet) if sheet else ""
    text = lang.MISSING_REQUIRED_VI.format(where=where, names=names)
    maybe = {u.title: next(c for c in cols if c in {m.name for m in missing})
             for u in cmap.unread.values() for _, cols in u.words
             if any(c in {m.name for m in missing} for c in cols)}
    if maybe:
        text += lang.MISSING_PIN_EXAMPLE_VI.format(line=columns_line(maybe))
    else:
        text += lang.MISSING_PIN_VI.format(
            line=columns_line({lang.TITLE_IN_FILE_VI: missing[0].name}))
    return text


def problems_message(cmap: ColumnMap, sheet: str) -> str:
    """The titles that stop ingest, in one line."""
    where = lang.PROBLEMS_SHEET_VI.format(sheet=sheet) if sheet else ""
    return where + "; ".join(cmap.problems)


def columns_report(cmap: ColumnMap, values, table: Table, source) -> dict:
    """What a file's report says of its columns: read (column -> title, and how), missing
    (optional columns the export lacks), not read (titles, with why; a column without a title
    is said only when it holds values)."""
    from cchc_lib.ingest.parsers import blank

    unread = []
    for pos in sorted(cmap.unread):
        u = cmap.unread[pos]
        if u.why == UNTITLED:
            filled = int((~blank(values[pos])).sum()) if pos in values.columns else 0
            if not filled:
                continue
            u.title = lang.UNTITLED_COLUMN_VI.format(position=pos + 1, filled=filled)
        unread.append(u)
    read = {c: cmap.titles.get(p, "") for p, c in cmap.canonical.items() if not c.startswith("_")}
    missing = missing_optional(table, cmap)
    if source.unit_code and "unit_code" in missing:
        missing.remove("unit_code")
    empty = empty_columns(cmap, values, table)
    return {"columns_ignored": [u.title for u in unread],
            "columns_empty": empty,
            "columns_read": {c: read[c] for c in sorted(read)},
            "columns_how": {c: cmap.how.get(p, "") for p, c in cmap.canonical.items()
                            if not c.startswith("_")},
            "columns_missing": [*missing, *empty],
            "columns_unread": unread}


# optional columns whose cells a system fills, or leaves empty in every row when it does not
# keep the fact: a title over no value at all says nothing (dates are left out: an export
# of dossiers all still open has no end date, and that is a fact)
EMPTY_IS_UNKNOWN = ("return_channel", "supplement_requests", "supplement_days", "paid_online",
                    "digitized", "e_result", "apology_issued")


def empty_columns(cmap: ColumnMap, values, table: Table) -> list[str]:
    """The optional columns of :data:`EMPTY_IS_UNKNOWN` read from a title over no value in
    any row: unknown for the export's dossiers, as if the column were not there, never "no"
    or 0 (a one-stop system that exports the apology column and never fills it has not
    said that no slip was issued)."""
    from cchc_lib.ingest.parsers import blank

    if table is not schema.DOSSIERS or values is None or not len(values):
        return []
    out = []
    for pos, name in cmap.canonical.items():
        if name in EMPTY_IS_UNKNOWN and pos in values.columns and blank(values[pos]).all():
            out.append(name)
    return [c.name for c in table.columns if c.name in out]


__all__ = [
    "choose_copies", "ColumnMap", "columns_line", "columns_report", "COPY", "empty_columns",
    "EMPTY_IS_UNKNOWN", "map_columns", "missing_message", "missing_optional", "missing_required",
    "NO_MEANING", "PINNED_OFF", "problems_message", "UNIT_GIVEN", "Unread", "UNTITLED", "WEAKER",
    "WHY_VI",
]
