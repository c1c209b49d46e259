import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
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

/** quick_check found damage. Its code is SQLite's, so it is told like any other damaged database. */
export class DatabaseDamagedError extends Error {
  readonly code = 'SQLITE_CORRUPT';
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`the database failed its quick check (${problems.length} problem${problems.length === 1 ? '' : 's'})`);
    this.name = 'DatabaseDamagedError';
    this.problems = problems;
  }
}

/** PRAGMA quick_check: a few hundred milliseconds on a large store, it finds damaged pages and indexes. */
export function quickCheck(db: Db): void {
  const problems = (db.pragma('quick_check(20)') as Array<{ quick_check: string }>).map((row) => row.quick_check);
  if (problems.length !== 1 || problems[0] !== 'ok') throw new DatabaseDamagedError(problems);
}

export function schemaVersion(db: Db): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/**
 * Applies every pending migration, each in its own transaction together with its user_version bump.
 * Each transaction is BEGIN IMMEDIATE and reads user_version inside it: two processes opening a new
 * database at once then take turns (the second waits on busy_timeout and finds the work done)
 * instead of both reading version 0 and the slower one failing on "table already exists".
 */
export function migrate(db: Db, available: readonly Migration[] = migrations): void {
  const latest = available.at(-1)?.version ?? 0;
  const applyNext = db.transaction((): boolean => {
    const current = schemaVersion(db);
    if (current > latest) throw new DatabaseTooNewError(current, latest);
    const next = available.find((migration) => migration.version > current);
    if (!next) return false;
    db.exec(next.sql);
    // PRAGMA takes no bound parameters; the version is an integer from our own list.
    db.pragma(`user_version = ${Math.trunc(next.version)}`);
    return true;
  });
  // Reading first without a lock keeps an up-to-date database from taking the write lock at all.
  const current = schemaVersion(db);
  if (current > latest) throw new DatabaseTooNewError(current, latest);
  if (current === latest) return;
  let isApplied: boolean;
  do isApplied = applyNext.immediate();
  while (isApplied);
}

export interface OpenOptions {
  readonly?: boolean;
  /** Run quick_check before anything else (the app does on start). */
  isQuickChecked?: boolean;
}

export function openDatabase(path: string, options: OpenOptions = {}): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { readonly: options.readonly ?? false });
  try {
    db.pragma('foreign_keys = ON');
    // Long enough for the other process's write batch (an import commits every ~250 ms) to finish.
    db.pragma('busy_timeout = 10000');
    // Deleted rows are overwritten with zeros, so an erased candidate is not left in free pages.
    db.pragma('secure_delete = ON');
    if (options.isQuickChecked) quickCheck(db);
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      migrate(db);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
