import { useEffect, useState, type DragEvent } from 'react';
import type { ImportController } from '../import-controller.ts';
import type { ImportSummary } from '../../contract/types.ts';
import { droppedPaths } from '../api.ts';
import { baseName, formatElapsed, plural } from '../format.ts';
import { ErrorBanner } from '../components/Feedback.tsx';

interface Props {
  controller: ImportController;
  candidateCount: number | null;
  onShowCandidates: () => void;
}

function useNow(isTicking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!isTicking) return;
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, [isTicking]);
  return now;
}

export function ImportScreen({ controller, candidateCount, onShowCandidates }: Props) {
  const { state } = controller;
  const [isDragOver, setIsDragOver] = useState(false);
  const now = useNow(state.phase === 'running');

  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setIsDragOver(false);
    if (controller.isRunning) return;
    const paths = droppedPaths(event.dataTransfer.files);
    if (paths.length > 0) void controller.importPaths(paths);
  };

  return (
    <div className="screen screen-import">
      <header className="screen-header">
        <div>
          <h1>Import resumes</h1>
          <p className="subtle">
            PDF, Word (.docx, .doc), RTF, OpenDocument and text files, and scans or photos (PNG, JPEG, TIFF, WebP) read by OCR. Everything stays on this computer;
            nothing is uploaded.
          </p>
        </div>
      </header>

      <div className="import-body">
        <section
          className={`dropzone${isDragOver ? ' is-dragover' : ''}${controller.isRunning ? ' is-disabled' : ''}`}
          aria-label="Drop resumes here"
          data-testid="dropzone"
          onDragEnter={(event) => {
            event.preventDefault();
            setIsDragOver(true);
          }}
          onDragOver={(event) => {
            event.preventDefault();
            event.dataTransfer.dropEffect = controller.isRunning ? 'none' : 'copy';
          }}
          onDragLeave={(event) => {
            if (event.currentTarget === event.target) setIsDragOver(false);
          }}
          onDrop={onDrop}
        >
          <div className="dropzone-icon" aria-hidden="true">
            <svg viewBox="0 0 24 24" width="36" height="36" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
              <path d="M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z" />
              <path d="M12 10v6M9 13l3-3 3 3" />
            </svg>
          </div>
          <p className="dropzone-title">Drop folders or resume files here</p>
          <p className="subtle">Sub-folders are included. Duplicates are recognised and skipped.</p>
          <div className="dropzone-actions">
            <button type="button" className="button button-primary" onClick={() => void controller.chooseAndImport()} disabled={controller.isRunning}>
              Choose folder…
            </button>
            {candidateCount === 0 && (
              <button type="button" className="button" onClick={() => void controller.importSamples()} disabled={controller.isRunning}>
                Import sample resumes
              </button>
            )}
          </div>
          {candidateCount === 0 && state.phase === 'idle' && (
            <p className="subtle small">New here? The sample resumes show what Shipped finds in a real pile of CVs.</p>
          )}
        </section>

        {state.phase === 'running' && (
          <section className="panel import-progress" aria-label="Import progress">
            <ProgressView
              filesDone={state.progress?.filesDone ?? 0}
              filesTotal={state.progress?.filesTotal ?? 0}
              phase={state.progress?.phase ?? 'scanning'}
              currentFile={state.progress?.currentFile ?? null}
              detail={state.progress?.detail ?? null}
              elapsedMs={state.progress ? Math.max(state.progress.elapsedMs, now - state.startedAt) : now - state.startedAt}
              counts={state.progress ? { imported: state.progress.imported, duplicates: state.progress.duplicates, failed: state.progress.failed } : null}
            />
            <div className="progress-actions">
              <button type="button" className="button" onClick={() => void controller.cancel()} disabled={state.isCancelling}>
                {state.isCancelling ? 'Cancelling…' : 'Cancel'}
              </button>
            </div>
          </section>
        )}

        {state.phase === 'error' && <ErrorBanner message={state.message} onDismiss={controller.reset} />}

        {state.phase === 'done' && (
          <section className="panel import-result" aria-label="Import result" data-testid="import-result">
            <div className="result-head">
              <h2>{state.summary.status === 'cancelled' ? 'Import cancelled' : 'Import finished'}</h2>
              <span className="subtle">
                {state.source.includes('/') || state.source.includes('\\') ? baseName(state.source) : state.source} · {plural(state.summary.total, 'file')} in{' '}
                {formatElapsed(state.summary.elapsedMs)}
              </span>
            </div>
            <div
              className="progress is-complete"
              role="progressbar"
              aria-label="Import progress"
              aria-valuemin={0}
              aria-valuemax={state.summary.total}
              aria-valuenow={processedCount(state.summary)}
              data-testid="import-progressbar"
              data-phase="done"
            >
              <div className="progress-fill" style={{ width: `${state.summary.total === 0 ? 100 : Math.round((processedCount(state.summary) / state.summary.total) * 100)}%` }} />
            </div>
            <dl className="result-stats">
              <div className="stat stat-good">
                <dt>Imported</dt>
                <dd data-testid="count-imported">{state.summary.imported}</dd>
              </div>
              <div className="stat">
                <dt>Duplicates</dt>
                <dd data-testid="count-duplicates">{state.summary.duplicates}</dd>
              </div>
              <div className={`stat${state.summary.failed.length > 0 ? ' stat-bad' : ''}`}>
                <dt>Failed</dt>
                <dd data-testid="count-failed">{state.summary.failed.length}</dd>
              </div>
            </dl>
            {state.summary.skipped.length > 0 && (
              <p className="subtle" data-testid="import-skipped">
                {plural(state.summary.skipped.length, 'file')} skipped: {state.summary.skipped[0]?.reason}
              </p>
            )}
            {state.summary.failed.length > 0 && (
              <div className="failures">
                <h3>Files that could not be imported</h3>
                <ul className="failure-list">
                  {state.summary.failed.map((failure) => (
                    <li key={failure.file} className="failure">
                      <span className="failure-file" title={failure.file}>
                        {baseName(failure.file)}
                      </span>
                      <span className="failure-reason">{failure.reason}</span>
                      <span className="failure-path subtle" title={failure.file}>
                        {failure.file}
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <div className="result-actions">
              {state.summary.imported > 0 && (
                <button type="button" className="button button-primary" onClick={onShowCandidates}>
                  Show candidates
                </button>
              )}
              <button type="button" className="button" onClick={controller.reset}>
                Import more
              </button>
            </div>
          </section>
        )}
      </div>
    </div>
  );
}

function processedCount(summary: ImportSummary): number {
  return Math.min(summary.total, summary.imported + summary.duplicates + summary.failed.length);
}

function ProgressView(props: {
  filesDone: number;
  filesTotal: number;
  phase: 'scanning' | 'importing' | 'done';
  currentFile: string | null;
  /** What the import does inside a slow file ("reading scanned page 2 of 3"). */
  detail: string | null;
  elapsedMs: number;
  counts: { imported: number; duplicates: number; failed: number } | null;
}) {
  const isIndeterminate = props.phase === 'scanning' || props.filesTotal === 0;
  const percent = isIndeterminate ? 0 : Math.round((props.filesDone / props.filesTotal) * 100);
  return (
    <div className="progress-view">
      <div className="progress-line">
        <strong>{props.phase === 'scanning' ? 'Looking for resumes…' : props.phase === 'done' ? 'Finishing…' : 'Importing'}</strong>
        <span className="subtle" data-testid="progress-count">
          {isIndeterminate ? '' : `${props.filesDone.toLocaleString()} of ${props.filesTotal.toLocaleString()} files`}
        </span>
        <span className="subtle progress-elapsed">{formatElapsed(props.elapsedMs)}</span>
      </div>
      <div
        className={`progress${isIndeterminate ? ' is-indeterminate' : ''}`}
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={props.filesTotal}
        aria-valuenow={isIndeterminate ? undefined : props.filesDone}
        data-testid="import-progressbar"
        data-phase={props.phase}
      >
        <div className="progress-fill" style={{ width: isIndeterminate ? undefined : `${percent}%` }} />
      </div>
      <div className="progress-line subtle small">
        <span className="progress-file" title={props.currentFile ?? ''}>
          {props.currentFile ? baseName(props.currentFile) : '\u00a0'}
          {props.detail && <span data-testid="progress-detail">: {props.detail}</span>}
        </span>
        {props.counts && (
          <span>
            {props.counts.imported} imported · {props.counts.duplicates} duplicates · {props.counts.failed} failed
          </span>
        )}
      </div>
    </div>
  );
}
