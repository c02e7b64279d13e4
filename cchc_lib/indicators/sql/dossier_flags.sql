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
