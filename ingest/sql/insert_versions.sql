-- Every accepted row of the file joins the history, whatever its version.
INSERT INTO complaint_versions BY NAME
SELECT $1::BIGINT AS run_id, * FROM rapor_stage
