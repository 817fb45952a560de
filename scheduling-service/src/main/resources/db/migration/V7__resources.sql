-- Resources other than practitioners, as partner-service announced them (issue 23): the
-- rooms, equipment and interpreters that multi-resource appointments will book. The kind is
-- partner-service's code, unchecked here, so that a new kind there needs no migration here.
create table resource (
    id             uuid primary key,
    partner_id     uuid        not null,
    kind           text        not null,
    time_zone      text        not null,
    specialties    text[]      not null,
    languages      text[]      not null,
    retired        boolean     not null,
    source_version bigint      not null,
    known_since    timestamptz not null
);

create index resource_partner_kind on resource (partner_id, kind) where not retired;
