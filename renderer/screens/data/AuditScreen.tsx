// The audit log: what was done to whose record, when, and whether in the app or the command line.
// It holds ids, counts and hashes only, so nothing here names anybody.
import { useCallback, useEffect, useState } from 'react';
import type { AuditAction, AuditEntry } from '../../../contract/types.ts';
import { call, errorMessage } from '../../api.ts';
import { formatDateTime, statusLabels } from '../../format.ts';
import { EmptyState, ErrorBanner, Loading } from '../../components/Feedback.tsx';

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; entries: AuditEntry[] };

const actionLabels: Record<AuditAction, string> = {
  import: 'Import',
  delete: 'Erased',
  'brief-export': 'Brief exported',
  'status-change': 'Status changed',
  'notes-change': 'Notes edited',
  backup: 'Backup made',
  restore: 'Backup restored',
  encrypt: 'Encrypted',
  correction: 'Verdict corrected',
};

function describe(entry: AuditEntry): string {
  const d = entry.details;
  switch (entry.action) {
    case 'import':
      return entry.candidateId === null
        ? `Run ${String(d.runId)}: ${String(d.imported)} imported, ${String(d.duplicates)} duplicates, ${String(d.failed)} failed, ${String(d.skipped ?? 0)} skipped`
        : `Imported or updated by run ${String(d.runId)}`;
    case 'delete':
      return `${String(d.files)} file(s) erased${d.isSuppressed ? '; future imports skip this person' : ''}`;
    case 'brief-export':
      return `${d.isBlind ? 'Blind brief' : 'Brief'} (${String(d.target)})`;
    case 'status-change':
      if (typeof d.recommendation === 'string') return `Screening ${String(d.screeningId)} finished: ${d.recommendation}`;
      return `Now ${typeof d.status === 'string' && d.status in statusLabels ? statusLabels[d.status as keyof typeof statusLabels] : String(d.status)}`;
    case 'notes-change':
      return `${String(d.length)} characters`;
    case 'backup':
      return `${d.kind === 'auto' ? 'Daily' : 'On demand'}, ${(Number(d.sizeBytes) / 1024 / 1024).toFixed(1)} MB`;
    case 'restore':
      return `${String(d.candidates)} candidates; the replaced data kept as a backup`;
    case 'encrypt':
      return 'The data file is now encrypted';
    case 'correction':
      return d.value === null ? `Correction of ${String(d.field)} taken back` : `${String(d.field)}${typeof d.toolId === 'string' ? ` (${d.toolId})` : ''} corrected to ${String(d.value)}`;
    default: {
      const unexpected: never = entry.action;
      return String(unexpected);
    }
  }
}

export function AuditScreen({ candidateId, onFilter }: { candidateId: number | null; onFilter: (candidateId: number | null) => void }) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [draft, setDraft] = useState(candidateId === null ? '' : String(candidateId));

  const reload = useCallback(() => {
    setLoad({ state: 'loading' });
    call('audit.list', { ...(candidateId === null ? {} : { candidateId }), limit: 1000 }).then(
      (entries) => setLoad({ state: 'ready', entries }),
      (error: unknown) => setLoad({ state: 'error', message: errorMessage(error) }),
    );
  }, [candidateId]);
  useEffect(reload, [reload]);

  return (
    <div className="screen screen-data">
      <header className="screen-header">
        <div>
          <h1>Audit log</h1>
          <p className="subtle">Every import, erasure, export, change, backup and restore, newest first. It keeps record numbers, never names, and cannot be edited.</p>
        </div>
        <form
          className="inline-field"
          onSubmit={(event) => {
            event.preventDefault();
            const value = draft.trim();
            onFilter(/^[1-9]\d{0,15}$/.test(value) ? Number(value) : null);
          }}
        >
          <label className="filter-label" htmlFor="audit-candidate">
            Candidate #
          </label>
          <input id="audit-candidate" className="input input-small audit-filter" inputMode="numeric" value={draft} placeholder="All" onChange={(event) => setDraft(event.target.value)} />
          <button type="submit" className="button button-small">
            Show
          </button>
          {candidateId !== null && (
            <button
              type="button"
              className="button button-small button-ghost"
              onClick={() => {
                setDraft('');
                onFilter(null);
              }}
            >
              All candidates
            </button>
          )}
        </form>
      </header>
      {load.state === 'loading' && <Loading label="Reading the audit log…" />}
      {load.state === 'error' && <ErrorBanner message={load.message} onRetry={reload} />}
      {load.state === 'ready' && load.entries.length === 0 && (
        <EmptyState title={candidateId === null ? 'Nothing recorded yet' : `Nothing recorded for candidate #${candidateId}`}>Imports, exports and changes appear here as they happen.</EmptyState>
      )}
      {load.state === 'ready' && load.entries.length > 0 && (
        <section className="panel data-panel" aria-label="Audit log">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Where</th>
                <th scope="col">What</th>
                <th scope="col">Candidate</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {load.entries.map((entry) => (
                <tr key={entry.id}>
                  <td className="nowrap">{formatDateTime(entry.at)}</td>
                  <td>{entry.actor === 'app' ? 'App' : 'Command line'}</td>
                  <td>
                    <span className={`audit-action audit-${entry.action}`}>{actionLabels[entry.action]}</span>
                  </td>
                  <td>
                    {entry.candidateId === null ? (
                      <span className="subtle">—</span>
                    ) : (
                      <button type="button" className="link-button" onClick={() => onFilter(entry.candidateId)}>
                        #{entry.candidateId}
                      </button>
                    )}
                  </td>
                  <td className="subtle">{describe(entry)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
