import type { Db } from '../open.ts';
import { cachedStatement } from '../statements.ts';
import { evidenceLevels, seniorityLevels, subRoleIds, type EvidenceLevel, type Seniority, type SubRoleId, type ToolStatus } from '../../contract/analysis.ts';
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
  const row = cachedStatement(db, `SELECT ${roleColumns} FROM roles r WHERE r.id = ?`).get(id) as RoleRow | undefined;
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
  const row = cachedStatement(db, 'SELECT version, label, data_json, created_at FROM market_data_versions ORDER BY version DESC LIMIT 1').get() as
    | MarketVersionRow
    | undefined;
  return row ?? null;
}

export function insertMarketVersion(db: Db, label: string, dataJson: string, now: string): number {
  return Number(db.prepare('INSERT INTO market_data_versions (label, data_json, created_at) VALUES (?, ?, ?)').run(label, dataJson, now).lastInsertRowid);
}

export function deleteMarketVersions(db: Db): void {
  db.prepare('DELETE FROM market_data_versions').run();
}

// ---- What the fit ranking reads: one row per analysed candidate ----------------------
//
// Ranking reads every analysed candidate at once (10,000 in the 50 ms budget). Each value
// better-sqlite3 hands over costs time, so the engine's verdicts travel packed into one
// integer per candidate, and tool statuses as one integer per (candidate, tool) row; names,
// years and resume ids are read only for the page shown.

/** The engine's verdicts for one candidate's latest resume, in the shape the ranking scores. */
export interface FitFacts {
  candidateId: number;
  location: string | null;
  subRole: SubRoleId;
  evidenceLevel: EvidenceLevel;
  evidenceScore: number;
  isPadded: boolean;
  paddingScore: number;
  seniority: Seniority;
  hasLlmServing: boolean;
  hasClearance: boolean;
}

const caseOf = (column: string, values: readonly string[]) =>
  `(CASE ${column} ${values.map((value, index) => `WHEN '${value}' THEN ${index}`).join(' ')} ELSE 0 END)`;

// Bits: sub-role 0–2, evidence level 3–4, seniority 5–6, padded 7, LLM serving 8, clearance 9,
// evidence score 10–16, padding score 17–23 (scores are 0–100).
const packedVerdicts = `${caseOf('a.sub_role', subRoleIds)}
  | (${caseOf('a.evidence_level', evidenceLevels)} << 3)
  | (${caseOf('a.seniority', seniorityLevels)} << 5)
  | (a.is_padded << 7)
  | (coalesce(s.llm_serving, 0) << 8)
  | (coalesce(s.clearance, 0) << 9)
  | (min(max(a.evidence_score, 0), 127) << 10)
  | (min(max(a.padding_score, 0), 127) << 17)`;

export function listFitFacts(db: Db): FitFacts[] {
  const rows = cachedStatement(
    db,
    `SELECT c.id, ${packedVerdicts}, c.location
     FROM candidates c
     JOIN analyses a ON a.resume_file_id = c.latest_resume_file_id
     LEFT JOIN analysis_fit_signals s ON s.resume_file_id = a.resume_file_id`,
  )
    .raw(true)
    .all() as Array<[number, number, string | null]>;
  const facts: FitFacts[] = new Array(rows.length);
  for (let index = 0; index < rows.length; index++) {
    const [candidateId, bits, location] = rows[index]!;
    facts[index] = {
      candidateId,
      location,
      subRole: subRoleIds[bits & 7] ?? 'devops',
      evidenceLevel: evidenceLevels[(bits >> 3) & 3]!,
      seniority: seniorityLevels[(bits >> 5) & 3]!,
      isPadded: ((bits >> 7) & 1) === 1,
      hasLlmServing: ((bits >> 8) & 1) === 1,
      hasClearance: ((bits >> 9) & 1) === 1,
      evidenceScore: (bits >> 10) & 127,
      paddingScore: (bits >> 17) & 127,
    };
  }
  return facts;
}

export interface FitPageFacts {
  name: string | null;
  yearsExperience: number | null;
  /** The latest resume's stored text and analysis JSON, for the lines behind each part. */
  resumeText: string | null;
  analysisJson: string | null;
}

/** Everything the explained page needs for one candidate, in one prepared statement. */
export function getFitPageFacts(db: Db, candidateId: number): FitPageFacts | null {
  const row = cachedStatement(
    db,
    `SELECT c.name, a.years_experience, f.text, r.result_json
     FROM candidates c
     LEFT JOIN analyses a ON a.resume_file_id = c.latest_resume_file_id
     LEFT JOIN resume_files f ON f.id = c.latest_resume_file_id
     LEFT JOIN analysis_results r ON r.resume_file_id = c.latest_resume_file_id
     WHERE c.id = ?`,
  ).get(candidateId) as { name: string | null; years_experience: number | null; text: string | null; result_json: string | null } | undefined;
  return row ? { name: row.name, yearsExperience: row.years_experience, resumeText: row.text, analysisJson: row.result_json } : null;
}

/**
 * The status of each of the given tools for every candidate that names one, as a number per
 * candidate: two bits per tool in list order, 0 absent, 1 listed, 2 evidence (base-4 digits,
 * so 26 tools stay within a double's exact integers).
 */
export function toolStatusMasks(db: Db, toolIds: readonly string[]): Map<number, number> {
  const masks = new Map<number, number>();
  if (toolIds.length === 0) return masks;
  const packed = cachedStatement(
    db,
    `SELECT t.candidate_id * 64 + j.key * 2 + (t.status = 'evidence')
     FROM json_each(?) j JOIN candidate_tools t ON t.tool_id = j.value`,
  )
    .pluck(true)
    .all(JSON.stringify(toolIds)) as number[];
  for (const value of packed) {
    const candidateId = Math.floor(value / 64);
    const toolIndex = (value % 64) >> 1;
    const status = (value & 1) === 1 ? 2 : 1;
    masks.set(candidateId, (masks.get(candidateId) ?? 0) + status * 4 ** toolIndex);
  }
  return masks;
}

export function toolStatusAt(mask: number | undefined, toolIndex: number): ToolStatus | null {
  if (mask === undefined) return null;
  const digit = Math.floor(mask / 4 ** toolIndex) % 4;
  return digit === 2 ? 'evidence' : digit === 1 ? 'listed' : null;
}

/**
 * Changes whenever anything is written to the store: total_changes() counts this
 * connection's writes (triggers included), data_version moves when another connection
 * (the CLI beside the app) commits.
 */
export function storeVersion(db: Db): string {
  const dataVersion = cachedStatement(db, 'PRAGMA data_version').pluck().get() as number;
  const ownChanges = cachedStatement(db, 'SELECT total_changes()').pluck().get() as number;
  return `${dataVersion}:${ownChanges}`;
}
