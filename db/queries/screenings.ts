import type { Db } from '../open.ts';
import type { Recommendation, ScreeningSummary } from '../../contract/types.ts';

interface ScreeningSummaryRow {
  id: number;
  candidate_id: number;
  label: string;
  status: 'in-progress' | 'finished';
  script_version: number;
  started_at: string;
  finished_at: string | null;
  recommendation: Recommendation | null;
}

export function toScreeningSummary(row: ScreeningSummaryRow): ScreeningSummary {
  return {
    id: row.id,
    candidateId: row.candidate_id,
    label: row.label,
    status: row.status,
    scriptVersion: row.script_version,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    recommendation: row.recommendation,
  };
}

export function listScreeningsForCandidate(db: Db, candidateId: number): ScreeningSummary[] {
  return db
    .prepare<[number], ScreeningSummaryRow>(
      `SELECT id, candidate_id, label, status, script_version, started_at, finished_at, recommendation
       FROM screenings WHERE candidate_id = ? ORDER BY started_at DESC, id DESC`,
    )
    .all(candidateId)
    .map(toScreeningSummary);
}

// ---- Script versions -------------------------------------------------------

export interface ScriptRow {
  version: number;
  script_json: string;
  created_at: string;
  change_note: string;
}

export function getLatestScriptRow(db: Db): ScriptRow | null {
  return (
    db
      .prepare<[], ScriptRow>(
        'SELECT version, script_json, created_at, change_note FROM screening_scripts ORDER BY version DESC LIMIT 1',
      )
      .get() ?? null
  );
}

export function getScriptRow(db: Db, version: number): ScriptRow | null {
  return (
    db
      .prepare<[number], ScriptRow>('SELECT version, script_json, created_at, change_note FROM screening_scripts WHERE version = ?')
      .get(version) ?? null
  );
}

/** Appends a version numbered one past the newest; returns that number. Call inside a transaction. */
export function insertScriptVersion(db: Db, scriptJson: string, changeNote: string, now: string): number {
  const next = (db.prepare<[], { v: number | null }>('SELECT MAX(version) AS v FROM screening_scripts').get()?.v ?? 0) + 1;
  db.prepare('INSERT INTO screening_scripts (version, script_json, created_at, change_note) VALUES (?, ?, ?, ?)').run(
    next,
    scriptJson,
    now,
    changeNote,
  );
  return next;
}

// ---- Screenings ------------------------------------------------------------

export interface ScreeningRow extends ScreeningSummaryRow {
  current_question_index: number;
  updated_at: string;
  suggested_json: string | null;
  summary_notes: string;
}

export function getScreeningRow(db: Db, id: number): ScreeningRow | null {
  return (
    db
      .prepare<[number], ScreeningRow>(
        `SELECT id, candidate_id, label, status, script_version, started_at, finished_at, recommendation,
                current_question_index, updated_at, suggested_json, summary_notes
         FROM screenings WHERE id = ?`,
      )
      .get(id) ?? null
  );
}

export function insertScreening(db: Db, candidateId: number, scriptVersion: number, label: string, now: string): number {
  const result = db
    .prepare(
      `INSERT INTO screenings (candidate_id, script_version, label, started_at, updated_at)
       VALUES (?, ?, ?, ?, ?)`,
    )
    .run(candidateId, scriptVersion, label, now, now);
  return Number(result.lastInsertRowid);
}

export function setScreeningPosition(db: Db, id: number, index: number, now: string): boolean {
  return (
    db
      .prepare(`UPDATE screenings SET current_question_index = ?, updated_at = ? WHERE id = ? AND status = 'in-progress'`)
      .run(index, now, id).changes === 1
  );
}

export function touchScreening(db: Db, id: number, now: string): void {
  db.prepare('UPDATE screenings SET updated_at = ? WHERE id = ?').run(now, id);
}

/** Marks an in-progress screening finished; false when it was already finished (or is gone). */
export function finishScreeningRow(
  db: Db,
  id: number,
  values: { recommendation: Recommendation; summaryNotes: string; suggestedJson: string },
  now: string,
): boolean {
  return (
    db
      .prepare(
        `UPDATE screenings SET status = 'finished', recommendation = @recommendation, summary_notes = @summaryNotes,
           suggested_json = @suggestedJson, finished_at = @now, updated_at = @now
         WHERE id = @id AND status = 'in-progress'`,
      )
      .run({ id, ...values, now }).changes === 1
  );
}

/** The screening a brief shows: the latest finished one, else the latest in progress. */
export function findBriefScreeningId(db: Db, candidateId: number): number | null {
  const row = db
    .prepare<[number], { id: number }>(
      `SELECT id FROM screenings WHERE candidate_id = ?
       ORDER BY status = 'finished' DESC, COALESCE(finished_at, started_at) DESC, id DESC LIMIT 1`,
    )
    .get(candidateId);
  return row?.id ?? null;
}

// ---- Answers ---------------------------------------------------------------

export interface AnswerRow {
  question_id: string;
  ticked_good_json: string;
  ticked_red_json: string;
  notes: string;
  rating: number | null;
  elapsed_ms: number;
}

export function listAnswerRows(db: Db, screeningId: number): AnswerRow[] {
  return db
    .prepare<[number], AnswerRow>(
      `SELECT question_id, ticked_good_json, ticked_red_json, notes, rating, elapsed_ms
       FROM screening_answers WHERE screening_id = ?`,
    )
    .all(screeningId);
}

/** Only the fields present are written; `rating: null` clears the rating. */
export interface AnswerPatch {
  tickedGood?: string[] | undefined;
  tickedRed?: string[] | undefined;
  notes?: string | undefined;
  rating?: number | null | undefined;
  elapsedMs?: number | undefined;
}

export function upsertAnswer(db: Db, screeningId: number, questionId: string, patch: AnswerPatch, now: string): void {
  db.prepare(
    `INSERT INTO screening_answers (screening_id, question_id, ticked_good_json, ticked_red_json, notes, rating, elapsed_ms, updated_at)
     VALUES (@screeningId, @questionId, COALESCE(@good, '[]'), COALESCE(@red, '[]'), COALESCE(@notes, ''),
             CASE WHEN @hasRating THEN @rating ELSE NULL END, COALESCE(@elapsed, 0), @now)
     ON CONFLICT (screening_id, question_id) DO UPDATE SET
       ticked_good_json = COALESCE(@good, ticked_good_json),
       ticked_red_json = COALESCE(@red, ticked_red_json),
       notes = COALESCE(@notes, notes),
       rating = CASE WHEN @hasRating THEN @rating ELSE rating END,
       elapsed_ms = COALESCE(@elapsed, elapsed_ms),
       updated_at = @now`,
  ).run({
    screeningId,
    questionId,
    good: patch.tickedGood === undefined ? null : JSON.stringify(patch.tickedGood),
    red: patch.tickedRed === undefined ? null : JSON.stringify(patch.tickedRed),
    notes: patch.notes ?? null,
    hasRating: patch.rating === undefined ? 0 : 1,
    rating: patch.rating ?? null,
    elapsed: patch.elapsedMs ?? null,
    now,
  });
}
