import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createPrivateFile, privateFolderMode, restrictDatabaseFiles } from './file-mode.ts';
import { migrations, type Migration } from './migrations/index.ts';

export type Db = Database.Database;

export class DatabaseTooNewError extends Error {
  readonly found: number;
  readonly supported: number;

  constructor(found: number, supported: number) {
    super(
      `This database was written by a newer version of Shipped (schema ${found}; this version understands up to ${supported}). ` +
        'Update Shipped, or open a different database with --db.',
    );
    this.name = 'DatabaseTooNewError';
    this.found = found;
    this.supported = supported;
  }
}

export function schemaVersion(db: Db): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/** Applies every pending migration, each in its own transaction together with its user_version bump. */
export function migrate(db: Db, available: readonly Migration[] = migrations): void {
  const latest = available.at(-1)?.version ?? 0;
  const current = schemaVersion(db);
  if (current > latest) throw new DatabaseTooNewError(current, latest);
  for (const migration of available) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      // PRAGMA takes no bound parameters; the version is an integer from our own list.
      db.pragma(`user_version = ${Math.trunc(migration.version)}`);
    })();
  }
}

export interface OpenOptions {
  readonly?: boolean;
}

export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const isFile = path !== ':memory:' && path !== '';
  if (isFile && !options.readonly) {
    mkdirSync(dirname(path), { recursive: true, mode: privateFolderMode }); // the mode applies to folders it creates
    createPrivateFile(path);
  }
  const db = new Database(path, { readonly: options.readonly ?? false });
  try {
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      migrate(db);
      if (isFile) restrictDatabaseFiles(path);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
