// The scorecard beside the decision: while finishing, the recruiter's choice and summary;
// once finished, the recommendation as it was saved.
import type { RefObject } from 'react';
import type { Recommendation } from '../../../contract/types.ts';
import type { ScreeningDetail } from '../../../contract/screening.ts';
import type { AnswerMap } from './call-state.ts';
import { finishKeyHints } from './keys.ts';
import { KeyHints } from './KeyHints.tsx';
import { ScorecardQuestions, SuggestionPanel, recommendationLabels, statusAfter } from './Scorecard.tsx';

export interface DecisionViewProps {
  detail: ScreeningDetail;
  answers: AnswerMap;
  candidateName: string;
  /** True while finishing; false for the read-only scorecard. */
  isEditable: boolean;
  recommendation: Recommendation | null;
  summaryNotes: string;
  finishError: string | null;
  isFinishing: boolean;
  justFinished: boolean;
  finishButtonRef: RefObject<HTMLButtonElement | null>;
  onChoose: (recommendation: Recommendation) => void;
  onSummaryChange: (summaryNotes: string) => void;
  onFinish: () => void;
  onBack: () => void;
}

export function DecisionView(props: DecisionViewProps) {
  const { detail, isEditable } = props;
  return (
    <>
      <div className="sc-scorecard">
        <main className="sc-scorecard-main">
          <h1 className="sc-h1">Scorecard{isEditable ? '' : ` · ${detail.screening.label}`}</h1>
          {!isEditable && detail.screening.finishedAt && (
            <p className="sc-muted">
              Finished {new Date(detail.screening.finishedAt).toLocaleString()} · script version {detail.screening.scriptVersion}
            </p>
          )}
          <ScorecardQuestions detail={detail} answers={props.answers} />
        </main>
        <aside className="sc-decision">
          {isEditable ? <DecideForm {...props} /> : <SavedDecision detail={detail} candidateName={props.candidateName} justFinished={props.justFinished} />}
          <SuggestionPanel suggested={detail.suggested} isFrozen={!isEditable} />
        </aside>
      </div>
      {isEditable && <KeyHints hints={finishKeyHints} />}
    </>
  );
}

function DecideForm(props: DecisionViewProps) {
  const { recommendation } = props;
  return (
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
            onClick={() => props.onChoose(value)}
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
        value={props.summaryNotes}
        onChange={(event) => props.onSummaryChange(event.target.value)}
        placeholder="Optional"
      />
      {props.finishError && (
        <div className="sc-banner sc-banner-error" role="alert">
          {props.finishError}
        </div>
      )}
      <button
        ref={props.finishButtonRef}
        type="button"
        className="sc-button sc-button-primary sc-button-wide"
        disabled={!recommendation || props.isFinishing}
        onClick={props.onFinish}
      >
        {recommendation ? `Finish and set status to ${statusAfter[recommendation]}` : 'Choose advance, hold or decline'}
      </button>
      <button type="button" className="sc-button sc-button-ghost sc-button-wide" onClick={props.onBack}>
        Back to the questions <kbd>Esc</kbd>
      </button>
    </section>
  );
}

function SavedDecision({ detail, candidateName, justFinished }: { detail: ScreeningDetail; candidateName: string; justFinished: boolean }) {
  const { recommendation, summaryNotes } = detail.screening;
  return (
    <section className="sc-decide" aria-label="Recommendation">
      {justFinished && recommendation && (
        <div className="sc-banner sc-banner-success" role="status">
          Saved. {candidateName} is now {statusAfter[recommendation]}.
        </div>
      )}
      <span className="sc-label">Recommendation</span>
      {recommendation ? (
        <span className={`sc-rec sc-rec-big sc-rec-${recommendation}`} data-testid="final-recommendation">
          {recommendationLabels[recommendation]}
        </span>
      ) : (
        <span className="sc-muted">Not decided</span>
      )}
      {summaryNotes.trim() !== '' && <p className="sc-card-notes">{summaryNotes}</p>}
    </section>
  );
}
