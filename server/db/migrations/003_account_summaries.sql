-- Per-account summaries (AccountSummary of lib/api, risk included), kept so that a lookup reads
-- one row per account instead of a year of interactions (server/store/summary-cache.ts).
--
-- A row is used only while it is current on three counts: nothing it was computed from has been
-- written since (summary not null; the triggers below null it in the writing transaction), the
-- team's risk settings are the ones it was computed with (settings_key), and time alone has not
-- moved it on (computed_at <= now < valid_until, from lib/risk stableUntil). Otherwise it is
-- computed again when read, and by the refresher in the background.
create table account_summaries (
  account_id uuid primary key references accounts (id) on delete cascade,
  team_id uuid not null,
  -- The summary exactly as the API sends it; null while it has to be computed again.
  summary json,
  settings_key text,
  computed_at timestamptz(3),
  valid_until timestamptz(3),
  -- Bumped by every write that nulls the summary. A summary computed from data read before such
  -- a write is stored only if the generation it started from is still the row's (no stale
  -- answer can land after the write that made it stale).
  gen bigint not null default 0
) with (fillfactor = 70);
create index account_summaries_team_idx on account_summaries (team_id);

insert into account_summaries (account_id, team_id) select id, team_id from accounts;

-- Owners' name, address and active flag are part of their accounts' summaries.
create index accounts_owner_idx on accounts (owner_id);

-- Marks summaries stale. Rows are locked in id order first, so two transactions that touch
-- several accounts each (imports, settings) queue instead of deadlocking.
create function account_summaries_stale(ids uuid[]) returns void language sql as $$
  update account_summaries s set summary = null, gen = s.gen + 1
   where s.account_id in (select l.account_id from account_summaries l
                           where l.account_id = any(ids) order by l.account_id for update)
$$;

-- Interactions and commitments: the accounts of the rows written (statement-level triggers with
-- transition tables, so a bulk import costs one statement per insert, not one per row).
create function account_summaries_stale_new() returns trigger language plpgsql as $$
begin
  perform account_summaries_stale(array(select distinct account_id from new_rows));
  return null;
end $$;

create function account_summaries_stale_old() returns trigger language plpgsql as $$
begin
  perform account_summaries_stale(array(select distinct account_id from old_rows));
  return null;
end $$;

create function account_summaries_stale_moved() returns trigger language plpgsql as $$
begin
  perform account_summaries_stale(array(select account_id from new_rows union select account_id from old_rows));
  return null;
end $$;

create trigger interactions_summaries_insert after insert on interactions
  referencing new table as new_rows for each statement execute function account_summaries_stale_new();
create trigger interactions_summaries_update after update on interactions
  referencing old table as old_rows new table as new_rows for each statement execute function account_summaries_stale_moved();
create trigger interactions_summaries_delete after delete on interactions
  referencing old table as old_rows for each statement execute function account_summaries_stale_old();

create trigger commitments_summaries_insert after insert on commitments
  referencing new table as new_rows for each statement execute function account_summaries_stale_new();
create trigger commitments_summaries_update after update on commitments
  referencing old table as old_rows new table as new_rows for each statement execute function account_summaries_stale_moved();
create trigger commitments_summaries_delete after delete on commitments
  referencing old table as old_rows for each statement execute function account_summaries_stale_old();

-- Accounts: a new one gets its (empty) row; a change to what the summary shows makes it stale.
create function account_summaries_account_added() returns trigger language plpgsql as $$
begin
  insert into account_summaries (account_id, team_id) select id, team_id from new_rows on conflict do nothing;
  return null;
end $$;

create function account_summaries_account_changed() returns trigger language plpgsql as $$
begin
  perform account_summaries_stale(array(
    select n.id from new_rows n join old_rows o on o.id = n.id
     where (n.name, n.stage, n.owner_id, n.cadence_days) is distinct from (o.name, o.stage, o.owner_id, o.cadence_days)));
  return null;
end $$;

create trigger accounts_summaries_insert after insert on accounts
  referencing new table as new_rows for each statement execute function account_summaries_account_added();
create trigger accounts_summaries_update after update on accounts
  referencing old table as old_rows new table as new_rows for each statement execute function account_summaries_account_changed();

-- Users: the accounts they own show their name and address, and whether they are active.
create function account_summaries_owner_changed() returns trigger language plpgsql as $$
begin
  perform account_summaries_stale(array(
    select a.id from new_rows n join old_rows o on o.id = n.id join accounts a on a.owner_id = n.id
     where (n.name, n.email, n.active) is distinct from (o.name, o.email, o.active)));
  return null;
end $$;

create trigger users_summaries_update after update on users
  referencing old table as old_rows new table as new_rows for each statement execute function account_summaries_owner_changed();

-- Teams: other risk settings change every summary of the team.
create function account_summaries_settings_changed() returns trigger language plpgsql as $$
begin
  perform account_summaries_stale(array(
    select s.account_id from new_rows n join old_rows o on o.id = n.id join account_summaries s on s.team_id = n.id
     where n.risk_settings is distinct from o.risk_settings));
  return null;
end $$;

create trigger teams_summaries_update after update on teams
  referencing old table as old_rows new table as new_rows for each statement execute function account_summaries_settings_changed();
