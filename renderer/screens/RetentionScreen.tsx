// Retention: how long an untouched candidate is kept, who is due under that rule, and, after
// the recruiter has looked, erasing them. Off until a number of months is set.
import { useCallback, useEffect, useState } from 'react';
import type { RetentionReview } from '../../contract/types.ts';
import { call, errorMessage } from '../api.ts';
import { formatDate, plural, statusLabels } from '../format.ts';
import { EmptyState, ErrorBanner, Loading, Notice } from '../components/Feedback.tsx';

interface Props {
  onOpen: (id: number) => void;
  onErased: (ids: number[]) => void;
}

export function RetentionScreen({ onOpen, onErased }: Props) {
  const [review, setReview] = useState<RetentionReview | null>(null);
  const [monthsText, setMonthsText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [isConfirming, setIsConfirming] = useState(false);

  const load = useCallback(() => {
    call('retention.review', {}).then(
      (loaded) => {
        setReview(loaded);
        setMonthsText(loaded.months === null ? '' : String(loaded.months));
      },
      (failure: unknown) => setError(errorMessage(failure)),
    );
  }, []);
  useEffect(load, [load]);

  const act = async (work: () => Promise<string | null>) => {
    setError(null);
    setNotice(null);
    try {
      setNotice(await work());
      load();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  const months = /^\d{1,3}$/.test(monthsText.trim()) ? Number(monthsText.trim()) : null;
  const isMonthsValid = months !== null && months >= 1 && months <= 240;

  if (review === null) return error ? <ErrorBanner message={error} onRetry={load} /> : <Loading label="Reading the retention rule…" />;

  return (
    <div className="screen screen-retention">
      <header className="screen-header">
        <div>
          <h1>Retention</h1>
          <p className="subtle">Candidates nobody has touched for a while can be listed here and erased, so old resumes do not stay on this computer.</p>
        </div>
      </header>
      {error && <ErrorBanner message={error} onDismiss={() => setError(null)} />}
      {notice && <Notice tone="success">{notice}</Notice>}

      <section className="panel retention-rule" aria-label="Retention rule">
        <label className="field-label" htmlFor="retention-months">
          List candidates untouched for (months)
        </label>
        <div className="retention-rule-row">
          <input
            id="retention-months"
            className="input input-small retention-months"
            inputMode="numeric"
            placeholder="off"
            value={monthsText}
            onChange={(event) => setMonthsText(event.target.value)}
          />
          <button
            type="button"
            className="button button-small button-primary"
            disabled={!isMonthsValid || months === review.months}
            onClick={() => void act(async () => (await call('retention.setMonths', { months }), null))}
          >
            Save
          </button>
          {review.months !== null && (
            <button type="button" className="button button-small" onClick={() => void act(async () => (await call('retention.setMonths', { months: null }), 'Retention is off.'))}>
              Turn off
            </button>
          )}
        </div>
        <p className="subtle small">
          Touched means a resume imported, a status or note changed, or a screening saved. Candidates marked “Keep” are never listed. From 1 to 240 months.
        </p>
      </section>

      {review.months === null ? (
        <EmptyState title="Retention is off">Set a number of months to see who has not been touched for that long.</EmptyState>
      ) : review.due.length === 0 ? (
        <EmptyState title="Nobody is due">No candidate has gone {plural(review.months, 'month')} without being touched.</EmptyState>
      ) : (
        <section className="panel" aria-label="Candidates due">
          <div className="retention-due-head">
            <div className="card-label">
              {plural(review.due.length, 'candidate')} untouched since {formatDate(review.cutoff ?? '')}
            </div>
            {isConfirming ? (
              <div className="retention-confirm" role="group" aria-label="Confirm erasing">
                <span>Erase {plural(review.due.length, 'candidate')} and their resumes, screenings and notes? This cannot be undone.</span>
                <button
                  type="button"
                  className="button button-small button-danger"
                  onClick={() =>
                    void act(async () => {
                      setIsConfirming(false);
                      const { erased } = await call('retention.erase', { ids: review.due.map((candidate) => candidate.id) });
                      onErased(erased);
                      return `Erased ${plural(erased.length, 'candidate')}.`;
                    })
                  }
                >
                  Erase
                </button>
                <button type="button" className="button button-small" onClick={() => setIsConfirming(false)}>
                  Cancel
                </button>
              </div>
            ) : (
              <button type="button" className="button button-small button-danger-ghost" onClick={() => setIsConfirming(true)}>
                Erase all listed…
              </button>
            )}
          </div>
          <ul className="retention-list">
            {review.due.map((candidate) => (
              <li key={candidate.id} className="retention-item" data-testid="retention-item">
                <button type="button" className="link-button retention-name" onClick={() => onOpen(candidate.id)}>
                  {candidate.name ?? `Candidate ${candidate.id}`}
                </button>
                <span className="badge badge-status">{statusLabels[candidate.status]}</span>
                <span className="subtle small">last touched {formatDate(candidate.lastTouchedAt)}</span>
                <button
                  type="button"
                  className="button button-small"
                  onClick={() =>
                    void act(async () => {
                      await call('candidates.setKept', { id: candidate.id, isKept: true });
                      return `${candidate.name ?? `Candidate ${candidate.id}`} is kept and will not be listed again.`;
                    })
                  }
                >
                  Keep
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
