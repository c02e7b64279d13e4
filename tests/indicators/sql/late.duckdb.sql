-- the dossiers that owe an apology slip for the period, and whether they have one
WITH
-- per accepted dossier (every status but registered and not accepted) of the units asked
-- for: its dates, whether its status is a resolution, its end (finished, else returned, for
-- an ended status), its flags (a flag not given reads false), and the supplement wait in
-- whole working days (half to even)
d AS (
  SELECT x.dossier_id, x.unit_code, x.procedure_code, x.field_name, x.receive_channel,
    x.return_channel, x.received_at, x.returned_at, x.due_at,
    x.status IN ('resolved', 'returned') AS res_status,
    CASE WHEN x.status IN ('resolved', 'returned', 'stopped', 'withdrawn') THEN coalesce(x.finished_at, x.returned_at)
         END AS end_ts,
    CAST(x.due_at AS DATE) AS due_day,
    coalesce(x.digitized, false) AS digitized, coalesce(x.e_result, false) AS e_result,
    coalesce(x.paid_online, false) AS paid_online,
    coalesce(x.apology_issued, false) AS apology,
    coalesce(x.supplement_requests, 0) > 1 AS many_supplements,
    greatest(round_even(coalesce(x.supplement_days, 0), 0), 0)::BIGINT AS wait
  FROM dossiers x SEMI JOIN wanted w ON x.unit_code = w.unit_code
  WHERE x.status NOT IN ('not_accepted', 'registered')
),
-- the span a dossier is alive in: from its first date to its last (for ever while open)
e AS (
  SELECT d.*, CAST(end_ts AS DATE) AS end_day,
    least(received_at, end_ts, returned_at) AS alive_from,
    CASE WHEN end_ts IS NULL THEN TIMESTAMP '9999-12-31 00:00:00'
         ELSE greatest(received_at, end_ts, returned_at) END AS alive_to
  FROM d
),
-- the effective end: the end day less the supplement wait, in working days; the end day's
-- working-day number found by an ASOF join (about 10 % faster at 10 M dossiers than the
-- equi-join, docs/performance.md)
ee AS (
  SELECT e.*,
    CASE WHEN e.wait > 0 AND e.end_day IS NOT NULL
         THEN (SELECT w2.day FROM workdays w2 WHERE w2.n = wd.n - e.wait)
         ELSE e.end_day END AS effective_end
  FROM e ASOF LEFT JOIN workdays wd ON e.end_day >= wd.day
),
-- per dossier and period it is alive in: what it is in that period (a dossier outside a
-- period's span is none of these, so the range join loses nothing). Dates compare by their
-- timestamps against [start, stop) of the period.
--   received: received in the period        ended: its end in the period
--   resolved: ended in the period with a resolved status
--   pending:  received before the period's end and not ended by then
--   carried:  received before the period and not ended before it (carried over)
--   returned: its result returned in the period
g AS (
  SELECT ee.*, p.pid, p.last_day,
    coalesce(received_at >= p.start_ts AND received_at < p.stop_ts, false) AS received,
    coalesce(end_ts >= p.start_ts AND end_ts < p.stop_ts, false) AS ended,
    res_status AND coalesce(end_ts >= p.start_ts AND end_ts < p.stop_ts, false) AS resolved,
    coalesce(received_at < p.stop_ts, false) AND NOT coalesce(end_ts < p.stop_ts, false)
      AS pending,
    coalesce(received_at < p.start_ts, false) AND NOT coalesce(end_ts < p.start_ts, false)
      AS carried,
    coalesce(returned_at >= p.start_ts AND returned_at < p.stop_ts, false) AS returned
  FROM ee JOIN periods p ON ee.alive_from < p.stop_ts AND ee.alive_to >= p.start_ts
)
SELECT dossier_id, procedure_code, field_name, due_at,
       CASE WHEN resolved AND end_day > due_day THEN 'resolved_late'
            ELSE 'pending_overdue' END AS kind,
       apology AS apology_issued
FROM g WHERE (resolved AND end_day > due_day) OR (pending AND due_day < last_day)
