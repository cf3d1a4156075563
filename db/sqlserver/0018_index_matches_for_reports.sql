-- The reports read a million matches in one pass each: per need and status, per partner, and the
-- export in creation order. Each of these indexes holds every column its pass reads, in the order it
-- groups or sorts by, so no pass visits the table or sorts the matches. The partner index only grows
-- (its first two columns are unchanged), so whatever used it still can.
CREATE INDEX IX_matches_need_status ON matches (need_id, status, created_at) INCLUDE (partner_id);

DROP INDEX IX_matches_partner_id ON matches;
CREATE INDEX IX_matches_partner_id ON matches (partner_id, need_id) INCLUDE (status, created_at);

CREATE INDEX IX_matches_created_at ON matches (created_at, id);
