-- Current versions that the new file supersedes. The new run is later than every run before
-- it, so its row wins whenever its version is at least as new (a tie goes to the later row).
DELETE FROM complaints AS c
USING rapor_stage AS s
WHERE c.regency = s.regency
  AND c.tracking_id = s.tracking_id
  AND s.version_at >= c.version_at
