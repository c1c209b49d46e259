// Storage failures told as they are. A full disk, a read-only file, a database another
// process holds and a damaged file each get their own message, saying what was and was
// not saved and where the details are; never "something went wrong".
import { logFilePath } from '../logger.ts';
import { DatabaseUnreadableError, EncryptionUnavailableError } from '../../db/open.ts';

/** An import write batch that did not commit: its files were not saved, every earlier batch was. */
export class UnsavedBatchError extends Error {
  readonly unsavedFiles: number;
  readonly savedFiles: number;

  constructor(unsavedFiles: number, savedFiles: number, cause: unknown) {
    super(`an import batch of ${unsavedFiles} files was not saved`, { cause });
    this.name = 'UnsavedBatchError';
    this.unsavedFiles = unsavedFiles;
    this.savedFiles = savedFiles;
  }
}

export type StorageProblem = 'full' | 'read-only' | 'busy' | 'corrupt';

/** The SQLite (or file system) error code inside an error or its causes. */
export function storageCode(error: unknown): string | null {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    if ('code' in current && typeof current.code === 'string') return current.code;
  }
  return null;
}

export function storageProblem(error: unknown): StorageProblem | null {
  const code = storageCode(error);
  if (code === null) return null;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'SQLITE_IOERR_WRITE' || code === 'EDQUOT') return 'full';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') return 'read-only';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'corrupt';
  return null;
}

function logHint(): string {
  const path = logFilePath();
  return path ? ` Details are in the log: ${path}` : '';
}

/**
 * The message a recruiter sees for a storage failure, or null when the error is something else.
 * `restoreHint` names where backups are, for a damaged database.
 */
export function storageErrorMessage(error: unknown, restoreHint = ''): string | null {
  if (error instanceof EncryptionUnavailableError) {
    return `${error.message} An encrypted database cannot be opened or made here; a plain one still works (leave SHIPPED_DB_KEY unset).${logHint()}`;
  }
  const problem = storageProblem(error);
  if (problem === null) return null;
  const batch = error instanceof UnsavedBatchError ? error : null;
  switch (problem) {
    case 'full':
      return (
        (batch
          ? `The disk is full; the last ${batch.unsavedFiles} ${batch.unsavedFiles === 1 ? 'file was' : 'files were'} not saved ` +
            `(the ${batch.savedFiles} imported before ${batch.unsavedFiles === 1 ? 'it were' : 'them were'}); nothing else changed. ` +
            'Free some space and import again: files already imported are skipped.'
          : 'The disk is full, so this change was not saved; nothing else changed. Free some space and try again.') + logHint()
      );
    case 'read-only':
      return (
        'Shipped cannot write to its database: the file or its folder is read-only (or the disk is mounted read-only). ' +
        'Nothing was changed. Check the permissions of the data folder and try again.' +
        logHint()
      );
    case 'busy':
      return (
        'The database is busy: another Shipped (the app or a "shipped" command) kept it locked for more than 10 seconds. ' +
        'Nothing was changed; try again once it has finished.' +
        logHint()
      );
    case 'corrupt':
      if (error instanceof DatabaseUnreadableError) {
        return (
          (error.hasKey
            ? 'The database cannot be read with the key Shipped has: it is damaged, or it was encrypted with a different key. Nothing was changed. '
            : 'The database cannot be read: it is encrypted (give its key in SHIPPED_DB_KEY) or it is damaged. Nothing was changed. ') +
          `If it is damaged, restore the latest backup${restoreHint}.` +
          logHint()
        );
      }
      return (
        'The database file is damaged, or is not a Shipped database. Nothing was changed. ' +
        `Restore the latest backup${restoreHint}.` +
        logHint()
      );
    default: {
      const unexpected: never = problem;
      throw new Error(`unknown storage problem ${String(unexpected)}`);
    }
  }
}
