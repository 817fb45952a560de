-- Partners this server has heard of (partner-service's PartnerRegistered events): a client can
-- only be issued for one of them.
create table known_partner (
    partner_id    uuid        primary key,
    registered_at timestamptz not null
);

-- The machine clients of partner organisations. Their OAuth2 registration (hashed secret,
-- grant, scopes) is in oauth2_registered_client; this is what the administration API shows.
create table partner_client (
    client_id         text        primary key check (client_id ~ '^partner-[0-9a-f]{20}$'),
    partner_id        uuid        not null references known_partner (partner_id),
    name              text        not null check (length(name) between 1 and 200),
    scopes            text[]      not null check (cardinality(scopes) > 0),
    created_at        timestamptz not null,
    secret_rotated_at timestamptz,
    revoked_at        timestamptz,
    version           bigint      not null check (version >= 0)
);

create index partner_client_partner on partner_client (partner_id, created_at desc);
