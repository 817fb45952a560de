create table thing (
    id      uuid primary key,
    name    text   not null,
    kind    text   not null,
    version bigint not null
);

create table thing_change_count (
    thing_id            uuid primary key,
    changes             int  not null,
    last_correlation_id text not null,
    last_pathway_id     text
);
