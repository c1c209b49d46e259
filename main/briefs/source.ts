// What a brief needs from the store: the candidate detail (through the candidates
// service) and the screening to show (through the screening service).
import type { Db } from '../../db/open.ts';
import type { CandidateDetail, Recommendation } from '../../contract/types.ts';
import type { ScreeningAnswer } from '../../contract/screening.ts';
import type { ScreeningScript } from '../../contract/script-schema.ts';
import { getScreening } from '../screening/service.ts';
import { findBriefScreeningId } from '../../db/queries/screenings.ts';
import type { BriefRole } from './types.ts';

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
  suggested: BriefSuggestion;
  script: ScreeningScript;
  answers: ScreeningAnswer[];
}

export interface BriefSource {
  detail: CandidateDetail;
  screening: BriefScreening | null;
  role?: BriefRole | null;
}

/** The latest finished screening, else the latest one in progress, else null. */
export function loadBriefScreening(db: Db, candidateId: number): BriefScreening | null {
  const screeningId = findBriefScreeningId(db, candidateId);
  if (screeningId === null) return null;
  const { screening, script, answers, suggested } = getScreening(db, screeningId);
  return {
    id: screening.id,
    label: screening.label,
    status: screening.status,
    startedAt: screening.startedAt,
    finishedAt: screening.finishedAt,
    recommendation: screening.recommendation,
    summaryNotes: screening.summaryNotes,
    suggested: { recommendation: suggested.recommendation, reasons: suggested.reasons },
    script,
    answers,
  };
}
