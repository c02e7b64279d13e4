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
