"""Parsing one export: its sheets read (:mod:`cchc_lib.ingest.readers`), each block's
titles mapped to the data contract's columns, personal columns dropped before any value is
read, rows that are not data set aside, values parsed by column kind and the rows that break
a rule marked with their reasons; several big files in parallel, one process per core
(:func:`parse_files`). :mod:`.pipeline` puts the blocks of every file together."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd

from cchc_lib.core import schema
from cchc_lib.core.catalog import (
    DataCatalog,
    Source,
    pinned,
    pinned_columns,
)
from cchc_lib.core.errors import InputFileError
from cchc_lib.core.lang import ingest as lang
from cchc_lib.core.schema import Table
from cchc_lib.core.text import fold, shown_values
from cchc_lib.ingest.cache import Parsed
from cchc_lib.ingest.columns import ColumnMap, Reasons, parse_block, vocabulary
from cchc_lib.ingest.mapping import (
    choose_copies,
    columns_report,
    map_columns,
    missing_message,
    missing_required,
    problems_message,
)
from cchc_lib.ingest.memory import release_memory
from cchc_lib.ingest.parsers import family_of
from cchc_lib.ingest.readers import RawSheet, non_data_rows, read_source
from cchc_lib.ingest.result import (
    FileReport,
    UnreadCode,
)


def _block(raw: RawSheet, cmap: ColumnMap, source: Source, table: Table,
           value_maps: dict[str, dict], date_order: str | None = None,
           column_orders: dict[str, str] | None = None
           ) -> tuple[pd.DataFrame, Reasons, FileReport]:
    values = raw.values  # no personal column: parse_source dropped them
    choose_copies(cmap, values)  # of a title given twice, the copy with data
    columns = columns_report(cmap, values, table, source)
    received = next((p for p, n in cmap.canonical.items() if n == "received_at"), None)
    dossier_id = next((p for p, n in cmap.canonical.items() if n == "dossier_id"), None)
    kind = non_data_rows(values, received, dossier_id)
    kind.iloc[raw.header_rows] = "header"  # a header repeated below the first one
    kind = _not_filled(kind, values, cmap, table)
    data = (kind == "").to_numpy()
    skipped = kind[~data].value_counts().sort_index().to_dict()
    if not data.all():  # (a copy of every column, one at a time: only when some rows are
        values = take_rows(values, np.flatnonzero(data)).reset_index(drop=True)  # not data)
    # an office's own records (calendar, progress log…) are written day first, as Vietnam
    # writes dates; a dossier export's order is its system's, shown by its dates or said
    # in the data catalog, never guessed
    order = date_order or (None if table is schema.DOSSIERS else "dmy")
    frame, reasons = parse_block(values, table, cmap, source.unit_code, value_maps, order,
                                 column_orders)
    ambiguous_dates = int(reasons.ambiguous_dates.sum())
    frame["source_row"] = raw.row_numbers[data].astype("int64")
    if raw.broken_rows:  # lines that do not split into the header's columns
        broken = frame.iloc[:0].reindex(range(len(raw.broken_rows)))  # empty, same dtypes
        broken["source_row"] = [row for row, _ in raw.broken_rows]
        bad = Reasons(broken.index)
        bad.add(pd.Series(True, index=broken.index), "wrong_field_count", "row")
        bad.detail[:] = [problem for _, problem in raw.broken_rows]
        frame = pd.concat([frame, broken], ignore_index=True)
        joined = Reasons.concat([reasons, bad], frame.index)
        order = frame.source_row.argsort(kind="stable").to_numpy()  # back in file order
        frame = frame.iloc[order].reset_index(drop=True)
        reasons = _take(joined, order)
    unread = _unread_codes(reasons, raw.row_numbers[data], table)
    frame["source_file"] = raw.file
    frame["source_sheet"] = raw.sheet
    report = FileReport(table.name, raw.file, raw.sheet, len(frame), rows_skipped=skipped,
                        personal_columns_dropped=cmap.personal,
                        unread_codes=unread, note=_note(raw), dates_ambiguous=ambiguous_dates,
                        **columns)
    return frame, reasons, report


def _not_filled(kind: pd.Series, values: pd.DataFrame, cmap: ColumnMap, table: Table
                ) -> pd.Series:
    """Rows written ready for the office (a criterion of the self-assessment) whose cells
    the office fills are all blank: not filled yet ("not_filled"), not a row with a value
    missing. A row with any of them filled is data, checked as any other."""
    if not table.filled_by_office:
        return kind
    from cchc_lib.core.text import blank

    positions = [p for p, n in cmap.canonical.items() if n in table.filled_by_office
                 and p in values.columns]
    empty = pd.Series(True, index=values.index)
    for p in positions:
        empty &= blank(values[p]).to_numpy()
    return kind.mask((kind == "").to_numpy() & empty.to_numpy(), "not_filled")


def _note(raw: RawSheet) -> str:
    from cchc_lib.core.formats import integer
    from cchc_lib.core.vi import LEGACY_NAMES_VI

    notes = []
    if raw.encoding in LEGACY_NAMES_VI:
        notes.append(lang.LEGACY_ENCODING_NOTE_VI.format(encoding=LEGACY_NAMES_VI[raw.encoding]))
    if raw.continues:
        notes.append(lang.CONTINUES_NOTE_VI.format(sheet=raw.continues))
    if raw.cleaned.get("nul"):
        notes.append(lang.NUL_BYTES_NOTE_VI.format(n=integer(raw.cleaned["nul"])))
    return "; ".join(notes)


def _unread_codes(reasons: Reasons, row_numbers: np.ndarray, table: Table) -> list[UnreadCode]:
    """Each unreadable code value of a block, counted once per (column, folded spelling)."""
    columns = {c.name: c for c in table.columns}
    out = []
    for column, values, problems in reasons.bad_codes:
        col = columns[column]
        frame = pd.DataFrame({"raw": values.astype("string"), "problem": problems,
                              "row": row_numbers[values.index.to_numpy()]})
        frame["key"] = frame.raw.map(fold)
        for (_key, problem), part in frame.groupby(["key", "problem"], sort=True):
            first = part.iloc[0]
            shown = shown_values(part.raw.iloc[:1], col.kind, vocabulary(col)).iloc[0]
            # the raw spelling is kept only when it may be shown: a name typed into a code
            # column never reaches the alerts, the cache or a log
            spelling = str(first.raw) if str(shown) == str(first.raw) else ""
            out.append(UnreadCode(column, str(shown), str(problem), len(part), int(first.row),
                                  spelling, family_of(col).name))
    return out


def _take(reasons: Reasons, order: np.ndarray) -> Reasons:
    out = Reasons(pd.RangeIndex(len(order)))
    out.text[:] = reasons.text.to_numpy()[order]
    out.detail[:] = reasons.detail.to_numpy()[order]
    return out


def parse_source(source: Source, table: Table, catalog: DataCatalog) -> list[Parsed]:
    """One file's blocks, parsed: (frame, reasons, report) per block read, (None, None,
    report) per sheet not read. What the per-file cache keeps (:mod:`.cache`)."""
    out: list[Parsed] = []
    try:
        pins = pinned_columns(catalog, source)
        source = replace(source, columns=pins)  # the readers find the header with them too

        unit_given = bool(source.unit_code)

        def keep(header: list[str]) -> list[int]:  # personal columns are not even read
            return map_columns(header, table, catalog.personal_columns, pins, unit_given).kept

        sheets = read_source(source, table, keep)
        release_memory()  # what the reader used beside the values it gave
        for raw in sheets:
            if raw.skipped:  # a sheet not read is said, with its rows
                out.append((None, None, FileReport(table.name, raw.file, raw.sheet, 0,
                                                   rows_skipped={raw.skipped: len(raw.values)})))
        blocks = [(raw, map_columns(raw.header, table, catalog.personal_columns, pins,
                                    unit_given)) for raw in sheets if not raw.skipped]
        complete = [not missing_required(table, cmap, unit_given) for _, cmap in blocks]
        if not any(complete):
            raw, cmap = blocks[0]  # every problem of its titles in one message
            said = [problems_message(cmap, raw.sheet)] if cmap.problems else []
            said.append(missing_message(table, cmap, unit_given, raw.sheet))
            raise InputFileError(source.label, "; ".join(said))
        for (raw, cmap), ok in zip(blocks, complete, strict=True):
            if ok and cmap.problems:  # a title naming two columns, two titles one column
                raise InputFileError(source.label, problems_message(cmap, raw.sheet))
        del sheets
        pending = list(zip(blocks, complete, strict=True))
        del blocks
        file_order = None  # a sheet going on with the list reads its dates as the one before
        column_orders: dict[str, str] = {}  # and each date column as it was read before
        while pending:  # each block let go of once parsed: a big file's are big
            (raw, cmap), ok = pending.pop(0)
            # personal columns are never looked at: only canonical and ignored ones are kept
            raw = replace(raw, values=raw.values[cmap.kept])
            if not ok:  # e.g. a summary sheet beside the dossier list: its rows are counted
                out.append((None, None, FileReport(
                    table.name, raw.file, raw.sheet, 0,
                    rows_skipped={"incomplete_sheet": len(raw.values)},
                    personal_columns_dropped=cmap.personal)))
                continue
            out.append(_block(raw, cmap, source, table, pinned(catalog, source),
                              file_order or source.date_order or catalog.date_order,
                              column_orders))
            if out[-1][1] is not None:
                file_order = out[-1][1].date_order or file_order
                column_orders.update(out[-1][1].date_orders)
    except InputFileError:
        raise
    except Exception as exc:  # whatever else a strange file triggers: still one message
        raise InputFileError(source.label, lang.FILE_UNREADABLE_VI.format(
            kind=type(exc).__name__,
            detail=str(exc).splitlines()[0] if str(exc) else lang.NO_DETAIL_VI)) from exc
    return out


# files to parse together at least this big are parsed in parallel, one process per core:
# below it, starting a process costs more than it saves
PARALLEL_MIN_BYTES = 32 * 2**20
PARALLEL_MIN_ENV = "CCHC_PARALLEL_MIN_MB"  # the threshold in MB, for a machine's own tuning


def parse_files(sources: list[Source], table: Table, catalog: DataCatalog
                ) -> list[list[Parsed]]:
    """:func:`parse_source` of each file, in order; independent files in parallel when there
    are several, they are big and there is more than one core. A file that cannot be read
    stops the run with its one message, as when read alone."""
    import os

    size = sum(s.path.stat().st_size for s in sources if s.path.is_file())
    workers = min(len(sources), os.cpu_count() or 1)
    if workers >= 2 and size >= parallel_min_bytes():
        done = parse_in_parallel(sources, table, catalog, workers)
        if done is not None:
            return done
    return [parse_source(s, table, catalog) for s in sources]


def parallel_min_bytes() -> int:
    """:data:`PARALLEL_MIN_BYTES`, or ``CCHC_PARALLEL_MIN_MB`` megabytes when set."""
    import os

    try:
        return int(float(os.environ[PARALLEL_MIN_ENV]) * 2**20)
    except (KeyError, ValueError):
        return PARALLEL_MIN_BYTES


def parse_in_parallel(sources: list[Source], table: Table, catalog: DataCatalog,
                      workers: int) -> list[list[Parsed]] | None:
    """:func:`parse_source` of each file in ``workers`` processes started the platform's way
    (core.processes: forkserver, or spawn where there is none); None when no worker could
    start here (a script without a main guard under spawn): the caller reads them itself."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from cchc_lib.core.processes import (
        process_context,
        starting_workers,
        stop_workers,
        worker_arguments,
    )

    context = process_context(preload=("cchc_lib.ingest.parse",))
    try:
        with starting_workers():  # (the workers start at the first submit)
            pool = ProcessPoolExecutor(workers, mp_context=context, **worker_arguments())
            futures = [pool.submit(parse_source, s, table, catalog) for s in sources]
    except OSError:
        return None
    try:
        done = [f.result() for f in futures]
    except (BrokenProcessPool, OSError):
        stop_workers(pool)
        return None
    except BaseException:  # a stop asked (Ctrl-C, SIGTERM) or a file that stops the run
        stop_workers(pool)
        raise
    pool.shutdown()
    return done


def take_rows(frame: pd.DataFrame, rows: np.ndarray) -> pd.DataFrame:
    """``frame.iloc[rows]``, taken column by column, each column of ``frame`` let go of once
    taken (``frame`` is left empty): at most one table and a column in memory, not two. (On
    Arrow text, pandas' boolean filter of a frame is several times slower than a take.)"""
    index = frame.index[rows]
    taken = {}
    for name in list(frame.columns):
        taken[name] = frame.pop(name).array.take(rows)
        release_memory()  # the column taken from, given back before the next is taken
    return pd.DataFrame(taken, index=index, copy=False)  # (no copy: no block consolidated)


__all__ = ["PARALLEL_MIN_BYTES", "PARALLEL_MIN_ENV", "parallel_min_bytes", "parse_files",
           "parse_in_parallel", "parse_source", "take_rows"]
