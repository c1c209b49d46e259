import type { Db } from '../open.ts';
import { cachedStatement } from '../statements.ts';
import type { EvidenceLevel, Seniority, SubRoleId, ToolStatus } from '../../contract/analysis.ts';
import type { Role, RoleFields, ShortlistEntry } from '../../contract/roles.ts';

interface RoleRow {
  id: number;
  title: string;
  sub_role: string;
  level: string;
  city: string;
  engagement: string;
  must_have_json: string;
  nice_to_have_json: string;
  factors_json: string;
  intake_json: string;
  notes: string;
  status: string;
  created_at: string;
  updated_at: string;
  shortlist_count: number;
}

const roleColumns = `r.id, r.title, r.sub_role, r.level, r.city, r.engagement, r.must_have_json, r.nice_to_have_json,
  r.factors_json, r.intake_json, r.notes, r.status, r.created_at, r.updated_at,
  (SELECT count(*) FROM role_shortlist s WHERE s.role_id = r.id) AS shortlist_count`;

/** Rows are written only by insertRole/updateRole from validated RoleFields. */
function toRole(row: RoleRow): Role {
  return {
    id: row.id,
    title: row.title,
    subRole: row.sub_role as Role['subRole'],
    level: row.level as Role['level'],
    city: row.city,
    engagement: row.engagement as Role['engagement'],
    mustHave: JSON.parse(row.must_have_json) as string[],
    niceToHave: JSON.parse(row.nice_to_have_json) as string[],
    factors: JSON.parse(row.factors_json) as Role['factors'],
    intake: JSON.parse(row.intake_json) as Role['intake'],
    notes: row.notes,
    status: row.status as Role['status'],
    shortlistCount: row.shortlist_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function roleParams(fields: RoleFields) {
  return {
    title: fields.title,
    subRole: fields.subRole,
    level: fields.level,
    city: fields.city,
    engagement: fields.engagement,
    mustHave: JSON.stringify(fields.mustHave),
    niceToHave: JSON.stringify(fields.niceToHave),
    factors: JSON.stringify(fields.factors),
    intake: JSON.stringify(fields.intake),
    notes: fields.notes,
    status: fields.status,
  };
}

export function insertRole(db: Db, fields: RoleFields, now: string): number {
  const result = db
    .prepare(
      `INSERT INTO roles (title, sub_role, level, city, engagement, must_have_json, nice_to_have_json, factors_json,
         intake_json, notes, status, created_at, updated_at)
       VALUES (@title, @subRole, @level, @city, @engagement, @mustHave, @niceToHave, @factors, @intake, @notes, @status, @now, @now)`,
    )
    .run({ ...roleParams(fields), now });
  return Number(result.lastInsertRowid);
}

export function updateRole(db: Db, id: number, fields: RoleFields, now: string): boolean {
  const result = db
    .prepare(
      `UPDATE roles SET title = @title, sub_role = @subRole, level = @level, city = @city, engagement = @engagement,
         must_have_json = @mustHave, nice_to_have_json = @niceToHave, factors_json = @factors, intake_json = @intake,
         notes = @notes, status = @status, updated_at = @now
       WHERE id = @id`,
    )
    .run({ ...roleParams(fields), now, id });
  return result.changes > 0;
}

export function deleteRole(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM roles WHERE id = ?').run(id).changes > 0;
}

export function getRole(db: Db, id: number): Role | null {
  const row = db.prepare<[number], RoleRow>(`SELECT ${roleColumns} FROM roles r WHERE r.id = ?`).get(id);
  return row ? toRole(row) : null;
}

export function listRoles(db: Db): Role[] {
  return db
    .prepare<[], RoleRow>(`SELECT ${roleColumns} FROM roles r ORDER BY CASE r.status WHEN 'open' THEN 0 ELSE 1 END, r.updated_at DESC, r.id DESC`)
    .all()
    .map(toRole);
}

// ---- Shortlist ---------------------------------------------------------------

export function upsertShortlist(db: Db, roleId: number, candidateId: number, note: string, now: string): void {
  db.prepare(
    `INSERT INTO role_shortlist (role_id, candidate_id, note, added_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (role_id, candidate_id) DO UPDATE SET note = excluded.note`,
  ).run(roleId, candidateId, note, now);
}

export function removeFromShortlist(db: Db, roleId: number, candidateId: number): boolean {
  return db.prepare('DELETE FROM role_shortlist WHERE role_id = ? AND candidate_id = ?').run(roleId, candidateId).changes > 0;
}

export function listShortlist(db: Db, roleId: number): ShortlistEntry[] {
  return db
    .prepare<[number], { role_id: number; candidate_id: number; name: string | null; note: string; added_at: string }>(
      `SELECT s.role_id, s.candidate_id, c.name, s.note, s.added_at
       FROM role_shortlist s JOIN candidates c ON c.id = s.candidate_id
       WHERE s.role_id = ? ORDER BY s.added_at, s.candidate_id`,
    )
    .all(roleId)
    .map((row) => ({ roleId: row.role_id, candidateId: row.candidate_id, name: row.name, note: row.note, addedAt: row.added_at }));
}

export function shortlistedCandidateIds(db: Db, roleId: number): Set<number> {
  const ids = cachedStatement(db, 'SELECT candidate_id FROM role_shortlist WHERE role_id = ?').pluck().all(roleId) as number[];
  return new Set(ids);
}

// ---- Screenings started from a role -------------------------------------------

export function linkScreeningToRole(db: Db, screeningId: number, roleId: number): void {
  db.prepare('INSERT OR REPLACE INTO role_screenings (screening_id, role_id) VALUES (?, ?)').run(screeningId, roleId);
}

export function roleIdOfScreening(db: Db, screeningId: number): number | null {
  const value = db.prepare('SELECT role_id FROM role_screenings WHERE screening_id = ?').pluck().get(screeningId) as number | undefined;
  return value ?? null;
}

/** The role of the candidate's most recent screening started from one, if any. */
export function latestRoleIdForCandidate(db: Db, candidateId: number): number | null {
  const value = db
    .prepare(
      `SELECT l.role_id FROM role_screenings l JOIN screenings s ON s.id = l.screening_id
       WHERE s.candidate_id = ? ORDER BY s.started_at DESC, s.id DESC LIMIT 1`,
    )
    .pluck()
    .get(candidateId) as number | undefined;
  return value ?? null;
}

// ---- Market data copies ---------------------------------------------------------

export interface MarketVersionRow {
  version: number;
  label: string;
  data_json: string;
  created_at: string;
}

export function latestMarketVersion(db: Db): MarketVersionRow | null {
  return (
    db.prepare<[], MarketVersionRow>('SELECT version, label, data_json, created_at FROM market_data_versions ORDER BY version DESC LIMIT 1').get() ??
    null
  );
}

export function insertMarketVersion(db: Db, label: string, dataJson: string, now: string): number {
  return Number(db.prepare('INSERT INTO market_data_versions (label, data_json, created_at) VALUES (?, ?, ?)').run(label, dataJson, now).lastInsertRowid);
}

export function deleteMarketVersions(db: Db): void {
  db.prepare('DELETE FROM market_data_versions').run();
}

// ---- What the fit ranking reads: one row per analysed candidate ----------------------

/** The engine's verdicts for one candidate's latest resume, in the shape the ranking scores. */
export interface FitFactsRow {
  candidateId: number;
  name: string | null;
  location: string | null;
  resumeFileId: number;
  subRole: SubRoleId;
  evidenceLevel: EvidenceLevel;
  evidenceScore: number;
  isPadded: boolean;
  paddingScore: number;
  seniority: Seniority;
  yearsExperience: number | null;
  hasLlmServing: boolean;
  hasClearance: boolean;
}

type RawFactsRow = [number, string | null, string | null, number, string, string, number, number, number, string, number | null, number, number];

/** Every analysed candidate's facts, read as arrays (no per-row objects from SQLite) for the 10,000-candidate ranking. */
export function listFitFacts(db: Db): FitFactsRow[] {
  const rows = cachedStatement(
    db,
    `SELECT c.id, c.name, c.location, a.resume_file_id, a.sub_role, a.evidence_level, a.evidence_score, a.is_padded,
       a.padding_score, a.seniority, a.years_experience, coalesce(s.llm_serving, 0), coalesce(s.clearance, 0)
     FROM candidates c
     JOIN analyses a ON a.resume_file_id = c.latest_resume_file_id
     LEFT JOIN analysis_fit_signals s ON s.resume_file_id = a.resume_file_id`,
  )
    .raw(true)
    .all() as RawFactsRow[];
  return rows.map((row) => ({
    candidateId: row[0],
    name: row[1],
    location: row[2],
    resumeFileId: row[3],
    subRole: row[4] as SubRoleId,
    evidenceLevel: row[5] as EvidenceLevel,
    evidenceScore: row[6],
    isPadded: row[7] === 1,
    paddingScore: row[8],
    seniority: row[9] as Seniority,
    yearsExperience: row[10],
    hasLlmServing: row[11] === 1,
    hasClearance: row[12] === 1,
  }));
}

/** Status of each of the given tools for every candidate that names one: candidate id → tool id → status. */
export function toolStatusesFor(db: Db, toolIds: readonly string[]): Map<number, Map<string, ToolStatus>> {
  const byCandidate = new Map<number, Map<string, ToolStatus>>();
  if (toolIds.length === 0) return byCandidate;
  const rows = cachedStatement(
    db,
    'SELECT candidate_id, tool_id, status FROM candidate_tools WHERE tool_id IN (SELECT value FROM json_each(?))',
  )
    .raw(true)
    .all(JSON.stringify(toolIds)) as Array<[number, string, ToolStatus]>;
  for (const [candidateId, toolId, status] of rows) {
    let tools = byCandidate.get(candidateId);
    if (!tools) {
      tools = new Map();
      byCandidate.set(candidateId, tools);
    }
    tools.set(toolId, status);
  }
  return byCandidate;
}
