-- A thing is reserved for whole days, once a day, from 2000 on: constraints the test
-- service declares problems for (all but the foreign key, which keeps the default answer).
create table thing_reservation (
    thing_id uuid not null references thing (id),
    day      date not null,
    constraint thing_day_taken unique (thing_id, day),
    constraint thing_day_in_range check (day >= date '2000-01-01')
);
