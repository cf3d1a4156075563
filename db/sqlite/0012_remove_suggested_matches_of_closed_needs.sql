-- A closed need keeps only the matches someone acted on; earlier full re-scores stored new
-- suggestions on closed needs, which lists, reports and the export counted.
DELETE FROM match_scores
WHERE match_id IN (SELECT m.id FROM matches m JOIN needs n ON n.id = m.need_id
                   WHERE n.status = 'closed' AND m.status = 'suggested');

DELETE FROM matches
WHERE status = 'suggested' AND need_id IN (SELECT n.id FROM needs n WHERE n.status = 'closed');
