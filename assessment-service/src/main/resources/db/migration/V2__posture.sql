-- Posture read model: one row per contract, kept current from contract events and from this service's own
-- results, so that a hospital's or vendor's posture is a sum over its contracts, not a scan of assessments.
create table contract_posture (
    contract_id          uuid primary key,
    hospital_id          uuid not null,
    vendor_id            uuid not null,
    phase                varchar(20),
    state                varchar(40),
    verdict              varchar(20),
    open_mandatory_gaps  integer not null default 0,
    overdue_findings     integer not null default 0,
    updated_at           timestamptz not null
);
create index contract_posture_hospital on contract_posture (hospital_id);
create index contract_posture_vendor on contract_posture (vendor_id);
