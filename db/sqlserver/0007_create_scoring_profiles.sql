CREATE TABLE scoring_profiles (
    version          int            NOT NULL CONSTRAINT PK_scoring_profiles PRIMARY KEY,
    min_score        decimal(4, 1)  NOT NULL CONSTRAINT CK_scoring_profiles_min_score CHECK (min_score BETWEEN 0 AND 100),
    max_per_need     int            NOT NULL CONSTRAINT CK_scoring_profiles_max_per_need CHECK (max_per_need >= 1),
    max_per_partner  int            NOT NULL CONSTRAINT CK_scoring_profiles_max_per_partner CHECK (max_per_partner >= 1),
    created_at       datetime2      NOT NULL,
    created_by       uniqueidentifier NULL,
    activated_at     datetime2      NULL
);

CREATE TABLE scoring_criteria (
    version        int           NOT NULL CONSTRAINT FK_scoring_criteria_scoring_profiles REFERENCES scoring_profiles (version),
    criterion_key  nvarchar(30)  NOT NULL,
    position       int           NOT NULL,
    weight         float         NOT NULL CONSTRAINT CK_scoring_criteria_weight CHECK (weight >= 0),
    is_required    bit           NOT NULL,
    is_enabled     bit           NOT NULL,
    CONSTRAINT PK_scoring_criteria PRIMARY KEY (version, criterion_key)
);

INSERT INTO scoring_profiles (version, min_score, max_per_need, max_per_partner, created_at, created_by, activated_at)
VALUES (1, 40.0, 200, 200, SYSUTCDATETIME(), NULL, SYSUTCDATETIME());

INSERT INTO scoring_criteria (version, criterion_key, position, weight, is_required, is_enabled) VALUES
    (1, 'sector', 0, 30, 1, 1),
    (1, 'ticket', 1, 25, 0, 1),
    (1, 'need_type', 2, 20, 1, 1),
    (1, 'region', 3, 10, 0, 1),
    (1, 'export', 4, 5, 0, 1),
    (1, 'jobs', 5, 5, 0, 1),
    (1, 'language', 6, 3, 0, 1),
    (1, 'certification', 7, 2, 0, 1);
