-- Appointment types that need more than the practitioner (issue 23): each required role is a
-- named resource or any resource of a kind at the practitioner's partner (speaking a language,
-- for an interpreter), held for buffers before and after the appointment.
create table appointment_type_role (
    practitioner_id       uuid     not null,
    code                  text     not null,
    position              smallint not null,
    role                  text     not null check (role ~ '^[a-z][a-z0-9-]{0,39}$' and role <> 'practitioner'),
    kind                  text     not null,
    resource_id           uuid,
    language              text,
    buffer_before_minutes int      not null check (buffer_before_minutes between 0 and 720),
    buffer_after_minutes  int      not null check (buffer_after_minutes between 0 and 720),
    primary key (practitioner_id, code, position),
    unique (practitioner_id, code, role),
    foreign key (practitioner_id, code) references appointment_type (practitioner_id, code) on delete cascade
);

-- Every resource a hold or an appointment takes, the practitioner's own time included (role
-- 'practitioner'), so that one exclusion constraint keeps any resource, whatever its kind, from
-- being taken twice at once. `during` is the booking's time widened by the role's buffers;
-- `live` is whether the booking's status takes time (HELD, BOOKED, CHECKED_IN, COMPLETED,
-- NO_SHOW), as in booking_practitioner_free. Bookings writes both with every change of the
-- booking, in the same transaction. booking_practitioner_free stays: it is checked first, so a
-- practitioner's taken slot is answered exactly as before.
create table booking_resource (
    booking_id    uuid      not null references booking (id),
    role          text      not null,
    resource_id   uuid      not null,
    buffer_before interval  not null,
    buffer_after  interval  not null,
    during        tstzrange not null check (not isempty(during)),
    live          boolean   not null,
    primary key (booking_id, role),
    constraint booking_resource_free exclude using gist (resource_id with =, during with &&) where (live)
);

-- Today's bookings take their practitioner's time in the new table too.
insert into booking_resource (booking_id, role, resource_id, buffer_before, buffer_after, during, live)
select id, 'practitioner', practitioner_id, interval '0', interval '0', during,
       status in ('HELD', 'BOOKED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW')
from booking;
