create table fixture_note (
    id      uuid primary key,
    text    varchar(200) not null,
    version bigint not null
);
create table fixture_effect (
    subject varchar(100) primary key,
    applied integer not null
);
