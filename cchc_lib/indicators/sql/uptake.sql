-- per procedure the unit offers on the period's last day: its dossiers received and returned
-- in the period, by channel
WITH
{dossiers},
{dossier_flags},
{offered},
{procedure_uptake}
SELECT procedure_code, procedure_name, field_name, level, postal_enabled,
       online_level AS online_enabled, has_fee,
       received_online::BIGINT AS received_online, returned_online::BIGINT AS returned_online,
       received_postal::BIGINT AS received_postal, returned_postal::BIGINT AS returned_postal,
       received_direct::BIGINT AS received_direct, returned_direct::BIGINT AS returned_direct,
       returned_total::BIGINT AS returned_total,
       received::BIGINT AS received,
       received_paid_online::BIGINT AS received_paid_online
FROM uptake ORDER BY procedure_code
