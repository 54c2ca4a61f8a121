-- Each agency's part of the accountability list (the CTE "list": overdue.sql or overdue_at.sql,
-- put before this query by the reports): what the pages show of it and what the workbook needs
-- before it streams the list (its row count and column widths). One row per agency with items,
-- in the list's order: the most items first, ties by name.
-- Columns: agency, n (items), n_c (past C), n_r (unanswered past R), oldest_days (the oldest
-- item's age in days), then the longest line, in characters, of tracking_id (w_tracking),
-- category (w_category), title (w_title) and unit (w_unit); units (some item names a unit).
-- No parameters of its own.
SELECT agency, count(*) AS n, count(over_c) AS n_c, count(over_r) AS n_r, max(age_days) AS oldest_days,
       max(list_max([length(x) FOR x IN string_split(tracking_id, chr(10))]))::BIGINT AS w_tracking,
       max(list_max([length(x) FOR x IN string_split(category, chr(10))]))::BIGINT AS w_category,
       max(list_max([length(x) FOR x IN string_split(title, chr(10))]))::BIGINT AS w_title,
       max(list_max([length(x) FOR x IN string_split(unit, chr(10))]))::BIGINT AS w_unit,
       bool_or(unit <> '') AS units
FROM list
GROUP BY agency
ORDER BY n DESC, agency
