// Opening the store for the app: quick_check first, and when the database is damaged, the
// latest verified-on-restore backup is offered instead of a dead end. Plain Node, so the
// Electron shell only shows the dialogs (main/electron/main.ts).
import { createServiceContext, type ContextOptions } from '../services/create-context.ts';
import type { ServiceContext } from '../services/context.ts';
import type { BackupInfo } from '../../contract/types.ts';
import { DatabaseTooNewError } from '../../db/open.ts';
import { createLogger } from '../logger.ts';
import { storageErrorMessage, storageProblem } from './sqlite-errors.ts';
import { listBackups, restoreBackup } from './backup.ts';
import { dirname, join } from 'node:path';

const log = createLogger('recovery');

export type OpenOutcome =
  | { kind: 'open'; ctx: ServiceContext }
  | { kind: 'damaged'; message: string; latestBackup: BackupInfo | null }
  | { kind: 'failed'; message: string };

function backupsFolderOf(options: ContextOptions): string {
  return options.backupsFolder ?? join(dirname(options.databasePath), 'backups');
}

/**
 * Opens or says why not; never throws. quick_check runs here unless the caller runs it itself
 * (the app, in a worker thread: main/data/check.ts); a page 1 that cannot be read fails here regardless.
 */
export function openForApp(options: ContextOptions): OpenOutcome {
  try {
    return { kind: 'open', ctx: createServiceContext({ isQuickChecked: true, ...options }) };
  } catch (error) {
    log.error('could not open the database', error);
    if (error instanceof DatabaseTooNewError) return { kind: 'failed', message: error.message };
    const latestBackup = listBackups(backupsFolderOf(options)).find((backup) => !backup.fileName.includes('before-restore')) ?? null;
    if (storageProblem(error) === 'corrupt') {
      const message = storageErrorMessage(error, latestBackup ? ` (the latest is from ${latestBackup.createdAt.slice(0, 16).replace('T', ' ')} UTC)` : '') ?? '';
      return { kind: 'damaged', message, latestBackup };
    }
    return { kind: 'failed', message: storageErrorMessage(error) ?? (error instanceof Error ? error.message : String(error)) };
  }
}

/** Puts the backup in place of the damaged database (which is moved aside as it is), then opens again. */
export async function restoreAndOpen(options: ContextOptions, backup: BackupInfo): Promise<OpenOutcome> {
  try {
    const restored = await restoreBackup(
      {
        databasePath: options.databasePath,
        backupsFolder: backupsFolderOf(options),
        db: null,
        key: options.key ?? null,
        actor: 'app',
        now: options.now ?? (() => new Date()),
      },
      backup.path,
    );
    // An encrypted restore hands back its connection; the store is opened again below, checked.
    restored.db?.close();
  } catch (error) {
    log.error('restoring the latest backup failed', error);
    return { kind: 'failed', message: storageErrorMessage(error) ?? (error instanceof Error ? error.message : String(error)) };
  }
  return openForApp(options);
}
