// Backups through SQLite's online backup API (better-sqlite3's db.backup), never a file
// copy: with WAL the database file alone can miss committed pages, and a copy taken while
// another process writes can be torn. A backup is written under a temporary name and renamed
// once complete, so a half-written file never looks like a backup.
//
// Restore verifies the backup first (integrity_check, a schema this version understands,
// Shipped's tables), keeps the current database aside, and only then copies the backup in,
// again through the backup API, so a connection that has the database open sees the
// restored data instead of a file swapped under it.
import { copyFileSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isPlainDatabaseFile, migrate, openConnection, openDatabase, schemaVersion, type DatabaseKey, type Db } from '../../db/open.ts';
import { migrations } from '../../db/migrations/index.ts';
import { appendAudit } from '../../db/queries/audit.ts';
import type { AuditActor, BackupInfo, RestoreResult } from '../../contract/types.ts';
import { UserFacingError } from '../api/errors.ts';
import { createLogger } from '../logger.ts';
import { backupFileName, writeBackup, type BackupKind } from './backup-file.ts';
import { encryptInPlace } from './encryption.ts';

const log = createLogger('backup');

/** shipped-2026-12-07T114645123Z-auto.db (to the millisecond): sortable by name, says when and why. */
const backupFilePattern = /^shipped-(\d{4}-\d{2}-\d{2}T\d{9}Z)-(manual|auto|before-restore)\.db$/;

/** How many automatic daily backups are kept. */
export const autoBackupsKept = 7;
const dayMs = 24 * 60 * 60 * 1000;

function stampOf(fileName: string): { at: string; kind: BackupKind } | null {
  const match = backupFilePattern.exec(fileName);
  if (!match?.[1] || !match[2]) return null;
  const raw = match[1];
  const at = `${raw.slice(0, 10)}T${raw.slice(11, 13)}:${raw.slice(13, 15)}:${raw.slice(15, 17)}.${raw.slice(17, 20)}Z`;
  return { at, kind: match[2] as BackupKind };
}

export interface BackupCheck {
  schemaVersion: number;
  candidateCount: number;
}

function unreadable(path: string): string {
  return `"${basename(path)}" cannot be read (it is damaged, not a database, or encrypted with a different key), so nothing was restored.`;
}

/** Opens a backup read-only and checks it is whole and one this version can use; throws a readable error if not. */
export function verifyBackup(path: string, key: DatabaseKey | null = null): BackupCheck {
  let backup: Db;
  try {
    if (!existsSync(path)) throw new Error('no such file');
    // A plain backup (made before the store was encrypted) opens without the key.
    backup = openConnection(path, { readonly: true, key: isPlainDatabaseFile(path) ? null : key });
  } catch (error) {
    log.warn('a backup could not be opened', error);
    throw new UserFacingError(unreadable(path));
  }
  try {
    let results: string[];
    try {
      results = (backup.pragma('integrity_check') as Array<{ integrity_check: string }>).map((row) => row.integrity_check);
    } catch (error) {
      log.warn('integrity_check failed on a backup', error);
      throw new UserFacingError(unreadable(path));
    }
    if (results.length !== 1 || results[0] !== 'ok') {
      throw new UserFacingError(`"${basename(path)}" is damaged (the integrity check found ${results.length} problem${results.length === 1 ? '' : 's'}), so nothing was restored.`);
    }
    const version = schemaVersion(backup);
    const latest = migrations.at(-1)?.version ?? 0;
    if (version > latest) {
      throw new UserFacingError(
        `"${basename(path)}" was written by a newer version of Shipped (schema ${version}; this version understands up to ${latest}), so nothing was restored. Update Shipped first.`,
      );
    }
    const hasCandidates = backup.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'candidates'").get() !== undefined;
    if (version < 1 || !hasCandidates) throw new UserFacingError(`"${basename(path)}" is not a Shipped database, so nothing was restored.`);
    const candidateCount = (backup.prepare('SELECT count(*) AS n FROM candidates').get() as { n: number }).n;
    return { schemaVersion: version, candidateCount };
  } finally {
    backup.close();
  }
}

export interface BackupTarget {
  db: Db;
  backupsFolder: string;
  actor: AuditActor;
  now(): Date;
}

function infoOf(path: string, check: BackupCheck | null, createdAt: string): BackupInfo {
  return {
    path,
    fileName: basename(path),
    sizeBytes: statSync(path).size,
    createdAt,
    schemaVersion: check?.schemaVersion ?? 0,
    candidateCount: check?.candidateCount ?? 0,
  };
}

/** Backs up into the backups folder (or to `outPath`), and records it in the audit log. */
export async function createBackup(target: BackupTarget, kind: BackupKind, outPath?: string): Promise<BackupInfo> {
  const at = target.now();
  const path = outPath ?? join(target.backupsFolder, backupFileName(kind, at));
  if (!outPath) mkdirSync(target.backupsFolder, { recursive: true, mode: 0o700 });
  await writeBackup(target.db, path);
  const info = infoOf(path, { schemaVersion: schemaVersion(target.db), candidateCount: countRows(target.db) }, at.toISOString());
  appendAudit(target.db, {
    at: at.toISOString(),
    actor: target.actor,
    action: 'backup',
    candidateId: null,
    details: { kind, sizeBytes: info.sizeBytes, ...(outPath ? { isOutsideBackupsFolder: true } : { fileName: info.fileName }) },
  });
  return info;
}

