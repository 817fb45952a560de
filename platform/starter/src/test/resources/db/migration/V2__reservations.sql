-- Things reserved for whole days: the sample feature's table. The database keeps what it
-- can keep whatever the code does: one live reservation of a thing a day, no day before
-- 2000, a known status. The named constraints are what ReservationProblems declares a
-- problem for; the foreign key is not, and keeps the default answer.
create table reservation (
    id        uuid        primary key,
    thing_id  uuid        not null references thing (id),
    day       date        not null,
    status    text        not null,
    version   bigint      not null,
    placed_at timestamptz not null,
    constraint reservation_status_known check (status in ('PLACED', 'CANCELLED')),
    constraint reservation_day_in_range check (day >= date '2000-01-01')
);

-- A cancelled reservation gives its day back.
create unique index reservation_day_taken on reservation (thing_id, day) where status = 'PLACED';
