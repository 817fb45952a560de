-- Practitioners taken in a role of another practitioner's appointment type (issue 23, item 3):
-- an anaesthetist for a surgery. The role names one practitioner (resource_id) or any
-- practitioner of the booking practitioner's partner having a specialty.
alter table appointment_type_role add column specialty text check (specialty ~ '^[a-z][a-z-]*$');

-- A practitioner's time taken in someone else's booking (rows whose role is not the
-- booking's own practitioner): read by slot search and lapsed-hold expiry for every
-- practitioner, so kept in a small index of their own.
create index booking_resource_in_role on booking_resource using gist (resource_id, during)
    where live and role <> 'practitioner';
