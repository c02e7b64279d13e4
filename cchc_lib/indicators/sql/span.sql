-- what the calendar tables must cover: the first and last end date, the longest wait
SELECT min(least(finished_at, returned_at)), max(greatest(finished_at, returned_at)),
       max(supplement_days) FROM dossiers
