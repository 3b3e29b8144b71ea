-- Changing what the server holds: accounts and interactions are edited with optimistic
-- concurrency (a version, as commitments have), each records who changed it last and when, and
-- interactions are deleted softly (kept, hidden, restorable). Plus the indexes of account search.
-- Every added column has a constant default or none, so no table is rewritten.

-- Accounts: a version for PATCH, and who changed the account last (updated_at already exists).
alter table accounts
  add column version integer not null default 1 check (version > 0),
  add column updated_by uuid references users (id);

-- Interactions: a version, the last edit (null until the first one: the API shows created_at and
-- no editor), and the soft delete. A deleted row stays, with who deleted it and when, until it is
-- restored; nothing purges it.
alter table interactions
  add column version integer not null default 1 check (version > 0),
  add column updated_at timestamptz(3),
  add column updated_by uuid references users (id),
  add column deleted_at timestamptz(3),
  add column deleted_by uuid references users (id);

-- The timeline and the risk facts read only live interactions: the facts index (migration 002)
-- becomes partial, so both stay index-only scans with `deleted_at is null` in their WHERE.
create index interactions_live_facts_idx on interactions (account_id, occurred_at desc, id desc)
  include (team_id, kind, direction, amount, contact_ids) where deleted_at is null;
drop index interactions_account_facts_idx;

-- The changes feed carries tombstones: a deleted record, so that clients drop it from caches.
alter table changes add column deleted boolean not null default false;

-- Team setting: anyone of the team may edit and delete any note; off, only its author may.
alter table teams add column team_may_edit_notes boolean not null default false;

-- Account search (GET /v1/accounts?q=): prefixes of the whole name, of any word of it, of a
-- domain and of a contact's address, ignoring case. Plain btree prefix ranges (text_pattern_ops
-- compares bytes, so `~>=~ p and ~<~ p || U+10FFFF` is exactly "starts with p"), which PGlite and
-- PostgreSQL both have; no extension needed.
create index accounts_name_prefix_idx on accounts (team_id, lower(name) text_pattern_ops);
create index account_domains_prefix_idx on account_domains (team_id, domain text_pattern_ops);
create index contact_emails_prefix_idx on contact_emails (team_id, email text_pattern_ops);

-- The words of each account's name (lower case, split at spaces and punctuation), kept by
-- triggers whoever writes the name (the API, imports, plain SQL).
create table account_words (
  team_id uuid not null,
  word text not null,
  account_id uuid not null references accounts (id) on delete cascade,
  primary key (team_id, word, account_id)
);
create index account_words_prefix_idx on account_words (team_id, word text_pattern_ops, account_id);
create index account_words_account_idx on account_words (account_id);

create function account_name_words(name text) returns setof text language sql immutable as $$
  select distinct w from regexp_split_to_table(lower(name), '[[:space:][:punct:]]+') as w where w <> ''
$$;

insert into account_words (team_id, word, account_id)
  select a.team_id, w, a.id from accounts a, account_name_words(a.name) as w;

create function account_words_added() returns trigger language plpgsql as $$
begin
  insert into account_words (team_id, word, account_id)
    select n.team_id, w, n.id from new_rows n, account_name_words(n.name) as w
    on conflict do nothing;
  return null;
end $$;

create function account_words_renamed() returns trigger language plpgsql as $$
begin
  delete from account_words aw using new_rows n join old_rows o on o.id = n.id
   where aw.account_id = n.id and n.name is distinct from o.name;
  insert into account_words (team_id, word, account_id)
    select n.team_id, w, n.id from new_rows n join old_rows o on o.id = n.id, account_name_words(n.name) as w
     where n.name is distinct from o.name
    on conflict do nothing;
  return null;
end $$;

create trigger accounts_words_insert after insert on accounts
  referencing new table as new_rows for each statement execute function account_words_added();
create trigger accounts_words_update after update on accounts
  referencing old table as old_rows new table as new_rows for each statement execute function account_words_renamed();
