-- What can be billed, and at what price each partner bills it. Money is numeric, never floating point.
create extension if not exists btree_gist;

-- A medical act under a nomenclature (CCAM in France, the INAMI/RIZIV nomenclature in Belgium, or a
-- partner's own code), or a service under Parcours' or a partner's code. The kind decides VAT: medical
-- acts are exempt, stays, hotel nights and services are not.
create table billable_item (
    id           uuid primary key,
    kind         text        not null check (kind in ('MEDICAL_ACT', 'STAY_NIGHT', 'FEE', 'TRAVEL', 'HOTEL',
                                                      'INTERPRETER', 'COMPANION_SERVICE')),
    nomenclature text        not null check (nomenclature in ('CCAM', 'INAMI', 'PARTNER', 'PARCOURS')),
    code         text        not null check (length(code) between 1 and 32),
    -- The partner whose own code this is; only for the PARTNER nomenclature.
    owner_id     uuid,
    label_fr     text        not null check (length(label_fr) between 1 and 200),
    label_en     text        not null check (length(label_en) between 1 and 200),
    label_nl     text        not null check (length(label_nl) between 1 and 200),
    -- Loaded from the sample catalogue (local platform only): illustrative, not real prices.
    sample       boolean     not null default false,
    created_at   timestamptz not null,
    constraint billable_item_code_once unique nulls not distinct (nomenclature, code, owner_id),
    constraint billable_item_owner check ((nomenclature = 'PARTNER') = (owner_id is not null)),
    constraint billable_item_act_codes check (kind = 'MEDICAL_ACT' or nomenclature in ('PARTNER', 'PARCOURS'))
);

-- A partner's price for an item over a validity (both dates included; no end: until further notice).
-- Two tariffs of the same item and partner never overlap, whatever the concurrency.
create table tariff (
    id          uuid primary key,
    item_id     uuid          not null references billable_item (id),
    partner_id  uuid          not null,
    currency    char(3)       not null check (currency ~ '^[A-Z]{3}$'),
    unit_price  numeric(18, 3) not null check (unit_price >= 0),
    vat_rate    numeric(5, 2) not null check (vat_rate between 0 and 30),
    valid_from  date          not null,
    valid_until date,
    validity    daterange     generated always as (daterange(valid_from, valid_until, '[]')) stored,
    sample      boolean       not null default false,
    created_at  timestamptz   not null,
    constraint tariff_dates check (valid_until is null or valid_until >= valid_from),
    constraint tariff_validity_disjoint exclude using gist (item_id with =, partner_id with =, validity with &&)
);

create index tariff_partner on tariff (partner_id, item_id, valid_from);
