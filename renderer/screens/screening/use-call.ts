// The call screen's controller: the call's state (a pure reducer, call-state.ts) turned
// into saves, the question clock, the rating timer and focus. The screen draws what it
// returns; use-call-keys.ts maps the keyboard onto the same actions.
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { Recommendation } from '../../../contract/types.ts';
import type { Rating } from '../../../contract/screening.ts';
import { call, errorMessage } from '../../api.ts';
import { useAutosave } from '../../use-autosave.ts';
import { callReducer, canMoveTo, currentQuestion, initialCallState, isLive, toggle, type AnswerPatch, type TickList } from './call-state.ts';
import { useSaveQueue } from './save-queue.ts';

/** Elapsed time is written back this often while a question is on screen: a crash loses at most this much. */
const elapsedSaveEveryMs = 2000;
const notesDebounceMs = 500;
const ratingArmMs = 2000;

export function useCall(screeningId: number) {
  const [state, dispatch] = useReducer(callReducer, initialCallState);
  // Timers, saves and the key handler read the state of the last render through this.
  const stateRef = useRef(state);
  stateRef.current = state;
  const notesRef = useRef<HTMLTextAreaElement | null>(null);
  const finishButtonRef = useRef<HTMLButtonElement | null>(null);
  const lastElapsedSave = useRef(0);
  const ratingTimer = useRef<number | null>(null);

  const { status, enqueue, flush } = useSaveQueue((fresh) => dispatch({ type: 'saved', detail: fresh }));

  const load = useCallback(async () => {
    dispatch({ type: 'load-started' });
    try {
      dispatch({ type: 'loaded', detail: await call('screening.get', { screeningId }) });
    } catch (error) {
      dispatch({ type: 'load-failed', message: errorMessage(error) });
    }
  }, [screeningId]);

  useEffect(() => {
    void load();
  }, [load]);

  const question = currentQuestion(state);
  const isCallLive = isLive(state);

  const saveAnswer = useCallback(
    (questionId: string, patch: AnswerPatch) => {
      dispatch({ type: 'answer-changed', questionId, patch });
      void enqueue(() => call('screening.updateAnswer', { screeningId, questionId, ...patch }));
    },
    [enqueue, screeningId],
  );

  const saveElapsed = useCallback(
    (questionId: string) => {
      const answer = stateRef.current.answers[questionId];
      if (!answer) return;
      lastElapsedSave.current = Date.now();
      void enqueue(() => call('screening.updateAnswer', { screeningId, questionId, elapsedMs: Math.round(answer.elapsedMs) }), true);
    },
    [enqueue, screeningId],
  );

  // Notes save 500 ms after the last keystroke, or at once when the field is left,
  // the question changes or the screen closes.
  const { schedule: scheduleNotes, flush: flushNotes } = useAutosave(
    ({ questionId, notes }: { questionId: string; notes: string }) =>
      void enqueue(() => call('screening.updateAnswer', { screeningId, questionId, notes })),
    notesDebounceMs,
  );

  // The clock: time accumulates on the question on screen, only while the call view is visible.
  useEffect(() => {
    if (!isCallLive || state.mode !== 'call' || !question) return;
    let last = performance.now();
    const id = window.setInterval(() => {
      const now = performance.now();
      const delta = now - last;
      last = now;
      if (document.visibilityState !== 'visible') return;
      dispatch({ type: 'time-passed', questionId: question.id, ms: delta });
      if (Date.now() - lastElapsedSave.current >= elapsedSaveEveryMs) saveElapsed(question.id);
    }, 250);
    return () => {
      window.clearInterval(id);
      saveElapsed(question.id);
    };
  }, [isCallLive, state.mode, question, saveElapsed]);

  const goTo = useCallback(
    (next: number) => {
      if (!canMoveTo(stateRef.current, next)) return;
      flushNotes();
      dispatch({ type: 'moved', index: next });
      void enqueue(() => call('screening.setPosition', { screeningId, questionIndex: next }), true);
    },
    [enqueue, flushNotes, screeningId],
  );

  const openFinish = useCallback(() => {
    flushNotes();
    dispatch({ type: 'finish-opened' });
  }, [flushNotes]);

  const chooseRecommendation = useCallback((recommendation: Recommendation) => {
    dispatch({ type: 'recommendation-chosen', recommendation });
    window.setTimeout(() => finishButtonRef.current?.focus(), 0);
  }, []);

  const finish = useCallback(async () => {
    const { recommendation, isFinishing, summaryNotes } = stateRef.current;
    if (!recommendation || isFinishing) return;
    dispatch({ type: 'finish-started' });
    try {
      await flush();
      dispatch({ type: 'finished', detail: await call('screening.finish', { screeningId, recommendation, summaryNotes }) });
    } catch (error) {
      dispatch({ type: 'finish-failed', message: errorMessage(error) });
    }
  }, [flush, screeningId]);

  const rate = useCallback(
    (rating: Rating | null) => {
      const shown = currentQuestion(stateRef.current);
      if (!shown) return;
      saveAnswer(shown.id, { rating });
      dispatch({ type: 'rating-disarmed' });
    },
    [saveAnswer],
  );

  const armRating = useCallback(() => {
    dispatch({ type: 'rating-armed' });
    if (ratingTimer.current !== null) window.clearTimeout(ratingTimer.current);
    ratingTimer.current = window.setTimeout(() => dispatch({ type: 'rating-disarmed' }), ratingArmMs);
  }, []);

  const toggleItem = useCallback(
    (list: TickList, id: string) => {
      const shown = currentQuestion(stateRef.current);
      const answer = shown && stateRef.current.answers[shown.id];
      if (!shown || !answer) return;
      saveAnswer(shown.id, list === 'tickedGood' ? { tickedGood: toggle(answer.tickedGood, id) } : { tickedRed: toggle(answer.tickedRed, id) });
    },
    [saveAnswer],
  );

  const changeNotes = useCallback(
    (questionId: string, notes: string) => {
      dispatch({ type: 'answer-changed', questionId, patch: { notes } });
      scheduleNotes({ questionId, notes });
    },
    [scheduleNotes],
  );
  const closeFinish = useCallback(() => dispatch({ type: 'finish-closed' }), []);
  const disarmRating = useCallback(() => dispatch({ type: 'rating-disarmed' }), []);
  const changeSummary = useCallback((summaryNotes: string) => dispatch({ type: 'summary-changed', summaryNotes }), []);

  return {
    state,
    /** The state of the last render, for handlers registered once. */
    stateRef,
    status,
    notesRef,
    finishButtonRef,
    load,
    goTo,
    toggleItem,
    armRating,
    disarmRating,
    rate,
    changeNotes,
    flushNotes,
    openFinish,
    closeFinish,
    chooseRecommendation,
    changeSummary,
    finish,
  };
}

export type CallController = ReturnType<typeof useCall>;
