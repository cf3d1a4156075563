-- The pairs to store, in one query: every need × every partner scored by the rules of
-- shared/design/SCORING.md with CASE expressions and EXISTS/COUNT subqueries, a pair dropped where
-- a required criterion (sector, need_type) scores 0, then ranked from both sides.
-- Kept: score >= @min_score and (among the need's best @max_per_need partners or the partner's best
-- @max_per_partner needs), ties by the other side's id. Weights are parameters named by criterion key.
-- SQLite only: log10 comes from SQLite's math functions (or a registered function where the build lacks them).
WITH need_facts AS MATERIALIZED (
    SELECT n.id, n.amount_usd, n.jobs, n.region, n.export_oriented,
           (SELECT COUNT(*) FROM need_types t WHERE t.need_id = n.id) AS type_count
    FROM needs n
),
partner_facts AS MATERIALIZED (
    SELECT p.id, p.min_usd, p.max_usd, p.seeks_export,
           EXISTS (SELECT 1 FROM partner_regions r WHERE r.partner_id = p.id) AS has_regions,
           (SELECT COUNT(*) FROM partner_certifications c WHERE c.partner_id = p.id) AS certification_count
    FROM partners p
),
criteria AS MATERIALIZED (
    SELECT
        n.id AS need_id,
        p.id AS partner_id,
        CASE
            WHEN EXISTS (SELECT 1 FROM need_sectors ns
                         JOIN partner_sectors ps ON ps.partner_id = p.id AND ps.division = ns.division
                         WHERE ns.need_id = n.id) THEN 1.0
            WHEN EXISTS (SELECT 1 FROM need_sectors ns
                         JOIN isic_divisions nd ON nd.code = ns.division
                         JOIN partner_sectors ps ON ps.partner_id = p.id
                         JOIN isic_divisions pd ON pd.code = ps.division AND pd.section = nd.section
                         WHERE ns.need_id = n.id) THEN 0.5
            ELSE 0.0
        END AS sector,
        CASE
            WHEN n.amount_usd < p.min_usd THEN MAX(0.0, 1 - log10(p.min_usd / n.amount_usd))
            WHEN n.amount_usd > p.max_usd THEN MAX(0.0, 1 - log10(n.amount_usd / p.max_usd))
            ELSE 1.0
        END AS ticket,
        CASE WHEN n.type_count = 0 THEN 0.0
             ELSE (SELECT COUNT(*) FROM need_types t
                   JOIN partner_offerings o ON o.partner_id = p.id AND o.need_type = t.need_type
                   WHERE t.need_id = n.id) * 1.0 / n.type_count
        END AS need_type,
        CASE
            WHEN NOT p.has_regions THEN 0.7
            WHEN EXISTS (SELECT 1 FROM partner_regions r WHERE r.partner_id = p.id AND r.region = n.region) THEN 1.0
            ELSE 0.0
        END AS region,
        CASE WHEN p.seeks_export AND NOT n.export_oriented THEN 0.0 ELSE 1.0 END AS export,
        CASE WHEN n.jobs <= 0 THEN 0.0 ELSE MIN(1.0, log10(1 + n.jobs) / log10(101)) END AS jobs,
        CASE
            WHEN EXISTS (SELECT 1 FROM sme_languages l
                         JOIN partner_languages pl ON pl.partner_id = p.id AND pl.language = l.language
                         WHERE l.need_id = n.id) THEN 1.0
            ELSE 0.0
        END AS language,
        CASE WHEN p.certification_count = 0 THEN 1.0
             ELSE (SELECT COUNT(*) FROM partner_certifications c
                   JOIN sme_certifications s ON s.need_id = n.id AND s.certification = c.certification
                   WHERE c.partner_id = p.id) * 1.0 / p.certification_count
        END AS certification
    FROM need_facts n
    CROSS JOIN partner_facts p
),
scored AS (
    SELECT need_id, partner_id,
           ROUND(100.0 * (@sector * sector + @ticket * ticket + @need_type * need_type + @region * region
                          + @export * export + @jobs * jobs + @language * language + @certification * certification)
                 / (@sector + @ticket + @need_type + @region + @export + @jobs + @language + @certification), 1) AS score
    FROM criteria
    WHERE sector > 0 AND need_type > 0
),
ranked AS (
    SELECT need_id, partner_id, score,
           ROW_NUMBER() OVER (PARTITION BY need_id ORDER BY score DESC, partner_id) AS need_rank,
           ROW_NUMBER() OVER (PARTITION BY partner_id ORDER BY score DESC, need_id) AS partner_rank
    FROM scored
    WHERE score >= @min_score
)
SELECT need_id AS NeedId, partner_id AS PartnerId, score AS Score
FROM ranked
WHERE need_rank <= @max_per_need OR partner_rank <= @max_per_partner
