-- Consents (README, Consent): what a patient agreed to, from when, recorded by whom and how;
-- a withdrawal is written onto the consent it ends, which is never deleted, so the history of
-- what held when stays whole. No personal data: ids, codes, logins of staff and times.
create table consent (
    id                     uuid primary key,
    patient_id             uuid        not null references patient (id),
    purpose                text        not null check (purpose in ('CARE_COORDINATION', 'SHARING_WITH_PARTNER',
                                                                   'RESEARCH', 'CONTACT_BY_EMAIL',
                                                                   'CONTACT_BY_MESSAGE')),
    partner_id             uuid,
    method                 text        not null check (method in ('SIGNED_FORM', 'ORAL', 'ELECTRONIC')),
    effective_from         timestamptz not null,
    recorded_by            text        not null,
    recorded_at            timestamptz not null,
    withdrawn_at           timestamptz,
    withdrawal_method      text check (withdrawal_method in ('SIGNED_FORM', 'ORAL', 'ELECTRONIC')),
    withdrawal_recorded_by text,
    withdrawal_recorded_at timestamptz,
    version                bigint      not null check (version >= 0),
    constraint consent_partner_only_for_sharing
        check ((purpose = 'SHARING_WITH_PARTNER') = (partner_id is not null)),
    constraint consent_withdrawal_whole
        check (num_nulls(withdrawn_at, withdrawal_method, withdrawal_recorded_by, withdrawal_recorded_at) in (0, 4)),
    constraint consent_withdrawal_not_before_grant
        check (withdrawn_at is null or withdrawn_at >= effective_from)
);

create index consent_by_patient on consent (patient_id, recorded_at desc, id);
-- What a partner's read checks: is there a consent naming it for this patient.
create index consent_sharing on consent (patient_id, partner_id) where purpose = 'SHARING_WITH_PARTNER';

-- The audit trail covers changes of consent and partners' reads, refused ones included:
-- outcome says which; partner_id names the organisation a partner client acted for; item_id
-- the part of the record a change concerns (a consent), when it is not the identity.
alter table patient_access add column outcome text not null default 'ALLOWED'
    check (outcome in ('ALLOWED', 'REFUSED'));
alter table patient_access alter column outcome drop default;
alter table patient_access add column partner_id uuid;
alter table patient_access add column item_id uuid;
alter table patient_access drop constraint patient_access_action_check;
alter table patient_access add constraint patient_access_action_check
    check (action in ('CREATE', 'READ', 'UPDATE', 'LIST', 'LOOKUP', 'SEARCH',
                      'CONSENT_GRANT', 'CONSENT_WITHDRAW', 'CONSENT_LIST'));

-- Admins read the trail per patient and per user, newest first.
drop index patient_access_by_patient;
create index patient_access_by_patient on patient_access (patient_id, accessed_at desc, id desc);
create index patient_access_by_actor on patient_access (actor, accessed_at desc, id desc);

-- Append-only, twice over. First guard, privileges: the service connects in production as a
-- login role that is a member of parcours_patient_app (README, Audit), which may insert and
-- select audit rows and nothing else on them; migrations run as the tables' owner
-- (spring.flyway.user). The role is created here when it does not exist yet and the migrating
-- role may create roles; a DBA creates it beforehand otherwise.
do $$
begin
    if not exists (select from pg_roles where rolname = 'parcours_patient_app') then
        begin
            create role parcours_patient_app nologin;
        exception
            -- another database of the same server migrating at the same moment made it
            when duplicate_object or unique_violation then null;
        end;
    end if;
end
$$;

grant usage on schema public to parcours_patient_app;
grant select, insert, update, delete on all tables in schema public to parcours_patient_app;
grant usage, select on all sequences in schema public to parcours_patient_app;
-- Tables of later migrations (made by the same owner) are the service's to use as well.
alter default privileges in schema public grant select, insert, update, delete on tables to parcours_patient_app;
alter default privileges in schema public grant usage, select on sequences to parcours_patient_app;
revoke insert, update, delete, truncate on ${flyway:table} from parcours_patient_app;
revoke update, delete, truncate on patient_access from parcours_patient_app, public;

-- Second guard, for whoever holds more than the service's role (the owner, a superuser, as
-- the tests connect): a trigger refuses every update, delete and truncate of the trail.
create function patient_access_is_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception 'patient_access is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end
$$;

create trigger patient_access_append_only
    before update or delete on patient_access
    for each row execute function patient_access_is_append_only();

create trigger patient_access_never_truncated
    before truncate on patient_access
    for each statement execute function patient_access_is_append_only();
