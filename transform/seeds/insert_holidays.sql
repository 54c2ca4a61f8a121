-- Writes every holiday in one statement from three lists of the same length.
-- $1 dates (YYYY-MM-DD text), $2 kinds, $3 names.
INSERT INTO holidays
SELECT unnest($1::VARCHAR[])::DATE, unnest($2::VARCHAR[]), unnest($3::VARCHAR[])
