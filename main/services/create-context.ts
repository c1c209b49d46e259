import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { AuditActor } from '../../contract/types.ts';
import { openDatabase, type DatabaseKey } from '../../db/open.ts';
import type { ServiceContext, ShellDialogs } from './context.ts';
import { sourceBriefWorkerUrl, sourceExtractWorkerUrl, sourceFontsFolder, sourceSamplesFolder } from './source-layout.ts';
import { UserFacingError } from '../api/errors.ts';
import { anyPath, type PathGrants } from './path-grants.ts';
import packageJson from '../../package.json' with { type: 'json' };

export const headlessDialogs: ShellDialogs = {
  chooseImportFolders: async () => {
    throw new UserFacingError('There is no window to show a folder picker in; pass the folder paths instead.');
  },
  chooseSavePath: async () => {
    throw new UserFacingError('There is no window to show a save dialog in; pass an output path instead.');
  },
};

export interface ContextOptions {
  databasePath: string;
  backupsFolder?: string;
  actor?: AuditActor;
  /** Check the database for damage on open (quick_check). */
  isQuickChecked?: boolean;
  /** Open the store encrypted with this key (an existing plain store is encrypted first: main/data/encryption.ts). */
  key?: DatabaseKey | null;
  encryptionProblem?: string | null;
  samplesFolder?: string;
  extractWorkerUrl?: URL;
  briefWorkerUrl?: URL;
  fontsFolder?: string;
  emit?: ServiceContext['emit'];
  dialogs?: ShellDialogs;
  now?: () => Date;
  /** Shells that take paths from a renderer (Electron, the e2e harness) pass createPathGrants(); the CLI, tests and bench take any path. */
  pathGrants?: PathGrants;
}

/** Opens (and migrates) the database and binds the services to it. Caller closes `ctx.db`. */
export function createServiceContext(options: ContextOptions): ServiceContext {
  return {
    db: openDatabase(options.databasePath, { isQuickChecked: options.isQuickChecked ?? false, key: options.key ?? null }),
    databaseKey: options.key ?? null,
    encryptionProblem: options.encryptionProblem ?? null,
    databasePath: options.databasePath,
    backupsFolder: options.backupsFolder ?? join(dirname(options.databasePath), 'backups'),
    actor: options.actor ?? 'app',
    samplesFolder: options.samplesFolder ?? fileURLToPath(sourceSamplesFolder),
    extractWorkerUrl: options.extractWorkerUrl ?? sourceExtractWorkerUrl,
    briefWorkerUrl: options.briefWorkerUrl ?? sourceBriefWorkerUrl,
    fontsFolder: options.fontsFolder ?? fileURLToPath(sourceFontsFolder),
    appVersion: packageJson.version,
    emit: options.emit ?? (() => {}),
    now: options.now ?? (() => new Date()),
    dialogs: options.dialogs ?? headlessDialogs,
    pathGrants: options.pathGrants ?? anyPath,
  };
}
