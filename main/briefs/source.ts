// Reads what a brief needs from the store: the candidate detail (through the
// candidates service) and the screening to show, read straight from the
// screening tables so briefs do not depend on the screening service's shape.
import type { Db } from '../../db/open.ts';
import type { CandidateDetail, Recommendation } from '../api/types.ts';
import type { ScreeningAnswer } from '../screening/types.ts';
import type { ScreeningScript } from '../screening/script-schema.ts';
import type { Rating } from '../screening/types.ts';

/** The part of the screening service's suggested recommendation a brief shows. */
export interface BriefSuggestion {
  recommendation: Recommendation;
  reasons: string[];
}

export interface BriefScreening {
  id: number;
  label: string;
  status: 'in-progress' | 'finished';
  startedAt: string;
  finishedAt: string | null;
  recommendation: Recommendation | null;
  summaryNotes: string;
  suggested: BriefSuggestion | null;
  /** Null when the script version's JSON cannot be read. */
  script: ScreeningScript | null;
  answers: ScreeningAnswer[];
}

export interface BriefSource {
  detail: CandidateDetail;
  screening: BriefScreening | null;
}

interface ScreeningRow {
  id: number;
  label: string;
  status: 'in-progress' | 'finished';
  started_at: string;
  finished_at: string | null;
  recommendation: Recommendation | null;
  summary_notes: string;
  suggested_json: string | null;
  script_json: string | null;
}

interface AnswerRow {
  question_id: string;
  ticked_good_json: string;
  ticked_red_json: string;
  notes: string;
  rating: number | null;
  elapsed_ms: number;
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function stringArray(text: string): string[] {
  const parsed = parseJson(text);
  return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [];
}

function isRating(value: number | null): value is Rating {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

function asScript(value: unknown): ScreeningScript | null {
  // Written by the screening service after schema validation; only the fields used here are checked.
  if (value === null || typeof value !== 'object' || !('questions' in value) || !Array.isArray(value.questions)) return null;
  return value as ScreeningScript;
}

function asSuggested(value: unknown): BriefSuggestion | null {
  if (value === null || typeof value !== 'object' || !('recommendation' in value) || !('reasons' in value)) return null;
  const { recommendation, reasons } = value;
  if (recommendation !== 'advance' && recommendation !== 'hold' && recommendation !== 'decline') return null;
  if (!Array.isArray(reasons)) return null;
  return { recommendation, reasons: reasons.filter((reason): reason is string => typeof reason === 'string') };
}

/** The latest finished screening, else the latest one in progress, else null. */
export function loadBriefScreening(db: Db, candidateId: number): BriefScreening | null {
  const row = db
    .prepare<[number], ScreeningRow>(
      `SELECT s.id, s.label, s.status, s.started_at, s.finished_at, s.recommendation, s.summary_notes, s.suggested_json,
              sc.script_json
       FROM screenings s LEFT JOIN screening_scripts sc ON sc.version = s.script_version
       WHERE s.candidate_id = ?
       ORDER BY s.status = 'finished' DESC, COALESCE(s.finished_at, s.started_at) DESC, s.id DESC
       LIMIT 1`,
    )
    .get(candidateId);
  if (!row) return null;
  const answers = db
    .prepare<[number], AnswerRow>(
      `SELECT question_id, ticked_good_json, ticked_red_json, notes, rating, elapsed_ms
       FROM screening_answers WHERE screening_id = ?`,
    )
    .all(row.id)
    .map(
      (answer): ScreeningAnswer => ({
        questionId: answer.question_id,
        tickedGood: stringArray(answer.ticked_good_json),
        tickedRed: stringArray(answer.ticked_red_json),
        notes: answer.notes,
        rating: isRating(answer.rating) ? answer.rating : null,
        elapsedMs: answer.elapsed_ms,
      }),
    );
  return {
    id: row.id,
    label: row.label,
    status: row.status,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    recommendation: row.recommendation,
    summaryNotes: row.summary_notes,
    suggested: asSuggested(parseJson(row.suggested_json)),
    script: asScript(parseJson(row.script_json)),
    answers,
  };
}
