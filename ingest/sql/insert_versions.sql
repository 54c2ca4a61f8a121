-- Every accepted row of the file joins the history, provisionally current; the merge
-- statements then settle which rows are current. $1 = run_id.
INSERT INTO complaint_versions BY NAME
SELECT $1::BIGINT AS run_id, * FROM rapor_stage_in
