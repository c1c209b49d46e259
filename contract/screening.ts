import type { Probe } from './analysis.ts';
import type { Recommendation, ScreeningSummary } from './types.ts';
import type { ScreeningScript } from './script-schema.ts';

/** 1 strong no, 2 no, 3 yes, 4 strong yes. */
export type Rating = 1 | 2 | 3 | 4;

export interface ScreeningAnswer {
  questionId: string;
  tickedGood: string[];
  tickedRed: string[];
  notes: string;
  rating: Rating | null;
  elapsedMs: number;
}

export const ratingWords: Record<Rating, string> = { 1: 'strong no', 2: 'no', 3: 'yes', 4: 'strong yes' };

/** Nothing rated, ticked or written: the question was not asked. */
export function isUntouched(answer: ScreeningAnswer): boolean {
  return answer.rating === null && answer.tickedGood.length === 0 && answer.tickedRed.length === 0 && answer.notes.trim() === '';
}

export interface SuggestedRecommendation {
  recommendation: Recommendation;
  /** How much of the call the suggestion rests on: low when most core questions are unrated. */
  confidence: 'low' | 'medium' | 'high';
  /** Why, in plain words, each reason citing the rating, flag or resume finding behind it. */
  reasons: string[];
}

export interface ScreeningDetail {
  screening: ScreeningSummary & { currentQuestionIndex: number; summaryNotes: string };
  candidate: { id: number; name: string | null };
  script: ScreeningScript;
  /** One per question of the script version, in script order. */
  answers: ScreeningAnswer[];
  /** Probes from the candidate's latest analysis. */
  probes: Probe[];
  suggested: SuggestedRecommendation;
}

export interface ScriptVersion {
  version: number;
  createdAt: string;
  changeNote: string;
  script: ScreeningScript;
}
