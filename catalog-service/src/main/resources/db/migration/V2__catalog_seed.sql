-- What the bundled catalog content was when it was last loaded: the digest of its files. A start whose content has
-- the same digest has nothing to add, and neither reads nor checks the files again.

create table catalog_seed (
    id             integer primary key check (id = 1),
    content_digest varchar(64) not null,
    loaded_at      timestamptz not null
);
