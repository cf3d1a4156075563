CREATE TABLE matches (
    id                   bigint IDENTITY(1, 1) NOT NULL CONSTRAINT PK_matches PRIMARY KEY,
    public_id            uniqueidentifier NOT NULL,
    need_id              bigint           NOT NULL CONSTRAINT FK_matches_needs REFERENCES needs (id),
    partner_id           bigint           NOT NULL CONSTRAINT FK_matches_partners REFERENCES partners (id),
    status               nvarchar(20)     NOT NULL CONSTRAINT CK_matches_status CHECK (status IN ('suggested', 'sme_interested', 'partner_interested', 'mutual', 'meeting', 'negotiation', 'agreement', 'closed', 'declined')),
    sme_interested_at    datetime2        NULL,
    partner_interested_at datetime2       NULL,
    mutual_at            datetime2        NULL,
    created_at           datetime2        NOT NULL,
    updated_at           datetime2        NOT NULL,
    version              int              NOT NULL CONSTRAINT DF_matches_version DEFAULT 1
);

CREATE UNIQUE INDEX UX_matches_public_id ON matches (public_id);
CREATE UNIQUE INDEX UX_matches_need_partner ON matches (need_id, partner_id);
CREATE INDEX IX_matches_partner_id ON matches (partner_id, need_id);
CREATE INDEX IX_matches_status ON matches (status);

CREATE TABLE match_scores (
    match_id          bigint         NOT NULL CONSTRAINT FK_match_scores_matches REFERENCES matches (id) ON DELETE CASCADE,
    criteria_version  int            NOT NULL CONSTRAINT FK_match_scores_scoring_profiles REFERENCES scoring_profiles (version),
    score             decimal(4, 1)  NOT NULL,
    breakdown         nvarchar(max)  NOT NULL,
    scored_at         datetime2      NOT NULL,
    CONSTRAINT PK_match_scores PRIMARY KEY (match_id, criteria_version)
);

CREATE INDEX IX_match_scores_version_score ON match_scores (criteria_version, score DESC, match_id);

CREATE TABLE match_events (
    id            bigint IDENTITY(1, 1) NOT NULL CONSTRAINT PK_match_events PRIMARY KEY,
    match_id      bigint           NOT NULL CONSTRAINT FK_match_events_matches REFERENCES matches (id) ON DELETE CASCADE,
    actor_id      uniqueidentifier NOT NULL,
    actor_role    nvarchar(16)     NOT NULL,
    action        nvarchar(20)     NOT NULL,
    from_status   nvarchar(20)     NOT NULL,
    to_status     nvarchar(20)     NOT NULL,
    note          nvarchar(2000)   NULL,
    created_at    datetime2        NOT NULL
);

CREATE INDEX IX_match_events_match_id ON match_events (match_id, id);
