import type Database from 'better-sqlite3';
import { closeSync, mkdirSync, openSync, readSync } from 'node:fs';
import { driver } from './driver.ts';
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

/**
 * The key of an encrypted store: the app's random key (kept by the OS, main/electron/db-key.ts)
 * is raw (64 hex digits, used as is); a person's passphrase (the CLI) is stretched by SQLCipher's
 * key derivation.
 */
export type DatabaseKey = { kind: 'raw'; hex: string } | { kind: 'passphrase'; passphrase: string };

/** SQLCipher 4's format (SQLite3 Multiple Ciphers' "sqlcipher" scheme), so SQLCipher's own tools can open a store. */
export function applyKey(db: Db, key: DatabaseKey): void {
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  // PRAGMA takes no bound parameters: the raw key is checked to be hex, the passphrase is quoted.
  if (key.kind === 'raw') {
    if (!/^[0-9a-f]{64}$/.test(key.hex)) throw new Error('a raw database key is 64 lowercase hex digits');
    db.pragma(`key = "x'${key.hex}'"`);
  } else {
    if (key.passphrase === '') throw new Error('the passphrase is empty');
    db.pragma(`key = '${key.passphrase.replaceAll("'", "''")}'`);
  }
}

const plainHeader = Buffer.from('SQLite format 3\0', 'latin1');

/** Whether the file starts like an unencrypted SQLite database (a missing or empty file counts as plain). */
export function isPlainDatabaseFile(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return true;
  }
  try {
    const head = Buffer.alloc(16);
    const read = readSync(fd, head, 0, 16, 0);
    return read === 0 || head.equals(plainHeader);
  } finally {
    closeSync(fd);
  }
}

/**
 * The file is not a database this key (or no key) can read. Its code is SQLite's, so it is
 * told like a damaged database, with the difference `hasKey` makes.
 */
export class DatabaseUnreadableError extends Error {
  readonly code = 'SQLITE_NOTADB';
  readonly hasKey: boolean;

  constructor(hasKey: boolean, cause: unknown) {
    super(hasKey ? 'the database cannot be read with this key' : 'the database is encrypted or damaged', { cause });
    this.name = 'DatabaseUnreadableError';
    this.hasKey = hasKey;
  }
}

/** Encryption was asked for, but the cipher build of SQLite could not be loaded (db/driver.ts). */
export class EncryptionUnavailableError extends Error {
  constructor(problem: string) {
    super(problem);
    this.name = 'EncryptionUnavailableError';
  }
}

export interface OpenOptions {
  readonly?: boolean;
  /** Run quick_check before anything else (the app does on start). */
  isQuickChecked?: boolean;
  /** Open (or create) the store encrypted with this key. */
  key?: DatabaseKey | null;
}

/** A connection with the key applied and the file proven readable; nothing else set. */
export function openConnection(path: string, options: Pick<OpenOptions, 'readonly' | 'key'> = {}): Db {
  const { Database, canEncrypt, problem } = driver();
  if (options.key && !canEncrypt) throw new EncryptionUnavailableError(problem ?? 'encryption is unavailable');
  const db = new Database(path, { readonly: options.readonly ?? false });
  try {
    if (options.key) applyKey(db, options.key);
    try {
      // The first read decrypts page 1: a wrong key, a missing key or a garbage file fails here.
      db.pragma('schema_version', { simple: true });
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'SQLITE_NOTADB') throw new DatabaseUnreadableError(Boolean(options.key), error);
      throw error;
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

const scrubbedSetting = 'freePagesScrubbed';

/**
 * secure_delete zeroes what is deleted from now on; a store written by an earlier version can
 * still hold deleted candidates in its free pages. VACUUM rewrites the file without them, once.
 * It needs the store to itself for a moment: when another process is in it, the next open tries again.
 */
export function scrubFreePagesOnce(db: Db): void {
  if (db.prepare('SELECT 1 FROM settings WHERE key = ?').get(scrubbedSetting) !== undefined) return;
  if (Number(db.pragma('freelist_count', { simple: true })) > 0) {
    try {
      db.exec('VACUUM');
    } catch (error) {
      if (error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_BUSY')) return;
      throw error;
    }
  }
  db.prepare("INSERT INTO settings (key, value_json) VALUES (?, 'true') ON CONFLICT (key) DO NOTHING").run(scrubbedSetting);
}

export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const isFile = path !== ':memory:' && path !== '';
  if (isFile && !options.readonly) {
    mkdirSync(dirname(path), { recursive: true, mode: privateFolderMode }); // the mode applies to folders it creates
    createPrivateFile(path);
  }
  const db = openConnection(path, options);
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
      scrubFreePagesOnce(db);
      if (isFile) restrictDatabaseFiles(path);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
