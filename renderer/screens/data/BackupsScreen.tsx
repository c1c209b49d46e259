// Backups: make one now, see the daily ones, restore one (checked first; the current data is kept aside).
import { useCallback, useEffect, useState } from 'react';
import type { AppInfo, BackupInfo } from '../../../contract/types.ts';
import { call, errorMessage } from '../../api.ts';
import { formatDateTime, plural } from '../../format.ts';
import { ConfirmDialog } from '../../components/Dialog.tsx';
import { EmptyState, ErrorBanner, Loading, Notice } from '../../components/Feedback.tsx';

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; backups: BackupInfo[] };

const kindLabels: Record<string, string> = { manual: 'Made by you', auto: 'Daily', 'before-restore': 'Kept before a restore' };

function kindOf(fileName: string): string {
  const match = /-(manual|auto|before-restore)\.db$/.exec(fileName);
  return kindLabels[match?.[1] ?? ''] ?? 'Backup';
}

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function BackupsScreen({ onRestored }: { onRestored: () => void }) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [toRestore, setToRestore] = useState<BackupInfo | null>(null);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [shownKey, setShownKey] = useState<string | null>(null);
  useEffect(() => {
    call('app.info', {}).then(setInfo, () => {});
  }, []);

  const showKey = async () => {
    try {
      setShownKey((await call('backups.revealKey', {})).key);
    } catch (error) {
      setMessage({ tone: 'error', text: errorMessage(error) });
    }
  };

  const reload = useCallback(() => {
    call('backups.list', {}).then(
      (backups) => setLoad({ state: 'ready', backups }),
      (error: unknown) => setLoad({ state: 'error', message: errorMessage(error) }),
    );
  }, []);
  useEffect(reload, [reload]);

  const backUpNow = async () => {
    setIsBusy(true);
    setMessage(null);
    try {
      const made = await call('backups.create', {});
      setMessage({ tone: 'success', text: `Backed up ${plural(made.candidateCount, 'candidate')} (${size(made.sizeBytes)}).` });
      reload();
    } catch (error) {
      setMessage({ tone: 'error', text: `The backup was not made: ${errorMessage(error)}` });
    } finally {
      setIsBusy(false);
    }
  };

  const restore = async (backup: BackupInfo) => {
    setIsBusy(true);
    setMessage(null);
    try {
      const result = await call('backups.restore', { fileName: backup.fileName });
      setToRestore(null);
      setMessage({ tone: 'success', text: `Restored ${plural(result.candidateCount, 'candidate')} from the backup of ${formatDateTime(backup.createdAt)}. The data it replaced is kept as a backup below.` });
      reload();
      onRestored();
    } catch (error) {
      setToRestore(null);
      setMessage({ tone: 'error', text: errorMessage(error) });
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <div className="screen screen-data">
      <header className="screen-header">
        <div>
          <h1>Backups</h1>
          <p className="subtle">Shipped backs up its data once a day and keeps the last seven daily backups. They stay on this computer, beside the data.</p>
        </div>
        <button type="button" className="button button-primary" onClick={() => void backUpNow()} disabled={isBusy}>
          Back up now
        </button>
      </header>
      {message && (message.tone === 'error' ? <ErrorBanner message={message.text} onDismiss={() => setMessage(null)} /> : <Notice tone="success">{message.text}</Notice>)}
      {load.state === 'loading' && <Loading label="Reading backups…" />}
      {load.state === 'error' && <ErrorBanner message={load.message} onRetry={reload} />}
      {load.state === 'ready' && load.backups.length === 0 && (
        <EmptyState title="No backups yet">The first daily backup is made while the app is open. You can make one now.</EmptyState>
      )}
      {load.state === 'ready' && load.backups.length > 0 && (
        <section className="panel data-panel" aria-label="Backups">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Made</th>
                <th scope="col">Kind</th>
                <th scope="col" className="numeric">Size</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {load.backups.map((backup) => (
                <tr key={backup.fileName}>
                  <td>{formatDateTime(backup.createdAt)}</td>
                  <td>{kindOf(backup.fileName)}</td>
                  <td className="numeric">{size(backup.sizeBytes)}</td>
                  <td className="actions">
                    <button type="button" className="button button-small" onClick={() => setToRestore(backup)} disabled={isBusy} aria-label={`Restore the backup of ${formatDateTime(backup.createdAt)}`}>
                      Restore…
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {info && (
        <section className="panel encryption-panel" aria-label="Encryption">
          <h2 className="panel-title">{info.isEncrypted ? 'The data file is encrypted' : 'The data file is not encrypted'}</h2>
          {info.isEncrypted ? (
            <>
              <p className="subtle">
                Resumes, notes and screenings are stored encrypted (SQLCipher 4 format), and so are the backups. The key is kept by this computer&rsquo;s key store, for your user account only.
              </p>
              {shownKey === null ? (
                <button type="button" className="button button-small" onClick={() => void showKey()}>
                  Show the key for the command line
                </button>
              ) : (
                <p className="key-line">
                  Set <code>SHIPPED_DB_KEY=&quot;{shownKey}&quot;</code> to use this data with the <code>shipped</code> command. Anyone with this key and the file can read it.
                </p>
              )}
            </>
          ) : (
            <p className="subtle">{info.encryptionProblem ?? 'This data file was opened without a key. Anyone who can read the file can read the resumes in it.'}</p>
          )}
        </section>
      )}
      {toRestore && (
        <ConfirmDialog
          title={`Restore the backup of ${formatDateTime(toRestore.createdAt)}?`}
          confirmLabel="Restore backup"
          isDestructive
          isBusy={isBusy}
          onConfirm={() => void restore(toRestore)}
          onCancel={() => setToRestore(null)}
        >
          <p>
            Shipped first checks that the backup is whole and readable by this version; if it is not, nothing changes. Then everything now in Shipped is
            replaced by the backup: candidates, screenings and notes added since it was made will be gone from the app.
          </p>
          <p className="subtle">The current data is kept as a backup first, so you can go back to it.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
