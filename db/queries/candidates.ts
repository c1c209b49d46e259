import type { Db } from '../open.ts';
import { cachedStatement } from '../statements.ts';
import type { CandidateListItem, CandidateStatus } from '../../main/api/types.ts';
import type { CandidateFilter } from '../../main/api/contract.ts';
import type { EvidenceLevel, Seniority, SubRoleId } from '../../main/analysis/types.ts';

/** Mirrors the columns the list query selects. */
interface CandidateListRow {
  id: number;
  name: string | null;
  email: string | null;
  location: string | null;
  current_title: string | null;
  employers_json: string;
  status: CandidateStatus;
  created_at: string;
  updated_at: string;
  file_count: number;
  sub_role: SubRoleId | null;
  evidence_level: EvidenceLevel | null;
  evidence_score: number | null;
  is_padded: 0 | 1 | null;
  padding_score: number | null;
  seniority: Seniority | null;
  years_experience: number | null;
  tools_shipped: string | null;
  tools_listed: string | null;
}

const listColumns = `
  c.id, c.name, c.email, c.location, c.current_title, c.employers_json, c.status, c.created_at, c.updated_at,
  (SELECT COUNT(*) FROM resume_files f WHERE f.candidate_id = c.id AND f.status = 'imported') AS file_count,
  a.sub_role, a.evidence_level, a.evidence_score, a.is_padded, a.padding_score, a.seniority, a.years_experience,
  (SELECT group_concat(t.tool_id, ',') FROM candidate_tools t WHERE t.candidate_id = c.id AND t.status = 'evidence') AS tools_shipped,
  (SELECT group_concat(t.tool_id, ',') FROM candidate_tools t WHERE t.candidate_id = c.id AND t.status = 'listed') AS tools_listed
`;

const fromLatestAnalysis = `FROM candidates c LEFT JOIN analyses a ON a.resume_file_id = c.latest_resume_file_id`;

// Sort keys map to fixed SQL; nothing the caller sends is pasted into the statement.
const orderBy: Record<NonNullable<CandidateFilter['sort']>, { asc: string; desc: string }> = {
  evidence: {
    asc: 'a.evidence_score IS NULL, a.evidence_score ASC, c.id ASC',
    desc: 'a.evidence_score IS NULL, a.evidence_score DESC, c.id ASC',
  },
  years: {
    asc: 'a.years_experience IS NULL, a.years_experience ASC, c.id ASC',
    desc: 'a.years_experience IS NULL, a.years_experience DESC, c.id ASC',
  },
  name: {
    asc: 'c.name IS NULL, c.name COLLATE NOCASE ASC, c.id ASC',
    desc: 'c.name IS NULL, c.name COLLATE NOCASE DESC, c.id ASC',
  },
  imported: { asc: 'c.created_at ASC, c.id ASC', desc: 'c.created_at DESC, c.id DESC' },
};

const filterClause = `
WHERE (@subRole IS NULL OR a.sub_role = @subRole)
  AND (@evidenceLevel IS NULL OR a.evidence_level = @evidenceLevel)
  AND (@isPadded IS NULL OR a.is_padded = @isPadded)
  AND (@status IS NULL OR c.status = @status)
  AND (@location IS NULL OR c.location LIKE '%' || @location || '%' ESCAPE '\\')
  AND (@tool IS NULL OR EXISTS (
    SELECT 1 FROM candidate_tools t
    WHERE t.candidate_id = c.id AND t.tool_id = @tool AND (@toolStatus IS NULL OR t.status = @toolStatus)))
`;

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function splitIds(value: string | null): string[] {
  return value ? value.split(',').sort() : [];
}

function parseStringArray(json: string): string[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [];
}

function toListItem(row: CandidateListRow): CandidateListItem {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    location: row.location,
    currentTitle: row.current_title,
    employers: parseStringArray(row.employers_json),
    status: row.status,
    fileCount: row.file_count,
    importedAt: row.created_at,
    updatedAt: row.updated_at,
    subRole: row.sub_role,
    evidenceLevel: row.evidence_level,
    evidenceScore: row.evidence_score,
    isPadded: row.is_padded === null ? null : row.is_padded === 1,
    paddingScore: row.padding_score,
    seniority: row.seniority,
    yearsExperience: row.years_experience,
    toolsShipped: splitIds(row.tools_shipped),
    toolsListed: splitIds(row.tools_listed),
  };
}

