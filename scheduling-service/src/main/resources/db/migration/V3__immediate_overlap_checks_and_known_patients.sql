-- Cascades now park the appointments they move in a 'MOVING' status, which neither constraint
-- covers, instead of deferring the constraints to commit. Immediate constraints let a booking
-- be inserted with ON CONFLICT DO NOTHING, so that a taken slot is an answer, not an error.
alter table booking drop constraint booking_practitioner_free;
alter table booking drop constraint booking_patient_free;
alter table booking drop constraint booking_status_check;

alter table booking add constraint booking_status_check
    check (status in ('HELD', 'RELEASED', 'EXPIRED', 'BOOKED', 'CANCELLED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW',
                      'MOVING'));

alter table booking add constraint booking_practitioner_free
    exclude using gist (practitioner_id with =, during with &&)
    where (status in ('HELD', 'BOOKED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW'));

alter table booking add constraint booking_patient_free
    exclude using gist (patient_id with =, during with &&)
    where (kind = 'APPOINTMENT' and status in ('BOOKED', 'CHECKED_IN', 'COMPLETED'));

-- Bookings are for patients patient-service announced; the database checks it on insert.
alter table booking add constraint booking_patient_known foreign key (patient_id) references known_patient (id);

-- A fresh id per change of types or rules: caches key on it, and unlike the version it is never
-- handed out twice, even by a change that rolled back.
alter table schedule add column availability_revision uuid not null default gen_random_uuid();
