// `node bench/backup-roundtrip.ts [--n 10000] [--encrypted]`: a backup and restore round trip on a store of
// N generated candidates (the search store of bench/run.ts): how long the online backup, its
// verification and the restore take, and how large the backup is.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase, quickCheck, type DatabaseKey } from '../db/open.ts';
import { buildCandidateStore } from './search.ts';
import { createBackup, restoreBackup, verifyBackup } from '../main/data/backup.ts';

const { values } = parseArgs({
  options: { n: { type: 'string', default: '10000' }, seed: { type: 'string', default: '42' }, encrypted: { type: 'boolean', default: false } },
});
// The app's kind of key (raw, 256 bits); a fixed one is enough to time the work.
const key: DatabaseKey | null = values.encrypted ? { kind: 'raw', hex: 'c0ffee'.repeat(10) + 'c0de' } : null;
const n = Number(values.n);
const dir = mkdtempSync(join(tmpdir(), 'shipped-backup-bench-'));
const databasePath = join(dir, 'shipped.db');
const backupsFolder = join(dir, 'backups');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const time = async <T>(work: () => T | Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
};
try {
  const db = openDatabase(databasePath, { key });
  buildCandidateStore(db, n, Number(values.seed));
  db.pragma('wal_checkpoint(TRUNCATE)');
  const target = { db, backupsFolder, actor: 'cli' as const, now: () => new Date() };
  const [, quickCheckMs] = await time(() => quickCheck(db));
  const [backup, backupMs] = await time(() => createBackup(target, 'manual'));
  const [check, verifyMs] = await time(() => verifyBackup(backup.path, key));
  db.prepare('DELETE FROM candidates WHERE id % 2 = 0').run();
  const [restored, restoreMs] = await time(() => restoreBackup({ ...target, key, databasePath }, backup.path));
  // An encrypted store is reopened by the restore.
  const live = restored.db ?? db;
  const count = (live.prepare('SELECT count(*) AS n FROM candidates').get() as { n: number }).n;
  console.log(
    JSON.stringify(
      {
        candidates: n,
        isEncrypted: key !== null,
        databaseBytes: statSync(databasePath).size,
        backupBytes: backup.sizeBytes,
        backupSize: mb(backup.sizeBytes),
        quickCheckMs: Math.round(quickCheckMs),
        backupMs: Math.round(backupMs),
        verifyMs: Math.round(verifyMs),
        restoreMs: Math.round(restoreMs),
        restoreIncludesKeepingCurrentAside: true,
        verifiedCandidates: check.candidateCount,
        candidatesAfterRestore: count,
        keptAside: restored.previousKeptAt.slice(dir.length + 1),
      },
      null,
      2,
    ),
  );
  live.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
