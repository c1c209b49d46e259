import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../db/open.ts';
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
    db: openDatabase(options.databasePath),
    databasePath: options.databasePath,
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
