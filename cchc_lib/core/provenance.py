"""What produced an output: the workbook's version, the content hash of the processed data it
read, and the versions of the libraries that shape a figure or a page. Written into every
executed notebook, HTML page, Word document and workbook (metadata, and one small line for
readers), so a figure re-made a year later can be checked against the one filed.

Nothing here imports a heavy library: versions are read from the installed packages' metadata.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path

from cchc_lib import __version__
from cchc_lib.core.lang import core as lang

PACKAGE = "cchc-workbook"
# the libraries whose version can move a figure (pandas, pyarrow, duckdb, holidays: counts and
# due dates) or a page (matplotlib, nbconvert, python-docx, xlsxwriter)
KEY_LIBRARIES = ("pandas", "pyarrow", "duckdb", "holidays", "matplotlib", "papermill",
                 "nbconvert", "python-docx", "xlsxwriter")
PROVENANCE_FILE = "provenance.json"  # beside the processed tables: their content hash
DIGEST_CHARS = 12  # shown to readers; the metadata keeps the whole hash


def library_versions(names: tuple[str, ...] = KEY_LIBRARIES) -> dict[str, str]:
    out = {}
    for name in names:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "-"
    return out


def hash_file(digest, path: Path) -> None:
    """Feed a file's bytes to ``digest`` (a hashlib object), a block at a time."""
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 24), b""):
            digest.update(block)


def data_digest(folder: Path, names: list[str]) -> str:
    """SHA-256 over the named files of ``folder``, each as its name and its bytes, in name
    order: the same tables give the same hash wherever they lie."""
    digest = hashlib.sha256()
    for name in sorted(names):
        digest.update(name.encode() + b"\0")
        hash_file(digest, folder / name)
        digest.update(b"\0")
    return digest.hexdigest()


@dataclass(frozen=True)
class Stamp:
    workbook: str
    data_sha256: str  # "" when the data folder has no provenance file (written before 0.2)
    libraries: dict[str, str] = field(default_factory=dict)

    def line_vi(self) -> str:
        """The line a reader sees at the foot of a report."""
        data = self.data_sha256[:DIGEST_CHARS] or lang.DATA_UNKNOWN_VI
        libs = ", ".join(f"{name} {v}" for name, v in self.libraries.items())
        return lang.STAMP_LINE_VI.format(workbook=self.workbook, data=data, libraries=libs)

    def as_metadata(self) -> dict:
        return asdict(self)


def stamp(data_dir: str | Path) -> Stamp:
    """The stamp of an output made now from the processed tables in ``data_dir``."""
    path = Path(data_dir) / PROVENANCE_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8")).get("data_sha256", "")
    except (OSError, ValueError, AttributeError):
        data = ""
    return Stamp(__version__, str(data), library_versions())


def version_text() -> str:
    """What ``cchc --version`` prints."""
    import platform

    libs = "\n".join(f"  {name} {v}" for name, v in library_versions().items())
    return lang.VERSION_TEXT_VI.format(package=PACKAGE, version=__version__,
                                       python=platform.python_version(), libraries=libs)


__all__ = ["KEY_LIBRARIES", "PROVENANCE_FILE", "Stamp", "data_digest", "hash_file",
           "library_versions", "stamp", "version_text"]
