-- Follow-up reminders of a deal's outcome (Outcomes:FollowUpMonths after its agreement): one row per match and
-- step, written in the transaction that tells the parties, so each step is handled once whichever instance
-- sweeps first. A step passed over (an outcome was recorded since the previous due date, or a later step was
-- already due) is kept as 'skipped'.
CREATE TABLE outcome_reminders (
    match_id   INTEGER NOT NULL CONSTRAINT FK_outcome_reminders_matches REFERENCES matches (id),
    step       INTEGER NOT NULL,
    due_at     TEXT    NOT NULL,
    status     TEXT    NOT NULL CONSTRAINT CK_outcome_reminders_status CHECK (status IN ('sent', 'skipped')),
    handled_at TEXT    NOT NULL,
    CONSTRAINT PK_outcome_reminders PRIMARY KEY (match_id, step)
);

CREATE INDEX IX_match_events_agreement ON match_events (to_status, match_id, created_at);
