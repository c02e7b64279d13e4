"""Evidence kept as files: a self-assessment row (or a progress-log update) may name its
evidence as a file under the workbook's evidence folder, ``data/evidence/``, as well as by
the document's number and date.

An evidence cell lists its documents one per line or separated by ";". A document whose text
ends in a file name extension (one Python's built-in table of file types knows: .pdf, .docx,
.xlsx, .jpg, …; never the system's, so every PC reads a cell alike) names a file; the rest are
references in words (``Quyết định số 12/QĐ-UBND``), kept as written. A file is named relative
to the evidence folder (``2022/1.4_quyet_dinh.pdf``); a name that starts with the folder's own
path (``data/evidence/…``), or an absolute path that lies inside it, is read the same way.

A name that leads outside the folder (``..``, another drive, a network share, a link out of
it) is refused: the row is set aside, as any unsafe path elsewhere. A file that is not there
keeps its row (the points were self-assessed) but is listed as missing: the criterion's points
do not count as evidenced until it is, and the checklist flags it.
"""

from __future__ import annotations

import mimetypes
import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import pandas as pd

EVIDENCE_DIR = Path("data/evidence")  # under the project folder
SEPARATORS = re.compile(r"[;\n\r]+")
# Python's built-in table only (no system file): the same answer on every PC. Before 3.13
# it lacks the office formats a ward scans and saves to; they are added, as 3.13 has them.
_TYPES = mimetypes.MimeTypes(filenames=())
for _ext, _type in {
        ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ".odt": "application/vnd.oasis.opendocument.text",
        ".ods": "application/vnd.oasis.opendocument.spreadsheet",
        ".rar": "application/vnd.rar", ".7z": "application/x-7z-compressed",
        ".zip": "application/zip"}.items():
    _TYPES.add_type(_type, _ext)
_DRIVE = re.compile(r"^[A-Za-z]:")


@dataclass(frozen=True)
class EvidenceFiles:
    """Per row of a table: the files its evidence names (relative to the evidence folder,
    "; "-joined, NA when none), those missing, and whether one leads outside the folder."""

    files: pd.Series
    missing: pd.Series
    outside: pd.Series


def _is_file(word: str) -> bool:
    return _TYPES.guess_type(word.replace("\\", "/"), strict=False)[0] is not None


def named_files(text: object) -> list[str]:
    """The documents of an evidence cell that name a file, as written (trimmed). A document
    ends at ";", at a line's end, and at a word ending in a file type: ingest makes a cell's
    lines one (its spaces collapsed), so "a.pdf b.docx" is two files, and
    "Quyết định số 12/QĐ-UBND qd12.pdf", typed without ";", one file of that whole name (not
    found, so flagged: never a file guessed out of a sentence)."""
    if not isinstance(text, str):
        return []
    out = []
    for part in SEPARATORS.split(text):
        words = part.split()
        start = 0
        for k, word in enumerate(words):
            if _is_file(word.strip("\"'")):
                name = " ".join(words[start:k + 1]).strip().strip("\"'")
                if name:
                    out.append(name)
                start = k + 1
    return out


def relative_name(name: str, folder: Path) -> str | None:
    """``name`` as a path relative to the evidence ``folder`` (forward slashes), or None when
    it leads outside it (after ``..``, links and drives are resolved)."""
    slashed = name.replace("\\", "/")
    base = folder.resolve()
    if slashed.startswith("//") or _DRIVE.match(slashed) or slashed.startswith("/"):
        candidate = Path(name)
        if not candidate.is_absolute():  # a drive on another system: never inside
            return None
    else:
        parts = PurePosixPath(slashed).parts
        prefix = EVIDENCE_DIR.parts
        for k in range(len(prefix), 0, -1):  # "data/evidence/x.pdf", "evidence/x.pdf"
            if tuple(p.casefold() for p in parts[:k]) == tuple(
                    p.casefold() for p in prefix[-k:]):
                parts = parts[k:]
                break
        candidate = base.joinpath(*parts) if parts else base
    try:
        resolved = Path(os.path.realpath(candidate))
        inner = resolved.relative_to(base)
    except ValueError:
        return None
    if not inner.parts:
        return None
    return inner.as_posix()


def check_evidence_files(evidence: pd.Series, folder: Path) -> EvidenceFiles:
    """Read each row's evidence for files under ``folder``; touches the disk (exists) once
    per distinct name."""
    files = pd.Series(pd.NA, index=evidence.index, dtype="string")
    missing = pd.Series(pd.NA, index=evidence.index, dtype="string")
    outside = pd.Series(False, index=evidence.index)
    seen: dict[str, str | None] = {}
    present: dict[str, bool] = {}
    for i, text in evidence.items():
        names = named_files(text)
        if not names:
            continue
        rel = []
        for name in names:
            if name not in seen:
                seen[name] = relative_name(name, folder)
            rel.append(seen[name])
        if any(r is None for r in rel):
            outside[i] = True
            continue
        kept = list(dict.fromkeys(r for r in rel if r is not None))
        for r in kept:
            if r not in present:
                present[r] = (folder / r).is_file()
        files[i] = "; ".join(kept)
        gone = [r for r in kept if not present[r]]
        if gone:
            missing[i] = "; ".join(gone)
    return EvidenceFiles(files, missing, outside)


__all__ = ["EVIDENCE_DIR", "EvidenceFiles", "check_evidence_files", "named_files",
           "relative_name"]
