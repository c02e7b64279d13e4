-- every part per period and unit (field NULL, whole = 1) and, by field, per unit and field
-- (whole = 0): one pass over the dossiers joined to the periods they are alive in
WITH
{dossiers},
{dossier_flags},
{offered},
{procedure_uptake},
-- the parts counted over dossiers
dp AS (
  SELECT pid, unit_code, {field_column},
{dossier_parts}
  FROM g GROUP BY {group_by}
),
-- the fee parts: the dossiers of the fee-charging procedures offered
fp AS (
  SELECT pid, unit_code, {field_column},
{fee_parts}
  FROM (SELECT pp.* FROM pp SEMI JOIN offered o
        ON o.pid = pp.pid AND o.unit_code = pp.unit_code
        AND o.procedure_code = pp.procedure_code AND o.has_fee)
  GROUP BY {group_by}
),
-- the parts counted over procedures
cp AS (
  SELECT pid, unit_code, {field_column},
{catalogue_parts}
  FROM uptake GROUP BY {group_by}
),
dfp AS (
  SELECT dp.*, {fee_columns}
  FROM dp LEFT JOIN fp ON fp.pid = dp.pid AND fp.unit_code = dp.unit_code
                       AND fp.whole = dp.whole
                       AND fp.field_name IS NOT DISTINCT FROM dp.field_name
)
SELECT coalesce(dfp.pid, cp.pid) AS pid, coalesce(dfp.unit_code, cp.unit_code) AS unit_code,
       coalesce(dfp.field_name, cp.field_name) AS field,
       coalesce(dfp.whole, cp.whole) AS whole,
       {part_columns}
FROM dfp FULL JOIN cp ON dfp.pid = cp.pid AND dfp.unit_code = cp.unit_code
                      AND dfp.whole = cp.whole
                      AND dfp.field_name IS NOT DISTINCT FROM cp.field_name
