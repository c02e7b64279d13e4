"""The same unit × month indicators as
:func:`cchc_lib.indicators.batch.monthly_indicators`, written as
DuckDB SQL: an independent reference for the benchmark and the tests.

Scope: a catalogue offered by every unit with no validity dates (the benchmark's and the
sample's). The effective end date of 766 ``progress_on_time`` (end date less the supplement
wait in working days) needs the Vietnamese calendar; it is computed once in Python and given
to both engines as the column ``effective_end``.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from cchc_lib.indicators.national import effective_end

SQL = """
WITH d AS (
  SELECT *,
    status NOT IN ('registered', 'not_accepted') AS acc,
    status IN ('resolved', 'returned', 'withdrawn', 'stopped') AS ended_status,
    status IN ('resolved', 'returned') AS resolved_status,
    year(received_at) * 12 + month(received_at) - 1 AS rm,
    year(returned_at) * 12 + month(returned_at) - 1 AS retm,
    CAST(due_at AS DATE) AS due_day
  FROM dossiers
), e AS (
  SELECT *,
    CASE WHEN ended_status THEN coalesce(finished_at, returned_at) END AS end_ts,
    CASE WHEN due_day IS NULL THEN NULL
         WHEN due_day = last_day(due_day) THEN year(due_day) * 12 + month(due_day)
         ELSE year(due_day) * 12 + month(due_day) - 1 END AS od
  FROM d WHERE acc
), x AS (
  SELECT *, year(end_ts) * 12 + month(end_ts) - 1 AS em, CAST(end_ts AS DATE) AS end_day
  FROM e
), months AS (
  SELECT range AS m FROM range((SELECT min(least(rm, coalesce(em, rm), coalesce(retm, rm)))
                                FROM x),
                               (SELECT max(greatest(rm, coalesce(em, rm), coalesce(retm, rm)))
                                FROM x) + 1)
), units AS (SELECT DISTINCT unit_code FROM dossiers),
grid AS (SELECT unit_code, m FROM units, months),
rec AS (
  SELECT unit_code, rm AS m,
    count(*) FILTER (WHERE receive_channel = 'online') AS received_online,
    count(*) FILTER (WHERE receive_channel IN ('direct', 'postal')) AS received_direct_postal,
    count(*) AS received,
    count(*) FILTER (WHERE coalesce(digitized, false)) AS digitized
  FROM x GROUP BY ALL
), ended AS (
  SELECT unit_code, em AS m,
    count(*) FILTER (WHERE resolved_status AND coalesce(end_day < due_day, false)) AS early,
    count(*) FILTER (WHERE resolved_status AND NOT coalesce(end_day < due_day, false)
                     AND NOT coalesce(end_day > due_day, false)) AS on_time,
    count(*) FILTER (WHERE resolved_status AND coalesce(end_day > due_day, false)) AS late,
    count(*) FILTER (WHERE resolved_status) AS resolved,
    count(*) FILTER (WHERE resolved_status AND coalesce(end_day > due_day, false)
                     AND coalesce(apology_issued, false)) AS late_apology,
    count(*) AS ended,
    count(*) FILTER (WHERE coalesce(e_result, false)) AS e_result,
    count(*) FILTER (WHERE (CAST(effective_end AS DATE) <= due_day OR due_day IS NULL)
                     AND coalesce(supplement_requests, 0) <= 1) AS ended_on_time
  FROM x WHERE em IS NOT NULL GROUP BY ALL
), pending AS (
  SELECT x.unit_code, g.m, count(*) AS pending,
    count(*) FILTER (WHERE od IS NOT NULL AND od <= g.m) AS overdue,
    count(*) FILTER (WHERE od IS NOT NULL AND od <= g.m AND coalesce(apology_issued, false))
      AS overdue_apology
  FROM x JOIN months g ON x.rm <= g.m AND (x.em IS NULL OR x.em > g.m) GROUP BY ALL
), carried AS (
  SELECT x.unit_code, g.m, count(*) AS carried_over
  FROM x JOIN months g ON x.rm < g.m AND (x.em IS NULL OR x.em >= g.m) GROUP BY ALL
), cat AS (
  SELECT procedure_code, level IN ('partial', 'full') AS online,
         coalesce(postal_enabled, false) AS postal, coalesce(has_fee, false) AS fee
  FROM catalogue
), offered AS (
  SELECT count(*) AS n_all, count(*) FILTER (WHERE online) AS n_online,
         count(*) FILTER (WHERE postal) AS n_postal FROM cat
), online_hits AS (
  SELECT unit_code, rm AS m, count(DISTINCT procedure_code) AS hits
  FROM x JOIN cat USING (procedure_code)
  WHERE receive_channel = 'online' AND cat.online GROUP BY ALL
), postal_hits AS (
  SELECT unit_code, m, count(DISTINCT procedure_code) AS hits FROM (
    SELECT unit_code, rm AS m, procedure_code FROM x WHERE receive_channel = 'postal'
    UNION SELECT unit_code, retm, procedure_code FROM x
    WHERE return_channel = 'postal' AND retm IS NOT NULL
  ) JOIN cat USING (procedure_code) WHERE cat.postal GROUP BY ALL
), returns AS (
  SELECT unit_code, retm AS m, count(*) AS returned,
         count(*) FILTER (WHERE return_channel = 'postal') AS by_post
  FROM x JOIN cat USING (procedure_code) WHERE retm IS NOT NULL AND cat.postal GROUP BY ALL
), fees AS (
  SELECT unit_code, rm AS m, count(*) AS fee,
         count(*) FILTER (WHERE coalesce(paid_online, false)) AS paid
  FROM x JOIN cat USING (procedure_code) WHERE cat.fee GROUP BY ALL
)
SELECT g.unit_code, g.m,
  coalesce(rec.received_online, 0) AS received_online,
  coalesce(rec.received_direct_postal, 0) AS received_direct_postal,
  coalesce(carried.carried_over, 0) AS carried_over,
  coalesce(rec.received_online, 0) + coalesce(rec.received_direct_postal, 0)
    + coalesce(carried.carried_over, 0) AS received_total,
  coalesce(ended.early, 0) AS resolved_early,
  coalesce(ended.on_time, 0) AS resolved_on_time,
  coalesce(ended.late, 0) AS resolved_late,
  coalesce(ended.resolved, 0) AS resolved_total,
  coalesce(pending.pending, 0) - coalesce(pending.overdue, 0) AS pending_in_time,
  coalesce(pending.overdue, 0) AS pending_overdue,
  coalesce(pending.pending, 0) AS pending_total,
  coalesce(ended.early, 0) + coalesce(ended.on_time, 0) AS on_time_rate_num,
  coalesce(ended.resolved, 0) AS on_time_rate_den,
  coalesce(online_hits.hits, 0) AS online_procedure_rate_num,
  (SELECT n_online FROM offered) AS online_procedure_rate_den,
  coalesce(online_hits.hits, 0) AS online_service_uptake_num,
  (SELECT n_online FROM offered) AS online_service_uptake_den,
  coalesce(postal_hits.hits, 0) AS postal_procedure_rate_num,
  (SELECT n_postal FROM offered) AS postal_procedure_rate_den,
  coalesce(returns.by_post, 0) AS postal_return_share_num,
  coalesce(returns.returned, 0) AS postal_return_share_den,
  (SELECT n_online FROM offered) AS online_provision_rate_num,
  (SELECT n_all FROM offered) AS online_provision_rate_den,
  coalesce(rec.received_online, 0) AS online_dossier_share_num,
  coalesce(rec.received, 0) AS online_dossier_share_den,
  coalesce(rec.digitized, 0) AS digitized_share_num,
  coalesce(rec.received, 0) AS digitized_share_den,
  coalesce(fees.paid, 0) AS online_payment_share_num,
  coalesce(fees.fee, 0) AS online_payment_share_den,
  coalesce(ended.e_result, 0) AS e_result_share_num,
  coalesce(ended.ended, 0) AS e_result_share_den,
  coalesce(ended.ended_on_time, 0) + coalesce(pending.pending, 0)
    - coalesce(pending.overdue, 0) AS progress_on_time_num,
  coalesce(ended.ended, 0) + coalesce(pending.pending, 0) AS progress_on_time_den,
  coalesce(ended.late_apology, 0) + coalesce(pending.overdue_apology, 0)
    AS apology_coverage_num,
  coalesce(ended.late, 0) + coalesce(pending.overdue, 0) AS apology_coverage_den
FROM grid g
LEFT JOIN rec USING (unit_code, m) LEFT JOIN ended USING (unit_code, m)
LEFT JOIN pending USING (unit_code, m) LEFT JOIN carried USING (unit_code, m)
LEFT JOIN online_hits USING (unit_code, m) LEFT JOIN postal_hits USING (unit_code, m)
LEFT JOIN returns USING (unit_code, m) LEFT JOIN fees USING (unit_code, m)
ORDER BY g.unit_code, g.m
"""


def reference(dossiers: pd.DataFrame, catalogue: pd.DataFrame,
              threads: int | None = None) -> pd.DataFrame:
    """Run the SQL on the frames (DuckDB reads them in place) and label the months."""
    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")
    if threads:
        con.execute(f"SET threads = {threads}")
    con.register("dossiers", dossiers.assign(effective_end=effective_end(dossiers)))
    con.register("catalogue", catalogue)
    out = con.execute(SQL).df()
    out.insert(1, "period", [f"{m // 12}-{m % 12 + 1:02d}" for m in out.pop("m")])
    return out
