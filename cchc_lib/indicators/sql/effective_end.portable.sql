-- the effective end for SQL engines that cannot join on the nearest earlier day (Spark): two
-- equi-joins on the calendar tables, daynum giving each day the number of the last working
-- day on or before it; the same day as effective_end.duckdb.sql (tested equal)
ee AS (
  SELECT e.*,
    CASE WHEN e.wait > 0 AND e.end_day IS NOT NULL THEN w2.day
         ELSE e.end_day END AS effective_end
  FROM e LEFT JOIN daynum dn ON dn.day = e.end_day
         LEFT JOIN workdays w2 ON w2.n = dn.n - e.wait
)
