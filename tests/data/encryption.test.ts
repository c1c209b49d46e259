import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { runCli } from '../../main/cli/main.ts';
import { createServiceContext } from '../../main/services/create-context.ts';
import { createHandlers } from '../../main/api/handlers.ts';
import { chooseDriver } from '../../db/driver.ts';
import { isPlainDatabaseFile, openDatabase, type DatabaseKey } from '../../db/open.ts';
import { verifyBackup } from '../../main/data/backup.ts';
import { parseDatabaseKey } from '../../main/cli/db-key.ts';
import { makeTempDir, resumeToText, syntheticResume, type TempDir } from '../import/fixtures.ts';

const dirs: TempDir[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) dir.remove();
});

const person = syntheticResume(3);
const email = person.contact[0] ?? '';

function folder() {
  const dir = makeTempDir('shipped-encryption-');
  dirs.push(dir);
  dir.file('in/a.txt', resumeToText(person));
  dir.file('in/b.txt', resumeToText(syntheticResume(30)));
  return { dir, inbox: join(dir.path, 'in'), databasePath: join(dir.path, 'data', 'shipped.db') };
}

async function cli(env: NodeJS.ProcessEnv, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (text) => out.push(text), err: (text) => err.push(text), isInteractive: false }, env);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const storeHolds = (path: string, text: string) =>
  [path, `${path}-wal`].some((file) => existsSync(file) && readFileSync(file).includes(Buffer.from(text)));

describe('encryption at rest', () => {
  it('a store made with SHIPPED_DB_KEY is encrypted; without the key, or with another, it says so', async () => {
    const { inbox, databasePath } = folder();
    const env = { SHIPPED_DB_KEY: 'correct horse battery staple' };
    expect((await cli(env, 'import', inbox, '--db', databasePath)).code).toBe(0);
    expect(isPlainDatabaseFile(databasePath)).toBe(false);
    expect(storeHolds(databasePath, email)).toBe(false);
    const listed = await cli(env, 'list', '--db', databasePath, '--json');
    expect((JSON.parse(listed.out) as unknown[]).length).toBe(2);

    const noKey = await cli({}, 'list', '--db', databasePath);
    expect(noKey.code).toBe(1);
    expect(noKey.err).toContain('shipped list: The database cannot be read: it is encrypted (give its key in SHIPPED_DB_KEY) or it is damaged. Nothing was changed.');
    const wrongKey = await cli({ SHIPPED_DB_KEY: 'wrong' }, 'list', '--db', databasePath);
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.err).toContain('The database cannot be read with the key Shipped has: it is damaged, or it was encrypted with a different key.');
  });

  it('a plain store is encrypted in place, checked, and the plain copy kept meanwhile is gone afterwards', async () => {
    const { inbox, databasePath, dir } = folder();
    expect((await cli({}, 'import', inbox, '--db', databasePath)).code).toBe(0);
    expect(storeHolds(databasePath, email)).toBe(true);
    const key = "x'" + 'ab'.repeat(32) + "'";
    const result = await cli({ SHIPPED_DB_KEY: key }, 'audit', '--db', databasePath, '--json');
    expect(result.code).toBe(0);
    expect(result.err).toContain('is now encrypted with the key in SHIPPED_DB_KEY');
    expect((JSON.parse(result.out) as Array<{ action: string }>)[0]?.action).toBe('encrypt');
    expect(isPlainDatabaseFile(databasePath)).toBe(false);
    expect(storeHolds(databasePath, email)).toBe(false);
    expect(readdirSync(join(dir.path, 'data', 'backups'))).toEqual([]);
    const names = JSON.parse((await cli({ SHIPPED_DB_KEY: key }, 'list', '--db', databasePath, '--json')).out) as Array<{ name: string }>;
    expect(names.map((candidate) => candidate.name)).toContain(person.name);
  });

  it('backups of an encrypted store are encrypted too, and restore into it', async () => {
    const { inbox, databasePath } = folder();
    const key: DatabaseKey = parseDatabaseKey("x'" + '5c'.repeat(32) + "'");
    const ctx = createServiceContext({ databasePath, key });
    const api = createHandlers(ctx);
    try {
      await api['import.run']({ paths: [inbox] });
      const backup = await api['backups.create']({});
      expect(isPlainDatabaseFile(backup.path)).toBe(false);
      expect(storeHolds(backup.path, email)).toBe(false);
      expect(verifyBackup(backup.path, key).candidateCount).toBe(2);
      expect(() => verifyBackup(backup.path, null)).toThrow(/encrypted with a different key\), so nothing was restored/);

      await api['candidates.delete']({ id: 1, isSuppressing: false });
      const restored = await api['backups.restore']({ fileName: backup.fileName });
      expect(restored.candidateCount).toBe(2);
      expect((await api['candidates.list']({})).length).toBe(2);
      expect(isPlainDatabaseFile(databasePath)).toBe(false);
      expect(isPlainDatabaseFile(restored.previousKeptAt)).toBe(false);
    } finally {
      ctx.db.close();
    }
  });

  it('when the cipher module cannot load, plain better-sqlite3 keeps plain stores working and says why', () => {
    const require = createRequire(import.meta.url);
    const fallback = chooseDriver((name) => {
      if (name === 'better-sqlite3-multiple-ciphers') throw new Error('Cannot find module better-sqlite3-multiple-ciphers');
      return require(name);
    });
    expect(fallback.canEncrypt).toBe(false);
    expect(fallback.problem).toBe(
      'The encryption module could not be loaded on this computer (Cannot find module better-sqlite3-multiple-ciphers), so the data file is not encrypted.',
    );
    const { dir } = folder();
    const plain = new fallback.Database(join(dir.path, 'plain.db'));
    plain.exec('CREATE TABLE t (x TEXT)');
    plain.close();
    const db = openDatabase(join(dir.path, 'plain.db'));
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 't'").get()).toEqual({ name: 't' });
    db.close();
  });
});

