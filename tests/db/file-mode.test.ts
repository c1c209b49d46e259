// The store holds other people's resumes: owner-only folder and files.
import { afterAll, describe, expect, test } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../db/open.ts';
import { securePrivateFolder } from '../../main/paths.ts';

const dir = mkdtempSync(join(tmpdir(), 'shipped-mode-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const mode = (path: string) => statSync(path).mode & 0o777;

describe.skipIf(process.platform === 'win32')('file modes', () => {
  test('a new database: its folder 0700, the database, WAL and shared-memory files 0600, whatever the umask', () => {
    const previous = process.umask(0o022);
    try {
      const path = join(dir, 'new', 'nested', 'shipped.db');
      const db = openDatabase(path);
      db.prepare('SELECT count(*) FROM candidates').get();
      expect(mode(join(dir, 'new'))).toBe(0o700);
      expect(mode(join(dir, 'new', 'nested'))).toBe(0o700);
      for (const file of [path, `${path}-wal`, `${path}-shm`]) expect([file, mode(file)]).toEqual([file, 0o600]);
      db.close();
    } finally {
      process.umask(previous);
    }
  });

  test('an existing 0644 database from an older version is tightened on open', () => {
    const path = join(dir, 'old.db');
    const old = new Database(path);
    old.pragma('journal_mode = WAL');
    old.exec('CREATE TABLE t (x)');
    old.close();
    chmodSync(path, 0o644);
    openDatabase(path).close();
    expect(mode(path)).toBe(0o600);
  });

  test('the app-data folder is made 0700, also when it already exists 0755', () => {
    const folder = join(dir, 'Shipped');
    mkdirSync(folder, { mode: 0o755 });
    chmodSync(folder, 0o755);
    writeFileSync(join(folder, 'window-state.json'), '{}');
    securePrivateFolder(folder);
    expect(mode(folder)).toBe(0o700);
    securePrivateFolder(join(dir, 'fresh', 'Shipped'));
    expect(mode(join(dir, 'fresh', 'Shipped'))).toBe(0o700);
  });
});
