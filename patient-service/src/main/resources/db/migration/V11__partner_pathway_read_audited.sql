-- A partner's read of a pathway that a consent lets it know whose it is links the pathway
-- to the patient for that partner: it is a read of the patient's record and is audited.
alter table patient_access drop constraint patient_access_action_check;
alter table patient_access add constraint patient_access_action_check
    check (action in ('CREATE', 'READ', 'UPDATE', 'LIST', 'LOOKUP', 'SEARCH',
                      'CONSENT_GRANT', 'CONSENT_WITHDRAW', 'CONSENT_LIST',
                      'RECORD_OBSERVATIONS', 'READ_OBSERVATIONS', 'WRITE_NOTE', 'READ_NOTES',
                      'UPLOAD_DOCUMENT', 'LIST_DOCUMENTS', 'DOWNLOAD_DOCUMENT',
                      'EXPORT', 'ERASURE_REQUESTED', 'ERASE', 'PARTNER_READ_PATHWAY'));
