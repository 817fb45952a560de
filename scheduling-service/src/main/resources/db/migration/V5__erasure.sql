-- A patient erased in patient-service (patient.patient.erased.v1): the id stays, since
-- appointments refer to it, but no new hold, booking or waiting-list entry may name it.
alter table known_patient add column erased_at timestamptz;

-- The foreign key keeps bookings to known patients; this keeps them to patients not erased,
-- reported as the same constraint so that the answer is the same unknown-patient problem.
create function booking_patient_not_erased() returns trigger language plpgsql as $$
begin
    if exists (select 1 from known_patient where id = new.patient_id and erased_at is not null) then
        raise exception 'patient % was erased', new.patient_id
            using errcode = 'foreign_key_violation', constraint = 'booking_patient_known';
    end if;
    return new;
end
$$;

create trigger booking_patient_not_erased before insert on booking
    for each row execute function booking_patient_not_erased();
