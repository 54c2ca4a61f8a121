-- The file's rows that are now current: those whose tracking id has no current version left
-- (new complaints, and those whose older version merge_delete removed).
INSERT INTO complaints BY NAME
SELECT $1::BIGINT AS run_id, s.*
FROM rapor_stage AS s
WHERE NOT EXISTS (
    SELECT 1 FROM complaints AS c
    WHERE c.regency = s.regency AND c.tracking_id = s.tracking_id
)
