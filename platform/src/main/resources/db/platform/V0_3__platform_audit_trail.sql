-- Tamper-evident audit trail: one hash chain per service database (see org.sansho.platform.audit.AuditTrail).
-- seq is gapless (appends are serialized by an advisory lock), hash = SHA-256 over prev_hash and the row's fields,
-- so altering, removing or inserting a row breaks the chain at that row.
create table audit_record (
    seq            bigint       primary key,
    id             uuid         not null unique,
    recorded_at    timestamptz  not null,
    actor_subject  varchar(300) not null,
    actor_org      uuid,
    actor_roles    varchar(500) not null,
    action         varchar(100) not null,
    entity_type    varchar(100) not null,
    entity_id      varchar(200) not null,
    -- the organizations whose auditors may read the record; empty = public reference data (the catalog)
    organizations  uuid[]       not null,
    before_digest  varchar(64),
    after_digest   varchar(64),
    request_id     varchar(200),
    prev_hash      varchar(64)     not null,
    hash           varchar(64)     not null
);
create index audit_record_entity on audit_record (entity_type, entity_id, seq);
create index audit_record_organizations on audit_record using gin (organizations);
create index audit_record_time on audit_record (recorded_at);

-- Append-only: the database refuses to change or remove an audit record, whatever the application does.
create function audit_record_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_record is append-only: % refused', tg_op using errcode = '42501';
end;
$$;
create trigger audit_record_no_update_or_delete before update or delete on audit_record
    for each row execute function audit_record_append_only();
create trigger audit_record_no_truncate before truncate on audit_record
    for each statement execute function audit_record_append_only();
