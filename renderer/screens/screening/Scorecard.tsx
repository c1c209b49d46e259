import type { Recommendation } from '../../../contract/types.ts';
import { isUntouched, type ScreeningAnswer, type ScreeningDetail, type SuggestedRecommendation } from '../../../contract/screening.ts';
import { ratingLabels } from '../../format.ts';
import { formatClock } from './keys.ts';

export const recommendationLabels: Record<Recommendation, string> = { advance: 'Advance', hold: 'Hold', decline: 'Decline' };
export const statusAfter: Record<Recommendation, string> = { advance: 'Advanced', hold: 'On hold', decline: 'Declined' };
const confidenceLabels = { low: 'low confidence', medium: 'medium confidence', high: 'high confidence' } as const;

export function RatingChip({ rating }: { rating: ScreeningAnswer['rating'] }) {
  if (rating === null) return <span className="sc-chip sc-chip-none">Not rated</span>;
  return <span className={`sc-chip sc-chip-r${rating}`}>{ratingLabels[rating]}</span>;
}

/** Per-question results: rating, ticked points and flags by their text, notes. */
export function ScorecardQuestions({ detail, answers }: { detail: ScreeningDetail; answers: Record<string, ScreeningAnswer> }) {
  return (
    <ol className="sc-card-list">
      {detail.script.questions.map((question, index) => {
        const answer = answers[question.id];
        if (!answer) return null;
        const untouched = isUntouched(answer);
        if (untouched && question.kind === 'extra') return null;
        const good = question.goodAnswer.filter((item) => answer.tickedGood.includes(item.id));
        const red = question.redFlags.filter((item) => answer.tickedRed.includes(item.id));
        return (
          <li key={question.id} className={`sc-card-q${untouched ? ' sc-card-q-skipped' : ''}`}>
            <div className="sc-card-q-head">
              <span className="sc-card-q-num">{index + 1}</span>
              <span className="sc-card-q-title">{question.title}</span>
              {question.kind === 'extra' && <span className="sc-tag">Extra</span>}
              <span className="sc-spacer" />
              {answer.elapsedMs > 0 && <span className="sc-card-q-time">{formatClock(answer.elapsedMs)}</span>}
              {untouched ? <span className="sc-chip sc-chip-none">Not asked</span> : <RatingChip rating={answer.rating} />}
            </div>
            {(good.length > 0 || red.length > 0) && (
              <ul className="sc-card-items">
                {good.map((item) => (
                  <li key={`g-${item.id}`} className="sc-card-good">
                    <span className="sc-mark" aria-label="Good point">✓</span>
                    {item.text}
                  </li>
                ))}
                {red.map((item) => (
                  <li key={`r-${item.id}`} className="sc-card-red">
                    <span className="sc-mark" aria-label="Red flag">!</span>
                    {item.text}
                  </li>
                ))}
              </ul>
            )}
            {answer.notes.trim() !== '' && <p className="sc-card-notes">{answer.notes}</p>}
          </li>
        );
      })}
    </ol>
  );
}

export function SuggestionPanel({ suggested, isFrozen }: { suggested: SuggestedRecommendation; isFrozen: boolean }) {
  return (
    <section className="sc-suggest" aria-label="Suggested recommendation">
      <div className="sc-suggest-head">
        <span className="sc-label">{isFrozen ? 'Suggested at finish' : 'Suggested'}</span>
        <span className={`sc-rec sc-rec-${suggested.recommendation}`}>{recommendationLabels[suggested.recommendation]}</span>
        <span className="sc-muted">{confidenceLabels[suggested.confidence]}</span>
      </div>
      <ul className="sc-reasons">
        {suggested.reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
      <p className="sc-fineprint">A suggestion from ratings, red flags and the resume analysis. The decision is yours.</p>
    </section>
  );
}
