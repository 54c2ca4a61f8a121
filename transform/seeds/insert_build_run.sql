-- Logs one build. $1 build_id, $2 started_at, $3 finished_at, $4 status (ok | failed),
-- $5 error (NULL when ok), $6 failed data tests (list or NULL), $7 as_of (NULL when not reached),
-- $8 complaints, $9 config (JSON text), $10 rapor_version.
INSERT INTO build_runs VALUES ($1, $2, $3, $4, $5, $6::VARCHAR[], $7, $8, $9::JSON, $10)
