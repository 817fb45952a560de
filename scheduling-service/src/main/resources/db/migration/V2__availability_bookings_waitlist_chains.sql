-- Patients this service may book for: ids only, from patient-service's events.
create table known_patient (
    id            uuid primary key,
    registered_at timestamptz not null
);

-- What a practitioner offers: appointment types, their length and modes.
create table appointment_type (
    practitioner_id  uuid    not null references schedule (practitioner_id),
    code             text    not null check (code ~ '^[a-z][a-z0-9-]{0,39}$'),
    duration_minutes int     not null check (duration_minutes between 5 and 720),
    modes            text[]  not null check (cardinality(modes) > 0
                                             and modes <@ array ['IN_PERSON', 'TELECONSULTATION']),
    primary key (practitioner_id, code)
);

-- Weekly recurring availability, in the practitioner's local time: slots are derived from it,
-- never stored.
create table availability_rule (
    id                uuid primary key,
    practitioner_id   uuid     not null references schedule (practitioner_id),
    day_of_week       smallint not null check (day_of_week between 1 and 7),
    start_time        time     not null,
    end_time          time     not null,
    modes             text[]   not null check (cardinality(modes) > 0),
    appointment_types text[],
    valid_from        date     not null,
    valid_until       date,
    check (end_time > start_time),
    check (valid_until is null or valid_until >= valid_from)
);

create index availability_rule_practitioner on availability_rule (practitioner_id);

-- Leave, public holidays (UNAVAILABLE) and ad-hoc extra hours (EXTRA).
create table availability_exception (
    id                uuid primary key,
    practitioner_id   uuid        not null references schedule (practitioner_id),
    kind              text        not null check (kind in ('UNAVAILABLE', 'EXTRA')),
    reason            text        not null check (reason in ('LEAVE', 'PUBLIC_HOLIDAY', 'TRAINING', 'OTHER',
                                                             'EXTRA_HOURS')),
    during            tstzrange   not null check (not isempty(during)),
    modes             text[],
    appointment_types text[],
    created_at        timestamptz not null,
    check (kind = 'UNAVAILABLE' or cardinality(modes) > 0)
);

create index availability_exception_during on availability_exception using gist (practitioner_id, during);

alter table schedule add column availability_version bigint not null default 0;

create index schedule_specialties on schedule using gin (specialties);
create index schedule_languages on schedule using gin (languages);

-- Care pathway chains: appointments linked by rules between their start times.
create table appointment_chain (
    id         uuid primary key,
    patient_id uuid        not null,
    pathway_id uuid,
    created_at timestamptz not null
);

-- Holds and appointments in one table, so that one exclusion constraint keeps a practitioner's
-- holds and appointments from ever overlapping, and a hold becomes an appointment in place.
-- The constraints are deferrable so that a cascade can move several appointments of one
-- practitioner past each other in one transaction; they are checked immediately otherwise.
create table booking (
    id                uuid primary key,
    kind              text        not null check (kind in ('HOLD', 'APPOINTMENT')),
    status            text        not null check (status in ('HELD', 'RELEASED', 'EXPIRED', 'BOOKED', 'CANCELLED',
                                                             'CHECKED_IN', 'COMPLETED', 'NO_SHOW')),
    practitioner_id   uuid        not null references schedule (practitioner_id),
    partner_id        uuid        not null,
    patient_id        uuid        not null,
    during            tstzrange   not null check (not isempty(during) and lower_inc(during)
                                                  and not upper_inc(during)),
    mode              text        not null check (mode in ('IN_PERSON', 'TELECONSULTATION')),
    appointment_type  text        not null,
    expires_at        timestamptz,
    join_token        text unique,
    cancel_reason     text,
    cancel_note       text,
    waitlist_entry_id uuid,
    chain_id          uuid references appointment_chain (id),
    version           bigint      not null check (version >= 0),
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    check (kind = 'APPOINTMENT' or expires_at is not null),
    constraint booking_practitioner_free exclude using gist (practitioner_id with =, during with &&)
        where (status in ('HELD', 'BOOKED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW'))
        deferrable initially immediate,
    constraint booking_patient_free exclude using gist (patient_id with =, during with &&)
        where (kind = 'APPOINTMENT' and status in ('BOOKED', 'CHECKED_IN', 'COMPLETED'))
        deferrable initially immediate
);

create index booking_patient on booking (patient_id, lower(during));
create index booking_practitioner_start on booking (practitioner_id, lower(during));
create index booking_holds_due on booking (expires_at) where status = 'HELD';

create table chain_rule (
    chain_id          uuid   not null references appointment_chain (id),
    from_appointment  uuid   not null references booking (id),
    to_appointment    uuid   not null references booking (id),
    offset_seconds    bigint not null,
    tolerance_seconds bigint not null check (tolerance_seconds >= 0),
    primary key (chain_id, from_appointment, to_appointment),
    check (from_appointment <> to_appointment)
);

-- Patients waiting for a practitioner or a specialty within a window.
create table waitlist_entry (
    id               uuid primary key,
    patient_id       uuid        not null,
    practitioner_id  uuid,
    specialty        text,
    partner_id       uuid,
    language         text,
    appointment_type text        not null,
    mode             text check (mode in ('IN_PERSON', 'TELECONSULTATION')),
    wanted           tstzrange   not null check (not isempty(wanted)),
    status           text        not null check (status in ('WAITING', 'OFFERED', 'FULFILLED', 'WITHDRAWN',
                                                            'EXPIRED')),
    hold_id          uuid,
    lapsed_offers    int         not null default 0,
    version          bigint      not null,
    created_at       timestamptz not null,
    check (practitioner_id is not null or specialty is not null)
);

create index waitlist_waiting on waitlist_entry using gist (wanted) where status = 'WAITING';
create index waitlist_patient on waitlist_entry (patient_id);
