-- Ratings are 1 to 5, so rating_avg is too.
SELECT 'complaints' AS tbl, regency, tracking_id AS key, rating::DOUBLE AS value
FROM complaints WHERE rating NOT BETWEEN 1 AND 5
UNION ALL
SELECT 'agency_month', regency, agency || ' ' || month, rating_avg
FROM agency_month WHERE rating_avg NOT BETWEEN 1 AND 5
UNION ALL
SELECT 'regency_month', regency, month::VARCHAR, rating_avg
FROM regency_month WHERE rating_avg NOT BETWEEN 1 AND 5
