-- Envelope encryption (docs/adr/0007-patient-encryption-keys.md). Rows of V1 were encrypted
-- with the single service key named by key_id (SERVICE_KEY); new rows with the patient's own
-- data key (DATA_KEY), and carry no key id: their data key row says which master key wraps it.
alter table patient add column encryption text not null default 'SERVICE_KEY'
    check (encryption in ('SERVICE_KEY', 'DATA_KEY'));
alter table patient alter column encryption drop default;
alter table patient alter column key_id drop not null;
alter table patient add constraint patient_key_id_only_for_service_key
    check ((encryption = 'SERVICE_KEY') = (key_id is not null));

-- One data key per patient, wrapped by the master key master_key_id (Tink's unsigned 32-bit
-- id). Deleting the row destroys the key: crypto-shredding.
create table patient_data_key (
    patient_id     uuid primary key references patient (id),
    wrapped_keyset bytea       not null,
    master_key_id  bigint      not null,
    wrapped_at     timestamptz not null
);

create index patient_data_key_by_master_key on patient_data_key (master_key_id);

-- Blind indexes: HMAC-SHA256 digests of normalised terms (identifiers, e-mail, phone, folded
-- names with birth date or year). Not unique: two people may share an insurer number or a
-- name and birth date, once a coordinator has confirmed they are different people.
create table patient_lookup (
    patient_id uuid  not null references patient (id),
    kind       text  not null check (kind in ('IDENTIFIER', 'EMAIL', 'PHONE', 'NAME_AND_BIRTH_DATE',
                                               'FAMILY_NAME_AND_BIRTH_YEAR')),
    digest     bytea not null,
    primary key (kind, digest, patient_id)
);

create index patient_lookup_by_patient on patient_lookup (patient_id);

-- The audit trail says as whom and why, and covers every kind of read.
alter table patient_access add column roles text[] not null default '{}';
alter table patient_access alter column roles drop default;
alter table patient_access add column purpose text;
alter table patient_access drop constraint patient_access_action_check;
alter table patient_access add constraint patient_access_action_check
    check (action in ('CREATE', 'READ', 'UPDATE', 'LIST', 'LOOKUP', 'SEARCH'));
