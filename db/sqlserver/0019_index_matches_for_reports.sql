-- The reports read a million matches in one pass each: per need and status, per partner, and the
-- export in creation order. Each of these indexes holds every column its pass reads, in the order it
-- groups or sorts by, so no pass visits the table or sorts the matches. The partner index still leads
-- with partner_id (now followed by status, which a partner's suggestions are also looked up by); a
-- (need, partner) pair is found through UX_matches_need_partner.
CREATE INDEX IX_matches_need_status ON matches (need_id, status, created_at) INCLUDE (partner_id);

DROP INDEX IX_matches_partner_id ON matches;
CREATE INDEX IX_matches_partner_id ON matches (partner_id, status) INCLUDE (need_id, created_at);

CREATE INDEX IX_matches_created_at ON matches (created_at, id);
