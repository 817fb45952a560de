-- Invoices issued from a quote's accepted version, their credit notes, payments and refunds.

-- The last number each issuer (a partner) gave in a year, to invoices and credit notes alike
-- (French practice: a credit note, "facture d'avoir", is numbered in the invoices' sequence).
-- Taken by `update ... set last = last + 1 returning last` in the transaction that inserts the
-- document: the row stays locked until it commits, and a rollback gives the number back. A
-- PostgreSQL sequence would not: nextval() is never rolled back, so a failed insert leaves a gap.
create table invoice_counter (
    issuer_id uuid not null,
    year      int  not null check (year between 2000 and 9999),
    last      int  not null check (last >= 0),
    primary key (issuer_id, year)
);

-- Care scheduling-service reported as performed (scheduling.appointment.completed.v1): what a
-- balance invoice may bill.
create table performed_care (
    appointment_id uuid primary key,
    pathway_id     uuid,
    step_id        uuid,
    partner_id     uuid        not null,
    patient_id     uuid        not null,
    completed_at   timestamptz not null
);

create index performed_care_step on performed_care (step_id);
create index performed_care_pathway on performed_care (pathway_id, partner_id);

-- An issued invoice. Everything but its running totals (paid, refunded, credited, balance,
-- status, settled_at, version) is fixed once issued: the trigger below refuses any change.
create table invoice (
    id               uuid primary key,
    issuer_id        uuid           not null,
    year             int            not null,
    sequence         int            not null check (sequence >= 1),
    number           text           not null,
    kind             text           not null check (kind in ('DEPOSIT', 'BALANCE', 'FULL')),
    patient_id       uuid           not null,
    pathway_id       uuid           not null,
    step_id          uuid,
    quote_id         uuid           not null references quote (id),
    quote_version    int            not null,
    currency         char(3)        not null check (currency ~ '^[A-Z]{3}$'),
    language         text           not null check (language in ('fr', 'en', 'nl')),
    net              numeric(18, 3) not null,
    vat              numeric(18, 3) not null,
    total            numeric(18, 3) not null check (total > 0),
    insurers_total   numeric(18, 3) not null check (insurers_total >= 0),
    patient_total    numeric(18, 3) not null check (patient_total >= 0),
    due_on           date           not null,
    issued_at        timestamptz    not null,
    paid             numeric(18, 3) not null check (paid >= 0),
    refunded         numeric(18, 3) not null check (refunded >= 0 and refunded <= paid),
    credited         numeric(18, 3) not null check (credited >= 0),
    balance          numeric(18, 3) not null check (balance >= 0),
    status           text           not null check (status in ('ISSUED', 'PARTIALLY_PAID', 'PAID', 'CREDITED')),
    settled_at       timestamptz,
    version          bigint         not null check (version >= 0),
    constraint invoice_number_once unique (issuer_id, year, sequence),
    constraint invoice_totals check (total = net + vat and total = insurers_total + patient_total),
    constraint invoice_balance check (balance = total - paid + refunded - credited)
);

create index invoice_recent on invoice (issued_at desc, id);
create index invoice_issuer on invoice (issuer_id, issued_at desc, id);
create index invoice_patient on invoice (patient_id);
create index invoice_pathway on invoice (pathway_id);
create index invoice_quote on invoice (quote_id);
-- A quote is billed once in full, or once for its balance after its deposits.
create unique index invoice_quote_closed on invoice (quote_id) where kind in ('BALANCE', 'FULL');

create table invoice_line (
    invoice_id     uuid           not null references invoice (id),
    position       int            not null check (position >= 1),
    -- The quote's line it bills; none for a deposit or the deduction of one.
    quote_position int,
    code           text           not null,
    label          text           not null,
    quantity       numeric(12, 3),
    unit_price     numeric(18, 3),
    vat_rate       numeric(5, 2),
    net            numeric(18, 3) not null,
    vat            numeric(18, 3) not null,
    total          numeric(18, 3) not null,
    patient_share  numeric(18, 3) not null,
    primary key (invoice_id, position),
    constraint invoice_line_amounts check (total = net + vat)
);

create table invoice_line_share (
    invoice_id uuid           not null,
    position   int            not null,
    payer_rank int            not null check (payer_rank >= 1),
    policy_id  uuid           not null,
    insurer_id uuid           not null,
    amount     numeric(18, 3) not null,
    primary key (invoice_id, position, policy_id),
    foreign key (invoice_id, position) references invoice_line (invoice_id, position)
);

-- The performed care a balance invoice bills.
create table invoice_care (
    invoice_id     uuid not null references invoice (id),
    appointment_id uuid not null references performed_care (appointment_id),
    primary key (invoice_id, appointment_id)
);

create table credit_note (
    id         uuid primary key,
    invoice_id uuid           not null references invoice (id),
    issuer_id  uuid           not null,
    year       int            not null,
    sequence   int            not null check (sequence >= 1),
    number     text           not null,
    reason     text           not null check (reason in ('BILLING_ERROR', 'ACT_NOT_PERFORMED', 'COMMERCIAL_GESTURE',
                                                          'CANCELLED_CARE')),
    amount     numeric(18, 3) not null check (amount > 0),
    issued_at  timestamptz    not null,
    constraint credit_note_number_once unique (issuer_id, year, sequence)
);

create index credit_note_invoice on credit_note (invoice_id);

-- A payment, once per provider and external reference however often it is reported.
create table payment (
    id          uuid primary key,
    invoice_id  uuid           not null references invoice (id),
    method      text           not null check (method in ('CARD', 'TRANSFER', 'INSURER_SETTLEMENT')),
    provider    text           not null,
    reference   text           not null,
    insurer_id  uuid,
    amount      numeric(18, 3) not null check (amount > 0),
    received_at timestamptz    not null,
    recorded_at timestamptz    not null,
    constraint payment_reference_once unique (provider, reference),
    constraint payment_insurer check ((method = 'INSURER_SETTLEMENT') = (insurer_id is not null))
);

create index payment_invoice on payment (invoice_id);

create table refund (
    id          uuid primary key,
    invoice_id  uuid           not null references invoice (id),
    payment_id  uuid references payment (id),
    amount      numeric(18, 3) not null check (amount > 0),
    refunded_at timestamptz    not null
);

create index refund_invoice on refund (invoice_id);

-- Issued means issued: whoever connects (the service, the owner, a superuser as the tests do),
-- an invoice's issued columns never change, and nothing issued is deleted or rewritten.
create function invoice_issued_columns_fixed() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'DELETE' then
        raise exception 'invoice % is issued: it cannot be deleted', old.number
            using errcode = 'insufficient_privilege';
    end if;
    if (new.id, new.issuer_id, new.year, new.sequence, new.number, new.kind, new.patient_id, new.pathway_id,
        new.step_id, new.quote_id, new.quote_version, new.currency, new.language, new.net, new.vat, new.total,
        new.insurers_total, new.patient_total, new.due_on, new.issued_at)
        is distinct from
       (old.id, old.issuer_id, old.year, old.sequence, old.number, old.kind, old.patient_id, old.pathway_id,
        old.step_id, old.quote_id, old.quote_version, old.currency, old.language, old.net, old.vat, old.total,
        old.insurers_total, old.patient_total, old.due_on, old.issued_at) then
        raise exception 'invoice % is issued: its issued columns cannot change (issue a credit note)', old.number
            using errcode = 'insufficient_privilege';
    end if;
    return new;
end
$$;

create trigger invoice_issued_fixed
    before update or delete on invoice
    for each row execute function invoice_issued_columns_fixed();

create function billing_document_is_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
end
$$;

create trigger invoice_line_append_only before update or delete on invoice_line
    for each row execute function billing_document_is_append_only();
create trigger invoice_line_share_append_only before update or delete on invoice_line_share
    for each row execute function billing_document_is_append_only();
create trigger invoice_care_append_only before update or delete on invoice_care
    for each row execute function billing_document_is_append_only();
create trigger credit_note_append_only before update or delete on credit_note
    for each row execute function billing_document_is_append_only();
create trigger payment_append_only before update or delete on payment
    for each row execute function billing_document_is_append_only();
create trigger refund_append_only before update or delete on refund
    for each row execute function billing_document_is_append_only();
create trigger invoice_never_truncated before truncate on invoice
    for each statement execute function billing_document_is_append_only();
