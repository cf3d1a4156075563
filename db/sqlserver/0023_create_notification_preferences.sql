-- The language an account starts in: the best of en/ru/zh in the Accept-Language of its registration,
-- or of its first sign-in for an account an admin created (null until then, read as en).
ALTER TABLE users ADD language nvarchar(2) NULL CONSTRAINT CK_users_language CHECK (language IN ('en', 'ru', 'zh'));

-- An account's own notification settings, written whole by PUT /me/notifications; an account without
-- a row has the defaults (immediate, its language, 70).
CREATE TABLE notification_preferences (
    user_id     bigint        NOT NULL CONSTRAINT PK_notification_preferences PRIMARY KEY
                              CONSTRAINT FK_notification_preferences_users REFERENCES users (id),
    email_mode  nvarchar(16)  NOT NULL CONSTRAINT CK_notification_preferences_email_mode CHECK (email_mode IN ('immediate', 'daily', 'off')),
    language    nvarchar(2)   NOT NULL CONSTRAINT CK_notification_preferences_language CHECK (language IN ('en', 'ru', 'zh')),
    min_score   decimal(4, 1) NOT NULL CONSTRAINT CK_notification_preferences_min_score CHECK (min_score >= 0 AND min_score <= 100),
    updated_at  datetime2     NOT NULL
);
