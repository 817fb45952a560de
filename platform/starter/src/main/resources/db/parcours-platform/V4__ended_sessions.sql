-- People's sessions the authorization server ended: access tokens whose sid names one are
-- refused although they have not expired yet. Rows older than any token's lifetime are
-- deleted as new ones arrive.
create table parcours_platform.ended_session (
    session_id text primary key,
    ended_at   timestamptz not null
);

create index ended_session_ended_at on parcours_platform.ended_session (ended_at);
