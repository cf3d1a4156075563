-- Inbox items about an agency's decision on the reader's profile: profile_verified, profile_rejected.
ALTER TABLE notifications DROP CONSTRAINT CK_notifications_kind;
ALTER TABLE notifications ADD CONSTRAINT CK_notifications_kind CHECK (kind IN ('match_suggested', 'interest_received', 'mutual', 'stage_changed', 'declined', 'need_expiring', 'need_expired', 'outcome_due', 'profile_verified', 'profile_rejected'));
