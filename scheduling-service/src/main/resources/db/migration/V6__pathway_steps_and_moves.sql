-- The care pathway step (patient-service's) a hold, an appointment or a waiting-list entry was
-- made for: both ids or neither. Every event about it carries them.
alter table booking add column pathway_id uuid;
alter table booking add column step_id uuid;
alter table booking add constraint booking_pathway_step check ((pathway_id is null) = (step_id is null));
create index booking_pathway on booking (pathway_id) where pathway_id is not null;

alter table waitlist_entry add column pathway_id uuid;
alter table waitlist_entry add column step_id uuid;
alter table waitlist_entry add constraint waitlist_entry_pathway_step
    check ((pathway_id is null) = (step_id is null));

-- A chain changes (its rules replaced, a cascade applied) and announces it: its version orders
-- its events, as every other aggregate's.
alter table appointment_chain add column version bigint not null default 0 check (version >= 0);
create index appointment_chain_pathway on appointment_chain (pathway_id) where pathway_id is not null;
create index booking_chain on booking (chain_id) where chain_id is not null;

-- Pathway moves patient-service asked for, each handled once whatever its event id: the row is
-- written first, so that a second delivery of the same move waits for the first and then finds
-- it. The outcome is the answer published.
create table pathway_move (
    move_id      uuid primary key,
    pathway_id   uuid        not null,
    outcome      text check (outcome in ('APPLIED', 'REFUSED')),
    chain_id     uuid references appointment_chain (id),
    cascade_id   uuid,
    refusal      text,
    received_at  timestamptz not null
);
