-- Records a job as it starts: its row in job_runs, without finished_at or outcome until
-- finish_run.sql (a row left so is a job that died).
-- $1 job_id, $2 started_at, $3 inbox (absolute path), $4 rapor_version.
INSERT INTO job_runs (job_id, started_at, inbox, rapor_version) VALUES ($1, $2, $3, $4)
