-- OAuth2 clients the authorization server revoked: their tokens issued before revoked_at
-- are refused although they have not expired yet.
create table parcours_platform.revoked_client (
    client_id  text primary key,
    partner_id uuid,
    revoked_at timestamptz not null
);
