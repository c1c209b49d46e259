import type { Db } from '../open.ts';
import { cachedStatement } from '../statements.ts';
import type { CandidateListItem, CandidateStatus } from '../../contract/types.ts';
import type { CandidateFilter } from '../../contract/api.ts';
import { fromLatestAnalysis, loadToolIds, packedRowId, readListRow, readPackedRow } from './candidate-list-rows.ts';

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

// Each filter adds one fixed condition, and only when it is set: a statement full of
// "@x IS NULL OR …" tests costs a pass over every row for filters nobody chose.
// Values are always bound parameters; the statements are cached per combination.
const filterConditions: Record<keyof FilterValues, string> = {
  subRole: 'a.sub_role = @subRole',
  evidenceLevel: 'a.evidence_level = @evidenceLevel',
  isPadded: 'a.is_padded = @isPadded',
  status: 'c.status = @status',
  location: "c.location LIKE '%' || @location || '%' ESCAPE '\\'",
  tool: `EXISTS (SELECT 1 FROM candidate_tools t WHERE t.candidate_id = c.id AND t.tool_id = @tool
         AND (@toolStatus IS NULL OR t.status = @toolStatus))`,
};

interface FilterValues {
  subRole?: string;
  evidenceLevel?: string;
  isPadded?: number;
  status?: string;
  location?: string;
  tool?: string;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`);
}

export function listCandidates(db: Db, filter: CandidateFilter = {}): CandidateListItem[] {
  const values: FilterValues = {
    subRole: filter.subRole,
    evidenceLevel: filter.evidenceLevel,
    isPadded: filter.isPadded === undefined ? undefined : Number(filter.isPadded),
    status: filter.status,
    location: filter.location === undefined ? undefined : escapeLike(filter.location),
    tool: filter.tool,
  };
  const active = (Object.keys(filterConditions) as Array<keyof FilterValues>).filter((key) => values[key] !== undefined);
  const where = active.length === 0 ? '' : `WHERE ${active.map((key) => filterConditions[key]).join(' AND ')}`;
  const order = orderBy[filter.sort ?? 'evidence'][filter.direction ?? 'desc'];
  const parameters: Record<string, unknown> = {};
  for (const key of active) parameters[key] = values[key];
  if (values.tool !== undefined) parameters.toolStatus = filter.toolStatus ?? null;
  // With a LIMIT clause SQLite sorts into a temporary b-tree instead of its sorter, which
  // made the whole sorted list ~2x slower in SQLite: the clause is there only for a page.
  let page = '';
  if (filter.limit !== undefined || filter.offset !== undefined) {
    page = 'LIMIT @limit OFFSET @offset';
    parameters.limit = filter.limit ?? -1;
    parameters.offset = filter.offset ?? 0;
  }
  // list_row (migration 0005) is never NULL; if it were, the id comes instead and the row is read from its columns.
  const statement = cachedStatement(db, `SELECT coalesce(c.list_row, c.id) ${fromLatestAnalysis} ${where} ORDER BY ${order} ${page}`);
  // One read transaction: the rows, the tool codes and any row read again see the same data.
  return db.transaction(() => {
    const rows = statement.pluck(true).all(parameters) as Array<string | number>;
    const toolIds = loadToolIds(db);
    const items = new Array<CandidateListItem>(rows.length);
    for (let index = 0; index < rows.length; index++) {
      const row = rows[index] as string | number;
      const item = typeof row === 'string' ? readPackedRow(row, toolIds) : null;
      items[index] = item ?? readRowAgain(db, typeof row === 'string' ? packedRowId(row) : row, toolIds);
    }
    return items;
  })();
}

function readRowAgain(db: Db, id: number, toolIds: readonly string[]): CandidateListItem {
  const item = readListRow(db, id, toolIds);
  if (!item) throw new Error(`Candidate ${id} vanished while the list was read`);
  return item;
}

export function getCandidateListItem(db: Db, id: number): CandidateListItem | null {
  return db.transaction(() => readListRow(db, id, loadToolIds(db)))();
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
