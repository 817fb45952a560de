-- Identities are AES-GCM ciphertext (nonce || ciphertext || tag): the database never holds a
-- name, birth date or contact in clear.
create table patient (
    id            uuid primary key,
    identity      bytea       not null,
    key_id        text        not null,
    version       bigint      not null check (version >= 0),
    registered_at timestamptz not null
);

-- Who read or changed which record: append-only.
create table patient_access (
    id             bigint generated always as identity primary key,
    patient_id     uuid        not null references patient (id),
    actor          text        not null,
    action         text        not null check (action in ('CREATE', 'READ')),
    correlation_id text        not null,
    accessed_at    timestamptz not null
);

create index patient_access_by_patient on patient_access (patient_id, accessed_at);
