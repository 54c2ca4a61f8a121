-- Writes one name or alias of the master list; a spelling already written (an alias that
-- repeats a name) is kept as it is.
-- $1 spelling_key, $2 agency_key, $3 agency, $4 is_alias, $5 parent (NULL: none configured).
INSERT INTO agency_master VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING
