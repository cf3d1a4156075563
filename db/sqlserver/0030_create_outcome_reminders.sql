-- Follow-up reminders of a deal's outcome (Outcomes:FollowUpMonths after its agreement): one row per match and
-- step, written in the transaction that tells the parties, so each step is handled once whichever instance
-- sweeps first. A step passed over (an outcome was recorded since the previous due date, or a later step was
-- already due) is kept as 'skipped'.
CREATE TABLE outcome_reminders (
    match_id   bigint      NOT NULL CONSTRAINT FK_outcome_reminders_matches REFERENCES matches (id),
    step       int         NOT NULL,
    due_at     datetime2   NOT NULL,
    status     nvarchar(8) NOT NULL CONSTRAINT CK_outcome_reminders_status CHECK (status IN ('sent', 'skipped')),
    handled_at datetime2   NOT NULL,
    CONSTRAINT PK_outcome_reminders PRIMARY KEY (match_id, step)
);

CREATE INDEX IX_match_events_agreement ON match_events (to_status, match_id, created_at);
