-- the effective end: the end day less the supplement wait, in working days; the end day's
-- working-day number found by an ASOF join (about 10 % faster at 10 M dossiers than the
-- equi-join, docs/performance.md)
ee AS (
  SELECT e.*,
    CASE WHEN e.wait > 0 AND e.end_day IS NOT NULL
         THEN (SELECT w2.day FROM workdays w2 WHERE w2.n = wd.n - e.wait)
         ELSE e.end_day END AS effective_end
  FROM e ASOF LEFT JOIN workdays wd ON e.end_day >= wd.day
)
