-- per accepted dossier (every status but registered and not accepted) of the units asked
-- for: its dates, whether its status is a resolution, its end (finished, else returned, for
-- an ended status), its flags (a flag not given reads false), and the supplement wait in
-- whole working days (half to even)
d AS (
  SELECT x.dossier_id, x.unit_code, x.procedure_code, x.field_name, x.receive_channel,
    x.return_channel, x.received_at, x.returned_at, x.due_at,
    x.status IN {resolved_statuses} AS res_status,
    CASE WHEN x.status IN {ended_statuses} THEN coalesce(x.finished_at, x.returned_at)
         END AS end_ts,
    CAST(x.due_at AS DATE) AS due_day,
    coalesce(x.digitized, false) AS digitized, coalesce(x.e_result, false) AS e_result,
    coalesce(x.paid_online, false) AS paid_online,
    coalesce(x.apology_issued, false) AS apology,
    coalesce(x.supplement_requests, 0) > 1 AS many_supplements,
    greatest(round_even(coalesce(x.supplement_days, 0), 0), 0)::BIGINT AS wait
  FROM dossiers x SEMI JOIN wanted w ON x.unit_code = w.unit_code
  WHERE x.status NOT IN {not_accepted_statuses}
),
-- the span a dossier is alive in: from its first date to its last (for ever while open)
e AS (
  SELECT d.*, CAST(end_ts AS DATE) AS end_day,
    least(received_at, end_ts, returned_at) AS alive_from,
    CASE WHEN end_ts IS NULL THEN TIMESTAMP '9999-12-31 00:00:00'
         ELSE greatest(received_at, end_ts, returned_at) END AS alive_to
  FROM d
),
{effective_end}
