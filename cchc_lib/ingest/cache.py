"""Each source file's parsed blocks, kept by content: a monthly run over two years of exports
parses the new month's file, not the 24 before it.

An entry is keyed by the SHA-256 of the file's bytes, the table it is read as, how the data
catalog reads it (its label, unit code, sheet, the office's pinned spellings, the personal
columns) and the code that parses it (every module of ``cchc_lib.ingest`` and
``cchc_lib.core``, and the package version): change any of these and the file is parsed
again. What is kept is what parsing gives, before any check across files (duplicates,
unknown units, implausible dates, completion): those run on every ingest, on the merged
table, as they would without the cache, so the tables are the same byte for byte.

The entries hold what ingest read from the exports after dropping the personal columns, and
the rows it will set aside: keep the cache folder (``data/cache/``, beside
``data/processed/``) with the same care as ``data/raw/``. Entries are Parquet and JSON,
written to a temporary folder and renamed into place; an entry that cannot be read is parsed
again. Entries of files no longer read are removed at the end of a run.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import shutil
import tempfile
from pathlib import Path

import pandas as pd

from cchc_lib.core.catalog import DataCatalog, Source, pinned, pinned_columns
from cchc_lib.core.lang import ingest as lang
from cchc_lib.core.paths import inside
from cchc_lib.core.provenance import hash_file
from cchc_lib.core.schema import Table
from cchc_lib.ingest.columns import Reasons
from cchc_lib.ingest.mapping import Unread
from cchc_lib.ingest.result import FileReport, UnreadCode

Parsed = tuple[pd.DataFrame | None, Reasons | None, FileReport]
FORMAT = 1
REASON_COLUMNS = ("__reasons_text", "__reasons_detail")


def cache_dir(processed_dir: Path) -> Path:
    """Where the cache of a processed folder lives: ``cache/ingest`` beside it."""
    return Path(processed_dir).parent / "cache" / "ingest"


@functools.cache
def code_fingerprint() -> str:
    """The parsing code's identity: the package version and every ingest and core module."""
    from cchc_lib import __version__

    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256(__version__.encode())
    for path in sorted([*(root / "ingest").rglob("*.py"), *(root / "core").rglob("*.py")]):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    hash_file(digest, path)
    return digest.hexdigest()


def entry_key(source: Source, table: Table, catalog: DataCatalog) -> str:
    how = json.dumps({"format": FORMAT, "code": code_fingerprint(), "table": table.name,
                      "label": source.label, "unit_code": source.unit_code,
                      "sheet": source.sheet,
                      "date_order": source.date_order or catalog.date_order,
                      "pinned": pinned(catalog, source),
                      "columns": pinned_columns(catalog, source),
                      "personal": list(catalog.personal_columns)},
                     sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256((_file_digest(source.path) + how).encode()).hexdigest()


class IngestCache:
    """The per-file cache of one processed folder (``refresh``: parse every file again and
    keep the new results, as ``cchc ingest --full``)."""

    def __init__(self, folder: Path, refresh: bool = False):
        self.folder = Path(folder)
        self.refresh = refresh
        self.used: set[str] = set()
        self.parsed_files: list[str] = []  # the labels of the files parsed in this run
        self.reused_files: list[str] = []

    def lookup(self, source: Source, table: Table, catalog: DataCatalog
               ) -> tuple[str, list[Parsed] | None]:
        """The file's key, and its parsed blocks if kept (None: it must be parsed)."""
        key = entry_key(source, table, catalog)
        self.used.add(key)
        entry = inside(self.folder, key, what=lang.CACHE_KEY_WHAT_VI)
        if not self.refresh and entry.is_dir():
            kept = _load(entry)
            if kept is not None:
                self.reused_files.append(source.label)
                return key, kept
        return key, None

    def store(self, key: str, source: Source, parsed: list[Parsed]) -> None:
        """Keep a file's freshly parsed blocks."""
        self.parsed_files.append(source.label)
        _save(inside(self.folder, key, what=lang.CACHE_KEY_WHAT_VI), parsed)

    def prune(self) -> None:
        """Remove the entries of files this run did not read."""
        if not self.folder.is_dir():
            return
        for entry in self.folder.iterdir():
            if entry.is_dir() and entry.name not in self.used and not entry.name.startswith("."):
                shutil.rmtree(entry, ignore_errors=True)


def _save(entry: Path, parsed: list[Parsed]) -> None:
    entry.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".entry-", dir=entry.parent))
    try:
        items = []
        for i, (frame, reasons, report) in enumerate(parsed):
            block = None
            if frame is not None and reasons is not None:
                block = f"block-{i}.parquet"
                frame.assign(**{REASON_COLUMNS[0]: reasons.text.to_numpy(),
                                REASON_COLUMNS[1]: reasons.detail.to_numpy()}).to_parquet(
                    tmp / block, index=False)
            items.append({"block": block, "report": dataclasses.asdict(report)})
        (tmp / "manifest.json").write_text(json.dumps({"format": FORMAT, "items": items},
                                                      ensure_ascii=False), encoding="utf-8")
        shutil.rmtree(entry, ignore_errors=True)
        tmp.rename(entry)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _load(entry: Path) -> list[Parsed] | None:
    """An entry as it was parsed, or None when it cannot be read (parsed again): cut short,
    emptied, another program's file, a type this pyarrow does not read."""
    import pyarrow as pa

    try:
        manifest = json.loads((entry / "manifest.json").read_text(encoding="utf-8"))
        if manifest.get("format") != FORMAT:
            return None
        out: list[Parsed] = []
        for item in manifest["items"]:
            fields = dict(item["report"])
            fields["unread_codes"] = [UnreadCode(**u) for u in fields["unread_codes"]]
            fields["columns_unread"] = [Unread(**u) for u in fields["columns_unread"]]
            report = FileReport(**fields)
            if item["block"] is None:
                out.append((None, None, report))
                continue
            stored = pd.read_parquet(entry / item["block"])
            frame = stored.drop(columns=list(REASON_COLUMNS))
            reasons = Reasons(frame.index)
            reasons.text[:] = stored[REASON_COLUMNS[0]].astype(object).to_numpy()
            reasons.detail[:] = stored[REASON_COLUMNS[1]].astype(object).to_numpy()
            out.append((frame, reasons, report))
        return out
    except (OSError, ValueError, KeyError, TypeError, pa.ArrowException):
        return None


__all__ = ["IngestCache", "Parsed", "cache_dir", "code_fingerprint", "entry_key"]
