-- Every accepted row of the file joins the history, provisionally current; the merge
-- statements then settle which rows are current; title_norm (migration 0006) is computed here,
-- once per version. $1 = run_id.
INSERT INTO complaint_versions BY NAME
SELECT $1::BIGINT AS run_id, *, title_norm(title) AS title_norm FROM rapor_stage_in
