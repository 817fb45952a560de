-- Refresh tokens that were replaced by a newer one (each refresh rotates the token). Presenting
-- one again means it was copied: the session it belongs to is ended. Only a hash is kept.
create table rotated_refresh_token (
    token_hash       bytea        primary key,
    authorization_id varchar(100) not null,
    rotated_at       timestamptz  not null,
    expires_at       timestamptz  not null
);

create index rotated_refresh_token_expires_at on rotated_refresh_token (expires_at);
