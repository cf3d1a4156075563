CREATE TABLE idempotency_keys (
    user_id        TEXT    NOT NULL,
    route          TEXT    NOT NULL,
    idem_key       TEXT    NOT NULL,
    request_hash   TEXT    NOT NULL,
    status_code    INTEGER NOT NULL,
    content_type   TEXT    NULL,
    location       TEXT    NULL,
    etag           TEXT    NULL,
    body           BLOB    NULL,
    created_at     TEXT    NOT NULL,
    CONSTRAINT PK_idempotency_keys PRIMARY KEY (user_id, route, idem_key)
);

CREATE INDEX IX_idempotency_keys_created_at ON idempotency_keys (created_at);
