"""The engine's queries on Apache Spark (the optional ``[spark]`` extra): for a province or the
national portal whose dossiers outgrow one machine.

The SQL is the engine's (:mod:`.engine`), the same text for every count. sqlglot writes it in
Spark's dialect; only the effective end's join differs (the ``portable`` dialect of
:mod:`.queries`: Spark has no ``ASOF`` join) and DuckDB's ``round_even`` is Spark's
``bround``. The small relations (units, periods, calendar tables) are built by the same code
as for DuckDB; the dossiers and catalogue
are Parquet that Spark reads where they lie (``year=``/``unit_group=`` folders become
columns), or DataFrames. The parts come back as the DuckDB engine gives them
(:func:`.engine.tidy`), so :mod:`.figures` divides them the same way.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from pathlib import Path

import pandas as pd
import pyarrow as pa

from cchc_lib.core.errors import CchcError
from cchc_lib.core.lang import cli as lang
from cchc_lib.core.periods import Period
from cchc_lib.indicators import engine, queries

INSTALL_HINT = lang.SPARK_INSTALL_HINT_VI


def _pyspark():
    try:
        from pyspark.sql import SparkSession
    except ImportError as err:
        raise CchcError(INSTALL_HINT) from err
    return SparkSession


def spark_sql(sql: str) -> str:
    """A query of the engine (its portable dialect: no ASOF join) in Spark's SQL."""
    return queries.spark(sql)


def _check_java() -> None:
    """Spark's driver starts a JVM: refuse at once, in one line, when there is none (Spark's
    own launcher would print shell errors first)."""
    home = os.environ.get("JAVA_HOME")
    if home:
        if not (Path(home) / "bin" / "java").exists():
            raise CchcError(lang.JAVA_HOME_WITHOUT_JAVA_VI.format(
                home=home, java=Path(home) / "bin" / "java", hint=INSTALL_HINT))
    elif shutil.which("java") is None:
        raise CchcError(lang.NO_JAVA_VI.format(hint=INSTALL_HINT))


