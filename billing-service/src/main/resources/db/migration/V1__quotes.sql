-- Money in minor units with its ISO 4217 currency: never floating point.
create table quote (
    id          uuid primary key,
    patient_id  uuid        not null,
    status      text        not null check (status in ('DRAFT', 'SENT', 'ACCEPTED', 'DECLINED', 'EXPIRED')),
    currency    char(3)     not null check (currency ~ '^[A-Z]{3}$'),
    total_minor bigint      not null check (total_minor >= 0),
    version     bigint      not null check (version >= 0),
    created_at  timestamptz not null
);

create index quote_recent on quote (created_at desc, id);
