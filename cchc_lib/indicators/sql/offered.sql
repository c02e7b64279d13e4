-- the catalogue each unit offers on the period's last day: a row valid on that day, the
-- unit's own row before the row every unit offers (unit_code empty)
offered AS (
  SELECT p.pid, w.unit_code, c.procedure_code, c.procedure_name, c.field_name, c.level,
    c.level IN {online_levels} AS online_level,
    coalesce(c.postal_enabled, false) AS postal_enabled,
    coalesce(c.has_fee, false) AS has_fee
  FROM wanted w CROSS JOIN periods p
    JOIN catalogue c ON c.unit_code IS NULL OR c.unit_code = w.unit_code
  WHERE (c.valid_from IS NULL OR c.valid_from <= p.last_ts)
    AND (c.valid_to IS NULL OR c.valid_to >= p.last_ts)
  QUALIFY row_number() OVER (PARTITION BY p.pid, w.unit_code, c.procedure_code
                             ORDER BY c.unit_code IS NOT NULL DESC) = 1
)
