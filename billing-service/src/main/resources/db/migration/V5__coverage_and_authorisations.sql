-- Insurers, the patients' policies (by patient id only) and prior authorisations.
create table insurer (
    id         uuid primary key,
    kind       text        not null check (kind in ('NATIONAL', 'MUTUAL', 'PRIVATE_INTERNATIONAL')),
    code       text        not null check (length(code) between 1 and 32),
    label      text        not null check (length(label) between 1 and 200),
    country    char(2)     not null check (country ~ '^[A-Z]{2}$'),
    created_at timestamptz not null,
    constraint insurer_code_once unique (code)
);

-- A patient's policy with an insurer: a deductible the patient bears first, and rules per item kind.
create table policy (
    id          uuid primary key,
    patient_id  uuid           not null,
    insurer_id  uuid           not null references insurer (id),
    currency    char(3)        not null check (currency ~ '^[A-Z]{3}$'),
    deductible  numeric(18, 3) not null check (deductible >= 0),
    valid_from  date           not null,
    valid_until date,
    version     bigint         not null check (version >= 0),
    created_at  timestamptz    not null,
    constraint policy_dates check (valid_until is null or valid_until >= valid_from)
);

create index policy_patient on policy (patient_id, valid_from);

-- What a policy pays of a line of one kind: a share of what is left to pay, at most a ceiling.
create table policy_rule (
    policy_id              uuid           not null references policy (id),
    item_kind              text           not null check (item_kind in ('MEDICAL_ACT', 'STAY_NIGHT', 'FEE', 'TRAVEL',
                                                                        'HOTEL', 'INTERPRETER', 'COMPANION_SERVICE')),
    share_percent          numeric(5, 2)  not null check (share_percent between 0 and 100),
    ceiling                numeric(18, 3) check (ceiling >= 0),
    authorisation_required boolean        not null,
    primary key (policy_id, item_kind)
);

-- An insurer's prior agreement to cover its share of a quote.
create table prior_authorisation (
    id               uuid primary key,
    quote_id         uuid           not null references quote (id),
    quote_version    int            not null,
    pathway_id       uuid           not null,
    step_id          uuid,
    policy_id        uuid           not null references policy (id),
    insurer_id       uuid           not null references insurer (id),
    status           text           not null check (status in ('REQUESTED', 'APPROVED', 'REFUSED', 'EXPIRED')),
    currency         char(3)        not null check (currency ~ '^[A-Z]{3}$'),
    requested_amount numeric(18, 3) not null check (requested_amount >= 0),
    approved_amount  numeric(18, 3) check (approved_amount >= 0),
    valid_until      date,
    expires_at       timestamptz,
    requested_at     timestamptz    not null,
    decided_at       timestamptz,
    version          bigint         not null check (version >= 0),
    constraint prior_authorisation_approval check ((status in ('APPROVED', 'EXPIRED'))
        = (approved_amount is not null and valid_until is not null and expires_at is not null))
);

-- One open request or approval per quote and policy at a time.
create unique index prior_authorisation_open on prior_authorisation (quote_id, policy_id)
    where status in ('REQUESTED', 'APPROVED');
create index prior_authorisation_due on prior_authorisation (expires_at) where status = 'APPROVED';
