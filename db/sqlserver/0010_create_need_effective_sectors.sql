-- The sectors matching, searches and reports use for a need: its own when it has them, else its SME's.
CREATE VIEW need_effective_sectors AS
SELECT n.id AS need_id, ns.sector_code, ns.position
FROM needs n JOIN need_sectors ns ON ns.need_id = n.id
WHERE n.has_own_sectors = 1
UNION ALL
SELECT n.id AS need_id, ss.sector_code, ss.position
FROM needs n JOIN sme_sectors ss ON ss.sme_id = n.sme_id
WHERE n.has_own_sectors = 0;
