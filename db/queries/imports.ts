import type { Db } from '../open.ts';
import { cachedStatement } from '../statements.ts';

export interface ImportRunCounts {
  totalFiles: number;
  imported: number;
  duplicates: number;
  failed: number;
}

export interface RunningImport {
  id: number;
  ownerPid: number | null;
  heartbeatAt: string | null;
}

export function listRunningImports(db: Db): RunningImport[] {
  return db
    .prepare<[], RunningImport>(`SELECT id, owner_pid AS ownerPid, heartbeat_at AS heartbeatAt FROM import_runs WHERE status = 'running'`)
    .all();
}

/** Runs whose process was killed mid-import: 'running' for good unless marked. */
export function markRunsInterrupted(db: Db, runIds: readonly number[], now: string): void {
  const mark = cachedStatement(db, `UPDATE import_runs SET status = 'interrupted', finished_at = ? WHERE id = ? AND status = 'running'`);
  for (const runId of runIds) mark.run(now, runId);
}

/** A run that stopped on an unexpected error is recorded as interrupted; re-running finishes it. */
export function markRunInterrupted(db: Db, runId: number, counts: ImportRunCounts, now: string): void {
  db.prepare(
    `UPDATE import_runs SET status = 'interrupted', finished_at = @now, total_files = @totalFiles, imported_count = @imported,
       duplicate_count = @duplicates, failed_count = @failed WHERE id = @runId`,
  ).run({ runId, now, ...counts });
}

export function createImportRun(db: Db, roots: readonly string[], ownerPid: number, now: string): number {
  const result = db
    .prepare('INSERT INTO import_runs (roots_json, started_at, owner_pid, heartbeat_at) VALUES (?, ?, ?, ?)')
    .run(JSON.stringify(roots), now, ownerPid, now);
  return Number(result.lastInsertRowid);
}

/** Also the run's heartbeat: the owner is alive and working. */
export function updateImportRunCounts(db: Db, runId: number, counts: ImportRunCounts, now: string): void {
  cachedStatement(
    db,
    `UPDATE import_runs SET total_files = @totalFiles, imported_count = @imported, duplicate_count = @duplicates,
       failed_count = @failed, heartbeat_at = @now WHERE id = @runId`,
  ).run({ runId, now, ...counts });
}

export function touchImportRun(db: Db, runId: number, now: string): void {
  cachedStatement(db, 'UPDATE import_runs SET heartbeat_at = ? WHERE id = ?').run(now, runId);
}

export function finishImportRun(db: Db, runId: number, status: 'completed' | 'cancelled', counts: ImportRunCounts, now: string): void {
  db.prepare(
    `UPDATE import_runs SET status = @status, finished_at = @now, total_files = @totalFiles, imported_count = @imported,
       duplicate_count = @duplicates, failed_count = @failed WHERE id = @runId`,
  ).run({ runId, status, now, ...counts });
}

