// The state of one screening call as the call screen holds it, and every change to it
// as a pure reducer: what the recruiter did or what the store answered. Saving, timers
// and focus stay in the screen; this file decides only what the screen shows next.
import type { Recommendation } from '../../../contract/types.ts';
import type { ScreeningAnswer, ScreeningDetail } from '../../../contract/screening.ts';

export type AnswerMap = Record<string, ScreeningAnswer>;
/** `call`: one question at a time; `finish`: the scorecard with the decision still open; `scorecard`: read-only. */
export type CallMode = 'call' | 'finish' | 'scorecard';
/** The two ticked lists of an answer: good points heard and red flags. */
export type TickList = 'tickedGood' | 'tickedRed';
export type AnswerPatch = Partial<Pick<ScreeningAnswer, 'tickedGood' | 'tickedRed' | 'notes' | 'rating' | 'elapsedMs'>>;

export interface CallState {
  detail: ScreeningDetail | null;
  loadError: string | null;
  /** Local answers by question id: ahead of the store while saves are on their way. */
  answers: AnswerMap;
  index: number;
  mode: CallMode;
  /** True right after `r`: the next 1–4 rates instead of ticking. */
  isRatingArmed: boolean;
  recommendation: Recommendation | null;
  summaryNotes: string;
  isFinishing: boolean;
  finishError: string | null;
  /** The scorecard is shown because this session just finished the call, not because it was reopened. */
  justFinished: boolean;
}

export type CallEvent =
  | { type: 'load-started' }
  | { type: 'loaded'; detail: ScreeningDetail }
  | { type: 'load-failed'; message: string }
  /** A save reached the store; its answer carries a fresh suggested recommendation. */
  | { type: 'saved'; detail: ScreeningDetail }
  | { type: 'answer-changed'; questionId: string; patch: AnswerPatch }
  | { type: 'time-passed'; questionId: string; ms: number }
  | { type: 'moved'; index: number }
  | { type: 'rating-armed' }
  | { type: 'rating-disarmed' }
  | { type: 'finish-opened' }
  | { type: 'finish-closed' }
  | { type: 'recommendation-chosen'; recommendation: Recommendation }
  | { type: 'summary-changed'; summaryNotes: string }
  | { type: 'finish-started' }
  | { type: 'finish-failed'; message: string }
  | { type: 'finished'; detail: ScreeningDetail };

export const initialCallState: CallState = {
  detail: null,
  loadError: null,
  answers: {},
  index: 0,
  mode: 'call',
  isRatingArmed: false,
  recommendation: null,
  summaryNotes: '',
  isFinishing: false,
  finishError: null,
  justFinished: false,
};

function toMap(answers: ScreeningAnswer[]): AnswerMap {
  return Object.fromEntries(answers.map((answer) => [answer.questionId, answer]));
}

function patchAnswer(answers: AnswerMap, questionId: string, change: (answer: ScreeningAnswer) => AnswerPatch): AnswerMap {
  const previous = answers[questionId];
  return previous ? { ...answers, [questionId]: { ...previous, ...change(previous) } } : answers;
}

export function callReducer(state: CallState, event: CallEvent): CallState {
  switch (event.type) {
    case 'load-started':
      return { ...state, loadError: null };
    case 'loaded': {
      const { detail } = event;
      return {
        ...state,
        detail,
        answers: toMap(detail.answers),
        index: Math.min(detail.screening.currentQuestionIndex, detail.script.questions.length - 1),
        mode: detail.screening.status === 'finished' ? 'scorecard' : 'call',
        summaryNotes: detail.screening.summaryNotes,
      };
    }
    case 'load-failed':
      return { ...state, loadError: event.message };
    case 'saved':
      // Keep the local answers (they may be newer); take the store's suggestion.
      return { ...state, detail: state.detail ? { ...state.detail, suggested: event.detail.suggested } : event.detail };
    case 'answer-changed':
      return { ...state, answers: patchAnswer(state.answers, event.questionId, () => event.patch) };
    case 'time-passed':
      return { ...state, answers: patchAnswer(state.answers, event.questionId, (answer) => ({ elapsedMs: answer.elapsedMs + event.ms })) };
    case 'moved':
      return canMoveTo(state, event.index) ? { ...state, index: event.index, isRatingArmed: false } : state;
    case 'rating-armed':
      return { ...state, isRatingArmed: true };
    case 'rating-disarmed':
      return { ...state, isRatingArmed: false };
    case 'finish-opened':
      return { ...state, mode: 'finish', finishError: null };
    case 'finish-closed':
      return { ...state, mode: 'call' };
    case 'recommendation-chosen':
      return { ...state, recommendation: event.recommendation };
    case 'summary-changed':
      return { ...state, summaryNotes: event.summaryNotes };
    case 'finish-started':
      return { ...state, isFinishing: true, finishError: null };
    case 'finish-failed':
      return { ...state, isFinishing: false, finishError: event.message };
    case 'finished':
      return {
        ...state,
        detail: event.detail,
        answers: toMap(event.detail.answers),
        mode: 'scorecard',
        justFinished: true,
        isFinishing: false,
      };
    default: {
      const unexpected: never = event;
      throw new Error(`unhandled call event ${JSON.stringify(unexpected)}`);
    }
  }
}

/** A question other than the current one, inside the script. */
export function canMoveTo(state: CallState, index: number): boolean {
  return state.detail !== null && index >= 0 && index < state.detail.script.questions.length && index !== state.index;
}

/** The call can still change: loaded and not finished. */
export function isLive(state: CallState): boolean {
  return state.detail !== null && state.detail.screening.status === 'in-progress';
}

export function currentQuestion(state: CallState) {
  return state.detail?.script.questions[state.index];
}

/** Time on all questions, from the local answers so the clock moves without a save. */
export function totalElapsedMs(answers: AnswerMap): number {
  return Object.values(answers).reduce((sum, entry) => sum + entry.elapsedMs, 0);
}

export function toggle(list: string[], id: string): string[] {
  return list.includes(id) ? list.filter((item) => item !== id) : [...list, id];
}
