"""Every output path goes through here: values from data or the command line (unit codes,
period labels) become path parts only if they are plain names, and the joined path must stay
inside its root (the reports folder or the processed-data folder)."""

from __future__ import annotations

import re
from pathlib import Path

from cchc_lib.core.errors import CchcError
from cchc_lib.core.lang import core as lang

# A unit code or period label as a folder name: letters, digits, dot, dash, underscore, @;
# no separator, no leading dot, not "." or "..", at most 64 characters.
SAFE_PART = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")
# names Windows keeps for its devices, in any case and with any extension ("nul.txt",
# "COM1.x"): a folder so named cannot be opened on a Windows PC or a share synced to one
WINDOWS_RESERVED = re.compile(r"(?:CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(?:\..*)?", re.IGNORECASE)


def is_safe_part(value: object) -> bool:
    """Whether ``value`` can name a folder on every platform: :data:`SAFE_PART`, not a name
    Windows reserves, not ending in a dot (Windows drops it: "P1." would be "P1")."""
    text = str(value)
    return (bool(SAFE_PART.fullmatch(text)) and text not in (".", "..")
            and ".." not in text.split("/") and not WINDOWS_RESERVED.fullmatch(text)
            and not text.endswith("."))


def check_part(value: object, what: str) -> str:
    """``value`` as a path part, or a :class:`CchcError` saying what is allowed."""
    text = str(value)
    if not is_safe_part(text):
        raise CchcError(lang.PATH_PART_UNSAFE_VI.format(what=what, value=_shown(text)))
    return text


def _shown(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "…"


def inside(root: str | Path, *parts: object, what: str = lang.PATH_PART_WHAT_VI) -> Path:
    """``root/part/part…``: each part checked, the result resolved and refused unless it lies
    inside ``root`` (a symlink pointing out of it included)."""
    base = Path(root).resolve()
    path = base
    for part in parts:
        for piece in str(part).split("/"):
            path = path / check_part(piece, what)
    resolved = path.resolve()
    if resolved != base and base not in resolved.parents:
        raise CchcError(lang.PATH_OUTSIDE_ROOT_VI.format(path=path, root=base))
    return path


__all__ = ["SAFE_PART", "WINDOWS_RESERVED", "is_safe_part", "check_part", "inside"]
