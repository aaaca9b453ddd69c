-- Respondent invitations: a contract's hospital invites a vendor contact without an account in its identity provider
-- to answer the contract's disclosure package through a one-time link. Only the SHA-256 digest of the link's token is
-- kept; the token itself is shown once, when the invitation is made. exchanged_at is set by the one exchange a link
-- allows (under a row lock), revoked_at by the hospital's revocation.
create table respondent_invitation (
    id              uuid          primary key,
    contract_id     uuid          not null references contract (id),
    hospital_id     uuid          not null,
    vendor_id       uuid          not null,
    contact_email   varchar(254)  not null,
    scope           varchar(30)   not null,
    token_hash      varchar(64)   not null unique,
    expires_at      timestamptz   not null,
    created_by      varchar(200)  not null,
    created_at      timestamptz   not null,
    exchanged_at    timestamptz,
    token_expires_at timestamptz,
    revoked_by      varchar(200),
    revoked_at      timestamptz,
    version         bigint        not null
);

create index respondent_invitation_contract on respondent_invitation (contract_id, created_at);
