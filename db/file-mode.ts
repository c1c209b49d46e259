// Resumes are other people's personal data: the store is readable by its owner only.
// SQLite gives the -wal and -shm files the main file's mode, so creating the main file
// 0600 before SQLite opens it is what keeps them private from the first byte; files
// left 0644 by older versions are tightened on open.
import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';

export const privateFileMode = 0o600;
export const privateFolderMode = 0o700;

/** Creates the database file owner-only if it does not exist yet (an empty file is a new SQLite database). */
export function createPrivateFile(path: string): void {
  if (existsSync(path)) return;
  try {
    closeSync(openSync(path, 'wx', privateFileMode));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error; // another process made it first: fine
  }
}

/** The database and its companion files, owner-only (a no-op on Windows, where modes do not apply). */
export function restrictDatabaseFiles(path: string): void {
  for (const file of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]) {
    if (existsSync(file)) chmodSync(file, privateFileMode);
  }
}
