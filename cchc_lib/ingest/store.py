"""The processed tables on disk: written all or nothing under the project lock, read back
under it.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd

from cchc_lib.core import schema
from cchc_lib.core.errors import CchcError
from cchc_lib.core.files import replace_path
from cchc_lib.core.lang import ingest as lang
from cchc_lib.core.sheets import write_csv
from cchc_lib.ingest.result import (
    QUARANTINE_COLUMNS,
    SOURCE_COLUMNS,
    SOURCE_COLUMNS_TABLE,
    IngestResult,
    alerts_text,
)

# --------------------------------------------------------------------------------------
# Writing: all or nothing
# --------------------------------------------------------------------------------------

# read with a unit's own dossiers: the dates of every dossier, for the span the data covers
DATES_TABLE = "dossier_dates"
SPAN_COLUMNS = ("unit_code", "received_at", "finished_at", "returned_at")
METHODOLOGY_FILE = "methodology.yml"  # the methodology the tables were scored with
ALERTS_FILE = "ingest_alerts.txt"  # the alerts of the last ingest (empty when none)
PROCESSED_FILES = {name: f"{name}.parquet" for name in schema.TABLES} | {
    "quarantine": "quarantine.parquet",
    # which optional columns each dossier export has (IngestResult.source_columns)
    "source_columns": "source_columns.parquet"}


def write_processed(result: IngestResult, out_dir: Path | str) -> list[Path]:
    """Write every table to a fresh folder, then swap it in, under the project lock: readers
    see the old tables or the new ones; a failure or a kill leaves the old ones.

    ``out_dir`` may be a symlink (its target is replaced, never the link) or a mount point
    (its contents are swapped inside it); leftovers of a killed run are removed first.
    """
    from cchc_lib.core.lock import project_lock

    out_dir = Path(out_dir)
    with project_lock():
        target = out_dir.resolve() if out_dir.is_symlink() else out_dir
        if target.exists() and not target.is_dir():
            raise CchcError(lang.OUT_NOT_FOLDER_VI.format(path=out_dir))
        mounted = target.is_dir() and os.path.ismount(target)
        work = target if mounted else target.parent  # new files are made on the same disk
        work.mkdir(parents=True, exist_ok=True)
        for stale in work.glob(f".{target.name}-*"):  # a killed run's leftovers
            shutil.rmtree(stale, ignore_errors=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=work))
        keep = (target / ".gitkeep").exists()
        try:
            _write_tables(result, tmp, keep_gitkeep=keep)
            if mounted:
                _swap_contents(target, tmp)
            elif not _swap_folder(target, tmp):  # a mount ismount cannot see (a bind mount
                shutil.rmtree(tmp, ignore_errors=True)  # of the same disk): inside it
                tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target))
                _write_tables(result, tmp, keep_gitkeep=keep)
                _swap_contents(target, tmp)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        return sorted(target.iterdir())


def _swap_folder(target: Path, new: Path) -> bool:
    """The folder ``new`` in the place of ``target`` (the old one removed after); False,
    nothing changed, when ``target`` cannot be moved because it is a mount point. A file of
    it held open by another program (Excel, on Windows) is waited for, then named."""
    old = target.with_name(f".{target.name}-old")
    if target.exists():
        try:
            replace_path(target, old, lang.FOLDER_HELD_VI.format(path=target))
        except OSError as exc:
            if exc.errno in (errno.EBUSY, errno.EXDEV):  # "Device or resource busy"
                return False
            raise
    try:
        replace_path(new, target)
    except BaseException:
        if old.exists() and not target.exists():
            os.replace(old, target)  # the old tables back in place
        raise
    shutil.rmtree(old, ignore_errors=True)
    return True


def _write_tables(result: IngestResult, folder: Path, keep_gitkeep: bool) -> None:
    from cchc_lib.ingest.quality import quality_table, quarantine_for_readers

    for name, frame in {**result.tables, "quarantine": result.quarantine,
                        "source_columns": result.source_columns}.items():
        frame.to_parquet(folder / PROCESSED_FILES[name], index=False)
    titles = {(f.file, f.sheet or ""): dict(f.columns_read) for f in result.files}
    write_csv(quarantine_for_readers(result.quarantine, titles), folder / "quarantine.csv")
    write_csv(result.summary, folder / "ingest_summary.csv")
    write_csv(quality_table(result), folder / "data_quality.csv")
    (folder / ALERTS_FILE).write_text(alerts_text(result), encoding="utf-8")
    if result.methodology is not None:
        (folder / METHODOLOGY_FILE).write_text(result.methodology, encoding="utf-8")
    _write_provenance(folder)
    if keep_gitkeep:
        (folder / ".gitkeep").touch()
    folder.chmod(0o755)


def _write_provenance(folder: Path) -> None:
    """The content hash of the tables (and the methodology) just written, which every report
    made from them carries."""
    import json

    from cchc_lib import __version__
    from cchc_lib.core.provenance import PROVENANCE_FILE, data_digest

    names = [*PROCESSED_FILES.values(), *([METHODOLOGY_FILE]
                                          if (folder / METHODOLOGY_FILE).exists() else [])]
    record = {"data_sha256": data_digest(folder, [n for n in names if (folder / n).exists()]),
              "ingested_by": f"cchc-workbook {__version__}"}
    (folder / PROVENANCE_FILE).write_text(json.dumps(record, indent=2) + "\n",
                                          encoding="utf-8")


def _swap_contents(target: Path, new: Path) -> None:
    """A mount point cannot be renamed: its old files go aside, the new ones move in (each
    move atomic; the lock keeps readers out meanwhile), then the old ones are removed."""
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}-old-", dir=target))
    for entry in target.iterdir():
        if entry not in (new, old):
            replace_path(entry, old / entry.name)
    for entry in new.iterdir():
        replace_path(entry, target / entry.name)
    new.rmdir()
    shutil.rmtree(old, ignore_errors=True)



def last_alerts(data_dir: Path | str) -> str:
    """The alerts the last ingest into ``data_dir`` raised ("" when none)."""
    path = Path(data_dir) / ALERTS_FILE
    return path.read_text(encoding="utf-8") if path.is_file() else ""


# what a process has read or derived from a processed folder, kept while the folder's files
# are unchanged: a scheduled run's worker (and its kept kernel) reads the tables and ranks the
# units once, not once per unit. Entries: (folder, key) -> (the folder's stamp, value)
_MEMO: dict[tuple[str, object], tuple[tuple, object]] = {}
MEMO_ENTRIES = 8


def processed_stamp(data_dir: Path | str) -> tuple:
    """The processed folder's state: each file's name, inode, size and modification time
    (ingest replaces files by renaming new ones into place: a new inode)."""
    folder = Path(data_dir)
    if not folder.is_dir():
        return ()
    return tuple(sorted((e.name, e.inode(), e.stat().st_size, e.stat().st_mtime_ns)
                        for e in os.scandir(folder) if e.is_file()))


def memo(data_dir: Path | str, key: object, compute: Callable[[], Any], *,
         fallback: tuple[object, Callable[[Any], Any]] | None = None) -> Any:
    """``compute()``, or what it gave for ``key`` in this process while ``data_dir``'s files
    have not changed since (a new ingest, an edited methodology: computed again).
    ``fallback``: (another key, a function of its value) used instead of ``compute`` when that
    key is kept and fresh (a unit's rows cut from the whole table already read)."""
    folder = str(Path(data_dir).resolve())
    stamp = processed_stamp(folder)
    hit = _MEMO.pop((folder, key), None)
    if hit is not None and hit[0] == stamp:
        _MEMO[(folder, key)] = hit  # the most recently used is kept longest
        return hit[1]
    other = _MEMO.get((folder, fallback[0])) if fallback else None
    if fallback is not None and other is not None and other[0] == stamp:
        _MEMO[(folder, fallback[0])] = _MEMO.pop((folder, fallback[0]))
        value = fallback[1](other[1])
    else:
        value = compute()
    if len(_MEMO) >= MEMO_ENTRIES:
        _MEMO.pop(next(iter(_MEMO)))
    _MEMO[(folder, key)] = (stamp, value)
    return value


def read_processed(data_dir: Path | str, tables: Iterable[str] | None = None,
                   unit_code: str | None = None) -> dict[str, pd.DataFrame]:
    """The processed tables written by :func:`write_processed`, by name, read under the
    project lock (all from one ingest).

    ``tables``: only these (default: all there are). ``unit_code``: only that unit's dossiers,
    the filter pushed into the Parquet scan, so a unit's report reads its own rows and no
    other unit's (every other table is read whole: the catalogue, targets and plans hold the
    rows that apply to every unit); beside them, :data:`DATES_TABLE` holds the date columns
    of every dossier (a column projection), for the span the whole export covers.

    Read once per process while the files are unchanged (:func:`memo`); each call gets its
    own frames (copy-on-write: a caller that changes one changes only its own).
    """
    from cchc_lib.core.lock import project_lock

    data_dir = Path(data_dir)
    wanted = PROCESSED_FILES if tables is None else {
        name: PROCESSED_FILES[name] for name in tables}

    def read() -> dict[str, pd.DataFrame]:
        if not (data_dir / PROCESSED_FILES["dossiers"]).is_file():
            raise CchcError(lang.NOT_INGESTED_VI.format(path=data_dir))
        out = {name: _read_table(data_dir / file, name, unit_code)
               for name, file in wanted.items() if (data_dir / file).is_file()}
        if unit_code is not None and "dossiers" in out:
            out[DATES_TABLE] = _read_table(data_dir / PROCESSED_FILES["dossiers"], "dossiers",
                                           None, columns=list(SPAN_COLUMNS))
        return out

    def cut(whole: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
        out = dict(whole)
        if "dossiers" in whole:
            d = whole["dossiers"]
            out["dossiers"] = d[(d.unit_code == unit_code).fillna(False)].reset_index(drop=True)
            out[DATES_TABLE] = d[list(SPAN_COLUMNS)]
        return out

    with project_lock():
        got = memo(data_dir, ("tables", tuple(wanted), unit_code), read,
                   fallback=None if unit_code is None else (("tables", tuple(wanted), None), cut))
    return {name: frame.copy(deep=False) for name, frame in got.items()}


def read_table(path: Path, name: str) -> pd.DataFrame:
    """One processed table named on the command line, whole (see :func:`_read_table`)."""
    return _read_table(path, name, None)


def _read_table(path: Path, name: str, unit_code: str | None,
                columns: list[str] | None = None) -> pd.DataFrame:
    """One processed table (only ``unit_code``'s rows of the dossiers; only ``columns``). A
    file ingest did not write as it is (cut short, overwritten, empty, another program's
    table, a column missing) is one :func:`damaged_table` error: run ingest again."""
    import pyarrow as pa

    filters = ([("unit_code", "==", unit_code)] if unit_code is not None and name == "dossiers"
               else None)
    try:
        frame = pd.read_parquet(path, columns=columns, filters=filters)
    except (pa.ArrowException, ValueError, KeyError, TypeError, IndexError) as exc:
        if isinstance(exc, PermissionError):  # the machine said no: not a damaged table
            raise
        have = _columns_of(path)  # (a filter on a column the file lacks: it says which)
        missing = [c for c in columns or table_columns(name) if have and c not in have]
        raise damaged_table(path, missing_columns_vi(missing) if missing
                            else unreadable_vi(path)) from None
    missing = [c for c in columns or table_columns(name) if c not in frame.columns]
    # an office's own table written before one of its optional columns existed (the plans'
    # signer): read with the column empty, as ingest writes a column the file did not have
    table = schema.TABLES.get(name)
    later = {c.name for c in table.columns if not c.required} \
        if table is not None and name != "dossiers" else set()
    if [c for c in missing if c not in later]:
        raise damaged_table(path, missing_columns_vi(missing))
    for column in missing:
        frame[column] = pd.Series(pd.NA, index=frame.index, dtype=object)
    return frame


@contextmanager
def reading_parquet(*sources: object) -> Iterator[None]:
    """DuckDB reading Parquet files (``sources``: paths; frames aside) that are not what
    ingest wrote (cut short, overwritten, empty): one :func:`damaged_table` error naming the
    file (the one DuckDB names, in a folder of parts), to run ingest again."""
    import duckdb

    try:
        yield
    except (duckdb.IOException, duckdb.InvalidInputException) as exc:
        files = [s for s in sources if isinstance(s, str | Path)]
        if not files:
            raise
        named = re.search(r"'([^']+\.parquet)'", str(exc))
        path = Path(named[1] if named else files[0])
        raise damaged_table(path, unreadable_vi(path)) from None


def table_columns(name: str) -> list[str]:
    """The columns ingest writes in processed table ``name``."""
    if name == "quarantine":
        return list(QUARANTINE_COLUMNS)
    if name == "source_columns":
        return list(SOURCE_COLUMNS_TABLE)
    return [*schema.TABLES[name].names, *SOURCE_COLUMNS]


def _columns_of(path: Path) -> list[str]:
    """The columns a Parquet file says it has (none when it says nothing readable)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        return list(pq.read_schema(path).names)
    except (pa.ArrowException, ValueError, OSError):
        return []


def damaged_table(path: Path | str, detail: str) -> CchcError:
    """A processed table that cannot be used: the file, why, and what to do (its folder is
    rebuilt from data/raw by ingest)."""
    return CchcError(lang.TABLE_DAMAGED_VI.format(path=shown_path(path), detail=detail))


def unreadable_vi(path: Path | str) -> str:
    """Why a Parquet file was not read, in words: empty, or not Parquet (as far as it goes)."""
    try:
        empty = Path(path).is_file() and Path(path).stat().st_size == 0
    except OSError:
        empty = False
    return lang.PARQUET_EMPTY_VI if empty else lang.PARQUET_UNREADABLE_VI


def missing_columns_vi(missing: list[str]) -> str:
    shown = ", ".join(missing[:5]) + (lang.COLUMNS_MORE_VI.format(n=len(missing) - 5)
                                      if len(missing) > 5 else "")
    return lang.COLUMNS_MISSING_VI.format(columns=shown)


def shown_path(path: Path | str) -> str:
    """A path as the user wrote it: below the working folder, from there."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


__all__ = [
    "ALERTS_FILE", "damaged_table", "DATES_TABLE", "last_alerts", "memo", "MEMO_ENTRIES",
    "METHODOLOGY_FILE", "missing_columns_vi", "PROCESSED_FILES", "processed_stamp",
    "read_processed", "read_table", "reading_parquet", "shown_path", "SPAN_COLUMNS",
    "table_columns", "unreadable_vi", "write_processed",
]
