// Writing one backup file: its name and a consistent copy of an open database. Kept apart
// from backup.ts so that encryption (which backs up before it rewrites a store) and backups
// (which encrypt a plain backup restored into an encrypted store) do not import each other.
import { renameSync, rmSync } from 'node:fs';
import { isPlainDatabaseFile, type Db } from '../../db/open.ts';

export type BackupKind = 'manual' | 'auto' | 'before-restore';

export function backupFileName(kind: BackupKind, at: Date): string {
  const stamp = at.toISOString().replace(/[:.]/g, ''); // 2026-12-07T114645123Z
  return `shipped-${stamp}-${kind}.db`;
}

/** A consistent copy of the open database at `outPath` (through a temporary file, renamed when complete). */
export async function writeBackup(db: Db, outPath: string): Promise<void> {
  const partial = `${outPath}.partial`;
  rmSync(partial, { force: true });
  try {
    if (isPlainDatabaseFile(db.name)) {
      // 1,000 pages (4 MB) per step: large enough to finish quickly, small enough to let other work in between.
      await db.backup(partial, { progress: () => 1000 });
    } else {
      // The backup API cannot write an encrypted copy (the copy would have no key). VACUUM INTO
      // writes a consistent, encrypted copy with the store's own cipher and key.
      db.prepare('VACUUM INTO ?').run(partial);
    }
    renameSync(partial, outPath);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}
