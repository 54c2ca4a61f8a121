-- The complaints of one regency, as of the build (complaint_texts), submitted in [$3, $4) (a local month: those of
-- regency_month.submitted) counted by one attribute: one row per label (NULL for empty values)
-- with its count, most first. $2 names the attribute: 'category', 'channel' or 'area' (the
-- kecamatan: LAPOR!'s Lokasi reads "<village>, <kecamatan>" or just the kecamatan).
-- $1 regency, $2 attribute, $3 start instant, $4 end instant (exclusive).
SELECT CASE $2
           WHEN 'category' THEN nullif(trim(category), '')
           WHEN 'channel' THEN nullif(trim(channel), '')
           WHEN 'area' THEN nullif(trim(list_last(string_split(area, ','))), '')
       END AS label,
       count(*) AS n
FROM complaint_texts
WHERE regency = $1 AND submitted_at >= $3 AND submitted_at < $4
GROUP BY label
ORDER BY n DESC, label
