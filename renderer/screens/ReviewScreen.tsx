import { useEffect, useState } from 'react';
import type { PageImage, ReviewItem } from '../../contract/types.ts';
import { OCR_REVIEW_THRESHOLD } from '../../contract/types.ts';
import { describeReading } from '../../contract/reading.ts';
import { call, errorMessage } from '../api.ts';
import { plural } from '../format.ts';
import { EmptyState, ErrorBanner, Loading } from '../components/Feedback.tsx';

type Load = { state: 'loading' } | { state: 'ready'; items: ReviewItem[] } | { state: 'error'; message: string };

/**
 * Candidates whose resume OCR read with low confidence, each beside a picture of its page, so
 * the recruiter can check by eye that the name, e-mail and phone were read right.
 */
export function ReviewScreen({ onOpen }: { onOpen: (candidateId: number) => void }) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  useEffect(() => {
    call('candidates.reviewList', {}).then(
      (items) => setLoad({ state: 'ready', items }),
      (error: unknown) => setLoad({ state: 'error', message: errorMessage(error) }),
    );
  }, []);

  return (
    <div className="screen screen-review">
      <header className="screen-header">
        <div>
          <h1>Review</h1>
          <p className="subtle">
            Resumes read from scans or photos with an OCR confidence under {OCR_REVIEW_THRESHOLD}%. Check what Shipped read against the page.
          </p>
        </div>
      </header>
      {load.state === 'loading' && <Loading label="Loading the review list…" />}
      {load.state === 'error' && <ErrorBanner message={load.message} />}
      {load.state === 'ready' && load.items.length === 0 && (
        <EmptyState title="Nothing to review">Every resume read by OCR was read with a confidence of {OCR_REVIEW_THRESHOLD}% or more.</EmptyState>
      )}
      {load.state === 'ready' && load.items.length > 0 && (
        <>
          <p className="subtle small" data-testid="review-count">
            {plural(load.items.length, 'candidate')} to check
          </p>
          <ul className="review-list">
            {load.items.map((item) => (
              <li key={item.resumeFileId} className="panel review-item" data-testid="review-item">
                <div className="review-facts">
                  <h2 className="review-name">{item.name ?? 'No name found'}</h2>
                  <p className="reading-line is-unsure">Resume {describeReading(item.reading)}.</p>
                  <dl className="review-contact">
                    <div>
                      <dt>Email as read</dt>
                      <dd className="selectable">{item.email ?? '—'}</dd>
                    </div>
                    <div>
                      <dt>Phone as read</dt>
                      <dd className="selectable">{item.phone ?? '—'}</dd>
                    </div>
                    <div>
                      <dt>File</dt>
                      <dd className="selectable review-path" title={item.path}>
                        {item.fileName}
                      </dd>
                    </div>
                  </dl>
                  <button type="button" className="button" onClick={() => onOpen(item.candidateId)}>
                    Open candidate
                  </button>
                </div>
                <PageView resumeFileId={item.resumeFileId} name={item.name ?? item.fileName} />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function PageView({ resumeFileId, name }: { resumeFileId: number; name: string }) {
  const [page, setPage] = useState(1);
  const [image, setImage] = useState<PageImage | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let isCurrent = true;
    setError(null);
    call('candidates.pageImage', { resumeFileId, page }).then(
      (loaded) => isCurrent && setImage(loaded),
      (failure: unknown) => isCurrent && setError(errorMessage(failure)),
    );
    return () => {
      isCurrent = false;
    };
  }, [resumeFileId, page]);

  if (error) return <p className="subtle review-page-error">{error}</p>;
  if (!image) return <Loading label="Drawing the page…" />;
  return (
    <figure className="review-page">
      <img src={image.dataUrl} alt={`Page ${image.page} of the resume of ${name}`} />
      {image.pageCount > 1 && (
        <figcaption className="review-pager">
          <button type="button" className="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            Previous page
          </button>
          <span className="subtle small">
            Page {image.page} of {image.pageCount}
          </span>
          <button type="button" className="button" disabled={page >= image.pageCount} onClick={() => setPage(page + 1)}>
            Next page
          </button>
        </figcaption>
      )}
    </figure>
  );
}
