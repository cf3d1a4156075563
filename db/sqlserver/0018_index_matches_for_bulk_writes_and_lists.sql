-- Nearly every match is a suggestion, so an index over all statuses mostly indexed 'suggested' and
-- made every stored suggestion pay for one more index entry. The pairs someone acted on are what
-- re-scores and need lookups ask for by status.
DROP INDEX IX_matches_status ON matches;
CREATE INDEX IX_matches_acted_on ON matches (need_id, partner_id) WHERE status <> 'suggested';

-- Every read of scores goes through a match (the primary key leads with match_id). This index, ordered
-- by version and score, served no query and cost a full re-score one more randomly ordered insert per pair.
DROP INDEX IX_match_scores_version_score ON match_scores;
