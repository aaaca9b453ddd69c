create table bench_row (
    id         bigint       primary key,
    name       varchar(200) not null,
    amount     integer      not null,
    created_at timestamptz  not null
);
create sequence bench_row_seq increment by 50;
insert into bench_row (id, name, amount, created_at)
select n, 'row ' || n, n % 1000, now() from generate_series(1, 1000) n;
select setval('bench_row_seq', 1001);
