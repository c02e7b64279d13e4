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
  count(*) FILTER (WHERE {late_condition}) AS late,
  -- late_apologised: owes one and has it
  count(*) FILTER (WHERE ({late_condition}) AND apology) AS late_apologised
