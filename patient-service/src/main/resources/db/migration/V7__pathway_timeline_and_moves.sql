-- A pathway's timeline, the fold of the work its steps started, and its moves (README, Care
-- pathways: timeline and moves). Ids, codes and times only. Each row goes with its pathway
-- (and step): whatever erases a pathway erases them.

-- One entry per fact, at the time the fact happened (not when it arrived). The same fact
-- re-published under a new event id (same source, version and type) is recorded once.
create table pathway_timeline_entry (
    id             uuid primary key,
    pathway_id     uuid        not null references pathway (id) on delete cascade,
    step_id        uuid,
    what           text        not null,
    occurred_at    timestamptz not null,
    recorded_at    timestamptz not null,
    -- The event that told it; none for what the pathway itself noticed (a step overdue).
    event_id       text,
    event_type     text,
    source_id      text        not null,
    source_version bigint      not null,
    -- Whether it changed what is known of its step: an older or repeated fact is shown, never
    -- applied; a waiting-list offer only shown.
    applied        boolean     not null,
    -- The status the step took because of it, when it moved the step.
    step_status    text,
    details        jsonb       not null,
    constraint pathway_timeline_entry_fact unique (pathway_id, source_id, source_version, event_type)
);

create index pathway_timeline on pathway_timeline_entry (pathway_id, occurred_at, id);

-- What the news said of each hold or appointment made for a step (timeline.StepTrack): the
-- state of its highest version, and the start of the highest version that named one.
create table pathway_step_source (
    step_id       uuid        not null references pathway_step (id) on delete cascade,
    source_id     uuid        not null,
    state         text        not null
        check (state in ('HELD', 'CONFIRMED', 'RELEASED', 'BOOKED', 'CHECKED_IN', 'COMPLETED', 'CANCELLED',
                         'MISSED')),
    version       bigint      not null,
    start_at      timestamptz,
    start_version bigint      not null,
    since         timestamptz not null,
    changed_at    timestamptz not null,
    superseded    boolean     not null,
    primary key (step_id, source_id)
);

create index pathway_step_source_source on pathway_step_source (source_id);

-- A move of a pathway's anchor: its booked steps asked of scheduling as one cascade, then
-- the answer. One pending move per pathway at most.
create table pathway_move (
    id                     uuid primary key,
    pathway_id             uuid        not null references pathway (id) on delete cascade,
    status                 text        not null check (status in ('PENDING', 'APPLIED', 'REFUSED')),
    previous_anchor_at     timestamptz not null,
    anchor_at              timestamptz not null,
    -- The booked steps asked to move: [{stepId, appointmentId, start}], the root first.
    booked                 jsonb       not null,
    root_start             timestamptz,
    requested_by           text        not null,
    requested_at           timestamptz not null,
    answered_at            timestamptz,
    cascade_id             uuid,
    moved_appointment_ids  uuid[]      not null default '{}',
    refused_step_id        uuid,
    refused_appointment_id uuid,
    refusal_reason         text,
    check ((status = 'PENDING') = (answered_at is null)),
    check ((status = 'REFUSED') = (refusal_reason is not null))
);

create unique index pathway_move_pending on pathway_move (pathway_id) where status = 'PENDING';
create index pathway_move_pathway on pathway_move (pathway_id, requested_at);
