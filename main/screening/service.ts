// Screening calls: versioned script, per-question answers (autosaved one field
// at a time), finishing with a recommendation that also moves the candidate on.
import type { Db } from '../../db/open.ts';
import type { CandidateStatus, Recommendation } from '../../contract/types.ts';
import { notFound, UserFacingError } from '../api/errors.ts';
import { getCandidateExtras, getCandidateListItem, setCandidateStatus } from '../../db/queries/candidates.ts';
import { getAnalysis } from '../../db/queries/analyses.ts';
import {
  finishScreeningRow,
  getLatestScriptRow,
  getScreeningRow,
  getScriptRow,
  insertScreening,
  insertScriptVersion,
  listAnswerRows,
  setScreeningPosition,
  toScreeningSummary,
  touchScreening,
  upsertAnswer,
  type AnswerPatch,
  type ScriptRow,
} from '../../db/queries/screenings.ts';
import { screeningScriptSchema, type ScreeningScript } from '../../contract/script-schema.ts';
import { suggestRecommendation, type ResumeFacts } from './scorecard.ts';
import type { Rating, ScreeningAnswer, ScreeningDetail, ScriptVersion, SuggestedRecommendation } from '../../contract/screening.ts';
import bundledScript from '../../resources/screening-script.json' with { type: 'json' };

export const statusAfterFinish: Record<Recommendation, CandidateStatus> = {
  advance: 'advanced',
  hold: 'on-hold',
  decline: 'declined',
};

function toScriptVersion(row: ScriptRow): ScriptVersion {
  return {
    version: row.version,
    createdAt: row.created_at,
    changeNote: row.change_note,
    // Stored only after validation; parsing again guards against hand-edited databases.
    script: screeningScriptSchema.parse(JSON.parse(row.script_json)),
  };
}

/** The bundled script becomes version 1 the first time anything asks for a script. */
export function ensureScript(db: Db, now: string): ScriptRow {
  const latest = getLatestScriptRow(db);
  if (latest) return latest;
  const script = screeningScriptSchema.parse(bundledScript);
  insertScriptVersion(db, JSON.stringify(script), 'Bundled script', now);
  const inserted = getLatestScriptRow(db);
  if (!inserted) throw new Error('screening script was not stored');
  return inserted;
}

export function getScript(db: Db, version: number | undefined, now: string): ScriptVersion {
  const latest = db.transaction(() => ensureScript(db, now)).immediate();
  if (version === undefined) return toScriptVersion(latest);
  const row = getScriptRow(db, version);
  if (!row) throw new UserFacingError(`Screening script version ${version} does not exist (the newest is ${latest.version}).`);
  return toScriptVersion(row);
}

export function saveScript(db: Db, script: ScreeningScript, changeNote: string, now: string): ScriptVersion {
  // The contract already validated `script`; parse again so direct callers (CLI, tests) get the same guarantee.
  const valid = screeningScriptSchema.parse(script);
  return db.transaction(() => {
    ensureScript(db, now);
    const version = insertScriptVersion(db, JSON.stringify(valid), changeNote.trim(), now);
    const row = getScriptRow(db, version);
    if (!row) throw new Error('screening script version was not stored');
    return toScriptVersion(row);
  }).immediate();
}

