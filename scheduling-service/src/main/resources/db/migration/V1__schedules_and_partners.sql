-- Exclusion constraints on time ranges (no two overlapping appointments) need btree_gist.
create extension if not exists btree_gist;

-- Partners as partner-service announced them.
create table partner (
    id          uuid primary key,
    kind        text     not null,
    country     char(2)  not null,
    city        text     not null,
    time_zone   text     not null,
    specialties text[]   not null,
    languages   text[]   not null,
    version     bigint   not null
);

-- One schedule per practitioner partner-service announced.
create table schedule (
    practitioner_id uuid primary key,
    partner_id      uuid        not null,
    time_zone       text        not null,
    specialties     text[]      not null,
    languages       text[]      not null,
    opened_at       timestamptz not null
);

create index schedule_partner on schedule (partner_id);
