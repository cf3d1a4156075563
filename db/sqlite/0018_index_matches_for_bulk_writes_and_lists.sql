-- Nearly every match is a suggestion, so an index over all statuses mostly indexed 'suggested' and
-- made every stored suggestion pay for one more index entry. The pairs someone acted on are what
-- re-scores and need lookups ask for by status.
DROP INDEX IX_matches_status;
CREATE INDEX IX_matches_acted_on ON matches (need_id, partner_id) WHERE status <> 'suggested';

-- Every read of scores goes through a match (the primary key leads with match_id). Ordered by version
-- and score, this index tempted SQLite, without statistics, to walk a whole version's scores for one
-- need's list, and it cost a full re-score one more randomly ordered insert per pair.
DROP INDEX IX_match_scores_version_score;