function parseIds(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function isRating(value: number | null): value is Rating {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

function loadAnswers(db: Db, screeningId: number, script: ScreeningScript): ScreeningAnswer[] {
  const rows = new Map(listAnswerRows(db, screeningId).map((row) => [row.question_id, row]));
  return script.questions.map((question) => {
    const row = rows.get(question.id);
    return {
      questionId: question.id,
      tickedGood: row ? parseIds(row.ticked_good_json) : [],
      tickedRed: row ? parseIds(row.ticked_red_json) : [],
      notes: row?.notes ?? '',
      rating: row && isRating(row.rating) ? row.rating : null,
      elapsedMs: row?.elapsed_ms ?? 0,
    };
  });
}

function resumeOf(db: Db, candidateId: number) {
  const latest = getCandidateExtras(db, candidateId)?.latestResumeFileId ?? null;
  const analysis = latest === null ? null : getAnalysis(db, latest);
  const facts: ResumeFacts | null = analysis
    ? {
        evidenceLevel: analysis.evidence.level,
        evidenceScore: Math.round(analysis.evidence.score),
        isPadded: analysis.padding.detected,
        paddingScore: Math.round(analysis.padding.score),
      }
    : null;
  return { probes: analysis?.probes ?? [], facts };
}

function requireScreening(db: Db, screeningId: number) {
  const row = getScreeningRow(db, screeningId);
  if (!row) throw notFound('Screening', screeningId);
  return row;
}

export function getScreening(db: Db, screeningId: number): ScreeningDetail {
  const row = requireScreening(db, screeningId);
  const scriptRow = getScriptRow(db, row.script_version);
  if (!scriptRow) throw new Error(`screening ${screeningId} refers to missing script version ${row.script_version}`);
  const script = toScriptVersion(scriptRow).script;
  const answers = loadAnswers(db, screeningId, script);
  const candidate = getCandidateListItem(db, row.candidate_id);
  const resume = resumeOf(db, row.candidate_id);
  // A finished scorecard shows the suggestion as it stood when the recruiter decided,
  // even if the resume is re-analysed later.
  const suggested: SuggestedRecommendation =
    row.status === 'finished' && row.suggested_json !== null
      ? (JSON.parse(row.suggested_json) as SuggestedRecommendation)
      : suggestRecommendation(script, answers, resume.facts);
  return {
    screening: { ...toScreeningSummary(row), currentQuestionIndex: row.current_question_index, summaryNotes: row.summary_notes },
    candidate: { id: row.candidate_id, name: candidate?.name ?? null },
    script,
    answers,
    probes: resume.probes,
    suggested,
  };
}

export function startScreening(db: Db, candidateId: number, label: string, now: string): ScreeningDetail {
  const id = db.transaction(() => {
    const candidate = getCandidateListItem(db, candidateId);
    if (!candidate) throw notFound('Candidate', candidateId);
    const script = ensureScript(db, now);
    const screeningId = insertScreening(db, candidateId, script.version, label.trim(), now);
    if (candidate.status === 'new') setCandidateStatus(db, candidateId, 'screening', now);
    return screeningId;
  }).immediate();
  return getScreening(db, id);
}

function requireInProgress(row: { id: number; status: string; finished_at: string | null }): void {
  if (row.status === 'finished') {
    throw new UserFacingError(
      `Screening ${row.id} was finished${row.finished_at ? ` on ${row.finished_at.slice(0, 10)}` : ''}; its scorecard can no longer be changed.`,
    );
  }
}

export interface AnswerUpdate extends AnswerPatch {
  screeningId: number;
  questionId: string;
}

export function updateAnswer(db: Db, update: AnswerUpdate, now: string): ScreeningDetail {
  db.transaction(() => {
    const row = requireScreening(db, update.screeningId);
    requireInProgress(row);
    const scriptRow = getScriptRow(db, row.script_version);
    if (!scriptRow) throw new Error(`missing script version ${row.script_version}`);
    const script = toScriptVersion(scriptRow).script;
    const question = script.questions.find((candidate) => candidate.id === update.questionId);
    if (!question) {
      throw new UserFacingError(
        `Question "${update.questionId}" is not part of script version ${row.script_version}, which this screening uses.`,
      );
    }
    for (const [list, ids, label] of [
      [question.goodAnswer, update.tickedGood, 'good-answer point'],
      [question.redFlags, update.tickedRed, 'red flag'],
    ] as const) {
      const unknown = (ids ?? []).filter((itemId) => !list.some((item) => item.id === itemId));
      if (unknown.length > 0) {
        throw new UserFacingError(`"${question.title}" has no ${label} "${unknown[0]}" in script version ${row.script_version}.`);
      }
    }
    const dedupe = (ids: string[] | undefined) => (ids === undefined ? undefined : [...new Set(ids)]);
    upsertAnswer(
      db,
      update.screeningId,
      update.questionId,
      {
        tickedGood: dedupe(update.tickedGood),
        tickedRed: dedupe(update.tickedRed),
        notes: update.notes,
        rating: update.rating,
        elapsedMs: update.elapsedMs,
      },
      now,
    );
    touchScreening(db, update.screeningId, now);
  }).immediate();
  return getScreening(db, update.screeningId);
}

export function setPosition(db: Db, screeningId: number, questionIndex: number, now: string): ScreeningDetail {
  db.transaction(() => {
    const row = requireScreening(db, screeningId);
    requireInProgress(row);
    const scriptRow = getScriptRow(db, row.script_version);
    const count = scriptRow ? toScriptVersion(scriptRow).script.questions.length : 0;
    if (questionIndex >= count) {
      throw new UserFacingError(`This screening has ${count} questions; there is no question ${questionIndex + 1}.`);
    }
    setScreeningPosition(db, screeningId, questionIndex, now);
  }).immediate();
  return getScreening(db, screeningId);
}

export function finishScreening(
  db: Db,
  screeningId: number,
  recommendation: Recommendation,
  summaryNotes: string,
  now: string,
): ScreeningDetail {
  db.transaction(() => {
    const before = getScreening(db, screeningId);
    requireInProgress(requireScreening(db, screeningId));
    const isFinished = finishScreeningRow(
      db,
      screeningId,
      { recommendation, summaryNotes, suggestedJson: JSON.stringify(before.suggested) },
      now,
    );
    if (!isFinished) throw new UserFacingError(`Screening ${screeningId} is already finished.`);
    setCandidateStatus(db, before.candidate.id, statusAfterFinish[recommendation], now);
  }).immediate();
  return getScreening(db, screeningId);
}
