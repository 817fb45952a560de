-- Changes partner-service announces after registration: a practitioner's other partners,
-- a practitioner's or partner's new details (applied only if newer), suspensions.
create table practitioner_partner (
    practitioner_id uuid not null references schedule (practitioner_id),
    partner_id      uuid not null,
    primary key (practitioner_id, partner_id)
);
create index practitioner_partner_partner on practitioner_partner (partner_id);
insert into practitioner_partner (practitioner_id, partner_id) select practitioner_id, partner_id from schedule;

alter table schedule add column source_version bigint not null default 0;

-- A suspended partner's practitioners offer no slots; anything else is bookable.
alter table partner add column suspended boolean not null default false;
