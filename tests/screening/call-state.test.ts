// The call screen's state as a pure reducer: loading, answering, moving, finishing.
import { describe, expect, it } from 'vitest';
import type { ScreeningAnswer, ScreeningDetail } from '../../contract/screening.ts';
import type { ScreeningQuestion } from '../../contract/script-schema.ts';
import {
  callReducer,
  canMoveTo,
  currentQuestion,
  initialCallState,
  isLive,
  toggle,
  totalElapsedMs,
  type CallEvent,
  type CallState,
} from '../../renderer/screens/screening/call-state.ts';

function question(id: string, kind: ScreeningQuestion['kind'] = 'core'): ScreeningQuestion {
  return {
    id,
    kind,
    title: `Question ${id}`,
    skills: ['Skill'],
    prompt: 'Tell me about it.',
    goodAnswer: [{ id: 'good', text: 'A good point' }],
    redFlags: [{ id: 'red', text: 'A red flag' }],
    followUps: [],
  };
}

function answer(questionId: string, overrides: Partial<ScreeningAnswer> = {}): ScreeningAnswer {
  return { questionId, tickedGood: [], tickedRed: [], notes: '', rating: null, elapsedMs: 0, ...overrides };
}

function detail(overrides: { status?: 'in-progress' | 'finished'; currentQuestionIndex?: number; answers?: ScreeningAnswer[]; suggestion?: 'advance' | 'hold' } = {}): ScreeningDetail {
  const questions = [question('q1'), question('q2'), question('q3', 'extra')];
  return {
    screening: {
      id: 7,
      candidateId: 3,
      label: 'Recruiter screen',
      status: overrides.status ?? 'in-progress',
      scriptVersion: 1,
      startedAt: '2026-11-20T09:00:00Z',
      finishedAt: overrides.status === 'finished' ? '2026-11-20T09:30:00Z' : null,
      recommendation: overrides.status === 'finished' ? 'advance' : null,
      currentQuestionIndex: overrides.currentQuestionIndex ?? 0,
      summaryNotes: 'Earlier summary',
    },
    candidate: { id: 3, name: 'Dana Test' },
    script: { schemaVersion: 1, title: 'Screen', questions },
    answers: overrides.answers ?? questions.map((entry) => answer(entry.id)),
    probes: [],
    suggested: { recommendation: overrides.suggestion ?? 'hold', confidence: 'low', reasons: ['few ratings'] },
  };
}

function run(...events: CallEvent[]): CallState {
  return events.reduce(callReducer, initialCallState);
}

describe('call state', () => {
  it('opens an in-progress screening at its saved question, a finished one as its scorecard', () => {
    const live = run({ type: 'loaded', detail: detail({ currentQuestionIndex: 1 }) });
    expect(live.mode).toBe('call');
    expect(live.index).toBe(1);
    expect(currentQuestion(live)?.id).toBe('q2');
    expect(live.summaryNotes).toBe('Earlier summary');
    expect(isLive(live)).toBe(true);

    const done = run({ type: 'loaded', detail: detail({ status: 'finished' }) });
    expect(done.mode).toBe('scorecard');
    expect(isLive(done)).toBe(false);
  });

  it('keeps a saved position past the end of a shorter script on its last question', () => {
    expect(run({ type: 'loaded', detail: detail({ currentQuestionIndex: 9 }) }).index).toBe(2);
  });

  it('shows a load error until the next try starts', () => {
    const failed = run({ type: 'load-failed', message: 'database is locked' });
    expect(failed.loadError).toBe('database is locked');
    expect(callReducer(failed, { type: 'load-started' }).loadError).toBeNull();
  });

  it('changes local answers at once and ignores a question the screening does not have', () => {
    const loaded = run({ type: 'loaded', detail: detail() });
    const ticked = callReducer(loaded, { type: 'answer-changed', questionId: 'q1', patch: { tickedGood: ['good'], rating: 3 } });
    expect(ticked.answers.q1).toEqual(answer('q1', { tickedGood: ['good'], rating: 3 }));
    expect(ticked.answers.q2).toBe(loaded.answers.q2);
    expect(callReducer(loaded, { type: 'answer-changed', questionId: 'nope', patch: { rating: 1 } })).toEqual(loaded);
  });

  it('adds time to the question on screen and totals it over every answer', () => {
    const state = run(
      { type: 'loaded', detail: detail({ answers: [answer('q1', { elapsedMs: 1000 }), answer('q2', { elapsedMs: 500 }), answer('q3')] }) },
      { type: 'time-passed', questionId: 'q1', ms: 250 },
      { type: 'time-passed', questionId: 'q1', ms: 250 },
    );
    expect(state.answers.q1?.elapsedMs).toBe(1500);
    expect(totalElapsedMs(state.answers)).toBe(2000);
  });

  it('takes the suggestion from a save but keeps the local answers, which may be newer', () => {
    const typed = run(
      { type: 'loaded', detail: detail() },
      { type: 'answer-changed', questionId: 'q1', patch: { notes: 'typed after the save left' } },
    );
    const saved = callReducer(typed, { type: 'saved', detail: detail({ suggestion: 'advance' }) });
    expect(saved.detail?.suggested.recommendation).toBe('advance');
    expect(saved.answers.q1?.notes).toBe('typed after the save left');
  });

  it('moves only to another question inside the script, and a move disarms the rating', () => {
    const armed = run({ type: 'loaded', detail: detail() }, { type: 'rating-armed' });
    expect(armed.isRatingArmed).toBe(true);
    expect(canMoveTo(armed, 1)).toBe(true);
    for (const outside of [-1, 0, 3]) {
      expect(canMoveTo(armed, outside)).toBe(false);
      expect(callReducer(armed, { type: 'moved', index: outside })).toBe(armed);
    }
    const moved = callReducer(armed, { type: 'moved', index: 2 });
    expect(moved.index).toBe(2);
    expect(moved.isRatingArmed).toBe(false);
    expect(canMoveTo(initialCallState, 1)).toBe(false);
  });

  it('opens finish with no old error, goes back to the call, and finishes into the scorecard', () => {
    const failed = run(
      { type: 'loaded', detail: detail() },
      { type: 'finish-opened' },
      { type: 'recommendation-chosen', recommendation: 'advance' },
      { type: 'summary-changed', summaryNotes: 'Strong on monitoring' },
      { type: 'finish-started' },
    );
    expect(failed.isFinishing).toBe(true);
    const refused = callReducer(failed, { type: 'finish-failed', message: 'disk full' });
    expect(refused).toMatchObject({ mode: 'finish', isFinishing: false, finishError: 'disk full', recommendation: 'advance', summaryNotes: 'Strong on monitoring' });

    const reopened = callReducer(callReducer(refused, { type: 'finish-closed' }), { type: 'finish-opened' });
    expect(reopened.mode).toBe('finish');
    expect(reopened.finishError).toBeNull();

    const finishedDetail = detail({ status: 'finished', answers: [answer('q1', { rating: 4 }), answer('q2'), answer('q3')] });
    const finished = callReducer(callReducer(reopened, { type: 'finish-started' }), { type: 'finished', detail: finishedDetail });
    expect(finished).toMatchObject({ mode: 'scorecard', justFinished: true, isFinishing: false, finishError: null });
    expect(finished.answers.q1?.rating).toBe(4);
    expect(isLive(finished)).toBe(false);
  });

  it('toggles an item in or out of a ticked list', () => {
    expect(toggle(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggle(['a', 'b'], 'a')).toEqual(['b']);
  });
});
