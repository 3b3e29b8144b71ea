-- The batched lookup reads a year of interactions for up to 100 accounts per request. With the
-- fact columns in the timeline index itself, that read is an index-only scan instead of one heap
-- page per interaction (the rows of one account lie scattered over the table). The key is the
-- timeline's (account_id, occurred_at desc, id desc), so one index serves both; team_id is there
-- so the tenancy filter needs no heap visit either.
create index interactions_account_facts_idx on interactions (account_id, occurred_at desc, id desc)
  include (team_id, kind, direction, amount, contact_ids);
drop index interactions_account_time_idx;
