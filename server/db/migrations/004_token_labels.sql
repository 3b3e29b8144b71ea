-- Tokens are issued and revoked from the command line (`crm token …`). A label says what a token
-- is for ("laptop", "Outlook at home") so the right one can be revoked; tokens issued before
-- this migration have none. Listing and revoking a user's tokens read them by user.
alter table api_tokens add column label text;
create index api_tokens_user_idx on api_tokens (user_id);
