-- per procedure (and field, in a query by field): its dossiers received or returned in the
-- period
pp AS (
  SELECT pid, unit_code, procedure_code, {procedure_field},
{procedure_counts}
  FROM g WHERE received OR returned
  GROUP BY pid, unit_code, procedure_code{procedure_field_group}
),
-- per procedure the unit offers: those counts (0 for a procedure without dossiers)
uptake AS (
  SELECT o.*, {procedure_columns}
  FROM offered o LEFT JOIN (
    SELECT pid, unit_code, procedure_code, {procedure_sums} FROM pp
    GROUP BY pid, unit_code, procedure_code
  ) u ON u.pid = o.pid AND u.unit_code = o.unit_code AND u.procedure_code = o.procedure_code
)
