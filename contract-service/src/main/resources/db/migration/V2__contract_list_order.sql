-- Lists of contracts are read newest first per hospital or vendor (order by created_at desc, id): with these
-- indexes a page is the first rows of an index range instead of a sort of every contract of the organization,
-- so its cost does not grow with the number of contracts. They replace the single-column indexes they start with.
create index contract_hospital_created on contract (hospital_id, created_at desc, id);
create index contract_vendor_created on contract (vendor_id, created_at desc, id);
drop index contract_hospital;
drop index contract_vendor;
