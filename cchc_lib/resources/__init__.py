"""What ships with the package beside the code, mapped from the project's own folders (one
copy, in the checkout): ``notebooks`` (the report notebooks, from ``notebooks/``) and
``data`` (the data catalog, the methodology template and the sample exports, from ``data/``).

``cchc init`` copies ``data`` into a new workbook folder; ``cchc run`` takes the notebooks
from the workbook folder when it has its own ``notebooks/``, else from here."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    """The folder of ``notebooks`` or ``data`` as installed from a wheel, else (a checkout,
    or an editable install of one) the project's own folder."""
    installed = HERE / name
    return installed if installed.is_dir() else HERE.parents[1] / name


__all__ = ["resource_dir"]
