-- Answers to POST requests sent with an Idempotency-Key, stored in the transaction of the
-- request's effect: a retried request gets the first answer instead of a second effect.
create table idempotent_request (
    scope       text        not null,
    key         text        not null,
    fingerprint text        not null,
    status      int,
    location    text,
    body        text,
    created_at  timestamptz not null default now(),
    primary key (scope, key)
);

create index idempotent_request_age on idempotent_request (created_at);
