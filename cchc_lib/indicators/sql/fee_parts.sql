  -- fee_received / fee_paid_online: over the fee-charging procedures the unit offers, the
  -- dossiers received in the period / and paid online
  sum(received) AS fee_received,
  sum(received_paid_online) AS fee_paid_online
