// The data-care methods: the audit log and backups.
import { join } from 'node:path';
import type { ApiHandlers } from '../../contract/api.ts';
import type { ServiceContext } from '../services/context.ts';
import { listAudit } from '../../db/queries/audit.ts';
import { UserFacingError } from '../api/errors.ts';
import { backupKind, createBackup, listBackups, restoreBackup } from './backup.ts';

type DataHandlers = Pick<ApiHandlers, 'audit.list' | 'backups.list' | 'backups.create' | 'backups.restore' | 'backups.revealKey'>;

export function createDataHandlers(ctx: ServiceContext): DataHandlers {
  const target = () => ({ db: ctx.db, backupsFolder: ctx.backupsFolder, actor: ctx.actor, now: ctx.now });
  return {
    'audit.list': async ({ candidateId, limit }) => listAudit(ctx.db, { ...(candidateId === undefined ? {} : { candidateId }), limit }),
    'backups.list': async () => listBackups(ctx.backupsFolder),
    'backups.revealKey': async () => {
      const key = ctx.databaseKey;
      if (key === null) return { key: null };
      // A passphrase is the person's own; only the app's generated key is shown.
      return { key: key.kind === 'raw' ? `x'${key.hex}'` : null };
    },
    'backups.create': () => createBackup(target(), 'manual'),
    'backups.restore': async ({ fileName }) => {
      // Only a file the backups folder lists, named as Shipped names its backups.
      if (backupKind(fileName) === null || !listBackups(ctx.backupsFolder).some((backup) => backup.fileName === fileName)) {
        throw new UserFacingError(`There is no backup called "${fileName}" in ${ctx.backupsFolder}.`);
      }
      const { db, ...result } = await restoreBackup({ ...target(), key: ctx.databaseKey, databasePath: ctx.databasePath }, join(ctx.backupsFolder, fileName));
      // An encrypted store is reopened by the restore; every handler reads ctx.db per call.
      if (db) ctx.db = db;
      return result;
    },
  };
}
