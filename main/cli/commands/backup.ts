import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from '../command.ts';
import { CliUsageError } from '../command.ts';
import { createBackup } from '../../data/backup.ts';
import { megabytes } from '../format.ts';

export const backupCommand: Command = {
  name: 'backup',
  summary: 'Make a consistent copy of the database (into the backups folder, or --out FILE)',
  usage: 'shipped backup [--out FILE] [--db PATH] [--json]',
  help: [
    "Uses SQLite's online backup, so it is safe while the app or an import is writing.",
    'Without --out the copy goes to the backups folder beside the database, where the app',
    'also keeps its daily backups. --out never overwrites an existing file.',
  ],
  options: { out: { type: 'string' } },
  async run({ values, open, isJson, io }) {
    const out = typeof values.out === 'string' ? resolve(values.out) : undefined;
    if (out !== undefined && existsSync(out)) throw new CliUsageError(`"${out}" already exists; choose a new file name`);
    if (out !== undefined && !existsSync(dirname(out))) throw new CliUsageError(`the folder "${dirname(out)}" does not exist`);
    const { ctx } = open();
    try {
      const info = await createBackup({ db: ctx.db, backupsFolder: ctx.backupsFolder, actor: ctx.actor, now: ctx.now }, 'manual', out);
      if (isJson) io.out(JSON.stringify(info, null, 2));
      else io.out(`Backed up ${info.candidateCount} candidates to ${info.path} (${megabytes(info.sizeBytes)}).`);
      return 0;
    } finally {
      ctx.db.close();
    }
  },
};
