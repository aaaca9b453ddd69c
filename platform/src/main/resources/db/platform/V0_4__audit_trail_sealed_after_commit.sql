-- The audit chain is linked after commit (org.sansho.platform.audit.AuditSealer): a change's transaction inserts
-- its record unlinked (seq, prev_hash and hash null), and the sealer, one at a time across instances, gives the
-- committed records their seq and links them. A writer no longer holds the chain's lock until its commit, so
-- concurrent writers no longer queue behind each other's commits.
alter table audit_record drop constraint audit_record_pkey;
alter table audit_record add constraint audit_record_pkey primary key (id);
alter table audit_record drop constraint audit_record_id_key;
alter table audit_record alter column seq drop not null;
alter table audit_record alter column prev_hash drop not null;
alter table audit_record alter column hash drop not null;
alter table audit_record add constraint audit_record_seq_key unique (seq);
alter table audit_record add constraint audit_record_sealed_whole
    check ((seq is null and prev_hash is null and hash is null)
        or (seq is not null and prev_hash is not null and hash is not null));
-- the order records were written in (within a transaction too), which the sealer keeps; and the records waiting
-- for it: a small index, emptied as fast as they come
alter table audit_record add column entry_no bigint generated always as identity;
create index audit_record_unsealed on audit_record (entry_no) where seq is null;

-- Still append-only: the one change the database lets through is the sealing of an unsealed record, which sets
-- seq, prev_hash and hash and nothing else.
create or replace function audit_record_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.seq is null and new.seq is not null
            and (to_jsonb(new) - 'seq' - 'prev_hash' - 'hash') = (to_jsonb(old) - 'seq' - 'prev_hash' - 'hash') then
        return new;
    end if;
    raise exception 'audit_record is append-only: % refused', tg_op using errcode = '42501';
end;
$$;
