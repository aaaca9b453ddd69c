-- Bulk import (org.sansho.contract.imports): a contract can carry the hospital's own reference for it (the key its
-- procurement system uses), so that importing the same rows again finds the contract instead of opening another.
-- Unique per hospital; contracts opened through the API without one keep null.
alter table contract add column external_reference varchar(100);
create unique index contract_hospital_external_reference_uq on contract (hospital_id, external_reference)
    where external_reference is not null;