export function listCandidates(db: Db, filter: CandidateFilter = {}): CandidateListItem[] {
  const order = orderBy[filter.sort ?? 'evidence'][filter.direction ?? 'desc'];
  const statement = db.prepare<Record<string, unknown>, CandidateListRow>(
    `SELECT ${listColumns} ${fromLatestAnalysis} ${filterClause} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
  );
  return statement
    .all({
      subRole: filter.subRole ?? null,
      evidenceLevel: filter.evidenceLevel ?? null,
      isPadded: filter.isPadded === undefined ? null : Number(filter.isPadded),
      status: filter.status ?? null,
      location: filter.location === undefined ? null : escapeLike(filter.location),
      tool: filter.tool ?? null,
      toolStatus: filter.toolStatus ?? null,
      limit: filter.limit ?? -1,
      offset: filter.offset ?? 0,
    })
    .map(toListItem);
}

export function getCandidateListItem(db: Db, id: number): CandidateListItem | null {
  const row = db
    .prepare<[number], CandidateListRow>(`SELECT ${listColumns} ${fromLatestAnalysis} WHERE c.id = ?`)
    .get(id);
  return row ? toListItem(row) : null;
}

export function countCandidates(db: Db): number {
  return db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM candidates').get()?.n ?? 0;
}

export interface CandidateExtras {
  phone: string | null;
  notes: string;
  latestResumeFileId: number | null;
}

export function getCandidateExtras(db: Db, id: number): CandidateExtras | null {
  const row = db
    .prepare<[number], { phone: string | null; notes: string; latest_resume_file_id: number | null }>(
      'SELECT phone, notes, latest_resume_file_id FROM candidates WHERE id = ?',
    )
    .get(id);
  return row ? { phone: row.phone, notes: row.notes, latestResumeFileId: row.latest_resume_file_id } : null;
}

export function findCandidateIdByIdentity(db: Db, identityKey: string): number | null {
  const row = cachedStatement(db, 'SELECT id FROM candidates WHERE identity_key = ?').get(identityKey) as { id: number } | undefined;
  return row?.id ?? null;
}

export interface CandidateProfile {
  name: string | null;
  email: string | null;
  phone: string | null;
  location: string | null;
  currentTitle: string | null;
  employers: string[];
}

export function insertCandidate(db: Db, identityKey: string, profile: CandidateProfile, now: string): number {
  const result = cachedStatement(
      db,
      `INSERT INTO candidates (identity_key, name, email, phone, location, current_title, employers_json, created_at, updated_at)
       VALUES (@identityKey, @name, @email, @phone, @location, @currentTitle, @employersJson, @now, @now)`,
    ).run({ identityKey, ...profile, employersJson: JSON.stringify(profile.employers), now });
  return Number(result.lastInsertRowid);
}

/** Points the candidate at its newest resume version and refreshes the profile from it (keeping known values). */
export function setLatestResume(db: Db, candidateId: number, resumeFileId: number, profile: CandidateProfile, now: string): void {
  cachedStatement(
    db,
    `UPDATE candidates SET
       latest_resume_file_id = @resumeFileId,
       name = COALESCE(@name, name), email = COALESCE(@email, email), phone = COALESCE(@phone, phone),
       location = COALESCE(@location, location), current_title = COALESCE(@currentTitle, current_title),
       employers_json = @employersJson, updated_at = @now
     WHERE id = @candidateId`,
  ).run({ candidateId, resumeFileId, ...profile, employersJson: JSON.stringify(profile.employers), now });
}

export function setCandidateStatus(db: Db, id: number, status: CandidateStatus, now: string): boolean {
  return db.prepare('UPDATE candidates SET status = ?, updated_at = ? WHERE id = ?').run(status, now, id).changes === 1;
}

export function setCandidateNotes(db: Db, id: number, notes: string, now: string): boolean {
  return db.prepare('UPDATE candidates SET notes = ?, updated_at = ? WHERE id = ?').run(notes, now, id).changes === 1;
}

/** Removes the candidate and, through ON DELETE CASCADE, every file text, analysis, tool row and screening. */
export function deleteCandidate(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM candidates WHERE id = ?').run(id).changes === 1;
}
