-- Respondent invitations the hospital revoked (org.sansho.contract.respondent-invitation.revoked.v1): a scoped token
-- whose scope_grant names one of them is refused (401 token-revoked). Looked up by the invitation id the token
-- carries, before the caller's organization is known to own anything here, so the table is not tenant-filtered; it
-- holds ids only, and the parties are kept for the record. A redelivered event inserts nothing (primary key).
create table revoked_respondent_grant (
    invitation_id uuid        not null primary key,
    contract_id   uuid        not null,
    hospital_id   uuid        not null,
    vendor_id     uuid        not null,
    revoked_at    timestamptz not null,
    event_id      varchar(200) not null,
    recorded_at   timestamptz not null
);
