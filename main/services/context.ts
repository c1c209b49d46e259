import type { DatabaseKey, Db } from '../../db/open.ts';
import type { ApiEventName, ApiEvents } from '../../contract/api.ts';
import type { AuditActor } from '../../contract/types.ts';
import type { PathGrants } from './path-grants.ts';

/** What the shell (Electron, or the test harness) provides for the dialog.* methods. */
export interface ShellDialogs {
  chooseImportFolders(): Promise<string[] | null>;
  chooseSavePath(defaultName: string, kind: 'pdf-file' | 'folder'): Promise<string | null>;
}

export interface ServiceContext {
  /** Replaced when an encrypted store is restored from a backup, so handlers read it per call. */
  db: Db;
  /** The store's key when it is encrypted (the app's random key, or the CLI's passphrase). */
  databaseKey: DatabaseKey | null;
  /** Why the store is not encrypted when encryption was wanted (the app); null otherwise. */
  encryptionProblem: string | null;
  databasePath: string;
  /** Where backups go: `backups/` beside the database (the app-data folder for the app). */
  backupsFolder: string;
  /** Which door this context serves, for the audit log. */
  actor: AuditActor;
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
