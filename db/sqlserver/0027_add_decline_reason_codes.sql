-- Why a side declined: one of a fixed list of codes (the API checks it), kept on the decline event
-- beside the free-text note. Earlier declines have none and count as "unspecified" in the reports.
ALTER TABLE match_events ADD reason_code nvarchar(32) NULL;
GO

-- The decline-reasons report reads declines by time.
CREATE INDEX IX_match_events_action_time ON match_events (action, created_at, match_id) INCLUDE (actor_role, reason_code);
