-- Service levels and data residency that are checked, not only stored (2省GL §4.1 表4-1).
-- A hospital's documented exception to domestic data storage (reason, approver, who recorded it when).
alter table contract add column residency_exception jsonb;
-- Auto-renewal: the renewed term's length in months (null: as long as the term that ended); a term that ended
-- without renewal is flagged expired.
alter table contract add column renewal_months integer;
alter table contract add column term_expired boolean not null default false;
-- Incidents whose notification, restore time or data loss missed the SLA, counted per contract.
alter table contract add column sla_breaches integer not null default 0;
-- Restore time against the RTO and the lost data window against the RPO.
alter table incident add column restored_at timestamptz;
alter table incident add column data_loss_minutes integer;
alter table incident add column within_rto boolean;
alter table incident add column within_rpo boolean;
