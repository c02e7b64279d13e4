"""``cchc init FOLDER``: a ready workbook folder for an office that installed the package with
pip and has no copy of the project: the data catalog pointing at ``data/raw/``, the sample
exports as an example of each input file, the methodology template to copy, the email
recipients' example, empty ``data/processed/`` and ``reports/``, and a README in Vietnamese.
The notebooks are not copied: ``cchc run`` takes those installed with the package (a folder
that wants its own puts them in ``notebooks/``)."""

from __future__ import annotations

import shutil
from pathlib import Path

from cchc_lib.core import catalog_schema
from cchc_lib.core.catalog import with_schema_line
from cchc_lib.core.errors import CchcError
from cchc_lib.core.lang import delivery as lang
from cchc_lib.resources import resource_dir

# what a new folder gets from the package's data folder (paths relative to data/)
STARTER = ("catalog.yml", "recipients.yml", "raw/methodology", "raw/sample")
README = "README.md"  # data/README.md of the package: the folder's README


def init_workbook(folder: str | Path) -> list[Path]:
    """Create the workbook folder ``folder`` (new, or empty); the files written."""
    folder = Path(folder).expanduser()
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise CchcError(lang.FOLDER_NOT_EMPTY_VI.format(folder=folder))
    source = resource_dir("data")
    missing = [name for name in (*STARTER, README) if not (source / name).exists()]
    if missing:  # a broken install: say what is missing, write nothing
        raise CchcError(lang.STARTER_FILES_MISSING_VI.format(missing=", ".join(missing),
                                                             source=source))
    data = folder / "data"
    data.mkdir(parents=True, exist_ok=True)
    for name in STARTER:
        src, dst = source / name, data / name
        if src.is_dir():
            shutil.copytree(src, dst, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst)
    shutil.copy2(source / README, folder / README)
    # the catalogs' JSON Schema beside them, so an editor checks them in the new folder too
    shutil.copy2(catalog_schema.SCHEMA_FILE, data / catalog_schema.SCHEMA_FILE.name)
    sample = data / "raw" / "sample"
    for catalog in (data / "catalog.yml", sample / "catalog.yml", sample / "csv" / "catalog.yml"):
        catalog.write_text(with_schema_line(catalog.read_text(encoding="utf-8"), catalog,
                                            data / catalog_schema.SCHEMA_FILE.name),
                           encoding="utf-8")
    for empty in (data / "processed", folder / "reports"):
        empty.mkdir(parents=True, exist_ok=True)
    return sorted(p for p in folder.rglob("*") if p.is_file())


__all__ = ["STARTER", "init_workbook"]
