// The live call screen: one question at a time, large enough to read while
// talking, every tick and note saved the moment it happens. A finished screening
// opens as its read-only scorecard.
import { useCallback, useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { Recommendation } from '../../../contract/types.ts';
import type { Rating, ScreeningAnswer, ScreeningDetail } from '../../../contract/screening.ts';
import { call, errorMessage } from '../../api.ts';
import { ratingLabels } from '../../format.ts';
import { callKeyAction, formatClock, type KeyInput } from './keys.ts';
import { RatingChip, ScorecardQuestions, SuggestionPanel, recommendationLabels, statusAfter } from './Scorecard.tsx';
import { LoadError } from './LoadError.tsx';
import './screening.css';

type AnswerMap = Record<string, ScreeningAnswer>;
type SaveStatus =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved' }
  | { state: 'error'; message: string; retry: () => void };
type Mode = 'call' | 'finish' | 'scorecard';
type AnswerPatch = Partial<Pick<ScreeningAnswer, 'tickedGood' | 'tickedRed' | 'notes' | 'rating' | 'elapsedMs'>>;

/** Elapsed time is written back this often while a question is on screen: a crash loses at most this much. */
const elapsedSaveEveryMs = 2000;
const notesDebounceMs = 500;
const ratingArmMs = 2000;

function toMap(answers: ScreeningAnswer[]): AnswerMap {
  return Object.fromEntries(answers.map((answer) => [answer.questionId, answer]));
}

function isTypingTarget(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

function toggle(list: string[], id: string): string[] {
  return list.includes(id) ? list.filter((item) => item !== id) : [...list, id];
}

/** Serialises writes so they reach the store in the order they were made. */
function useSaveQueue(onSettled: (detail: ScreeningDetail) => void) {
  const chain = useRef<Promise<void>>(Promise.resolve());
  const pending = useRef(0);
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });
  const onSettledRef = useRef(onSettled);
  onSettledRef.current = onSettled;

  const enqueue = useCallback((run: () => Promise<ScreeningDetail>, isSilent = false) => {
    pending.current += 1;
    if (!isSilent) setStatus({ state: 'saving' });
    chain.current = chain.current.then(async () => {
      try {
        const detail = await run();
        pending.current -= 1;
        if (pending.current === 0) {
          setStatus((previous) => (isSilent && previous.state === 'idle' ? previous : { state: 'saved' }));
          onSettledRef.current(detail);
        }
      } catch (error) {
        pending.current -= 1;
        setStatus({ state: 'error', message: errorMessage(error), retry: () => enqueue(run) });
      }
    });
    return chain.current;
  }, []);

  const flush = useCallback(() => chain.current, []);
  return { status, enqueue, flush };
}

