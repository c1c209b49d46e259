// The call screen's top bar: who is on the call, the question stepper and clocks while
// the call runs, whether every change is saved, and the way to finish.
import type { ScreeningDetail } from '../../../contract/screening.ts';
import { ratingLabels } from '../../format.ts';
import type { AnswerMap, CallMode } from './call-state.ts';
import { formatClock } from './keys.ts';
import type { SaveStatus } from './save-queue.ts';

export function CallHeader(props: {
  detail: ScreeningDetail;
  candidateName: string;
  mode: CallMode;
  answers: AnswerMap;
  index: number;
  questionMs: number;
  totalMs: number;
  isLive: boolean;
  status: SaveStatus;
  onExit: () => void;
  onGo: (index: number) => void;
  onFinish: () => void;
}) {
  const { detail, mode } = props;
  return (
    <header className="sc-top">
      <button type="button" className="sc-button sc-button-ghost" onClick={props.onExit} title="Leave the call screen; everything is saved">
        ← Back
      </button>
      <div className="sc-top-title">
        <span className="sc-top-name">{props.candidateName}</span>
        <span className="sc-muted">
          {detail.screening.label} · script v{detail.screening.scriptVersion}
        </span>
      </div>
      <span className="sc-spacer" />
      {mode === 'call' && <Stepper questions={detail.script.questions} answers={props.answers} index={props.index} onGo={props.onGo} />}
      <span className="sc-spacer" />
      {mode === 'call' && (
        <>
          <span className="sc-clock" title="Time on this question">
            <span className="sc-label">Question</span>
            <span className="sc-clock-value" data-testid="question-clock">
              {formatClock(props.questionMs)}
            </span>
          </span>
          <span className="sc-clock" title="Time on all questions">
            <span className="sc-label">Total</span>
            <span className="sc-clock-value">{formatClock(props.totalMs)}</span>
          </span>
        </>
      )}
      {props.isLive && <SaveIndicator status={props.status} />}
      {mode === 'call' && (
        <button type="button" className="sc-button sc-button-primary" onClick={props.onFinish}>
          Finish…
        </button>
      )}
    </header>
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
