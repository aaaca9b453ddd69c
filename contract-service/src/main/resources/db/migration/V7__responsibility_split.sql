-- The responsibility split (責任分界) of a contract: the role-sharing checklist (2024 確認表) it was built from, as it
-- read when the split was last set (item keys, their Part and the requirement keys they evidence), and the vendor's
-- acknowledgement of the split as it stands (cleared by every change of the split). The assignments themselves stay in
-- the responsibilities column.
alter table contract add column responsibility_checklist jsonb;
alter table contract add column split_acknowledged_at timestamptz;
alter table contract add column split_acknowledged_by text;
