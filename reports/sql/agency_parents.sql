-- Every agency of one regency with its parent unit (agency_parents): agency, parent. The reports at
-- the parent level regroup per-complaint lists (overdue items, backlog, status mix, repeats) by it.
-- $1 regency.
SELECT agency, parent FROM agency_parents WHERE regency = $1
