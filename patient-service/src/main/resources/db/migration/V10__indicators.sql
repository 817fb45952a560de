-- The network indicators' read model (README, Network indicators): what scheduling's and
-- billing's news says per partner, kept as the facts the monthly figures are summed from.
-- Ids, codes, times and amounts only: no patient id, nothing a person could be known by.
-- Every write is an upsert that keeps the earliest time or the highest version, so a fact
-- that arrives twice or late leaves the same rows as one that arrived once and in order.

-- The first quote sent and the first appointment booked for each pathway, with the
-- pathway's opening time copied from its own row (it never changes, and the figure must
-- not depend on the pathway staying readable).
create table indicator_pathway_first (
    pathway_id uuid        not null,
    kind       text        not null check (kind in ('QUOTE', 'APPOINTMENT')),
    partner_id uuid        not null,
    source_id  uuid        not null,
    opened_at  timestamptz not null,
    first_at   timestamptz not null,
    primary key (pathway_id, kind)
);

create index indicator_pathway_first_month on indicator_pathway_first (partner_id, kind, first_at);

-- A quote counts once whatever its versions: when its first version was sent, and when
-- one was accepted.
create table indicator_quote (
    quote_id      uuid primary key,
    partner_id    uuid not null,
    first_sent_at timestamptz,
    accepted_at   timestamptz
);

create index indicator_quote_sent on indicator_quote (partner_id, first_sent_at);

-- An appointment's outcome (the one of the highest version: a no-show corrected into a
-- completion counts as completed) and its cancellation.
create table indicator_appointment (
    appointment_id  uuid primary key,
    partner_id      uuid not null,
    outcome         text check (outcome in ('COMPLETED', 'NO_SHOW')),
    outcome_version bigint,
    outcome_at      timestamptz,
    cancelled_at    timestamptz,
    check ((outcome is null) = (outcome_at is null))
);

create index indicator_appointment_outcome on indicator_appointment (partner_id, outcome_at);
create index indicator_appointment_cancelled on indicator_appointment (partner_id, cancelled_at);

-- Each move of an appointment, once per version of the appointment.
create table indicator_reschedule (
    appointment_id uuid        not null,
    version        bigint      not null,
    partner_id     uuid        not null,
    moved_at       timestamptz not null,
    primary key (appointment_id, version)
);

create index indicator_reschedule_month on indicator_reschedule (partner_id, moved_at);

-- Money as billing reported it, exact (numeric, never floating point): an invoice's total,
-- a credit note, a payment or a refund, each once by its own id.
create table indicator_money (
    source_id  uuid        not null,
    kind       text        not null check (kind in ('INVOICED', 'CREDITED', 'PAID', 'REFUNDED')),
    invoice_id uuid        not null,
    partner_id uuid        not null,
    currency   char(3)     not null,
    amount     numeric     not null check (amount >= 0),
    at         timestamptz not null,
    primary key (source_id, kind)
);

create index indicator_money_month on indicator_money (partner_id, at);
