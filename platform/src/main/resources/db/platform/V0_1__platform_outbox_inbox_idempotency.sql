-- Cross-cutting tables every service carries. Versions 0.x belong to the platform; services use 1 and up.

-- Transactional outbox, in the shape Debezium's outbox event router expects (id, aggregatetype, aggregateid,
-- type, payload, timestamp), so a platform team can replace the relay with CDC without a schema change.
-- payload holds the complete CloudEvent (structured mode).
create table outbox_event (
    id            uuid         primary key,
    aggregatetype varchar(100) not null,
    aggregateid   varchar(100) not null,
    type          varchar(200) not null,
    payload       jsonb        not null,
    "timestamp"   timestamptz  not null,
    topic         varchar(200) not null,
    seq           bigint       generated always as identity unique,
    sent_at       timestamptz
);
create index outbox_event_unsent on outbox_event (seq) where sent_at is null;

-- Idempotent-consumer inbox: an event id is recorded in the same transaction as its effect.
create table inbox_event (
    consumer     varchar(100) not null,
    event_id     varchar(200) not null,
    event_type   varchar(200) not null,
    source       varchar(300),
    processed_at timestamptz  not null,
    primary key (consumer, event_id)
);

-- Idempotency-Key records: the first response to a retried write is replayed, never the write.
create table idempotency_record (
    scope           varchar(300) not null,
    idempotency_key varchar(200) not null,
    request_hash    varchar(64)  not null,
    status          integer      not null,
    location        varchar(2000),
    body            text,
    created_at      timestamptz  not null,
    primary key (scope, idempotency_key)
);
