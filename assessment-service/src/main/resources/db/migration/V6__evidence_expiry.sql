-- Evidence references carry a validUntil (a certificate, an audit report): each one is announced once per threshold
-- (30, 7, 0 days) before it lapses, also across instances. upcoming_deadline gains the kind EVIDENCE_EXPIRY.
create table evidence_expiry_notice (
    item_id        uuid          not null,
    evidence_name  varchar(300)  not null,
    valid_until    date          not null,
    threshold      integer       not null,
    sent_at        timestamptz   not null,
    primary key (item_id, evidence_name, valid_until, threshold)
);
