import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Command } from '../command.ts';
import { CliUsageError, requirePositionals } from '../command.ts';
import { restoreBackup, verifyBackup } from '../../data/backup.ts';
import { openDatabase, type Db } from '../../../db/open.ts';
import { createLogger } from '../../logger.ts';

const log = createLogger('cli.restore');

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'Replace the database with a backup, keeping the current one aside',
  usage: 'shipped restore FILE [--db PATH] [--json]',
  help: [
    'The backup is checked first (integrity check, a schema this version understands);',
    'if it fails, nothing changes. The current database is then kept in the backups folder',
    '(copied if it is readable, moved there as it is if it is damaged) before the backup',
    'replaces it. Close the app first.',
  ],
  options: {},
  async run(input) {
    const [file] = requirePositionals(input, 1, 'the backup file to restore');
    const backupPath = resolve(file ?? '');
    if (!existsSync(backupPath)) throw new CliUsageError(`"${file}" does not exist`);
    // Checked before the current database is even opened: a bad backup changes nothing.
    const { databasePath, databaseKey, io, isJson } = input;
    verifyBackup(backupPath, databaseKey);
    let current: Db | null = null;
    if (existsSync(databasePath)) {
      try {
        current = openDatabase(databasePath, { isQuickChecked: true, key: databaseKey });
      } catch (error) {
        // A damaged database is what restore is for: it is moved aside as it is.
        log.warn('the current database could not be opened; moving it aside', error);
      }
    }
    try {
      const result = await restoreBackup(
        { databasePath, backupsFolder: join(dirname(databasePath), 'backups'), db: current, key: databaseKey, actor: 'cli', now: () => new Date() },
        backupPath,
      );
      // An encrypted store was reopened by the restore (the one opened above is closed by then).
      if (result.db !== current) result.db?.close();
      const { db: _reopened, ...shown } = result;
      if (isJson) io.out(JSON.stringify(shown, null, 2));
      else io.out(`Restored ${result.candidateCount} candidates from ${result.restoredFrom}. The previous database is kept at ${result.previousKeptAt}.`);
      return 0;
    } finally {
      if (current?.open) current.close();
    }
  },
};
