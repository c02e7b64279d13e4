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
