-- Account search reads each of its indexes in the order it answers in and stops at its limit,
-- instead of gathering every account a short prefix matches ("p" matches every address of a
-- team whose contacts are all person…@). For the words of a name, the order is the word, then the
-- account's name, so the name travels with each word: `name_key` is lower(name), kept by the same
-- triggers that keep the words (a rename deletes and re-inserts the account's words).

alter table account_words add column name_key text;
update account_words w set name_key = lower(a.name) from accounts a where a.id = w.account_id;
alter table account_words alter column name_key set not null;

create or replace function account_words_added() returns trigger language plpgsql as $$
begin
  insert into account_words (team_id, word, account_id, name_key)
    select n.team_id, w, n.id, lower(n.name) from new_rows n, account_name_words(n.name) as w
    on conflict do nothing;
  return null;
end $$;

create or replace function account_words_renamed() returns trigger language plpgsql as $$
begin
  delete from account_words aw using new_rows n join old_rows o on o.id = n.id
   where aw.account_id = n.id and n.name is distinct from o.name;
  insert into account_words (team_id, word, account_id, name_key)
    select n.team_id, w, n.id, lower(n.name) from new_rows n join old_rows o on o.id = n.id, account_name_words(n.name) as w
     where n.name is distinct from o.name
    on conflict do nothing;
  return null;
end $$;

create index account_words_order_idx on account_words (team_id, word text_pattern_ops, name_key text_pattern_ops, account_id);
drop index account_words_prefix_idx;
