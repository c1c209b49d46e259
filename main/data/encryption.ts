// Encrypting an existing plain store in place. A plain copy is made first (SQLite's backup
// API) and kept until the encrypted file has been reopened with the key and checked; if
// anything fails before that, the copy is put back. Once verified, the plain copy is
// deleted: it holds every resume in the clear.
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { EncryptionUnavailableError, isPlainDatabaseFile, openConnection, type DatabaseKey, type Db } from '../../db/open.ts';
import { driver } from '../../db/driver.ts';
import { appendAudit } from '../../db/queries/audit.ts';
import type { AuditActor } from '../../contract/types.ts';
import { backupFileName, writeBackup } from './backup-file.ts';
import { createLogger } from '../logger.ts';
import { UserFacingError } from '../api/errors.ts';

const log = createLogger('encryption');

/** Rows per table: what the encrypted file must still hold. */
function rowCounts(db: Db): Record<string, number> {
  const tables = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all()
    .map((row) => row.name);
  // Table names come from sqlite_master, quoted as identifiers, never from input.
  return Object.fromEntries(tables.map((name) => [name, (db.prepare(`SELECT count(*) AS n FROM "${name.replaceAll('"', '""')}"`).get() as { n: number }).n]));
}

function rekey(db: Db, key: DatabaseKey): void {
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  db.pragma(key.kind === 'raw' ? `rekey = "x'${key.hex}'"` : `rekey = '${key.passphrase.replaceAll("'", "''")}'`);
}

export interface EncryptTarget {
  databasePath: string;
  backupsFolder: string;
  key: DatabaseKey;
  actor: AuditActor;
  now(): Date;
}

/**
 * Encrypts the plain database at `databasePath` with `key`. Needs the store to itself: SQLite
 * rewrites every page, which it cannot do while another connection (the other Shipped) is in it.
 * Returns false when the file is already encrypted (or does not exist yet).
 */
export async function encryptInPlace(target: EncryptTarget): Promise<boolean> {
  if (!existsSync(target.databasePath) || !isPlainDatabaseFile(target.databasePath)) return false;
  // Plain SQLite ignores PRAGMA rekey without a word: without the cipher build, stop before touching anything.
  const { canEncrypt, problem } = driver();
  if (!canEncrypt) throw new EncryptionUnavailableError(problem ?? 'The encryption module is not available.');
  mkdirSync(target.backupsFolder, { recursive: true, mode: 0o700 });
  const plainCopy = join(target.backupsFolder, backupFileName('manual', target.now()).replace(/-manual\.db$/, '-before-encryption.db.kept'));
  const plain = openConnection(target.databasePath);
  let before: Record<string, number>;
  let isRewriting = false;
  try {
    before = rowCounts(plain);
    await writeBackup(plain, plainCopy);
    // Rekeying rewrites the file page by page; SQLite does it only outside WAL mode.
    plain.pragma('wal_checkpoint(TRUNCATE)');
    let mode: unknown;
    try {
      mode = plain.pragma('journal_mode = DELETE', { simple: true });
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_BUSY'))) throw error;
    }
    if (mode !== 'delete') {
      throw new UserFacingError('The database is open in another Shipped (the app or a command), so it cannot be encrypted now. Nothing was changed; close the other one and try again.');
    }
    isRewriting = true;
    rekey(plain, target.key);
  } catch (error) {
    plain.close();
    // Until the rekey starts the file is untouched (and may be open elsewhere): only then is the copy put back.
    if (isRewriting) putBack(target.databasePath, plainCopy);
    else rmSync(plainCopy, { force: true });
    throw error;
  }
  plain.close();

  try {
    const encrypted = openConnection(target.databasePath, { key: target.key });
    try {
      const integrity = encrypted.pragma('integrity_check', { simple: true });
      const after = rowCounts(encrypted);
      if (integrity !== 'ok' || JSON.stringify(after) !== JSON.stringify(before)) throw new Error('the encrypted database does not match the plain one');
      if (isPlainDatabaseFile(target.databasePath)) throw new Error('the database file is still plain');
      encrypted.pragma('journal_mode = WAL');
      appendAudit(encrypted, { at: target.now().toISOString(), actor: target.actor, action: 'encrypt', candidateId: null, details: { cipher: 'sqlcipher-4' } });
    } finally {
      encrypted.close();
    }
  } catch (error) {
    log.error('the encrypted database failed its check; putting the plain copy back', error);
    putBack(target.databasePath, plainCopy);
    throw error;
  }
  rmSync(plainCopy, { force: true });
  return true;
}

/** Restores the plain copy over a failed attempt (nothing has the files open at this point). */
function putBack(databasePath: string, plainCopy: string): void {
  if (!existsSync(plainCopy)) return;
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${databasePath}${suffix}`, { force: true });
  copyFileSync(plainCopy, databasePath);
  rmSync(plainCopy, { force: true });
}