describe('a damaged encrypted store', () => {
  it('is restored from its latest (encrypted) backup when the app starts', async () => {
    const { openForApp, restoreAndOpen } = await import('../../main/data/recovery.ts');
    const { writeFileSync } = await import('node:fs');
    const { inbox, databasePath } = folder();
    const key = parseDatabaseKey("x'" + '7e'.repeat(32) + "'");
    const ctx = createServiceContext({ databasePath, key });
    await createHandlers(ctx)['import.run']({ paths: [inbox] });
    await createHandlers(ctx)['backups.create']({});
    ctx.db.close();
    writeFileSync(databasePath, Buffer.alloc(8192, 0x11));
    for (const suffix of ['-wal', '-shm']) if (existsSync(`${databasePath}${suffix}`)) writeFileSync(`${databasePath}${suffix}`, '');

    const outcome = openForApp({ databasePath, key });
    if (outcome.kind !== 'damaged' || !outcome.latestBackup) throw new Error(`expected a damaged store with a backup: ${JSON.stringify(outcome)}`);
    expect(outcome.message).toMatch(/^The database cannot be read with the key Shipped has: it is damaged, or it was encrypted with a different key\./);
    const reopened = await restoreAndOpen({ databasePath, key }, outcome.latestBackup);
    if (reopened.kind !== 'open') throw new Error(`expected the store to open: ${JSON.stringify(reopened)}`);
    try {
      expect((await createHandlers(reopened.ctx)['candidates.list']({})).length).toBe(2);
      expect(isPlainDatabaseFile(databasePath)).toBe(false);
    } finally {
      reopened.ctx.db.close();
    }
  });
});

describe('encrypting while another connection has the store open', () => {
  it('refuses, says why, and leaves the plain store as it was', async () => {
    const { encryptInPlace } = await import('../../main/data/encryption.ts');
    const { databasePath, dir } = folder();
    const other = openDatabase(databasePath);
    try {
      other.prepare('SELECT count(*) FROM candidates').get();
      await expect(
        encryptInPlace({ databasePath, backupsFolder: join(dir.path, 'backups'), key: parseDatabaseKey('pass'), actor: 'cli', now: () => new Date() }),
      ).rejects.toThrow('The database is open in another Shipped (the app or a command), so it cannot be encrypted now. Nothing was changed');
      expect(isPlainDatabaseFile(databasePath)).toBe(true);
      expect(readdirSync(join(dir.path, 'backups'))).toEqual([]);
      expect(other.prepare('SELECT count(*) AS n FROM candidates').get()).toEqual({ n: 0 });
    } finally {
      other.close();
    }
  });
});

describe('without the cipher build', () => {
  it('says so instead of pretending to encrypt', async () => {
    const { storageErrorMessage } = await import('../../main/data/sqlite-errors.ts');
    const { EncryptionUnavailableError } = await import('../../db/open.ts');
    const message = storageErrorMessage(new EncryptionUnavailableError('The encryption module could not be loaded on this computer (x), so the data file is not encrypted.'));
    expect(message).toMatch(
      /^The encryption module could not be loaded on this computer \(x\), so the data file is not encrypted\. An encrypted database cannot be opened or made here; a plain one still works \(leave SHIPPED_DB_KEY unset\)\./,
    );
  });
});
