CREATE TABLE idempotency_keys (
    user_id        uniqueidentifier NOT NULL,
    route          nvarchar(400)  NOT NULL,
    idem_key       nvarchar(200)  NOT NULL,
    request_hash   char(64)       NOT NULL,
    status_code    int            NOT NULL,
    content_type   nvarchar(200)  NULL,
    location       nvarchar(400)  NULL,
    etag           nvarchar(100)  NULL,
    body           varbinary(max) NULL,
    created_at     datetime2      NOT NULL,
    CONSTRAINT PK_idempotency_keys PRIMARY KEY (user_id, route, idem_key)
);

CREATE INDEX IX_idempotency_keys_created_at ON idempotency_keys (created_at);
