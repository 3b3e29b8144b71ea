import { randomUUID } from 'node:crypto';
import { RiskSettings } from '../../lib/api';
import type { Queryable } from '../db';
import { hashToken, issueToken } from './tokens';

/** Finds a team by name, creating it (with default risk settings) when there is none. */
export async function ensureTeam(q: Queryable, name: string): Promise<{ id: string; created: boolean }> {
  const inserted = await q.query<{ id: string }>(
    'insert into teams (id, name) values ($1, $2) on conflict (name) do nothing returning id',
    [randomUUID(), name],
  );
  if (inserted.rows[0]) return { id: inserted.rows[0].id, created: true };
  const { rows } = await q.query<{ id: string }>('select id from teams where name = $1', [name]);
  if (!rows[0]) throw new Error(`team ${name} could not be created`);
  return { id: rows[0].id, created: false };
}

export interface NewUser {
  teamId: string;
  email: string;
  name: string;
  id?: string;
}

/** Adds a user to a team; fails if the team already has a user with this address. */
export async function createUser(q: Queryable, user: NewUser): Promise<string> {
  const id = user.id ?? randomUUID();
  await q.query('insert into users (id, team_id, name, email) values ($1, $2, $3, $4)', [
    id, user.teamId, user.name, user.email.trim().toLowerCase(),
  ]);
  return id;
}

/** Issues a token for a user. The token is returned once; only its hash is kept. */
export async function createToken(q: Queryable, userId: string): Promise<string> {
  return (await issueToken(q, userId)).token;
}

/** Replaces a team's risk settings; the value is checked (and defaults filled) first. */
export async function setRiskSettings(q: Queryable, teamId: string, settings: RiskSettings): Promise<void> {
  const checked = RiskSettings.parse(settings);
  await q.query('update teams set risk_settings = $2 where id = $1', [teamId, JSON.stringify(checked)]);
}

/** Turns the team setting "anyone of the team may edit and delete any note" on or off. */
export async function setTeamMayEditNotes(q: Queryable, teamId: string, allowed: boolean): Promise<void> {
  await q.query('update teams set team_may_edit_notes = $2 where id = $1', [teamId, allowed]);
}

export interface Caller {
  userId: string;
  userName: string;
  userEmail: string;
  teamId: string;
  teamName: string;
  settings: RiskSettings;
  /** Names the team's stored settings (md5 of their JSON); stored summaries record it. */
  settingsKey: string;
  /** Team setting: anyone of the team may edit and delete any note, not only its author. */
  teamMayEditNotes: boolean;
}

/**
 * The active user a token hash (`$1`) belongs to, as the CTE `caller`: every statement that
 * authenticates a request, on its own or within the request's own query, uses this one.
 */
export const CALLER_CTE = `caller as (
  select u.id as user_id, u.name as user_name, u.email as user_email,
         t.id as team_id, t.name as team_name, t.risk_settings, md5(t.risk_settings::text) as settings_key,
         t.team_may_edit_notes
    from api_tokens k
    join users u on u.id = k.user_id
    join teams t on t.id = u.team_id
   where k.token_hash = $1 and k.revoked_at is null and u.active)`;

interface CallerRow {
  user_id: string;
  user_name: string;
  user_email: string;
  team_id: string;
  team_name: string;
  risk_settings: unknown;
  settings_key: string;
  team_may_edit_notes: boolean;
}

/** The active user a token belongs to, or null for an unknown, revoked or deactivated one. */
export async function findCaller(q: Queryable, token: string): Promise<Caller | null> {
  const { rows } = await q.query<CallerRow>(`with ${CALLER_CTE} select * from caller`, [hashToken(token)], 'crm_find_caller');
  const row = rows[0];
  if (!row) return null;
  return {
    userId: row.user_id,
    userName: row.user_name,
    userEmail: row.user_email,
    teamId: row.team_id,
    teamName: row.team_name,
    settings: readSettings(row.risk_settings),
    settingsKey: row.settings_key,
    teamMayEditNotes: row.team_may_edit_notes,
  };
}

/** Stored settings with defaults filled; a damaged value falls back to the defaults, loudly. */
export function readSettings(stored: unknown): RiskSettings {
  const parsed = RiskSettings.safeParse(stored ?? {});
  if (parsed.success) return parsed.data;
  console.error('team risk settings are not valid, using defaults:', parsed.error.issues[0]?.message);
  return RiskSettings.parse({});
}
