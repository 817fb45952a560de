-- Clinical data before a consultation (issue 15): vital signs, allergies and current medication,
-- clinical notes and documents. What a person could write freely (a note, a coded entry's display
-- text, a document) is sealed with the patient's data key; codes, numbers and times are not.

-- The audit trail names the note or document a row concerns (item_id, added by V3), and the
-- clinical actions.
alter table patient_access drop constraint patient_access_action_check;
alter table patient_access add constraint patient_access_action_check
    check (action in ('CREATE', 'READ', 'UPDATE', 'LIST', 'LOOKUP', 'SEARCH',
                      'CONSENT_GRANT', 'CONSENT_WITHDRAW', 'CONSENT_LIST',
                      'RECORD_OBSERVATIONS', 'READ_OBSERVATIONS', 'WRITE_NOTE', 'READ_NOTES',
                      'UPLOAD_DOCUMENT', 'LIST_DOCUMENTS', 'DOWNLOAD_DOCUMENT'));

-- One measured value per row: a LOINC code, its UCUM unit, when it was measured and who recorded it.
create table vital_sign (
    id           uuid primary key,
    patient_id   uuid          not null references patient (id),
    loinc_code   text          not null,
    value        numeric(7, 2) not null,
    unit         text          not null,
    effective_at timestamptz   not null,
    recorded_at  timestamptz   not null,
    recorded_by  text          not null
);

create index vital_sign_by_patient on vital_sign (patient_id, effective_at desc, id);

-- Allergies and current medication: a code of a known system; the display text is sealed
-- (parcours.patient/coded-entry/<entry id>/<patient id>).
create table coded_entry (
    id          uuid primary key,
    patient_id  uuid        not null references patient (id),
    list        text        not null check (list in ('ALLERGY', 'MEDICATION')),
    code_system text        not null check (code_system in ('SNOMED_CT', 'ATC')),
    code        text        not null check (length(code) between 1 and 18),
    display     bytea       not null,
    recorded_at timestamptz not null,
    recorded_by text        not null
);

create index coded_entry_by_patient on coded_entry (patient_id, list, recorded_at desc, id);

-- Clinical notes, sealed with parcours.patient/note/<note id>/<patient id>.
create table clinical_note (
    id         uuid primary key,
    patient_id uuid        not null references patient (id),
    text       bytea       not null,
    author     text        not null,
    written_at timestamptz not null
);

create index clinical_note_by_patient on clinical_note (patient_id, written_at desc, id);

-- Documents: what they are, the type read from their bytes, the SHA-256 of the plain content,
-- and where the sealed bytes are (parcours.patient/document/<document id>/<patient id>).
create table patient_document (
    id          uuid primary key,
    patient_id  uuid        not null references patient (id),
    kind        text        not null,
    media_type  text        not null check (media_type in ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes  bigint      not null check (size_bytes > 0),
    sha256      bytea       not null check (length(sha256) = 32),
    storage     text        not null check (storage in ('DATABASE', 'DIRECTORY')),
    uploaded_at timestamptz not null,
    uploaded_by text        not null
);

create index patient_document_by_patient on patient_document (patient_id, uploaded_at desc, id);

-- The sealed bytes when documents are kept in the database (the default).
create table patient_document_content (
    document_id uuid primary key references patient_document (id),
    content     bytea not null
);
