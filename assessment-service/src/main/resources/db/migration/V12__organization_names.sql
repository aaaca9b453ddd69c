-- Organization names on the contracts overview (issue 27): contract events carry the parties' registered names
-- (hospitalName, vendorName: Japanese, and English where registered). The posture row keeps the latest seen, so a
-- rename carried by a later event replaces the name; names_at is the time of the event they came from, and an older
-- (redelivered or reordered) event does not overwrite a newer name. Rows of events without names keep null.
alter table contract_posture add column hospital_name_ja varchar(200);
alter table contract_posture add column hospital_name_en varchar(200);
alter table contract_posture add column vendor_name_ja varchar(200);
alter table contract_posture add column vendor_name_en varchar(200);
alter table contract_posture add column names_at timestamptz;
