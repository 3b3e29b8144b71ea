-- Core schema of the CRM API. Every tenant-owned table carries team_id so that each query can
-- filter by the caller's team directly. Timestamps are kept at millisecond precision
-- (timestamptz(3)) because JavaScript dates and the timeline's keyset cursor are in milliseconds.

create table teams (
  id uuid primary key,
  name text not null unique,
  -- RiskSettings from lib/api; missing fields take the schema's defaults when read.
  risk_settings jsonb not null default '{}'::jsonb,
  created_at timestamptz(3) not null default now()
);

create table users (
  id uuid primary key,
  team_id uuid not null references teams (id),
  name text not null,
  email text not null,
  active boolean not null default true,
  created_at timestamptz(3) not null default now(),
  unique (team_id, email)
);

-- Only the sha256 (hex) of a token is stored; the token itself is shown once when created.
create table api_tokens (
  id uuid primary key,
  user_id uuid not null references users (id),
  token_hash text not null unique,
  created_at timestamptz(3) not null default now(),
  revoked_at timestamptz(3)
);

create table accounts (
  id uuid primary key,
  team_id uuid not null references teams (id),
  name text not null,
  stage text not null default 'prospect'
    check (stage in ('prospect', 'potential', 'buying', 'repeat', 'loyal', 'promoter', 'lost')),
  owner_id uuid references users (id),
  cadence_days integer check (cadence_days > 0),
  -- Preferences from lib/api: channel, language, paymentTerms, workingStyle.
  preferences jsonb not null default '{}'::jsonb,
  special_terms text,
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now()
);
create index accounts_team_idx on accounts (team_id);

-- A domain names at most one account of a team, so a domain lookup has one answer.
create table account_domains (
  team_id uuid not null references teams (id),
  domain text not null,
  account_id uuid not null references accounts (id) on delete cascade,
  primary key (team_id, domain)
);
create index account_domains_account_idx on account_domains (account_id);

-- Other people of our team involved with the account (besides its owner).
create table account_members (
  account_id uuid not null references accounts (id) on delete cascade,
  user_id uuid not null references users (id),
  primary key (account_id, user_id)
);

create table contacts (
  id uuid primary key,
  team_id uuid not null references teams (id),
  account_id uuid not null references accounts (id),
  name text not null,
  role text,
  phone text,
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now()
);
create index contacts_account_idx on contacts (account_id);

-- Addresses are stored normalised (trimmed, lower-case) and are unique within a team.
create table contact_emails (
  team_id uuid not null references teams (id),
  email text not null,
  contact_id uuid not null references contacts (id) on delete cascade,
  position smallint not null default 0,
  primary key (team_id, email)
);
create index contact_emails_contact_idx on contact_emails (contact_id);

create table interactions (
  id uuid primary key,
  team_id uuid not null references teams (id),
  account_id uuid not null references accounts (id),
  kind text not null
    check (kind in ('email', 'call', 'meeting', 'note', 'order', 'cancellation', 'complaint', 'billing', 'outage', 'other')),
  direction text not null default 'internal' check (direction in ('inbound', 'outbound', 'internal')),
  occurred_at timestamptz(3) not null,
  summary text not null,
  author_id uuid references users (id),
  -- Contacts involved; an array keeps the hot batch reads (risk facts) to one row per interaction.
  contact_ids uuid[] not null default '{}',
  amount numeric,
  thread_id text,
  created_at timestamptz(3) not null default now()
);
-- Timeline pages and the risk facts' 365-day window both walk this index.
create index interactions_account_time_idx on interactions (account_id, occurred_at desc, id desc);
create index interactions_thread_idx on interactions (team_id, thread_id) where thread_id is not null;

create table commitments (
  id uuid primary key,
  team_id uuid not null references teams (id),
  account_id uuid not null references accounts (id),
  contact_id uuid references contacts (id),
  owner_id uuid references users (id),
  text text not null,
  due_date date,
  status text not null default 'open' check (status in ('open', 'done', 'cancelled')),
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  completed_at timestamptz(3),
  source_interaction_id uuid references interactions (id),
  version integer not null default 1 check (version > 0)
);
create index commitments_account_idx on commitments (account_id, status, due_date);
create index commitments_open_due_idx on commitments (team_id, due_date) where status = 'open';

-- The changes feed. Each write appends one row per record it touched, in its own transaction.
-- xid is the writing transaction's id: the feed only hands out rows of transactions older than
-- the oldest one still running (see server/store/changes.ts), so rows are never skipped.
create table changes (
  seq bigserial primary key,
  xid xid8 not null default pg_current_xact_id(),
  team_id uuid not null references teams (id),
  type text not null check (type in ('account', 'contact', 'interaction', 'commitment')),
  record_id uuid not null,
  account_id uuid not null,
  changed_at timestamptz(3) not null default now()
);
create index changes_feed_idx on changes (team_id, xid, seq);

-- Idempotency keys, scoped to the user. The row is claimed inside the write's own transaction,
-- so a concurrent duplicate waits on the primary key and then replays the stored answer.
create table idempotency_keys (
  user_id uuid not null references users (id),
  key text not null,
  request_hash text not null,
  status integer not null default 0,
  response jsonb,
  created_at timestamptz(3) not null default now(),
  primary key (user_id, key)
);
create index idempotency_keys_created_idx on idempotency_keys (created_at);
