// Recruiter corrections (migration 0008). Every write goes through recordCorrection and
// removeCorrection, so whatever else must happen on a correction (an audit line) has one place.
import type { Db } from '../open.ts';
import { cachedStatement } from '../statements.ts';
import { correctionFields, type CandidateCorrections, type Correction, type CorrectionKey, type CorrectionTarget } from '../../contract/corrections.ts';

interface CorrectionRow {
  candidateId: number;
  resumeFileId: number;
  field: Correction['field'];
  toolId: string;
  value: string;
  engineValue: string;
  engineVersion: string;
  note: string;
  correctedAt: string;
}

const columnsOf = (table: string) => `${table}.candidate_id AS candidateId, ${table}.resume_file_id AS resumeFileId, ${table}.field,
  ${table}.tool_id AS toolId, ${table}.value, ${table}.engine_value AS engineValue, ${table}.engine_version AS engineVersion,
  ${table}.note, ${table}.corrected_at AS correctedAt`;
const columns = columnsOf('corrections');

/** Stored as text: padding as 'true' / 'false', every other value as itself. */
const storedValue = (value: string | boolean): string => String(value);

function toCorrection(row: CorrectionRow): Correction {
  const meta = { resumeFileId: row.resumeFileId, note: row.note, engineVersion: row.engineVersion, correctedAt: row.correctedAt };
  // The CHECK constraints and recordCorrection (which takes a validated CorrectionTarget) decide what is stored.
  if (row.field === 'padding') return { ...meta, field: 'padding', toolId: null, value: row.value === 'true', engineValue: row.engineValue === 'true' };
  if (row.field === 'tool') return { ...meta, field: 'tool', toolId: row.toolId, value: row.value as 'evidence', engineValue: row.engineValue as 'evidence' };
  return { ...meta, field: row.field, toolId: null, value: row.value, engineValue: row.engineValue } as Correction;
}

export interface NewCorrection {
  candidateId: number;
  resumeFileId: number;
  target: CorrectionTarget;
  engineValue: string | boolean;
  engineVersion: string;
  note: string;
  now: string;
}

/** Stores the correction, replacing an earlier one of the same field (or tool) on the same resume version. */
export function recordCorrection(db: Db, correction: NewCorrection): void {
  const { target } = correction;
  cachedStatement(
    db,
    `INSERT INTO corrections (candidate_id, resume_file_id, field, tool_id, value, engine_value, engine_version, note, corrected_at)
     VALUES (@candidateId, @resumeFileId, @field, @toolId, @value, @engineValue, @engineVersion, @note, @now)
     ON CONFLICT (resume_file_id, field, tool_id) DO UPDATE SET
       value = excluded.value, engine_value = excluded.engine_value, engine_version = excluded.engine_version,
       note = excluded.note, corrected_at = excluded.corrected_at`,
  ).run({
    candidateId: correction.candidateId,
    resumeFileId: correction.resumeFileId,
    field: target.field,
    toolId: target.field === 'tool' ? target.toolId : '',
    value: storedValue(target.value),
    engineValue: storedValue(correction.engineValue),
    engineVersion: correction.engineVersion,
    note: correction.note,
    now: correction.now,
  });
}

/** Takes a correction back; false when there was none. */
export function removeCorrection(db: Db, resumeFileId: number, key: CorrectionKey): boolean {
  return (
    cachedStatement(db, 'DELETE FROM corrections WHERE resume_file_id = ? AND field = ? AND tool_id = ?').run(
      resumeFileId,
      key.field,
      key.field === 'tool' ? key.toolId : '',
    ).changes === 1
  );
}

/**
 * The corrections on the candidate's resume shown, and, as hints, the newest correction of each field
 * (or tool) made on an earlier version that the current version has not been corrected on.
 */
export function getCandidateCorrections(db: Db, candidateId: number, latestResumeFileId: number | null): CandidateCorrections {
  const rows = (cachedStatement(db, `SELECT ${columns} FROM corrections WHERE candidate_id = ? ORDER BY corrected_at DESC, id DESC`).all(candidateId) as CorrectionRow[]).map(
    toCorrection,
  );
  const fieldOrder = (row: Correction) => correctionFields.indexOf(row.field);
  const current = rows
    .filter((row) => row.resumeFileId === latestResumeFileId)
    .sort((a, b) => fieldOrder(a) - fieldOrder(b) || (a.toolId ?? '').localeCompare(b.toolId ?? ''));
  const keyOf = (row: Correction) => `${row.field}:${row.toolId ?? ''}`;
  const seen = new Set(current.map(keyOf));
  const earlier: Correction[] = [];
  for (const row of rows) {
    if (row.resumeFileId === latestResumeFileId || seen.has(keyOf(row))) continue;
    seen.add(keyOf(row));
    earlier.push(row);
  }
  return { current, earlier };
}

/** Every correction on a candidate's resume shown, by candidate id: what effectiveVerdict applies. */
export function listCurrentCorrections(db: Db): Map<number, Correction[]> {
  const rows = cachedStatement(
    db,
    `SELECT ${columnsOf('k')}
     FROM corrections k JOIN candidates c ON c.id = k.candidate_id AND c.latest_resume_file_id = k.resume_file_id
     ORDER BY k.candidate_id, k.id`,
  ).all() as CorrectionRow[];
  const byCandidate = new Map<number, Correction[]>();
  for (const row of rows) {
    const list = byCandidate.get(row.candidateId) ?? [];
    list.push(toCorrection(row));
    byCandidate.set(row.candidateId, list);
  }
  return byCandidate;
}

/** Every correction ever made, with the engine's verdict on the same resume version now (for `shipped eval --corrections`). */
export function listAllCorrections(db: Db): Array<Correction & { candidateId: number }> {
  return (cachedStatement(db, `SELECT ${columns} FROM corrections ORDER BY candidate_id, id`).all() as CorrectionRow[]).map((row) => ({
    ...toCorrection(row),
    candidateId: row.candidateId,
  }));
}

/** The engine's verdict on each candidate's resume shown, with the candidate's status: what corrections are measured against. */
export interface EngineVerdictRow {
  candidateId: number;
  status: string;
  subRole: string;
  evidenceLevel: string;
  isPadded: boolean;
  toolCount: number;
}

export function listEngineVerdicts(db: Db): EngineVerdictRow[] {
  const rows = cachedStatement(
    db,
    `SELECT c.id AS candidateId, c.status, a.sub_role AS subRole, a.evidence_level AS evidenceLevel, a.is_padded AS isPadded,
       (SELECT count(*) FROM candidate_tools t WHERE t.candidate_id = c.id) AS toolCount
     FROM candidates c JOIN analyses a ON a.resume_file_id = c.latest_resume_file_id ORDER BY c.id`,
  ).all() as Array<Omit<EngineVerdictRow, 'isPadded'> & { isPadded: 0 | 1 }>;
  return rows.map((row) => ({ ...row, isPadded: row.isPadded === 1 }));
}
