-- the dossiers that owe an apology slip for the period, and whether they have one
WITH
{dossiers},
{dossier_flags}
SELECT dossier_id, procedure_code, field_name, due_at,
       CASE WHEN resolved AND end_day > due_day THEN 'resolved_late'
            ELSE 'pending_overdue' END AS kind,
       apology AS apology_issued
FROM g WHERE {late_condition}
