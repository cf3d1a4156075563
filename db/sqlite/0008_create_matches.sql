CREATE TABLE matches (
    id                   INTEGER NOT NULL CONSTRAINT PK_matches PRIMARY KEY AUTOINCREMENT,
    public_id            TEXT    NOT NULL,
    need_id              INTEGER NOT NULL CONSTRAINT FK_matches_needs REFERENCES needs (id),
    partner_id           INTEGER NOT NULL CONSTRAINT FK_matches_partners REFERENCES partners (id),
    status               TEXT    NOT NULL CONSTRAINT CK_matches_status CHECK (status IN ('suggested', 'sme_interested', 'partner_interested', 'mutual', 'meeting', 'negotiation', 'agreement', 'closed', 'declined')),
    sme_interested_at    TEXT    NULL,
    partner_interested_at TEXT   NULL,
    mutual_at            TEXT    NULL,
    created_at           TEXT    NOT NULL,
    updated_at           TEXT    NOT NULL,
    version              INTEGER NOT NULL DEFAULT 1
);

CREATE UNIQUE INDEX UX_matches_public_id ON matches (public_id);
CREATE UNIQUE INDEX UX_matches_need_partner ON matches (need_id, partner_id);
CREATE INDEX IX_matches_partner_id ON matches (partner_id, need_id);
CREATE INDEX IX_matches_status ON matches (status);

CREATE TABLE match_scores (
    match_id          INTEGER NOT NULL CONSTRAINT FK_match_scores_matches REFERENCES matches (id) ON DELETE CASCADE,
    criteria_version  INTEGER NOT NULL CONSTRAINT FK_match_scores_scoring_profiles REFERENCES scoring_profiles (version),
    score             NUMERIC NOT NULL,
    breakdown         TEXT    NOT NULL,
    scored_at         TEXT    NOT NULL,
    CONSTRAINT PK_match_scores PRIMARY KEY (match_id, criteria_version)
);

CREATE INDEX IX_match_scores_version_score ON match_scores (criteria_version, score DESC, match_id);

CREATE TABLE match_events (
    id            INTEGER NOT NULL CONSTRAINT PK_match_events PRIMARY KEY AUTOINCREMENT,
    match_id      INTEGER NOT NULL CONSTRAINT FK_match_events_matches REFERENCES matches (id) ON DELETE CASCADE,
    actor_id      TEXT    NOT NULL,
    actor_role    TEXT    NOT NULL,
    action        TEXT    NOT NULL,
    from_status   TEXT    NOT NULL,
    to_status     TEXT    NOT NULL,
    note          TEXT    NULL,
    created_at    TEXT    NOT NULL
);

CREATE INDEX IX_match_events_match_id ON match_events (match_id, id);
