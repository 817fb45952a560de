-- The controlled vocabulary of specialties, with names in the network's languages.
create table specialty (
    code    text primary key check (code ~ '^[a-z][a-z-]*$'),
    name_en text not null,
    name_fr text not null,
    name_nl text not null
);

insert into specialty (code, name_en, name_fr, name_nl) values
    ('anaesthesiology',    'Anaesthesiology',     'Anesthésiologie',        'Anesthesiologie'),
    ('cardiology',         'Cardiology',          'Cardiologie',            'Cardiologie'),
    ('cosmetic-surgery',   'Cosmetic surgery',    'Chirurgie esthétique',   'Esthetische chirurgie'),
    ('dentistry',          'Dentistry',           'Dentisterie',            'Tandheelkunde'),
    ('dermatology',        'Dermatology',         'Dermatologie',           'Dermatologie'),
    ('endocrinology',      'Endocrinology',       'Endocrinologie',         'Endocrinologie'),
    ('ent',                'Ear, nose and throat','Oto-rhino-laryngologie', 'Neus-, keel- en oorheelkunde'),
    ('fertility',          'Fertility',           'Fertilité',              'Vruchtbaarheid'),
    ('gastroenterology',   'Gastroenterology',    'Gastro-entérologie',     'Gastro-enterologie'),
    ('general-practice',   'General practice',    'Médecine générale',      'Huisartsgeneeskunde'),
    ('general-surgery',    'General surgery',     'Chirurgie générale',     'Algemene heelkunde'),
    ('gynaecology',        'Gynaecology',         'Gynécologie',            'Gynaecologie'),
    ('nephrology',         'Nephrology',          'Néphrologie',            'Nefrologie'),
    ('neurology',          'Neurology',           'Neurologie',             'Neurologie'),
    ('oncology',           'Oncology',            'Oncologie',              'Oncologie'),
    ('ophthalmology',      'Ophthalmology',       'Ophtalmologie',          'Oftalmologie'),
    ('orthopaedics',       'Orthopaedics',        'Orthopédie',             'Orthopedie'),
    ('paediatrics',        'Paediatrics',         'Pédiatrie',              'Pediatrie'),
    ('physiotherapy',      'Physiotherapy',       'Kinésithérapie',         'Kinesitherapie'),
    ('psychiatry',         'Psychiatry',          'Psychiatrie',            'Psychiatrie'),
    ('pulmonology',        'Pulmonology',         'Pneumologie',            'Pneumologie'),
    ('radiology',          'Radiology',           'Radiologie',             'Radiologie'),
    ('urology',            'Urology',             'Urologie',               'Urologie');

create table partner (
    id            uuid primary key,
    name          text        not null check (length(name) between 1 and 200),
    kind          text        not null check (kind in ('HOSPITAL', 'CLINIC', 'CARE_CENTRE', 'TRANSPORT', 'HOTEL',
                                                       'INTERPRETER', 'CONCIERGE')),
    country       char(2)     not null check (country ~ '^[A-Z]{2}$'),
    city          text        not null,
    time_zone     text        not null,
    specialties   text[]      not null,
    languages     text[]      not null,
    version       bigint      not null check (version >= 0),
    registered_at timestamptz not null
);

create index partner_name on partner (name, id);

create table practitioner (
    id            uuid primary key,
    partner_id    uuid        not null references partner (id),
    name          text        not null check (length(name) between 1 and 200),
    specialties   text[]      not null,
    languages     text[]      not null,
    time_zone     text        not null,
    version       bigint      not null check (version >= 0),
    registered_at timestamptz not null
);

create index practitioner_partner on practitioner (partner_id, name, id);
