-- Answers kept for Idempotency-Key (API.md "Conventions"). A key is claimed IN_PROGRESS before the
-- command runs and COMPLETED with the answer after it; a refused request releases its key.
create table idempotency_record (
    idempotency_key varchar(200) not null primary key,
    request_hash    char(64)     not null,
    state           varchar(20)  not null,
    status          integer,
    content_type    varchar(200),
    location        varchar(1000),
    body            bytea,
    created_at      timestamp with time zone not null default now()
);
