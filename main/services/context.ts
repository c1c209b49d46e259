import type { Db } from '../../db/open.ts';
import type { ApiEventName, ApiEvents } from '../../contract/api.ts';
import type { PathGrants } from './path-grants.ts';

/** What the shell (Electron, or the test harness) provides for the dialog.* methods. */
export interface ShellDialogs {
  chooseImportFolders(): Promise<string[] | null>;
  chooseSavePath(defaultName: string, kind: 'pdf-file' | 'folder'): Promise<string | null>;
}

export interface ServiceContext {
  db: Db;
  databasePath: string;
  /** Folder of bundled sample resumes offered on first launch. */
  samplesFolder: string;
  /** Entry script of the extraction worker thread (source .ts under Node, bundled .js in the app). */
  extractWorkerUrl: URL;
  /** Entry script of the PDF brief worker thread, likewise. */
  briefWorkerUrl: URL;
  /** Folder holding the fonts embedded in PDF briefs (DejaVuSans.ttf, DejaVuSans-Bold.ttf). */
  fontsFolder: string;
  appVersion: string;
  emit<E extends ApiEventName>(event: E, payload: ApiEvents[E]): void;
  now(): Date;
  dialogs: ShellDialogs;
  /** Paths the API may read or write: those the app's dialogs and drops handed out, or any for the CLI. */
  pathGrants: PathGrants;
}
