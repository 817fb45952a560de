-- Resources other than practitioners that appointments need (issue 23). The label may be
-- a person's name (an interpreter's): it stays here and is never published.
create table resource (
    id            uuid primary key,
    partner_id    uuid        not null references partner (id),
    kind          text        not null check (kind in ('OPERATING_ROOM', 'CONSULTATION_ROOM', 'RECOVERY_BED',
                                                       'MRI', 'CT', 'INTERPRETER')),
    label         text        not null check (length(label) between 1 and 200),
    specialties   text[]      not null,
    languages     text[]      not null,
    time_zone     text        not null,
    retired       boolean     not null,
    version       bigint      not null check (version >= 0),
    registered_at timestamptz not null,
    -- Only interpreters speak, only rooms serve specialties (ResourceKind says the same).
    check (kind = 'INTERPRETER' or cardinality(languages) = 0),
    check (kind <> 'INTERPRETER' or cardinality(languages) > 0),
    check (kind in ('OPERATING_ROOM', 'CONSULTATION_ROOM') or cardinality(specialties) = 0)
);

create index resource_offered on resource (partner_id, label, id) where not retired;
