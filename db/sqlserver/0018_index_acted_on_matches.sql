-- Nearly every match is a suggestion, so an index over all statuses mostly indexes 'suggested' and
-- made every stored suggestion pay for one more index entry. The pairs someone acted on are what
-- re-scores and need lookups ask for by status.
DROP INDEX IX_matches_status ON matches;
CREATE INDEX IX_matches_acted_on ON matches (need_id, partner_id) WHERE status <> 'suggested';
