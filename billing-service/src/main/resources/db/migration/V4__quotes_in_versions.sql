-- Quotes in versions. No endpoint ever wrote the placeholder table of V1 and V2 (the service only
-- listed it), so it is replaced rather than migrated.
drop table quote;

-- The quote: for whom, from which partner, for which pathway (and step). Its status is the latest
-- version's; version counts every change (ETag / If-Match).
create table quote (
    id               uuid primary key,
    patient_id       uuid        not null,
    partner_id       uuid        not null,
    pathway_id       uuid        not null,
    step_id          uuid,
    status           text        not null check (status in ('DRAFT', 'SENT', 'ACCEPTED', 'REJECTED', 'EXPIRED',
                                                            'SUPERSEDED')),
    latest_version   int         not null check (latest_version >= 1),
    accepted_version int,
    version          bigint      not null check (version >= 0),
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);

create index quote_recent on quote (created_at desc, id);
create index quote_partner on quote (partner_id, created_at desc, id);
create index quote_patient on quote (patient_id, created_at desc);
create index quote_pathway on quote (pathway_id);

-- One version as the patient sees it: its terms, its totals and what insurers and the patient pay.
create table quote_version (
    quote_id         uuid           not null references quote (id),
    number           int            not null check (number >= 1),
    status           text           not null check (status in ('DRAFT', 'SENT', 'ACCEPTED', 'REJECTED', 'EXPIRED',
                                                               'SUPERSEDED')),
    currency         char(3)        not null check (currency ~ '^[A-Z]{3}$'),
    language         text           not null check (language in ('fr', 'en', 'nl')),
    patient_currency char(3) check (patient_currency ~ '^[A-Z]{3}$'),
    valid_until      date           not null,
    -- The end of valid_until in billing's time zone: a sent version lapses then.
    expires_at       timestamptz    not null,
    net              numeric(18, 3) not null,
    vat              numeric(18, 3) not null,
    total            numeric(18, 3) not null check (total >= 0),
    insurers_total   numeric(18, 3) not null check (insurers_total >= 0),
    patient_total    numeric(18, 3) not null check (patient_total >= 0),
    created_at       timestamptz    not null,
    sent_at          timestamptz,
    closed_at        timestamptz,
    primary key (quote_id, number),
    constraint quote_version_totals check (total = net + vat and total = insurers_total + patient_total)
);

-- The patient accepts exactly one version of a quote.
create unique index quote_one_accepted on quote_version (quote_id) where status = 'ACCEPTED';
create index quote_version_due on quote_version (expires_at) where status = 'SENT';

-- A line: the item as it was when quoted, its price and each amount rounded half-even to the minor unit.
create table quote_line (
    quote_id         uuid           not null,
    version_number   int            not null,
    position         int            not null check (position >= 1),
    item_id          uuid           not null references billable_item (id),
    kind             text           not null,
    nomenclature     text           not null,
    code             text           not null,
    label            text           not null,
    quantity         numeric(12, 3) not null check (quantity > 0),
    unit_price       numeric(18, 3) not null check (unit_price >= 0),
    discount_percent numeric(5, 2)  not null check (discount_percent between 0 and 100),
    vat_rate         numeric(5, 2)  not null check (vat_rate between 0 and 30),
    gross            numeric(18, 3) not null,
    discount         numeric(18, 3) not null check (discount >= 0),
    net              numeric(18, 3) not null check (net >= 0),
    vat              numeric(18, 3) not null check (vat >= 0),
    total            numeric(18, 3) not null,
    patient_share    numeric(18, 3) not null check (patient_share >= 0),
    primary key (quote_id, version_number, position),
    foreign key (quote_id, version_number) references quote_version (quote_id, number),
    constraint quote_line_amounts check (net = gross - discount and total = net + vat)
);

-- What each of the patient's insurers pays of a line (the patient pays the rest: patient_share).
create table quote_line_share (
    quote_id               uuid           not null,
    version_number         int            not null,
    position               int            not null,
    -- The insurer's turn among the line's payers, from 1: national, mutual, private international.
    payer_rank             int            not null check (payer_rank >= 1),
    policy_id              uuid           not null,
    insurer_id             uuid           not null,
    amount                 numeric(18, 3) not null check (amount >= 0),
    authorisation_required boolean        not null,
    primary key (quote_id, version_number, position, policy_id),
    foreign key (quote_id, version_number, position) references quote_line (quote_id, version_number, position)
);

-- Rates billing staff recorded, for the indicative amount in the patient's currency on a quote.
create table exchange_rate (
    id           uuid primary key,
    base         char(3)        not null check (base ~ '^[A-Z]{3}$'),
    counter      char(3)        not null check (counter ~ '^[A-Z]{3}$'),
    rate         numeric(24, 10) not null check (rate > 0),
    rate_date    date           not null,
    recorded_by  text           not null,
    recorded_at  timestamptz    not null,
    constraint exchange_rate_once unique (base, counter, rate_date),
    constraint exchange_rate_pair check (base <> counter)
);
