-- Opening hours of rooms, machines and interpreters (issue 23, item 2): weekly rules and
-- exceptions as practitioners have, in the resource's zone, kept beside the resource rather than
-- by re-keying availability_rule and availability_exception, so that practitioners' rows and
-- the queries reading them stay as they are. A resource without rules is open at any time but
-- its closures; existing resources have none, so they stay bookable whenever not booked.
alter table resource add column hours_version bigint not null default 0;

create table resource_hours_rule (
    id          uuid primary key,
    resource_id uuid     not null references resource (id),
    day_of_week smallint not null check (day_of_week between 1 and 7),
    start_time  time     not null,
    end_time    time     not null,
    valid_from  date     not null,
    valid_until date,
    check (end_time > start_time),
    check (valid_until is null or valid_until >= valid_from)
);

create index resource_hours_rule_resource on resource_hours_rule (resource_id);

-- Closures (maintenance, leave, public holidays) and extra openings.
create table resource_hours_exception (
    id          uuid primary key,
    resource_id uuid        not null references resource (id),
    kind        text        not null check (kind in ('UNAVAILABLE', 'EXTRA')),
    reason      text        not null check (reason in ('MAINTENANCE', 'LEAVE', 'PUBLIC_HOLIDAY', 'TRAINING', 'OTHER',
                                                       'EXTRA_HOURS')),
    during      tstzrange   not null check (not isempty(during)),
    created_at  timestamptz not null
);

create index resource_hours_exception_during on resource_hours_exception using gist (resource_id, during);
