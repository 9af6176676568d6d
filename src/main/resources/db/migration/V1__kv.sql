-- Every table of the store in one: a row per key, the value sealed JSON (as in the MapDB file).
-- Keys sort by code point ("C" collation), as Java strings sort them, so range reads match the embedded store.
create table kv (
    tbl text not null,
    k   text collate "C" not null,
    v   bytea not null,
    primary key (tbl, k)
);
