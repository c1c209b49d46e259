// One question of the live call: what to ask (with the resume's own probes), what to
// listen for (good points and red flags to tick), the rating and the notes.
import type { ChangeEvent, RefObject } from 'react';
import type { Probe } from '../../../contract/analysis.ts';
import type { Rating, ScreeningAnswer } from '../../../contract/screening.ts';
import type { ScreeningQuestion } from '../../../contract/script-schema.ts';
import { ratingLabels } from '../../format.ts';
import type { TickList } from './call-state.ts';
import { callKeyHints } from './keys.ts';
import { KeyHints } from './KeyHints.tsx';
import { RatingChip } from './Scorecard.tsx';

export function CallView(props: {
  question: ScreeningQuestion;
  answer: ScreeningAnswer | undefined;
  index: number;
  count: number;
  probes: Probe[];
  isRatingArmed: boolean;
  notesRef: RefObject<HTMLTextAreaElement | null>;
  onToggle: (list: TickList, id: string) => void;
  onRate: (rating: Rating | null) => void;
  onNotesChange: (notes: string) => void;
  onNotesBlur: () => void;
}) {
  const { question, answer, isRatingArmed } = props;
  return (
    <>
      <div className="sc-call">
        <main className="sc-question" aria-labelledby="sc-question-title">
          <Ask question={question} index={props.index} count={props.count} probes={props.probes} />
          <div className="sc-listen">
            <Checklist
              title="Good answer"
              hint="1–9"
              tone="good"
              items={question.goodAnswer}
              ticked={answer?.tickedGood ?? []}
              keyLabel={(itemIndex) => String(itemIndex + 1)}
              onToggle={(id) => props.onToggle('tickedGood', id)}
            />
            <Checklist
              title="Red flags"
              hint="Shift + 1–9"
              tone="red"
              items={question.redFlags}
              ticked={answer?.tickedRed ?? []}
              keyLabel={(itemIndex) => `⇧${itemIndex + 1}`}
              onToggle={(id) => props.onToggle('tickedRed', id)}
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
                    onClick={() => props.onRate(answer?.rating === value ? null : value)}
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
                ref={props.notesRef}
                className="sc-textarea"
                rows={2}
                value={answer?.notes ?? ''}
                placeholder="What they said, in your words"
                onChange={(event: ChangeEvent<HTMLTextAreaElement>) => props.onNotesChange(event.target.value)}
                onBlur={props.onNotesBlur}
              />
            </label>
          </div>
        </main>
      </div>
      <KeyHints hints={callKeyHints(props.index === props.count - 1)}>
        <span className="sc-spacer" />
        <RatingChip rating={answer?.rating ?? null} />
      </KeyHints>
    </>
  );
}

/** The question to ask, the resume's probes for it, follow-ups, and the resume's other questions. */
function Ask(props: { question: ScreeningQuestion; index: number; count: number; probes: Probe[] }) {
  const { question } = props;
  const probes = props.probes.filter((probe) => probe.questionId === question.id);
  const generalProbes = props.probes.filter((probe) => probe.questionId === null);
  return (
    <div className="sc-ask">
      <div className="sc-question-meta">
        <span className="sc-label">
          Question {props.index + 1} of {props.count}
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
  );
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
