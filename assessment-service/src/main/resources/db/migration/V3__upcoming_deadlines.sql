-- Deadlines coming up, projected from contract-service's reminder events (the latest threshold of each wins):
-- contracts' renewal/termination notice deadlines and vendors' certification expiries. Read by the dashboard.
create table upcoming_deadline (
    kind           varchar(30)  not null,   -- NOTICE_DEADLINE, END_DATE_PASSED, CERTIFICATION_EXPIRY
    subject_id     uuid         not null,   -- the contract, or the certification
    contract_id    uuid,
    hospital_id    uuid,                    -- null for a vendor's certification
    vendor_id      uuid         not null,
    label          varchar(200),            -- the certification scheme (ISMS, Privacy Mark, ISMAP …)
    due_on         date         not null,
    threshold_days integer,
    updated_at     timestamptz  not null,
    primary key (kind, subject_id)
);
create index upcoming_deadline_hospital on upcoming_deadline (hospital_id, due_on);
create index upcoming_deadline_vendor on upcoming_deadline (vendor_id, due_on);
