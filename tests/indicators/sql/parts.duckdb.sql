-- every part per period and unit (field NULL, whole = 1) and, by field, per unit and field
-- (whole = 0): one pass over the dossiers joined to the periods they are alive in
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
),
-- the catalogue each unit offers on the period's last day: a row valid on that day, the
-- unit's own row before the row every unit offers (unit_code empty)
offered AS (
  SELECT p.pid, w.unit_code, c.procedure_code, c.procedure_name, c.field_name, c.level,
    c.level IN ('full', 'partial') AS online_level,
    coalesce(c.postal_enabled, false) AS postal_enabled,
    coalesce(c.has_fee, false) AS has_fee
  FROM wanted w CROSS JOIN periods p
    JOIN catalogue c ON c.unit_code IS NULL OR c.unit_code = w.unit_code
  WHERE (c.valid_from IS NULL OR c.valid_from <= p.last_ts)
    AND (c.valid_to IS NULL OR c.valid_to >= p.last_ts)
  QUALIFY row_number() OVER (PARTITION BY p.pid, w.unit_code, c.procedure_code
                             ORDER BY c.unit_code IS NOT NULL DESC) = 1
),
-- per procedure (and field, in a query by field): its dossiers received or returned in the
-- period
pp AS (
  SELECT pid, unit_code, procedure_code, NULL::VARCHAR AS field_name,
  -- dossiers received in the period, online and in all
  count(*) FILTER (WHERE received AND receive_channel = 'online') AS received_online,
  count(*) FILTER (WHERE received) AS received,
  -- received by post, received at the desk
  count(*) FILTER (WHERE received AND receive_channel = 'postal') AS received_postal,
  count(*) FILTER (WHERE received AND receive_channel = 'direct') AS received_direct,
  -- results returned in the period, by channel and in all
  count(*) FILTER (WHERE returned AND return_channel = 'online') AS returned_online,
  count(*) FILTER (WHERE returned AND return_channel = 'postal') AS returned_postal,
  count(*) FILTER (WHERE returned AND return_channel = 'direct') AS returned_direct,
  count(*) FILTER (WHERE returned) AS returned_total,
  -- received in the period and paid online
  count(*) FILTER (WHERE received AND paid_online) AS received_paid_online
  FROM g WHERE received OR returned
  GROUP BY pid, unit_code, procedure_code
),
-- per procedure the unit offers: those counts (0 for a procedure without dossiers)
uptake AS (
  SELECT o.*, coalesce(u.received_online, 0) AS received_online, coalesce(u.received, 0) AS received, coalesce(u.received_postal, 0) AS received_postal, coalesce(u.received_direct, 0) AS received_direct, coalesce(u.returned_online, 0) AS returned_online, coalesce(u.returned_postal, 0) AS returned_postal, coalesce(u.returned_direct, 0) AS returned_direct, coalesce(u.returned_total, 0) AS returned_total, coalesce(u.received_paid_online, 0) AS received_paid_online
  FROM offered o LEFT JOIN (
    SELECT pid, unit_code, procedure_code, sum(received_online) AS received_online, sum(received) AS received, sum(received_postal) AS received_postal, sum(received_direct) AS received_direct, sum(returned_online) AS returned_online, sum(returned_postal) AS returned_postal, sum(returned_direct) AS returned_direct, sum(returned_total) AS returned_total, sum(received_paid_online) AS received_paid_online FROM pp
    GROUP BY pid, unit_code, procedure_code
  ) u ON u.pid = o.pid AND u.unit_code = o.unit_code AND u.procedure_code = o.procedure_code
),
-- the parts counted over dossiers
dp AS (
  SELECT pid, unit_code, NULL::VARCHAR AS field_name, 1 AS whole,
  -- received_online: received in the period online
  count(*) FILTER (WHERE received AND receive_channel = 'online') AS received_online,
  -- received_direct_postal: received in the period at the desk or by post (Biểu 06)
  count(*) FILTER (WHERE received AND receive_channel IN ('direct', 'postal'))
    AS received_direct_postal,
  -- carried_over: received before the period, not ended before it
  count(*) FILTER (WHERE carried) AS carried_over,
  -- received_total: Biểu 06's "số hồ sơ nhận": received in the period on a known channel,
  -- plus those carried over (not the period's new dossiers: that is `received`)
  count(*) FILTER (WHERE (received AND receive_channel IN ('online', 'direct', 'postal'))
                   OR carried) AS received_total,
  -- resolved_early / resolved_on_time / resolved_late: resolved in the period, its end day
  -- before / on (or no due day) / after its due day
  count(*) FILTER (WHERE resolved AND end_day < due_day) AS resolved_early,
  count(*) FILTER (WHERE resolved AND (end_day = due_day OR due_day IS NULL))
    AS resolved_on_time,
  count(*) FILTER (WHERE resolved AND end_day > due_day) AS resolved_late,
  -- resolved_total: resolved in the period
  count(*) FILTER (WHERE resolved) AS resolved_total,
  -- pending_in_time / pending_overdue / pending_total: open at the period's end, its due day
  -- on or after the last day (or none) / before it / all
  count(*) FILTER (WHERE pending AND (due_day >= last_day OR due_day IS NULL)) AS pending_in_time,
  count(*) FILTER (WHERE pending AND due_day < last_day) AS pending_overdue,
  count(*) FILTER (WHERE pending) AS pending_total,
  -- resolved_in_time: resolved in the period on or before its due day (early + on time)
  count(*) FILTER (WHERE resolved AND (end_day < due_day OR end_day = due_day
                                       OR due_day IS NULL)) AS resolved_in_time,
  -- on_time (QĐ 766, 2.1): ended by its due day counting the effective end (supplement wait
  -- taken off) and asked for a supplement at most once, or open and not yet due
  count(*) FILTER (WHERE (ended AND (effective_end <= due_day OR due_day IS NULL)
                          AND NOT many_supplements)
                      OR (pending AND (due_day >= last_day OR due_day IS NULL))) AS on_time,
  -- ended_or_pending: ended in the period or open at its end (766, 2.1's denominator)
  count(*) FILTER (WHERE ended OR pending) AS ended_or_pending,
  -- received: received in the period (the period's new dossiers)
  count(*) FILTER (WHERE received) AS received,
  -- received_digitized: received in the period and digitized
  count(*) FILTER (WHERE received AND digitized) AS received_digitized,
  -- ended / ended_e_result: ended in the period / and its result given electronically
  count(*) FILTER (WHERE ended) AS ended,
  count(*) FILTER (WHERE ended AND e_result) AS ended_e_result,
  -- late: owes an apology slip (resolved late in the period, or open past its due day)
  count(*) FILTER (WHERE (resolved AND end_day > due_day) OR (pending AND due_day < last_day)) AS late,
  -- late_apologised: owes one and has it
  count(*) FILTER (WHERE ((resolved AND end_day > due_day) OR (pending AND due_day < last_day)) AND apology) AS late_apologised
  FROM g GROUP BY pid, unit_code
),
-- the fee parts: the dossiers of the fee-charging procedures offered
fp AS (
  SELECT pid, unit_code, NULL::VARCHAR AS field_name, 1 AS whole,
  -- fee_received / fee_paid_online: over the fee-charging procedures the unit offers, the
  -- dossiers received in the period / and paid online
  sum(received) AS fee_received,
  sum(received_paid_online) AS fee_paid_online
  FROM (SELECT pp.* FROM pp SEMI JOIN offered o
        ON o.pid = pp.pid AND o.unit_code = pp.unit_code
        AND o.procedure_code = pp.procedure_code AND o.has_fee)
  GROUP BY pid, unit_code
),
-- the parts counted over procedures
cp AS (
  SELECT pid, unit_code, NULL::VARCHAR AS field_name, 1 AS whole,
  -- offered: procedures the unit offers on the period's last day
  count(*) AS offered,
  -- online_offered / online_used: of them, online-enabled (partial or full) / and with at
  -- least one dossier received online in the period
  count(*) FILTER (WHERE online_level) AS online_offered,
  count(*) FILTER (WHERE online_level AND received_online > 0) AS online_used,
  -- postal_offered / postal_used: postal-enabled / and with at least one dossier received or
  -- returned by post in the period
  count(*) FILTER (WHERE postal_enabled) AS postal_offered,
  count(*) FILTER (WHERE postal_enabled AND (received_postal > 0 OR returned_postal > 0))
    AS postal_used,
  -- returned_postal / returned_postal_procedures: over the postal-enabled procedures, results
  -- returned by post in the period / all results returned in the period
  coalesce(sum(returned_postal) FILTER (WHERE postal_enabled), 0) AS returned_postal,
  coalesce(sum(returned_total) FILTER (WHERE postal_enabled), 0) AS returned_postal_procedures,
  -- returned_all: results returned in the period, of every procedure the unit offers (the
  -- plan's postal-return sentence read over all returned dossiers, not only the BCCI ones)
  coalesce(sum(returned_total), 0) AS returned_all,
  -- fee_offered / fee_offered_paid_online: fee-charging procedures / and with at least one
  -- dossier paid online in the period
  count(*) FILTER (WHERE has_fee) AS fee_offered,
  count(*) FILTER (WHERE has_fee AND received_paid_online > 0) AS fee_offered_paid_online
  FROM uptake GROUP BY pid, unit_code
),
dfp AS (
  SELECT dp.*, fp.fee_received, fp.fee_paid_online
  FROM dp LEFT JOIN fp ON fp.pid = dp.pid AND fp.unit_code = dp.unit_code
                       AND fp.whole = dp.whole
                       AND fp.field_name IS NOT DISTINCT FROM dp.field_name
)
SELECT coalesce(dfp.pid, cp.pid) AS pid, coalesce(dfp.unit_code, cp.unit_code) AS unit_code,
       coalesce(dfp.field_name, cp.field_name) AS field,
       coalesce(dfp.whole, cp.whole) AS whole,
       dfp.received_online,
       dfp.received_direct_postal,
       dfp.carried_over,
       dfp.received_total,
       dfp.resolved_early,
       dfp.resolved_on_time,
       dfp.resolved_late,
       dfp.resolved_total,
       dfp.pending_in_time,
       dfp.pending_overdue,
       dfp.pending_total,
       dfp.resolved_in_time,
       dfp.on_time,
       dfp.ended_or_pending,
       dfp.received,
       dfp.received_digitized,
       dfp.ended,
       dfp.ended_e_result,
       dfp.late,
       dfp.late_apologised,
       dfp.fee_received,
       dfp.fee_paid_online,
       cp.offered,
       cp.online_offered,
       cp.online_used,
       cp.postal_offered,
       cp.postal_used,
       cp.returned_postal,
       cp.returned_postal_procedures,
       cp.returned_all,
       cp.fee_offered,
       cp.fee_offered_paid_online
FROM dfp FULL JOIN cp ON dfp.pid = cp.pid AND dfp.unit_code = cp.unit_code
                      AND dfp.whole = cp.whole
                      AND dfp.field_name IS NOT DISTINCT FROM cp.field_name
