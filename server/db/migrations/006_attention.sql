-- GET /v1/attention (server/store/attention.ts) lists accounts from their stored summaries: those at
-- risk or to watch, and those whose agreed rhythm of contact comes due, by owner or by team, in
-- order of urgency. What it filters and orders by is kept beside the summary, in columns the trigger
-- below derives from the summary itself whenever one is stored or nulled. They therefore never
-- disagree with it, and are null exactly while it is (a write made it stale).
alter table account_summaries
  -- The account's owner as the summary names it (an owner change nulls the summary).
  add column owner_id uuid,
  -- Urgency among accounts at risk or to watch, smaller first: at-risk before watch, then more
  -- reasons before fewer. Null when the level is ok.
  add column risk_rank smallint,
  -- The last two-way contact; -infinity when there was none (the longest silence of all).
  add column last_contact_at timestamptz(3),
  -- When the agreed rhythm is next due: the last contact plus `cadenceDays` (days of 24 hours, as
  -- lib/risk counts them); -infinity when never in touch; null when no rhythm is agreed.
  add column rhythm_due_at timestamptz(3);

create function account_summaries_attention() returns trigger language plpgsql as $$
declare
  s json := new.summary;
  last timestamptz := (s->>'lastContactAt')::timestamptz;
begin
  new.owner_id := (s->'owner'->>'id')::uuid;
  new.risk_rank := case s->'risk'->>'level'
    when 'at-risk' then 0 when 'watch' then 100 end - least(json_array_length(s->'risk'->'reasons'), 99);
  new.last_contact_at := case when s is not null then coalesce(last, '-infinity') end;
  new.rhythm_due_at := case when s->>'cadenceDays' is not null
    then coalesce(last + (s->>'cadenceDays')::int * interval '86400 seconds', '-infinity') end;
  return new;
end $$;

create trigger account_summaries_attention before insert or update of summary on account_summaries
  for each row execute function account_summaries_attention();

-- The summaries stored before this migration get their columns.
update account_summaries set summary = summary where summary is not null;

-- The sections' orders, for one owner (owner=me) and for the whole team (owner=team).
create index account_summaries_owner_risk_idx on account_summaries (owner_id, risk_rank, last_contact_at, account_id)
  where risk_rank is not null;
create index account_summaries_team_risk_idx on account_summaries (team_id, risk_rank, last_contact_at, account_id)
  where risk_rank is not null;
create index account_summaries_owner_rhythm_idx on account_summaries (owner_id, rhythm_due_at, account_id)
  where rhythm_due_at is not null;
create index account_summaries_team_rhythm_idx on account_summaries (team_id, rhythm_due_at, account_id)
  where rhythm_due_at is not null;
-- Open commitments by their owner and due date (the team's are in commitments_open_due_idx).
create index commitments_owner_open_due_idx on commitments (owner_id, due_date, id)
  where status = 'open' and due_date is not null;
