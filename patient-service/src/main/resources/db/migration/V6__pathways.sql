-- Care pathways (README, Care pathways): templates (protocols) in versions, pathways opened
-- from one version, their steps and their alerts. Codes and ids only: no personal data
-- beyond the patient's id, no free text but the reasons a coordinator types.

-- A template is known by its code; each publication adds a version and never changes one.
create table pathway_template (
    id             uuid primary key,
    code           text        not null constraint pathway_template_code_taken unique,
    sample         boolean     not null,
    latest_version integer     not null check (latest_version >= 1),
    created_at     timestamptz not null
);

-- The steps of a version as the API spells them (key, kind, names, anchor, offset,
-- tolerance, dependsOn, ownerRole, specialty, appointmentType): read whole, never queried.
create table pathway_template_version (
    template_id  uuid        not null references pathway_template (id),
    version      integer     not null check (version >= 1),
    name_fr      text        not null,
    name_en      text        not null,
    name_nl      text        not null,
    steps        jsonb       not null,
    published_at timestamptz not null,
    published_by text        not null,
    primary key (template_id, version)
);

create table pathway (
    id               uuid primary key,
    patient_id       uuid        not null references patient (id),
    template_id      uuid        not null,
    template_version integer     not null,
    template_code    text        not null,
    anchor_at        timestamptz not null,
    coordinator_id   text        not null,
    partner_id       uuid,
    status           text        not null check (status in ('OPEN', 'ON_HOLD', 'CLOSED', 'CANCELLED')),
    outcome          text check (outcome in ('COMPLETED', 'TRANSFERRED', 'DECLINED', 'NOT_ELIGIBLE', 'OTHER')),
    status_reason    text,
    version          bigint      not null,
    opened_at        timestamptz not null,
    changed_at       timestamptz not null,
    ended_at         timestamptz,
    -- The work list's columns, rewritten with every save of the aggregate so that its page
    -- is an index scan: the next open step (earliest due), the open alerts, and the
    -- urgency the list sorts on first (0: open alerts, 1: none).
    next_step_id     uuid,
    next_step_kind   text,
    next_step_due_at timestamptz,
    open_alerts      integer     not null default 0,
    open_alert_kinds text[]      not null default '{}',
    urgency          smallint    not null default 1,
    foreign key (template_id, template_version) references pathway_template_version (template_id, version),
    check ((status = 'CLOSED') = (outcome is not null)),
    check ((status in ('CLOSED', 'CANCELLED')) = (ended_at is not null))
);

-- Open alerts first, then the earliest next step: the work list's order, for the active
-- pathways only (closed ones leave the index).
create index pathway_worklist on pathway (urgency, next_step_due_at, id)
    where status in ('OPEN', 'ON_HOLD');
create index pathway_worklist_coordinator on pathway (coordinator_id, urgency, next_step_due_at, id)
    where status in ('OPEN', 'ON_HOLD');
create index pathway_worklist_partner on pathway (partner_id, urgency, next_step_due_at, id)
    where status in ('OPEN', 'ON_HOLD');
create index pathway_patient on pathway (patient_id);

create table pathway_step (
    id                 uuid primary key,
    pathway_id         uuid        not null references pathway (id),
    position           integer     not null,
    key                text        not null,
    kind               text        not null,
    name_fr            text        not null,
    name_en            text        not null,
    name_nl            text        not null,
    status             text        not null
        check (status in ('PLANNED', 'SCHEDULED', 'DONE', 'SKIPPED', 'OVERDUE', 'BROKEN')),
    due_at             timestamptz not null,
    offset_from_anchor text        not null,
    tolerance          text        not null,
    anchor             boolean     not null,
    depends_on         text[]      not null,
    owner_role         text        not null check (owner_role in ('COORDINATOR', 'ASSISTANT', 'BILLING', 'PARTNER')),
    assignee_id        text,
    specialty          text,
    appointment_type   text,
    booking_id         uuid,
    reason             text,
    added_by_hand      boolean     not null,
    changed_at         timestamptz not null,
    unique (pathway_id, key)
);

create index pathway_step_booking on pathway_step (booking_id) where booking_id is not null;
-- The steps an overdue check looks at: planned (or broken) and not yet done.
create index pathway_step_due on pathway_step (due_at) where status in ('PLANNED', 'BROKEN');

create table pathway_alert (
    id          uuid primary key,
    pathway_id  uuid        not null references pathway (id),
    step_id     uuid references pathway_step (id),
    kind        text        not null
        check (kind in ('STEP_OVERDUE', 'APPOINTMENT_CANCELLED', 'APPOINTMENT_NO_SHOW', 'QUOTE_EXPIRED',
                        'MOVE_REFUSED')),
    raised_at   timestamptz not null,
    resolved_at timestamptz,
    resolved_by text,
    resolution  text,
    check ((resolved_at is null) = (resolved_by is null))
);

create index pathway_alert_pathway on pathway_alert (pathway_id);
-- One open alert of a kind per step (or per pathway, for those about no step).
create unique index pathway_alert_open on pathway_alert (pathway_id, coalesce(step_id, pathway_id), kind)
    where resolved_at is null;
