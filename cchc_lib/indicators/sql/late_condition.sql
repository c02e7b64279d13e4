(resolved AND end_day > due_day) OR (pending AND due_day < last_day)
