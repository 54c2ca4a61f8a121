-- agency: the SKPDs a --param agency=TEXT may mean, matched the way the reports match names:
-- folded (trimmed, runs of white space one space, case ignored) against every spelling seen in
-- the exports (agency_names) and every name and alias of the master list (agency_master).
-- Grain: one row per agency shown in the reports, best match first, at most 5.
-- Parameters: $1 the text given.
-- Columns: agency VARCHAR (the name the reports show), exact BOOLEAN (a folded name or alias is
--   the text), score DOUBLE (Jaro-Winkler similarity of the closest name, 0..1; 1 when the text
--   is part of a name).
WITH given AS (
    SELECT lower(trim(regexp_replace($1::VARCHAR, '[\s\x0B\x{85}\pZ]+', ' ', 'g'))) AS key
),
names AS (
    SELECT agency, agency_key AS key FROM agency_names
    UNION
    SELECT agency, lower(trim(regexp_replace(spelling, '[\s\x0B\x{85}\pZ]+', ' ', 'g'))) FROM agency_names
    UNION
    SELECT agency, spelling_key FROM agency_master
)
SELECT
    n.agency,
    bool_or(n.key = g.key) AS exact,
    max(CASE WHEN length(g.key) >= 3 AND contains(n.key, g.key) THEN 1.0
             ELSE jaro_winkler_similarity(n.key, g.key) END) AS score
FROM names AS n, given AS g
GROUP BY n.agency
ORDER BY exact DESC, score DESC, n.agency
LIMIT 5
