-- every unit the bound dossiers hold
SELECT DISTINCT unit_code FROM dossiers WHERE unit_code IS NOT NULL ORDER BY 1