export function ScreeningScreen(props: { screeningId: number; onExit: () => void }) {
  const { screeningId, onExit } = props;
  const [detail, setDetail] = useState<ScreeningDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [answers, setAnswers] = useState<AnswerMap>({});
  const [index, setIndex] = useState(0);
  const [mode, setMode] = useState<Mode>('call');
  const [isRatingArmed, setIsRatingArmed] = useState(false);
  const [recommendation, setRecommendation] = useState<Recommendation | null>(null);
  const [summaryNotes, setSummaryNotes] = useState('');
  const [isFinishing, setIsFinishing] = useState(false);
  const [finishError, setFinishError] = useState<string | null>(null);
  const [justFinished, setJustFinished] = useState(false);

  const answersRef = useRef<AnswerMap>({});
  answersRef.current = answers;
  const notesRef = useRef<HTMLTextAreaElement | null>(null);
  const finishButtonRef = useRef<HTMLButtonElement | null>(null);
  const notesTimer = useRef<number | null>(null);
  const lastElapsedSave = useRef(0);
  const ratingTimer = useRef<number | null>(null);

  const { status, enqueue, flush } = useSaveQueue((fresh) => {
    // Keep local answers (they may be newer); take the server's suggestion.
    setDetail((current) => (current ? { ...current, suggested: fresh.suggested } : fresh));
  });

  const load = useCallback(async () => {
    setLoadError(null);
    try {
      const fresh = await call('screening.get', { screeningId });
      setDetail(fresh);
      setAnswers(toMap(fresh.answers));
      setIndex(Math.min(fresh.screening.currentQuestionIndex, fresh.script.questions.length - 1));
      setMode(fresh.screening.status === 'finished' ? 'scorecard' : 'call');
      setSummaryNotes(fresh.screening.summaryNotes);
    } catch (error) {
      setLoadError(errorMessage(error));
    }
  }, [screeningId]);

  useEffect(() => {
    void load();
  }, [load]);

  const questions = detail?.script.questions ?? [];
  const question = questions[index];
  const isLive = detail !== null && detail.screening.status === 'in-progress';

  const saveAnswer = useCallback(
    (questionId: string, patch: AnswerPatch, isSilent = false) => {
      setAnswers((current) => {
        const previous = current[questionId];
        return previous ? { ...current, [questionId]: { ...previous, ...patch } } : current;
      });
      void enqueue(() => call('screening.updateAnswer', { screeningId, questionId, ...patch }), isSilent);
    },
    [enqueue, screeningId],
  );

  const saveElapsed = useCallback(
    (questionId: string) => {
      const answer = answersRef.current[questionId];
      if (!answer) return;
      lastElapsedSave.current = Date.now();
      void enqueue(() => call('screening.updateAnswer', { screeningId, questionId, elapsedMs: Math.round(answer.elapsedMs) }), true);
    },
    [enqueue, screeningId],
  );

  // Notes save 500 ms after the last keystroke, or at once when the field is left,
  // the question changes or the screen closes.
  const pendingNotes = useRef<(() => void) | null>(null);
  const flushNotes = useCallback(() => {
    if (notesTimer.current !== null) window.clearTimeout(notesTimer.current);
    notesTimer.current = null;
    const save = pendingNotes.current;
    pendingNotes.current = null;
    save?.();
  }, []);
  useEffect(() => () => flushNotes(), [flushNotes]);

  // The clock: time accumulates on the question on screen, only while the call view is visible.
  useEffect(() => {
    if (!isLive || mode !== 'call' || !question) return;
    let last = performance.now();
    const id = window.setInterval(() => {
      const now = performance.now();
      const delta = now - last;
      last = now;
      if (document.visibilityState !== 'visible') return;
      setAnswers((current) => {
        const answer = current[question.id];
        return answer ? { ...current, [question.id]: { ...answer, elapsedMs: answer.elapsedMs + delta } } : current;
      });
      if (Date.now() - lastElapsedSave.current >= elapsedSaveEveryMs) saveElapsed(question.id);
    }, 250);
    return () => {
      window.clearInterval(id);
      saveElapsed(question.id);
    };
  }, [isLive, mode, question, saveElapsed]);

  const goTo = useCallback(
    (next: number) => {
      if (!detail || next < 0 || next >= detail.script.questions.length || next === index) return;
      flushNotes();
      setIndex(next);
      setIsRatingArmed(false);
      void enqueue(() => call('screening.setPosition', { screeningId, questionIndex: next }), true);
    },
    [detail, enqueue, flushNotes, index, screeningId],
  );

  const openFinish = useCallback(() => {
    flushNotes();
    setFinishError(null);
    setMode('finish');
  }, [flushNotes]);

  const chooseRecommendation = useCallback((value: Recommendation) => {
    setRecommendation(value);
    window.setTimeout(() => finishButtonRef.current?.focus(), 0);
  }, []);

  const finish = useCallback(async () => {
    if (!recommendation || isFinishing) return;
    setIsFinishing(true);
    setFinishError(null);
    try {
      await flush();
      const done = await call('screening.finish', { screeningId, recommendation, summaryNotes });
      setDetail(done);
      setAnswers(toMap(done.answers));
      setMode('scorecard');
      setJustFinished(true);
    } catch (error) {
      setFinishError(errorMessage(error));
    } finally {
      setIsFinishing(false);
    }
  }, [flush, isFinishing, recommendation, screeningId, summaryNotes]);

  const rate = useCallback(
    (rating: Rating | null) => {
      if (!question) return;
      saveAnswer(question.id, { rating });
      setIsRatingArmed(false);
    },
    [question, saveAnswer],
  );

  // Keyboard: the whole call can be run without the mouse.
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!detail || !isLive) return;
      if (mode === 'finish') {
        if (isTypingTarget(event.target)) {
          if (event.key === 'Escape') (event.target as HTMLElement).blur();
          return;
        }
        const picks: Record<string, Recommendation> = { a: 'advance', h: 'hold', d: 'decline' };
        const pick = picks[event.key.toLowerCase()];
        if (pick && !event.ctrlKey && !event.metaKey && !event.altKey) {
          event.preventDefault();
          chooseRecommendation(pick);
        } else if (event.key === 'Escape') {
          event.preventDefault();
          setMode('call');
        } else if (event.key === 'Enter' && !(event.target instanceof HTMLButtonElement)) {
          // Focus moves to the Finish button a tick after a choice; Enter pressed in that tick still finishes.
          event.preventDefault();
          void finish();
        }
        return;
      }
      if (mode !== 'call' || !question) return;
      if (isTypingTarget(event.target)) {
        if (event.key === 'Escape') {
          event.preventDefault();
          flushNotes();
          (event.target as HTMLElement).blur();
        }
        return;
      }
      if (event.target instanceof HTMLButtonElement && (event.key === 'Enter' || event.key === ' ')) return;
      const action = callKeyAction(event satisfies KeyInput, isRatingArmed);
      if (!action) return;
      event.preventDefault();
      const answer = answersRef.current[question.id];
      if (!answer) return;
      switch (action.type) {
        case 'toggle-good': {
          const item = question.goodAnswer[action.index];
          if (item) saveAnswer(question.id, { tickedGood: toggle(answer.tickedGood, item.id) });
          break;
        }
        case 'toggle-red': {
          const item = question.redFlags[action.index];
          if (item) saveAnswer(question.id, { tickedRed: toggle(answer.tickedRed, item.id) });
          break;
        }
        case 'arm-rating':
          setIsRatingArmed(true);
          if (ratingTimer.current !== null) window.clearTimeout(ratingTimer.current);
          ratingTimer.current = window.setTimeout(() => setIsRatingArmed(false), ratingArmMs);
          break;
        case 'rate':
          rate(action.rating);
          break;
        case 'next':
          goTo(index + 1);
          break;
        case 'previous':
          goTo(index - 1);
          break;
        case 'enter':
          if (index === questions.length - 1) openFinish();
          else goTo(index + 1);
          break;
        case 'focus-notes':
          notesRef.current?.focus();
          break;
        case 'cancel':
          setIsRatingArmed(false);
          break;
        default: {
          const unexpected: never = action;
          throw new Error(`unhandled key action ${JSON.stringify(unexpected)}`);
        }
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [chooseRecommendation, detail, finish, flushNotes, goTo, index, isLive, isRatingArmed, mode, openFinish, question, questions.length, rate, saveAnswer]);

  if (loadError) {
    return (
      <LoadError message={loadError} onRetry={() => void load()}>
        <button type="button" className="sc-button sc-button-ghost" onClick={onExit}>
          Back
        </button>
      </LoadError>
    );
  }
  if (!detail || !question) {
    return (
      <div className="sc-root sc-center" role="status">
        Opening the screening…
      </div>
    );
  }

  const answer = answers[question.id];
  const totalMs = Object.values(answers).reduce((sum, entry) => sum + entry.elapsedMs, 0);
  const probes = detail.probes.filter((probe) => probe.questionId === question.id);
  const generalProbes = detail.probes.filter((probe) => probe.questionId === null);
  const candidateName = detail.candidate.name ?? `Candidate ${detail.candidate.id}`;

  const header = (
    <header className="sc-top">
      <button type="button" className="sc-button sc-button-ghost" onClick={onExit} title="Leave the call screen; everything is saved">
        ← Back
      </button>
      <div className="sc-top-title">
        <span className="sc-top-name">{candidateName}</span>
        <span className="sc-muted">
          {detail.screening.label} · script v{detail.screening.scriptVersion}
        </span>
      </div>
      <span className="sc-spacer" />
      {mode === 'call' && <Stepper questions={questions} answers={answers} index={index} onGo={goTo} />}
      <span className="sc-spacer" />
      {mode === 'call' && (
        <>
          <span className="sc-clock" title="Time on this question">
            <span className="sc-label">Question</span>
            <span className="sc-clock-value" data-testid="question-clock">
              {formatClock(answer?.elapsedMs ?? 0)}
            </span>
          </span>
          <span className="sc-clock" title="Time on all questions">
            <span className="sc-label">Total</span>
            <span className="sc-clock-value">{formatClock(totalMs)}</span>
          </span>
        </>
      )}
      {isLive && <SaveIndicator status={status} />}
      {mode === 'call' && (
        <button type="button" className="sc-button sc-button-primary" onClick={openFinish}>
          Finish…
        </button>
      )}
    </header>
  );

  if (mode === 'scorecard' || mode === 'finish') {
    const isEditable = mode === 'finish';
    return (
      <div className="sc-root">
        {header}
        <div className="sc-scorecard">
          <main className="sc-scorecard-main">
            <h1 className="sc-h1">Scorecard{isEditable ? '' : ` · ${detail.screening.label}`}</h1>
            {!isEditable && detail.screening.finishedAt && (
              <p className="sc-muted">
                Finished {new Date(detail.screening.finishedAt).toLocaleString()} · script version {detail.screening.scriptVersion}
              </p>
            )}
            <ScorecardQuestions detail={detail} answers={answers} />
          </main>
          <aside className="sc-decision">
            {isEditable ? (
              <section className="sc-decide" aria-label="Your recommendation">
                <span className="sc-label">Your recommendation</span>
                <div className="sc-rec-buttons" role="radiogroup" aria-label="Recommendation">
                  {(['advance', 'hold', 'decline'] as const).map((value) => (
                    <button
                      key={value}
                      type="button"
                      role="radio"
                      aria-checked={recommendation === value}
                      className={`sc-rec-button sc-rec-${value}${recommendation === value ? ' is-selected' : ''}`}
                      onClick={() => chooseRecommendation(value)}
                    >
                      <span>{recommendationLabels[value]}</span>
                      <kbd>{value[0]?.toUpperCase()}</kbd>
                    </button>
                  ))}
                </div>
                <label className="sc-label" htmlFor="sc-summary">
                  Summary for the hiring manager
                </label>
                <textarea
                  id="sc-summary"
                  className="sc-textarea"
                  rows={4}
                  value={summaryNotes}
                  onChange={(event) => setSummaryNotes(event.target.value)}
                  placeholder="Optional"
                />
                {finishError && (
                  <div className="sc-banner sc-banner-error" role="alert">
                    {finishError}
                  </div>
                )}
                <button
                  ref={finishButtonRef}
                  type="button"
                  className="sc-button sc-button-primary sc-button-wide"
                  disabled={!recommendation || isFinishing}
                  onClick={() => void finish()}
                >
                  {recommendation
                    ? `Finish and set status to ${statusAfter[recommendation]}`
                    : 'Choose advance, hold or decline'}
                </button>
                <button type="button" className="sc-button sc-button-ghost sc-button-wide" onClick={() => setMode('call')}>
                  Back to the questions <kbd>Esc</kbd>
                </button>
              </section>
            ) : (
              <section className="sc-decide" aria-label="Recommendation">
                {justFinished && detail.screening.recommendation && (
                  <div className="sc-banner sc-banner-success" role="status">
                    Saved. {candidateName} is now {statusAfter[detail.screening.recommendation]}.
                  </div>
                )}
                <span className="sc-label">Recommendation</span>
                {detail.screening.recommendation ? (
                  <span className={`sc-rec sc-rec-big sc-rec-${detail.screening.recommendation}`} data-testid="final-recommendation">
                    {recommendationLabels[detail.screening.recommendation]}
                  </span>
                ) : (
                  <span className="sc-muted">Not decided</span>
                )}
                {detail.screening.summaryNotes.trim() !== '' && <p className="sc-card-notes">{detail.screening.summaryNotes}</p>}
              </section>
            )}
            <SuggestionPanel suggested={detail.suggested} isFrozen={!isEditable} />
          </aside>
        </div>
        {isEditable && (
          <footer className="sc-keys" aria-label="Keyboard shortcuts">
            <span>
              <kbd>A</kbd> <kbd>H</kbd> <kbd>D</kbd> choose
            </span>
            <span>
              <kbd>Enter</kbd> finish (once chosen)
            </span>
            <span>
              <kbd>Esc</kbd> back to questions
            </span>
          </footer>
        )}
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
      <div className="sc-call">
        <main className="sc-question" aria-labelledby="sc-question-title">
            <div className="sc-ask">
              <div className="sc-question-meta">
                <span className="sc-label">
                  Question {index + 1} of {questions.length}
                  {question.kind === 'extra' ? ' · extra kit' : ''}
                </span>
                <span className="sc-skills">{question.skills.join(' · ')}</span>
              </div>
              <h1 id="sc-question-title" className="sc-h1">
                {question.title}
              </h1>
              <p className="sc-prompt" data-testid="prompt">
                {question.prompt}
              </p>
              {probes.map((probe) => (
                <div key={probe.text} className="sc-probe">
                  <span className="sc-probe-label">From the resume:</span> {probe.text}
                  <div className="sc-probe-because">{probe.because}</div>
                </div>
              ))}
              {question.followUps.length > 0 && (
                <div className="sc-followups">
                  <span className="sc-label">Follow-ups</span>
                  <ul>
                    {question.followUps.map((followUp) => (
                      <li key={followUp}>{followUp}</li>
                    ))}
                  </ul>
                </div>
              )}
              {generalProbes.length > 0 && (
                <div className="sc-other-probes">
                  <span className="sc-label">Other questions from the resume</span>
                  <ul>
                    {generalProbes.map((probe) => (
                      <li key={probe.text}>
                        {probe.text} <span className="sc-muted">({probe.because})</span>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              {question.source && <p className="sc-fineprint">Source: {question.source}</p>}
            </div>

            <div className="sc-listen">
              <Checklist
                title="Good answer"
                hint="1–9"
                tone="good"
                items={question.goodAnswer}
                ticked={answer?.tickedGood ?? []}
                keyLabel={(itemIndex) => String(itemIndex + 1)}
                onToggle={(id) => answer && saveAnswer(question.id, { tickedGood: toggle(answer.tickedGood, id) })}
              />
              <Checklist
                title="Red flags"
                hint="Shift + 1–9"
                tone="red"
                items={question.redFlags}
                ticked={answer?.tickedRed ?? []}
                keyLabel={(itemIndex) => `⇧${itemIndex + 1}`}
                onToggle={(id) => answer && saveAnswer(question.id, { tickedRed: toggle(answer.tickedRed, id) })}
              />
              <div className="sc-rating-row">
                <span className="sc-label">
                  Rating {isRatingArmed ? <strong className="sc-armed">press 1–4 (0 clears)</strong> : <kbd>R</kbd>}
                </span>
                <div className={`sc-rating${isRatingArmed ? ' is-armed' : ''}`} role="radiogroup" aria-label="Rating">
                  {([1, 2, 3, 4] as const).map((value) => (
                    <button
                      key={value}
                      type="button"
                      role="radio"
                      aria-checked={answer?.rating === value}
                      className={`sc-rate sc-rate-${value}${answer?.rating === value ? ' is-selected' : ''}`}
                      onClick={() => rate(answer?.rating === value ? null : value)}
                    >
                      <span className="sc-rate-key">{value}</span>
                      {ratingLabels[value]}
                    </button>
                  ))}
                </div>
              </div>
              <label className="sc-notes">
                <span className="sc-label">
                  Notes <kbd>N</kbd>
                </span>
                <textarea
                  ref={notesRef}
                  className="sc-textarea"
                  rows={2}
                  value={answer?.notes ?? ''}
                  placeholder="What they said, in your words"
                  onChange={(event: ChangeEvent<HTMLTextAreaElement>) => {
                    const notes = event.target.value;
                    setAnswers((current) => {
                      const previous = current[question.id];
                      return previous ? { ...current, [question.id]: { ...previous, notes } } : current;
                    });
                    if (notesTimer.current !== null) window.clearTimeout(notesTimer.current);
                    const questionId = question.id;
                    pendingNotes.current = () =>
                      void enqueue(() => call('screening.updateAnswer', { screeningId, questionId, notes }));
                    notesTimer.current = window.setTimeout(flushNotes, notesDebounceMs);
                  }}
                  onBlur={flushNotes}
                />
              </label>
            </div>
        </main>
      </div>
      <footer className="sc-keys" aria-label="Keyboard shortcuts">
        <span>
          <kbd>1</kbd>–<kbd>9</kbd> good point
        </span>
        <span>
          <kbd>⇧</kbd>+<kbd>1</kbd>–<kbd>9</kbd> red flag
        </span>
        <span>
          <kbd>R</kbd> then <kbd>1</kbd>–<kbd>4</kbd> rate
        </span>
        <span>
          <kbd>←</kbd> <kbd>→</kbd> question
        </span>
        <span>
          <kbd>N</kbd> notes, <kbd>Esc</kbd> leave notes
        </span>
        <span>
          <kbd>Enter</kbd> {index === questions.length - 1 ? 'finish' : 'next'}
        </span>
        <span className="sc-spacer" />
        <RatingChip rating={answer?.rating ?? null} />
      </footer>
    </div>
  );
}

function Stepper(props: {
  questions: ScreeningDetail['script']['questions'];
  answers: AnswerMap;
  index: number;
  onGo: (index: number) => void;
}) {
  return (
    <nav className="sc-stepper" aria-label="Questions">
      {props.questions.map((entry, entryIndex) => {
        const rating = props.answers[entry.id]?.rating ?? null;
        const isFirstExtra = entry.kind === 'extra' && props.questions[entryIndex - 1]?.kind !== 'extra';
        return (
          <span key={entry.id} className="sc-step-wrap">
            {isFirstExtra && <span className="sc-step-divider">extra</span>}
            <button
              type="button"
              tabIndex={-1}
              className={`sc-step${entryIndex === props.index ? ' is-current' : ''}${rating === null ? '' : ` sc-step-r${rating}`}`}
              aria-current={entryIndex === props.index ? 'step' : undefined}
              aria-label={`Question ${entryIndex + 1}: ${entry.title}${rating === null ? '' : `, rated ${ratingLabels[rating]}`}`}
              title={`${entry.title}${rating === null ? '' : ` · ${ratingLabels[rating]}`}`}
              onClick={() => props.onGo(entryIndex)}
            >
              {entryIndex + 1}
            </button>
          </span>
        );
      })}
    </nav>
  );
}

function SaveIndicator({ status }: { status: SaveStatus }) {
  switch (status.state) {
    case 'idle':
      return (
        <span className="sc-save" role="status">
          All changes saved
        </span>
      );
    case 'saving':
      return (
        <span className="sc-save is-saving" role="status">
          Saving…
        </span>
      );
    case 'saved':
      return (
        <span className="sc-save is-saved" role="status" data-testid="saved">
          ✓ Saved
        </span>
      );
    case 'error':
      return (
        <span className="sc-save is-error" role="status">
          Not saved
        </span>
      );
    default: {
      const unexpected: never = status;
      throw new Error(`unknown save status ${JSON.stringify(unexpected)}`);
    }
  }
}

function Checklist(props: {
  title: string;
  hint: string;
  tone: 'good' | 'red';
  items: Array<{ id: string; text: string }>;
  ticked: string[];
  keyLabel: (index: number) => string;
  onToggle: (id: string) => void;
}) {
  return (
    <fieldset className={`sc-checklist sc-checklist-${props.tone}`}>
      <legend className="sc-label">
        {props.title} <span className="sc-hint">{props.hint}</span>
      </legend>
      {props.items.map((item, itemIndex) => {
        const isTicked = props.ticked.includes(item.id);
        return (
          <label key={item.id} className={`sc-check${isTicked ? ' is-ticked' : ''}`}>
            <input type="checkbox" checked={isTicked} onChange={() => props.onToggle(item.id)} tabIndex={-1} />
            <kbd className="sc-check-key">{props.keyLabel(itemIndex)}</kbd>
            <span className="sc-check-text">{item.text}</span>
          </label>
        );
      })}
    </fieldset>
  );
}
