-- GDPR erasure by crypto-shredding (README, Erasure). An erased patient's row stays as a
-- tombstone, so that the ids other services and the audit trail hold still name a record:
-- its identity is gone (null), its data key and blind indexes deleted.
-- The default keeps instances still running the previous version able to register.
alter table patient add column status text not null default 'ACTIVE' check (status in ('ACTIVE', 'ERASED'));
alter table patient add column erased_at timestamptz;
alter table patient alter column identity drop not null;
alter table patient add constraint patient_erased_has_no_identity
    check ((status = 'ERASED') = (identity is null) and (status = 'ERASED') = (erased_at is not null));

-- Erasure requests: done at once, or, under a legal hold or a retention period, due the day
-- after retain_until. The reason is a code, never free text (it would invite personal data).
create table patient_erasure (
    patient_id   uuid primary key references patient (id),
    requested_at timestamptz not null,
    requested_by text        not null,
    retain_until date,
    hold_reason  text check (hold_reason in ('LEGAL_HOLD', 'RETENTION_PERIOD')),
    due_at       timestamptz not null,
    erased_at    timestamptz,
    check ((retain_until is null) = (hold_reason is null))
);

create index patient_erasure_due on patient_erasure (due_at) where erased_at is null;

alter table patient_access drop constraint patient_access_action_check;
alter table patient_access add constraint patient_access_action_check
    check (action in ('CREATE', 'READ', 'UPDATE', 'LIST', 'LOOKUP', 'SEARCH',
                      'CONSENT_GRANT', 'CONSENT_WITHDRAW', 'CONSENT_LIST',
                      'RECORD_OBSERVATIONS', 'READ_OBSERVATIONS', 'WRITE_NOTE', 'READ_NOTES',
                      'UPLOAD_DOCUMENT', 'LIST_DOCUMENTS', 'DOWNLOAD_DOCUMENT',
                      'EXPORT', 'ERASURE_REQUESTED', 'ERASE'));
