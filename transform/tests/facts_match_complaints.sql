-- The complaint facts hold each current complaint exactly once (their joins never duplicate or
-- drop a complaint), so the scorecard counts every complaint once.
SELECT (SELECT count(*) FROM complaints) AS complaints, (SELECT count(*) FROM complaint_facts) AS complaint_facts
WHERE (SELECT count(*) FROM complaints) <> (SELECT count(*) FROM complaint_facts)
