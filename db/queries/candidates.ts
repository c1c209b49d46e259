import type { Db } from '../open.ts';
import { cachedStatement } from '../statements.ts';
import type { CandidateListItem, CandidateStatus } from '../../contract/types.ts';
import { effectiveVerdict, type Correction, type CorrectionField } from '../../contract/corrections.ts';
import { listCurrentCorrections, getCandidateCorrections } from './corrections.ts';

// The candidate list is read here, whole, with one query; its callers filter and sort it in
// memory (contract/candidate-list.ts) and the Candidates screen searches it there too.
// Each column is named as its CandidateListItem field, in the item's order (the order
// `shipped list --json` prints); a new list column is one more column here.
const listItemColumns = `
  c.id, c.name, c.email, c.location, c.current_title AS currentTitle, c.employers_json AS employers, c.status,
  c.file_count AS fileCount, c.created_at AS importedAt, c.updated_at AS updatedAt,
  a.sub_role AS subRole, a.evidence_level AS evidenceLevel, a.evidence_score AS evidenceScore, a.is_padded AS isPadded,
  a.padding_score AS paddingScore, a.seniority, a.years_experience AS yearsExperience,
  c.tools_shipped_json AS toolsShipped, c.tools_listed_json AS toolsListed`;

const fromLatestAnalysis = 'FROM candidates c LEFT JOIN analyses a ON a.resume_file_id = c.latest_resume_file_id';

/** The statement `listCandidates` runs (tests/db/candidates.test.ts checks its plan as run). */
const listCandidatesSql = `SELECT ${listItemColumns} ${fromLatestAnalysis} ORDER BY c.id`;
const candidateListItemSql = `SELECT ${listItemColumns} ${fromLatestAnalysis} WHERE c.id = ?`;

/** A row as SQLite gives it: four fields are not yet what the item holds. */
type ListRow = Omit<CandidateListItem, 'employers' | 'isPadded' | 'toolsShipped' | 'toolsListed' | 'correctedFields'> & {
  employers: string;
  isPadded: 0 | 1 | null;
  toolsShipped: string;
  toolsListed: string;
};

function parseStringArray(json: string): string[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * Makes the row its item in place: the row already has every field in the item's order. A second
 * object per row cost a 10,000-row list about a third more time, and an object literal per row is
 * what V8's allocation-site pretenuring once caught (bench/README.md, "List").
 */
function toListItem(row: ListRow): CandidateListItem {
  const item = row as unknown as CandidateListItem;
  item.employers = parseStringArray(row.employers);
  item.isPadded = row.isPadded === null ? null : row.isPadded === 1;
  item.toolsShipped = JSON.parse(row.toolsShipped) as string[];
  item.toolsListed = JSON.parse(row.toolsListed) as string[];
  item.correctedFields = uncorrected;
  return item;
}

/** Shared by every uncorrected item (most of them): nothing writes to it. */
const uncorrected: CorrectionField[] = [];

/** The item with the recruiter's corrections applied (contract/corrections.ts effectiveVerdict decides how). */
function withCorrections(item: CandidateListItem, corrections: readonly Correction[] | undefined): CandidateListItem {
  if (!corrections || corrections.length === 0 || item.subRole === null || item.evidenceLevel === null || item.isPadded === null) return item;
  const verdict = effectiveVerdict(
    {
      subRole: item.subRole,
      evidenceLevel: item.evidenceLevel,
      evidenceScore: item.evidenceScore ?? 0,
      isPadded: item.isPadded,
      toolsShipped: item.toolsShipped,
      toolsListed: item.toolsListed,
    },
    corrections,
  );
  return Object.assign(item, verdict);
}

/** Every candidate with the effective verdict on its latest resume (engine, then recruiter corrections), in id order. */
export function listCandidates(db: Db): CandidateListItem[] {
  const items = (cachedStatement(db, listCandidatesSql).all() as ListRow[]).map(toListItem);
  const corrections = listCurrentCorrections(db);
  if (corrections.size === 0) return items;
  return items.map((item) => withCorrections(item, corrections.get(item.id)));
}

export function getCandidateListItem(db: Db, id: number): CandidateListItem | null {
  const row = cachedStatement(db, candidateListItemSql).get(id) as ListRow | undefined;
  if (!row) return null;
  const item = toListItem(row);
  const latest = cachedStatement(db, 'SELECT latest_resume_file_id AS id FROM candidates WHERE id = ?').get(id) as { id: number | null };
  return withCorrections(item, getCandidateCorrections(db, id, latest.id).current);
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
