-- Dashboard reads (issue 27).
-- 1. The posture row of a contract also carries what the contracts overview lists: its title (from
--    contract.created), whether a re-agreement is pending (contract.reagreement-required, cleared by an amendment
--    that moves the baseline) and when its state last changed.
alter table contract_posture add column title varchar(300);
alter table contract_posture add column reagreement_pending boolean not null default false;
alter table contract_posture add column state_changed_at timestamptz;
create index contract_posture_hospital_phase on contract_posture (hospital_id, phase, state);
create index contract_posture_vendor_phase on contract_posture (vendor_id, phase, state);

-- 2. A contract's timeline: one row per fact about it, from contract-service's events and this service's own
--    (consumed from assessment.events), in the order they happened. The event id makes a redelivery a no-op.
create table contract_timeline (
    event_id     varchar(100) primary key,
    contract_id  uuid         not null,
    hospital_id  uuid         not null,
    vendor_id    uuid         not null,
    occurred_at  timestamptz  not null,
    kind         varchar(20)  not null,   -- CONTRACT, STATE_CHANGE, ASSESSMENT, FINDING, INCIDENT, REAGREEMENT, REMINDER
    type         varchar(100) not null,   -- the CloudEvents type
    detail       jsonb        not null,   -- the fields of the payload the timeline shows
    recorded_at  timestamptz  not null
);
create index contract_timeline_contract on contract_timeline (contract_id, occurred_at, event_id);

-- 3. Weekly posture snapshots: whenever a contract's posture row changes, its state is copied into the row of the
--    current week (ISO week, Monday, UTC). A trend point for week W takes each contract's latest row at or before W.
create table posture_week (
    week_start           date        not null,
    contract_id          uuid        not null,
    hospital_id          uuid        not null,
    vendor_id            uuid        not null,
    phase                varchar(20),
    open_mandatory_gaps  integer     not null default 0,
    overdue_findings     integer     not null default 0,
    primary key (contract_id, week_start)
);
create index posture_week_hospital on posture_week (hospital_id, week_start);
create index posture_week_vendor on posture_week (vendor_id, week_start);
