-- The RSA keys tokens are signed with when none is configured: generated on the first start,
-- shared by every instance. The newest signs; the others stay published in the JWK set so that
-- tokens they signed remain valid until they expire.
create table signing_key (
    kid         text        primary key,
    algorithm   text        not null check (algorithm = 'RS256'),
    private_key text        not null, -- base64 of the PKCS#8 DER
    public_key  text        not null, -- base64 of the X.509 SubjectPublicKeyInfo DER
    created_at  timestamptz not null
);
