"""A column an export does not have is unknown, not "no" (docs/reading_exports.md): an
indicator whose parts need it is "không có số liệu", never 0 and never judged.

Ingest records which optional columns each dossier export has (the ``source_columns`` table);
the registry says which columns each counted part cannot do without
(:data:`~cchc_lib.core.indicator_registry.PART_NEEDS`). :class:`Lacking` holds what the
exports of some units lack and writes the one note every surface shows: "không có số liệu:
tệp xuất không có cột apology_issued (Phiếu xin lỗi)", naming the files when the units'
dossiers come from more than one export. Result rows are marked by
:func:`cchc_lib.indicators.figures.unknown_rows`, Biểu 06 by
:func:`cchc_lib.indicators.bieu06.bieu06`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import PurePath

import pandas as pd

from cchc_lib.core import indicator_registry as registry
from cchc_lib.core.lang import indicators as lang
from cchc_lib.core.vi import COLUMN_LABELS_VI, NO_DATA_VI
from cchc_lib.indicators.base import missing_columns


@dataclass(frozen=True)
class Lacking:
    """The optional columns the exports holding some units' dossiers lack: per export (file),
    the columns it does not have (only exports lacking some), and how many exports hold those
    dossiers. Empty (false) when nothing is lacking, or for processed data written before
    exports were described."""

    by_file: dict[str, frozenset[str]] = field(default_factory=dict)
    exports: int = 0

    @classmethod
    def of(cls, tables: dict[str, pd.DataFrame], units: Sequence[str]) -> Lacking:
        """What the exports of these units lack (:func:`~.base.missing_columns`)."""
        missing = missing_columns(tables, list(units))
        if not missing:
            return cls()
        by_file: dict[str, set[str]] = {}
        for column, files in missing.items():
            for file in files:
                by_file.setdefault(file, set()).add(column)
        d = tables["dossiers"]
        exports = d.source_file[d.unit_code.isin(list(units))].dropna().nunique()
        return cls({f: frozenset(c) for f, c in sorted(by_file.items())}, int(exports))

    def __bool__(self) -> bool:
        return bool(self.by_file)

    def _needs(self, parts: Sequence[str]) -> dict[str, list[str]]:
        """Each need of these parts that an export lacks (``"a|b"``: one export lacking
        both), with those exports, in the registry's order."""
        out: dict[str, list[str]] = {}
        for file, lack in self.by_file.items():
            for need in registry.lacking(tuple(parts), lack):
                out.setdefault(need, []).append(file)
        return {need: out[need] for need in registry.needs(tuple(parts)) if need in out}

    def columns(self, parts: Sequence[str]) -> tuple[str, ...]:
        """The columns these parts cannot be counted without that an export lacks."""
        return tuple(dict.fromkeys(c for need in self._needs(parts) for c in need.split("|")))

    def note_vi(self, parts: Sequence[str]) -> str | None:
        """Why these parts cannot be counted, in one line ("không có số liệu: tệp xuất không
        có cột apology_issued (Phiếu xin lỗi)", with "(tệp a.csv)" when the dossiers come from
        several exports); None when they can."""
        needs = self._needs(parts)
        if not needs:
            return None
        by_files: dict[tuple[str, ...], list[str]] = {}
        for need, files in needs.items():
            by_files.setdefault(tuple(files), []).extend(need.split("|"))
        said = []
        for lacking_it, columns in by_files.items():
            text = lang.EXPORT_LACKS_COLUMNS_VI.format(columns=_and(
                [f"{c} ({COLUMN_LABELS_VI.get(c, c)})" for c in dict.fromkeys(columns)]))
            if self.exports > 1:
                text += lang.IN_FILES_VI.format(
                    files=", ".join(PurePath(f).name for f in lacking_it))
            said.append(text)
        return f"{NO_DATA_VI}: " + "; ".join(said)


def _and(items: list[str]) -> str:
    return ", ".join(items[:-1]) + lang.AND_VI + items[-1] if len(items) > 1 else items[0]


def has_note(no_data: object) -> bool:
    """Whether a row's ``no_data`` says it could not be counted (None, NaN: it could)."""
    return isinstance(no_data, str) and bool(no_data)


__all__ = ["Lacking", "has_note"]
