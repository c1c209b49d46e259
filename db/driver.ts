// Which SQLite build opens the store. better-sqlite3-multiple-ciphers is a fork of
// better-sqlite3 with the same API, built with SQLite3 Multiple Ciphers, so `PRAGMA key`
// encrypts the file. Its native addon may be missing for a platform or fail to load; then
// the plain better-sqlite3 opens plain stores as before, and says encryption is off and why,
// rather than leaving the recruiter without their data.
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';

export type DatabaseConstructor = typeof BetterSqlite3;

export interface Driver {
  Database: DatabaseConstructor;
  canEncrypt: boolean;
  /** Why encryption is unavailable, in words for the recruiter; null when it is available. */
  problem: string | null;
}

const require = createRequire(import.meta.url);
let chosen: Driver | null = null;

/** The cipher build when it loads, else plain better-sqlite3. `load` is replaceable for tests. */
export function chooseDriver(load: (name: string) => unknown = require): Driver {
  try {
    const Database = load('better-sqlite3-multiple-ciphers') as DatabaseConstructor;
    // The addon loads lazily on the first open: try one in memory now, so a broken build falls back here.
    new Database(':memory:').close();
    return { Database, canEncrypt: true, problem: null };
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
    return {
      Database: load('better-sqlite3') as DatabaseConstructor,
      canEncrypt: false,
      problem: `The encryption module could not be loaded on this computer (${reason.slice(0, 200)}), so the data file is not encrypted.`,
    };
  }
}

export function driver(): Driver {
  chosen ??= chooseDriver();
  return chosen;
}