def session(master: str | None = None, app: str = "cchc"):
    """A Spark session (the one ``spark-submit`` started, or a new one on ``master``), its
    clock in UTC so dates read as written."""
    SparkSession = _pyspark()
    if SparkSession.getActiveSession() is None:
        _check_java()
    # quiet on the console (cron mails stderr): no stage progress bars, the JVM's log at
    # ERROR from its start (before setLogLevel can act)
    builder = (SparkSession.builder.appName(app).config("spark.sql.session.timeZone", "UTC")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.driver.extraJavaOptions", "-Dlog4j2.rootLogger.level=ERROR"))
    if master:
        builder = builder.master(master)
    try:
        spark = builder.getOrCreate()
    except Exception as err:  # Java missing or the cluster unreachable: one message
        raise CchcError(lang.SPARK_NOT_STARTED_VI.format(
            kind=type(err).__name__, problem=str(err).splitlines()[0] if str(err) else "",
            hint=INSTALL_HINT)) from err
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def _arrow(frame: pd.DataFrame) -> pa.Table:
    """``frame`` as Arrow types Spark reads: categories as their values, times in
    microseconds, dates as dates."""
    table = pa.Table.from_pandas(frame, preserve_index=False)
    fields = []
    for f in table.schema:
        t = f.type
        if pa.types.is_dictionary(t):
            t = t.value_type
        if pa.types.is_large_string(t):
            t = pa.string()
        if pa.types.is_timestamp(t):
            t = pa.timestamp("us")
        fields.append(pa.field(f.name, t))
    return table.cast(pa.schema(fields))


def bind(spark, name: str, source: engine.Source) -> None:
    """``name`` in the queries is ``source``: a DataFrame, or Parquet files Spark reads (a
    file, a folder with its ``year=``/``unit_group=`` partitions, a glob; local or on the
    cluster's storage, e.g. ``hdfs://`` or ``s3a://``). Files Spark cannot read (their footers
    are read here), or without a column the queries read, stop with one message: run ingest
    again (:func:`cchc_lib.ingest.store.damaged_table`)."""
    from cchc_lib.ingest.store import damaged_table, missing_columns_vi, unreadable_vi

    if isinstance(source, pd.DataFrame):
        frame = spark.createDataFrame(_arrow(engine.with_optional(name, source)))
    else:
        try:
            frame = spark.read.option("mergeSchema", "true").parquet(str(source))
        except Exception as err:  # Spark's AnalysisException, the JVM's SparkException
            if not _spark_error(err):
                raise
            raise damaged_table(str(source), unreadable_vi(str(source))) from None
        missing = [c for c in engine.READ_COLUMNS.get(name, ()) if c not in frame.columns]
        if missing:
            raise damaged_table(str(source), missing_columns_vi(missing))
    frame.createOrReplaceTempView(name)


def _spark_error(err: Exception) -> bool:
    """Whether ``err`` is Spark's word on what it read (not a bug of ours)."""
    from pyspark.errors import PySparkException

    try:
        from py4j.protocol import Py4JJavaError
    except ImportError:  # (a Spark Connect client has no JVM)
        return isinstance(err, PySparkException)
    return isinstance(err, PySparkException | Py4JJavaError)


def parts_by_period(spark, tables: dict[str, engine.Source], units: Sequence[str] | None,
                    periods: Sequence[Period], by_field: bool = False) -> pd.DataFrame:
    """:func:`.engine.parts_by_period` run by Spark: the same rows (``units`` None: every
    unit in the dossiers)."""
    bind(spark, "dossiers", tables["dossiers"])
    bind(spark, "catalogue", tables["catalogue"])
    if units is None:
        units = [r[0] for r in spark.sql(engine.UNITS).collect()]
    span = tuple(spark.sql(spark_sql(engine.SPAN)).collect()[0])
    small = engine.small_tables(tables, units, periods, span)
    for name in ("workdays", "daynum"):
        small[name] = small[name].assign(day=small[name].day.dt.date)
    for name, frame in small.items():
        spark.createDataFrame(_arrow(frame)).createOrReplaceTempView(name)
    out = spark.sql(spark_sql(engine.query(by_field, "portable"))).toArrow().to_pandas()
    return engine.tidy(out)


def monthly(spark, tables: dict[str, engine.Source], first: str, last: str,
            units: Sequence[str] | None = None) -> pd.DataFrame:
    """:func:`.figures.monthly` run by Spark: every indicator for every unit × month the data
    speaks for (:func:`.figures.months_in_data`: months after the last day of data left out,
    the last one ended on it, said in ``attrs["note"]``; a range the data does not reach
    refused)."""
    from cchc_lib.indicators.figures import SPAN_SQL, monthly_rows, months_in_data, said_to_data

    bind(spark, "dossiers", tables["dossiers"])
    span = tuple(spark.sql(spark_sql(SPAN_SQL.format(table="dossiers"))).collect()[0])
    periods, through, note = months_in_data(first, last, span)
    return said_to_data(monthly_rows(parts_by_period(spark, tables, units, periods), periods),
                        through, note)


def write(frame: pd.DataFrame, out: str | Path) -> Path:
    """The result as Parquet or CSV (cells neutralised for Excel), by the file's extension."""
    from cchc_lib.core.sheets import write_csv

    path = Path(out)
    if path.suffix.lower() == ".csv":
        return write_csv(frame, path)
    if path.suffix.lower() != ".parquet":
        raise CchcError(lang.SPARK_OUT_FORMAT_VI.format(path=path))
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_parquet(path, index=False)
    return path


def months_command(months: str, out: str | Path, *, dossiers: str, catalogue: str,
                   calendar: str | None = None, units: list[str] | None = None,
                   master: str | None = None) -> int:
    """The body of ``cchc spark``: every indicator of every unit (or ``units``) per month of
    ``months`` (``YYYY-MM..YYYY-MM``), written to ``out``; a range the data does not reach is
    refused before the JVM starts, when the dossiers are on this disk."""
    import re

    first, sep, last = months.partition("..")
    if not sep or not all(re.fullmatch(r"\d{4}-\d{2}", m) for m in (first, last)) \
            or first > last:
        raise CchcError(lang.MONTHS_FORM_VI.format(months=months))
    tables: dict = {"dossiers": dossiers, "catalogue": catalogue}
    if calendar:  # a damaged file: one line saying to run ingest again
        from cchc_lib.ingest.store import read_table

        tables["calendar"] = read_table(Path(calendar), "calendar")
    if Path(dossiers).is_file():  # on this disk: its shape and span checked by DuckDB
        from cchc_lib.indicators.figures import data_span_of, months_in_data  # before the JVM

        months_in_data(first, last, data_span_of(dossiers))
    spark = session(master)
    try:
        result = monthly(spark, tables, first, last, units)
    finally:
        spark.stop()
    written = write(result, out)  # (first, the months left out after the data)
    print(*[n for n in [result.attrs.get("note")] if n], lang.SPARK_DONE_VI.format(
        units=result.unit_code.nunique(), months=result.period.nunique(), rows=len(result),
        path=written), sep="\n")
    return 0


__all__ = ["bind", "monthly", "months_command", "parts_by_period", "session", "spark_sql",
           "write"]
