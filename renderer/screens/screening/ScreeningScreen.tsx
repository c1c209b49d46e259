// The live call screen: one question at a time, large enough to read while
// talking, every tick and note saved the moment it happens. A finished screening
// opens as its read-only scorecard. This component holds the call's state (a reducer,
// call-state.ts), turns it into saves, timers and focus, and hands the drawing to
// CallHeader, CallView and DecisionView.
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { Recommendation } from '../../../contract/types.ts';
import type { Rating } from '../../../contract/screening.ts';
import { call, errorMessage } from '../../api.ts';
import { useAutosave } from '../../use-autosave.ts';
import { callReducer, canMoveTo, currentQuestion, initialCallState, isLive, toggle, totalElapsedMs, type AnswerPatch } from './call-state.ts';
import { screenKeyAction, type KeyTarget } from './keys.ts';
import { useSaveQueue } from './save-queue.ts';
import { CallHeader } from './CallHeader.tsx';
import { CallView, type TickList } from './CallView.tsx';
import { DecisionView } from './DecisionView.tsx';
import { LoadError } from './LoadError.tsx';
import './screening.css';

/** Elapsed time is written back this often while a question is on screen: a crash loses at most this much. */
const elapsedSaveEveryMs = 2000;
const notesDebounceMs = 500;
const ratingArmMs = 2000;

function keyTarget(target: EventTarget | null): KeyTarget {
  if (!(target instanceof HTMLElement)) return 'other';
  if (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return 'field';
  return target instanceof HTMLButtonElement ? 'button' : 'other';
}

export function ScreeningScreen(props: { screeningId: number; onExit: () => void }) {
  const { screeningId, onExit } = props;
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

  // Keyboard: the whole call can be run without the mouse (the map is in keys.ts).
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const current = stateRef.current;
      const shown = currentQuestion(current);
      if (!isLive(current) || !shown) return;
      const action = screenKeyAction(event, keyTarget(event.target), current.mode, current.isRatingArmed);
      if (!action) return;
      event.preventDefault();
      if (current.mode === 'call' && action.type !== 'leave-field' && !current.answers[shown.id]) return;
      switch (action.type) {
        case 'leave-field':
          flushNotes();
          (event.target as HTMLElement).blur();
          break;
        case 'choose':
          chooseRecommendation(action.recommendation);
          break;
        case 'back-to-call':
          dispatch({ type: 'finish-closed' });
          break;
        case 'finish':
          void finish();
          break;
        case 'toggle-good': {
          const item = shown.goodAnswer[action.index];
          if (item) toggleItem('tickedGood', item.id);
          break;
        }
        case 'toggle-red': {
          const item = shown.redFlags[action.index];
          if (item) toggleItem('tickedRed', item.id);
          break;
        }
        case 'arm-rating':
          armRating();
          break;
        case 'rate':
          rate(action.rating);
          break;
        case 'next':
          goTo(current.index + 1);
          break;
        case 'previous':
          goTo(current.index - 1);
          break;
        case 'enter':
          if (current.index === (current.detail?.script.questions.length ?? 0) - 1) openFinish();
          else goTo(current.index + 1);
          break;
        case 'focus-notes':
          notesRef.current?.focus();
          break;
        case 'cancel':
          dispatch({ type: 'rating-disarmed' });
          break;
        default: {
          const unexpected: never = action;
          throw new Error(`unhandled key action ${JSON.stringify(unexpected)}`);
        }
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [armRating, chooseRecommendation, finish, flushNotes, goTo, openFinish, rate, toggleItem]);

  if (state.loadError) {
    return (
      <LoadError message={state.loadError} onRetry={() => void load()}>
        <button type="button" className="sc-button sc-button-ghost" onClick={onExit}>
          Back
        </button>
      </LoadError>
    );
  }
  const { detail } = state;
  if (!detail || !question) {
    return (
      <div className="sc-root sc-center" role="status">
        Opening the screening…
      </div>
    );
  }

  const answer = state.answers[question.id];
  const candidateName = detail.candidate.name ?? `Candidate ${detail.candidate.id}`;
  const header = (
    <CallHeader
      detail={detail}
      candidateName={candidateName}
      mode={state.mode}
      answers={state.answers}
      index={state.index}
      questionMs={answer?.elapsedMs ?? 0}
      totalMs={totalElapsedMs(state.answers)}
      isLive={isCallLive}
      status={status}
      onExit={onExit}
      onGo={goTo}
      onFinish={openFinish}
    />
  );

  if (state.mode === 'scorecard' || state.mode === 'finish') {
    return (
      <div className="sc-root">
        {header}
        <DecisionView
          detail={detail}
          answers={state.answers}
          candidateName={candidateName}
          isEditable={state.mode === 'finish'}
          recommendation={state.recommendation}
          summaryNotes={state.summaryNotes}
          finishError={state.finishError}
          isFinishing={state.isFinishing}
          justFinished={state.justFinished}
          finishButtonRef={finishButtonRef}
          onChoose={chooseRecommendation}
          onSummaryChange={(summaryNotes) => dispatch({ type: 'summary-changed', summaryNotes })}
          onFinish={() => void finish()}
          onBack={() => dispatch({ type: 'finish-closed' })}
        />
      </div>
    );
  }

  return (
    <div className="sc-root">
      {header}
      {status.state === 'error' && (
        <div className="sc-banner sc-banner-error" role="alert">
          Not saved: {status.message}
          <button type="button" className="sc-button sc-button-small" onClick={status.retry}>
            Try again
          </button>
        </div>
      )}
      <CallView
        question={question}
        answer={answer}
        index={state.index}
        count={detail.script.questions.length}
        probes={detail.probes}
        isRatingArmed={state.isRatingArmed}
        notesRef={notesRef}
        onToggle={toggleItem}
        onRate={rate}
        onNotesChange={(notes) => {
          dispatch({ type: 'answer-changed', questionId: question.id, patch: { notes } });
          scheduleNotes({ questionId: question.id, notes });
        }}
        onNotesBlur={flushNotes}
      />
    </div>
  );
}