function countRows(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM candidates').get() as { n: number }).n;
}

/** The backups in the folder, newest first (read from their names; each is opened only to restore it). */
export function listBackups(backupsFolder: string): BackupInfo[] {
  if (!existsSync(backupsFolder)) return [];
  return readdirSync(backupsFolder)
    .map((name) => ({ name, stamp: stampOf(name) }))
    .filter((entry): entry is { name: string; stamp: { at: string; kind: BackupKind } } => entry.stamp !== null)
    .sort((a, b) => (a.name < b.name ? 1 : -1))
    .map(({ name, stamp }) => infoOf(join(backupsFolder, name), null, stamp.at));
}

export function backupKind(fileName: string): BackupKind | null {
  return stampOf(fileName)?.kind ?? null;
}

/** Once a day: a backup if the newest automatic one is a day old (or there is none); only the last 7 are kept. */
export async function backupIfDue(target: BackupTarget): Promise<BackupInfo | null> {
  const autos = listBackups(target.backupsFolder).filter((backup) => backupKind(backup.fileName) === 'auto');
  const newest = autos[0];
  const isDue = !newest || target.now().getTime() - Date.parse(newest.createdAt) >= dayMs;
  if (!isDue) return null;
  const made = await createBackup(target, 'auto');
  for (const old of [made, ...autos].slice(autoBackupsKept)) rmSync(old.path, { force: true });
  return made;
}

export interface RestoreTarget {
  databasePath: string;
  backupsFolder: string;
  /** The open connection to the database being replaced, when it could be opened. */
  db: Db | null;
  /** The store's key when it is encrypted. */
  key?: DatabaseKey | null;
  actor: AuditActor;
  now(): Date;
}

function moveAside(databasePath: string, asidePath: string): void {
  renameSync(databasePath, asidePath);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(`${databasePath}${suffix}`)) renameSync(`${databasePath}${suffix}`, `${asidePath}${suffix}`);
  }
}

/**
 * Replaces the database with a verified backup. The current database is kept in the backups
 * folder first: backed up when it is readable, else (damaged) its files are moved there as they are.
 */
export async function restoreBackup(target: RestoreTarget, backupPath: string): Promise<RestoreResult & { db: Db | null }> {
  const key = target.key ?? null;
  const check = verifyBackup(backupPath, key);
  mkdirSync(target.backupsFolder, { recursive: true, mode: 0o700 });
  let asidePath = join(target.backupsFolder, backupFileName('before-restore', target.now()));
  if (target.db) await writeBackup(target.db, asidePath);
  else if (existsSync(target.databasePath)) {
    // Kept as found, under a name the backup list does not offer: it may be the damaged file.
    asidePath = asidePath.replace(/-before-restore\.db$/, '-damaged.db.kept');
    moveAside(target.databasePath, asidePath);
  }

  if (key !== null) return restoreEncrypted(target, key, backupPath, check, asidePath);
  const source = openConnection(backupPath, { readonly: true });
  try {
    await source.backup(target.databasePath, { progress: () => 1000 });
  } finally {
    source.close();
  }
  const db = target.db ?? openConnection(target.databasePath);
  try {
    // An older backup is brought up to this version's schema, as opening it would.
    migrate(db);
    recordRestore(db, target, check, asidePath);
  } finally {
    if (!target.db) db.close();
  }
  return { restoredFrom: backupPath, previousKeptAt: asidePath, candidateCount: check.candidateCount, db: target.db };
}

/** The restore's audit entry (ids and counts only), then the WAL emptied so the restored data is the file's. */
function recordRestore(db: Db, target: RestoreTarget, check: BackupCheck, asidePath: string): void {
  appendAudit(db, {
    at: target.now().toISOString(),
    actor: target.actor,
    action: 'restore',
    candidateId: null,
    details: { fromSchemaVersion: check.schemaVersion, candidates: check.candidateCount, keptAside: basename(asidePath) },
  });
  db.pragma('wal_checkpoint(TRUNCATE)');
}

/**
 * The backup API cannot write into an encrypted file (the destination it opens has no key), so
 * an encrypted store is replaced with the connection closed: the verified backup file (not a
 * live database: VACUUM INTO wrote it whole) is copied in and the store opened again with the
 * key. The caller swaps in the returned connection. A plain backup is encrypted on the way in.
 */
async function restoreEncrypted(target: RestoreTarget, key: DatabaseKey, backupPath: string, check: BackupCheck, asidePath: string): Promise<RestoreResult & { db: Db }> {
  target.db?.close();
  for (const suffix of ['-wal', '-shm']) rmSync(`${target.databasePath}${suffix}`, { force: true });
  copyFileSync(backupPath, target.databasePath);
  if (isPlainDatabaseFile(target.databasePath)) {
    await encryptInPlace({ databasePath: target.databasePath, backupsFolder: target.backupsFolder, key, actor: target.actor, now: target.now });
  }
  const db = openDatabase(target.databasePath, { key });
  recordRestore(db, target, check, asidePath);
  return { restoredFrom: backupPath, previousKeptAt: asidePath, candidateCount: check.candidateCount, db };
}
