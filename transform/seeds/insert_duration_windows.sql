-- A batch of duration_windows rows computed in Go, passed as one list per column (parameters:
-- series, month, months, n, q50, q90, all of the same length).
INSERT INTO duration_windows
SELECT unnest(?::BIGINT[]), unnest(?::BIGINT[]), unnest(?::INTEGER[]), unnest(?::BIGINT[]), unnest(?::DOUBLE[]), unnest(?::DOUBLE[])
