-- Partners: onboarding status, street address, coordinates for distance matching.
-- Partners registered before statuses existed were already taking patients: they are active.
alter table partner
    add column status      text not null default 'ACTIVE'
        check (status in ('ONBOARDING', 'ACTIVE', 'SUSPENDED')),
    add column street      text check (length(street) between 1 and 200),
    add column postal_code text check (length(postal_code) between 1 and 20),
    add column latitude    double precision check (latitude between -90 and 90),
    add column longitude   double precision check (longitude between -180 and 180),
    add constraint partner_coordinates_together check ((latitude is null) = (longitude is null));
alter table partner alter column status drop default;

-- Matching filters on these; the arrays are searched with @> (containment).
create index partner_active_country_city on partner (country, lower(city)) where status = 'ACTIVE';
create index partner_specialties on partner using gin (specialties);
create index partner_coordinates on partner (latitude, longitude) where latitude is not null;

create table accreditation (
    partner_id uuid not null references partner (id) on delete cascade,
    position   int  not null,
    issuer     text not null check (length(issuer) between 1 and 80),
    level      text not null check (length(level) between 1 and 40),
    expires_on date not null,
    primary key (partner_id, position)
);

create index accreditation_valid on accreditation (expires_on, partner_id);

-- Contacts are personal data: they never leave this service (not in events, not in webhooks).
create table partner_contact (
    partner_id uuid not null references partner (id) on delete cascade,
    position   int  not null,
    role       text not null check (role in ('INTERNATIONAL_DESK', 'ADMISSIONS', 'MEDICAL', 'BILLING',
                                             'OPERATIONS', 'OTHER')),
    name       text not null check (length(name) between 1 and 200),
    email      text,
    phone      text,
    primary key (partner_id, position)
);

-- A practitioner may work for several partners; the first one joined set the schedule's zone.
-- Each affiliation carries a copy of the practitioner's specialties and languages, kept by the
-- repository that writes both: matching counts a partner's fitting practitioners from this
-- table alone, which measured a third faster than joining the practitioners.
create table practitioner_affiliation (
    practitioner_id uuid        not null references practitioner (id) on delete cascade,
    partner_id      uuid        not null references partner (id),
    position        int         not null,
    joined_at       timestamptz not null,
    specialties     text[]      not null,
    languages       text[]      not null,
    primary key (practitioner_id, partner_id)
);

insert into practitioner_affiliation (practitioner_id, partner_id, position, joined_at, specialties, languages)
select id, partner_id, 0, registered_at, specialties, languages from practitioner;

drop index practitioner_partner;
alter table practitioner drop column partner_id;

create index practitioner_affiliation_partner on practitioner_affiliation (partner_id, practitioner_id);
create index practitioner_affiliation_specialties on practitioner_affiliation using gin (specialties);
create index practitioner_affiliation_languages on practitioner_affiliation using gin (languages);
create index practitioner_name on practitioner (name, id);

-- French RPPS and Belgian INAMI numbers; one practitioner per number.
create table practitioner_identifier (
    practitioner_id uuid not null references practitioner (id) on delete cascade,
    type            text not null check (type in ('RPPS', 'INAMI')),
    value           text not null check (value ~ '^[0-9]{11}$'),
    primary key (practitioner_id, type),
    unique (type, value)
);

-- Where a partner wants its events, and the secret deliveries are signed with.
create table webhook_endpoint (
    id                         uuid primary key,
    partner_id                 uuid        not null references partner (id),
    url                        text        not null check (length(url) between 1 and 2000),
    description                text check (length(description) <= 200),
    event_types                text[]      not null check (cardinality(event_types) > 0),
    secret                     text        not null,
    previous_secret            text,
    previous_secret_expires_at timestamptz,
    enabled                    boolean     not null,
    version                    bigint      not null check (version >= 0),
    created_at                 timestamptz not null
);

create index webhook_endpoint_partner on webhook_endpoint (partner_id, created_at, id);

-- One row per (event, endpoint): the message, its state and its last attempt. The position
-- orders an aggregate's deliveries to an endpoint: the next waits until the previous one is
-- delivered or dead.
create table webhook_delivery (
    position          bigint generated always as identity primary key,
    id                uuid        not null unique,
    endpoint_id       uuid        not null references webhook_endpoint (id) on delete cascade,
    event_id          text        not null,
    event_type        text        not null,
    aggregate_id      text        not null,
    payload           text        not null,
    status            text        not null check (status in ('PENDING', 'DELIVERED', 'DEAD')),
    attempts          int         not null check (attempts >= 0),
    next_attempt_at   timestamptz not null,
    locked_until      timestamptz,
    claim             uuid,
    last_status_code  int,
    last_latency_ms   int,
    last_error        text,
    created_at        timestamptz not null,
    delivered_at      timestamptz,
    dead_at           timestamptz,
    unique (event_id, endpoint_id)
);

create index webhook_delivery_queue on webhook_delivery (endpoint_id, aggregate_id, position)
    where status = 'PENDING';
create index webhook_delivery_log on webhook_delivery (endpoint_id, position desc);

create table webhook_attempt (
    delivery_id  uuid        not null references webhook_delivery (id) on delete cascade,
    number       int         not null check (number > 0),
    attempted_at timestamptz not null,
    outcome      text        not null check (outcome in ('DELIVERED', 'REJECTED', 'TIMED_OUT', 'UNREACHABLE',
                                                         'FORBIDDEN_ADDRESS')),
    status_code  int,
    latency_ms   int         not null check (latency_ms >= 0),
    error        text,
    primary key (delivery_id, number)
);
