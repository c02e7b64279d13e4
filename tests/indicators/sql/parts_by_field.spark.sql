/* every part per period and unit (field NULL, whole = 1) and, by field, per unit and field */
/* (whole = 0): one pass over the dossiers joined to the periods they are alive in */
WITH d /* per accepted dossier (every status but registered and not accepted) of the units asked */ /* for: its dates, whether its status is a resolution, its end (finished, else returned, for */ /* an ended status), its flags (a flag not given reads false), and the supplement wait in */ /* whole working days (half to even) */ AS (
  SELECT
    x.dossier_id,
    x.unit_code,
    x.procedure_code,
    x.field_name,
    x.receive_channel,
    x.return_channel,
    x.received_at,
    x.returned_at,
    x.due_at,
    x.status IN ('resolved', 'returned') AS res_status,
    CASE
      WHEN x.status IN ('resolved', 'returned', 'stopped', 'withdrawn')
      THEN COALESCE(x.finished_at, x.returned_at)
    END AS end_ts,
    CAST(x.due_at AS DATE) AS due_day,
    COALESCE(x.digitized, FALSE) AS digitized,
    COALESCE(x.e_result, FALSE) AS e_result,
    COALESCE(x.paid_online, FALSE) AS paid_online,
    COALESCE(x.apology_issued, FALSE) AS apology,
    COALESCE(x.supplement_requests, 0) > 1 AS many_supplements,
    CAST(GREATEST(BROUND(COALESCE(x.supplement_days, 0), 0), 0) AS BIGINT) AS wait
  FROM dossiers AS x
  SEMI JOIN wanted AS w
    ON x.unit_code = w.unit_code
  WHERE
    NOT x.status IN ('not_accepted', 'registered')
), e /* the span a dossier is alive in: from its first date to its last (for ever while open) */ AS (
  SELECT
    d.*,
    CAST(end_ts AS DATE) AS end_day,
    LEAST(received_at, end_ts, returned_at) AS alive_from,
    CASE
      WHEN end_ts IS NULL
      THEN CAST('9999-12-31 00:00:00' AS TIMESTAMP_NTZ)
      ELSE GREATEST(received_at, end_ts, returned_at)
    END AS alive_to
  FROM d
), ee /* the effective end for SQL engines that cannot join on the nearest earlier day (Spark): two */ /* equi-joins on the calendar tables, daynum giving each day the number of the last working */ /* day on or before it; the same day as effective_end.duckdb.sql (tested equal) */ AS (
  SELECT
    e.*,
    CASE WHEN e.wait > 0 AND NOT e.end_day IS NULL THEN w2.day ELSE e.end_day END AS effective_end
  FROM e
  LEFT JOIN daynum AS dn
    ON dn.day = e.end_day
  LEFT JOIN workdays AS w2
    ON w2.n = dn.n - e.wait
), g /* per dossier and period it is alive in: what it is in that period (a dossier outside a */ /* period's span is none of these, so the range join loses nothing). Dates compare by their */ /* timestamps against [start, stop) of the period. */ /*   received: received in the period        ended: its end in the period */ /*   resolved: ended in the period with a resolved status */ /*   pending:  received before the period's end and not ended by then */ /*   carried:  received before the period and not ended before it (carried over) */ /*   returned: its result returned in the period */ AS (
  SELECT
    ee.*,
    p.pid,
    p.last_day,
    COALESCE(received_at >= p.start_ts AND received_at < p.stop_ts, FALSE) AS received,
    COALESCE(end_ts >= p.start_ts AND end_ts < p.stop_ts, FALSE) AS ended,
    res_status AND COALESCE(end_ts >= p.start_ts AND end_ts < p.stop_ts, FALSE) AS resolved,
    COALESCE(received_at < p.stop_ts, FALSE)
    AND NOT COALESCE(end_ts < p.stop_ts, FALSE) AS pending,
    COALESCE(received_at < p.start_ts, FALSE)
    AND NOT COALESCE(end_ts < p.start_ts, FALSE) AS carried,
    COALESCE(returned_at >= p.start_ts AND returned_at < p.stop_ts, FALSE) AS returned
  FROM ee
  JOIN periods AS p
    ON ee.alive_from < p.stop_ts AND ee.alive_to >= p.start_ts
), offered /* the catalogue each unit offers on the period's last day: a row valid on that day, the */ /* unit's own row before the row every unit offers (unit_code empty) */ AS (
  SELECT
    pid,
    unit_code,
    procedure_code,
    procedure_name,
    field_name,
    level,
    online_level,
    postal_enabled,
    has_fee
  FROM (
    SELECT
      p.pid,
      w.unit_code,
      c.procedure_code,
      c.procedure_name,
      c.field_name,
      c.level,
      c.level IN ('full', 'partial') AS online_level,
      COALESCE(c.postal_enabled, FALSE) AS postal_enabled,
      COALESCE(c.has_fee, FALSE) AS has_fee,
      ROW_NUMBER() OVER (
        PARTITION BY p.pid, w.unit_code, c.procedure_code
        ORDER BY NOT c.unit_code IS NULL DESC
      ) AS _w
    FROM wanted AS w
    CROSS JOIN periods AS p
    JOIN catalogue AS c
      ON c.unit_code IS NULL OR c.unit_code = w.unit_code
    WHERE
      (
        c.valid_from IS NULL OR c.valid_from <= p.last_ts
      )
      AND (
        c.valid_to IS NULL OR c.valid_to >= p.last_ts
      )
  ) AS _t
  WHERE
    _w = 1
), pp /* per procedure (and field, in a query by field): its dossiers received or returned in the */ /* period */ AS (
  SELECT
    pid,
    unit_code,
    procedure_code,
    field_name,
    COUNT(*) /* dossiers received in the period, online and in all */ FILTER(WHERE
      received AND receive_channel = 'online') AS received_online,
    COUNT(*) FILTER(WHERE
      received) AS received,
    COUNT(*) /* received by post, received at the desk */ FILTER(WHERE
      received AND receive_channel = 'postal') AS received_postal,
    COUNT(*) FILTER(WHERE
      received AND receive_channel = 'direct') AS received_direct,
    COUNT(*) /* results returned in the period, by channel and in all */ FILTER(WHERE
      returned AND return_channel = 'online') AS returned_online,
    COUNT(*) FILTER(WHERE
      returned AND return_channel = 'postal') AS returned_postal,
    COUNT(*) FILTER(WHERE
      returned AND return_channel = 'direct') AS returned_direct,
    COUNT(*) FILTER(WHERE
      returned) AS returned_total,
    COUNT(*) /* received in the period and paid online */ FILTER(WHERE
      received AND paid_online) AS received_paid_online
  FROM g
  WHERE
    received OR returned
  GROUP BY
    pid,
    unit_code,
    procedure_code,
    field_name
), uptake /* per procedure the unit offers: those counts (0 for a procedure without dossiers) */ AS (
  SELECT
    o.*,
    COALESCE(u.received_online, 0) AS received_online,
    COALESCE(u.received, 0) AS received,
    COALESCE(u.received_postal, 0) AS received_postal,
    COALESCE(u.received_direct, 0) AS received_direct,
    COALESCE(u.returned_online, 0) AS returned_online,
    COALESCE(u.returned_postal, 0) AS returned_postal,
    COALESCE(u.returned_direct, 0) AS returned_direct,
    COALESCE(u.returned_total, 0) AS returned_total,
    COALESCE(u.received_paid_online, 0) AS received_paid_online
  FROM offered AS o
  LEFT JOIN (
    SELECT
      pid,
      unit_code,
      procedure_code,
      SUM(received_online) AS received_online,
      SUM(received) AS received,
      SUM(received_postal) AS received_postal,
      SUM(received_direct) AS received_direct,
      SUM(returned_online) AS returned_online,
      SUM(returned_postal) AS returned_postal,
      SUM(returned_direct) AS returned_direct,
      SUM(returned_total) AS returned_total,
      SUM(received_paid_online) AS received_paid_online
    FROM pp
    GROUP BY
      pid,
      unit_code,
      procedure_code
  ) AS u
    ON u.pid = o.pid
    AND u.unit_code = o.unit_code
    AND u.procedure_code = o.procedure_code
), dp /* the parts counted over dossiers */ AS (
  SELECT
    pid,
    unit_code,
    field_name,
    GROUPING(field_name) AS whole,
    COUNT(*) /* received_online: received in the period online */ FILTER(WHERE
      received AND receive_channel = 'online') AS received_online,
    COUNT(*) /* received_direct_postal: received in the period at the desk or by post (Biểu 06) */ FILTER(WHERE
      received AND receive_channel IN ('direct', 'postal')) AS received_direct_postal,
    COUNT(*) /* carried_over: received before the period, not ended before it */ FILTER(WHERE
      carried) AS carried_over,
    COUNT(*) /* received_total: Biểu 06's "số hồ sơ nhận": received in the period on a known channel, */ /* plus those carried over (not the period's new dossiers: that is `received`) */ FILTER(WHERE
      (
        received AND receive_channel IN ('online', 'direct', 'postal')
      ) OR carried) AS received_total,
    COUNT(*) /* resolved_early / resolved_on_time / resolved_late: resolved in the period, its end day */ /* before / on (or no due day) / after its due day */ FILTER(WHERE
      resolved AND end_day < due_day) AS resolved_early,
    COUNT(*) FILTER(WHERE
      resolved AND (
        end_day = due_day OR due_day IS NULL
      )) AS resolved_on_time,
    COUNT(*) FILTER(WHERE
      resolved AND end_day > due_day) AS resolved_late,
    COUNT(*) /* resolved_total: resolved in the period */ FILTER(WHERE
      resolved) AS resolved_total,
    COUNT(*) /* pending_in_time / pending_overdue / pending_total: open at the period's end, its due day */ /* on or after the last day (or none) / before it / all */ FILTER(WHERE
      pending AND (
        due_day >= last_day OR due_day IS NULL
      )) AS pending_in_time,
    COUNT(*) FILTER(WHERE
      pending AND due_day < last_day) AS pending_overdue,
    COUNT(*) FILTER(WHERE
      pending) AS pending_total,
    COUNT(*) /* resolved_in_time: resolved in the period on or before its due day (early + on time) */ FILTER(WHERE
      resolved AND (
        end_day < due_day OR end_day = due_day OR due_day IS NULL
      )) AS resolved_in_time,
    COUNT(*) /* on_time (QĐ 766, 2.1): ended by its due day counting the effective end (supplement wait */ /* taken off) and asked for a supplement at most once, or open and not yet due */ FILTER(WHERE
      (
        ended
        AND (
          effective_end <= due_day OR due_day IS NULL
        )
        AND NOT many_supplements
      )
      OR (
        pending AND (
          due_day >= last_day OR due_day IS NULL
        )
      )) AS on_time,
    COUNT(*) /* ended_or_pending: ended in the period or open at its end (766, 2.1's denominator) */ FILTER(WHERE
      ended OR pending) AS ended_or_pending,
    COUNT(*) /* received: received in the period (the period's new dossiers) */ FILTER(WHERE
      received) AS received,
    COUNT(*) /* received_digitized: received in the period and digitized */ FILTER(WHERE
      received AND digitized) AS received_digitized,
    COUNT(*) /* ended / ended_e_result: ended in the period / and its result given electronically */ FILTER(WHERE
      ended) AS ended,
    COUNT(*) FILTER(WHERE
      ended AND e_result) AS ended_e_result,
    COUNT(*) /* late: owes an apology slip (resolved late in the period, or open past its due day) */ FILTER(WHERE
      (
        resolved AND end_day > due_day
      ) OR (
        pending AND due_day < last_day
      )) AS late,
    COUNT(*) /* late_apologised: owes one and has it */ FILTER(WHERE
      (
        (
          resolved AND end_day > due_day
        ) OR (
          pending AND due_day < last_day
        )
      )
      AND apology) AS late_apologised
  FROM g
  GROUP BY
    GROUPING SETS (
      (pid, unit_code, field_name),
      (pid, unit_code)
    )
), fp /* the fee parts: the dossiers of the fee-charging procedures offered */ AS (
  SELECT
    pid,
    unit_code,
    field_name,
    GROUPING(field_name) AS whole,
    SUM(received) AS fee_received, /* fee_received / fee_paid_online: over the fee-charging procedures the unit offers, the */ /* dossiers received in the period / and paid online */
    SUM(received_paid_online) AS fee_paid_online
  FROM (
    SELECT
      pp.*
    FROM pp
    SEMI JOIN offered AS o
      ON o.pid = pp.pid
      AND o.unit_code = pp.unit_code
      AND o.procedure_code = pp.procedure_code
      AND o.has_fee
  )
  GROUP BY
    GROUPING SETS (
      (pid, unit_code, field_name),
      (pid, unit_code)
    )
), cp /* the parts counted over procedures */ AS (
  SELECT
    pid,
    unit_code,
    field_name,
    GROUPING(field_name) AS whole,
    COUNT(*) AS offered, /* offered: procedures the unit offers on the period's last day */
    COUNT(*) /* online_offered / online_used: of them, online-enabled (partial or full) / and with at */ /* least one dossier received online in the period */ FILTER(WHERE
      online_level) AS online_offered,
    COUNT(*) FILTER(WHERE
      online_level AND received_online > 0) AS online_used,
    COUNT(*) /* postal_offered / postal_used: postal-enabled / and with at least one dossier received or */ /* returned by post in the period */ FILTER(WHERE
      postal_enabled) AS postal_offered,
    COUNT(*) FILTER(WHERE
      postal_enabled AND (
        received_postal > 0 OR returned_postal > 0
      )) AS postal_used,
    COALESCE(SUM(returned_postal) FILTER(WHERE
      postal_enabled), 0) AS returned_postal, /* returned_postal / returned_postal_procedures: over the postal-enabled procedures, results */ /* returned by post in the period / all results returned in the period */
    COALESCE(SUM(returned_total) FILTER(WHERE
      postal_enabled), 0) AS returned_postal_procedures,
    COALESCE(SUM(returned_total), 0) AS returned_all, /* returned_all: results returned in the period, of every procedure the unit offers (the */ /* plan's postal-return sentence read over all returned dossiers, not only the BCCI ones) */
    COUNT(*) /* fee_offered / fee_offered_paid_online: fee-charging procedures / and with at least one */ /* dossier paid online in the period */ FILTER(WHERE
      has_fee) AS fee_offered,
    COUNT(*) FILTER(WHERE
      has_fee AND received_paid_online > 0) AS fee_offered_paid_online
  FROM uptake
  GROUP BY
    GROUPING SETS (
      (pid, unit_code, field_name),
      (pid, unit_code)
    )
), dfp AS (
  SELECT
    dp.*,
    fp.fee_received,
    fp.fee_paid_online
  FROM dp
  LEFT JOIN fp
    ON fp.pid = dp.pid
    AND fp.unit_code = dp.unit_code
    AND fp.whole = dp.whole
    AND fp.field_name IS NOT DISTINCT FROM dp.field_name
)
SELECT
  COALESCE(dfp.pid, cp.pid) AS pid,
  COALESCE(dfp.unit_code, cp.unit_code) AS unit_code,
  COALESCE(dfp.field_name, cp.field_name) AS field,
  COALESCE(dfp.whole, cp.whole) AS whole,
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
FROM dfp
FULL JOIN cp
  ON dfp.pid = cp.pid
  AND dfp.unit_code = cp.unit_code
  AND dfp.whole = cp.whole
  AND dfp.field_name IS NOT DISTINCT FROM cp.field_name
