-- Events written in the same transaction as the change they describe, relayed to Kafka
-- after commit and deleted once the broker has acknowledged them.
create table outbox_event (
    position      bigint generated always as identity primary key,
    event_id      uuid        not null unique,
    topic         text        not null,
    message_key   text        not null,
    event_type    text        not null,
    envelope      text        not null,
    created_at    timestamptz not null default now()
);

-- Events a consumer group has handled, recorded in the same transaction as their effect,
-- so that a redelivered event changes nothing.
create table handled_event (
    consumer    text        not null,
    event_id    text        not null,
    event_type  text        not null,
    handled_at  timestamptz not null default now(),
    primary key (consumer, event_id)
);
