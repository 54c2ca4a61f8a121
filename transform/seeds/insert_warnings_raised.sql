-- Records the build's new warnings in warnings_raised (run after the data tests, inside the
-- build's transaction: a failed build records nothing). No parameters.
INSERT INTO warnings_raised
SELECT w.warning_key, w.first_build_id, b.started_at
FROM warnings AS w
CROSS JOIN build_info AS b
WHERE w.new
ON CONFLICT DO NOTHING
