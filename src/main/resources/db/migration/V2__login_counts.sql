-- Failed logins, counted for every instance at once (the login throttle): by a hash of the account, the address or both.
create table login_counts (
    k          text primary key,
    failures   integer not null,
    last_at    timestamptz not null,
    not_before timestamptz not null
);
