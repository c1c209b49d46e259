import type { Db } from '../open.ts';
import { cachedStatement } from '../statements.ts';

export type ImportRunStatus = 'running' | 'completed' | 'cancelled' | 'interrupted';

export interface ImportRunCounts {
  totalFiles: number;
  imported: number;
  duplicates: number;
  failed: number;
}

export interface ImportRunRow {
  id: number;
  roots_json: string;
  started_at: string;
  finished_at: string | null;
  status: ImportRunStatus;
  total_files: number;
  imported_count: number;
  duplicate_count: number;
  failed_count: number;
}

/**
 * Runs left 'running' belong to a process that was killed mid-import (an import in
 * this process is never concurrent with this call). Returns how many were marked.
 */
export function markInterruptedRuns(db: Db, now: string): number {
  return db.prepare(`UPDATE import_runs SET status = 'interrupted', finished_at = ? WHERE status = 'running'`).run(now).changes;
}

/** A run that stopped on an unexpected error is recorded as interrupted; re-running finishes it. */
export function markRunInterrupted(db: Db, runId: number, counts: ImportRunCounts, now: string): void {
  db.prepare(
    `UPDATE import_runs SET status = 'interrupted', finished_at = @now, total_files = @totalFiles, imported_count = @imported,
       duplicate_count = @duplicates, failed_count = @failed WHERE id = @runId`,
  ).run({ runId, now, ...counts });
}

export function createImportRun(db: Db, roots: readonly string[], now: string): number {
  const result = db.prepare('INSERT INTO import_runs (roots_json, started_at) VALUES (?, ?)').run(JSON.stringify(roots), now);
  return Number(result.lastInsertRowid);
}

export function updateImportRunCounts(db: Db, runId: number, counts: ImportRunCounts): void {
  cachedStatement(
    db,
    `UPDATE import_runs SET total_files = @totalFiles, imported_count = @imported, duplicate_count = @duplicates,
       failed_count = @failed WHERE id = @runId`,
  ).run({ runId, ...counts });
}

export function finishImportRun(db: Db, runId: number, status: 'completed' | 'cancelled', counts: ImportRunCounts, now: string): void {
  db.prepare(
    `UPDATE import_runs SET status = @status, finished_at = @now, total_files = @totalFiles, imported_count = @imported,
       duplicate_count = @duplicates, failed_count = @failed WHERE id = @runId`,
  ).run({ runId, status, now, ...counts });
}

export function getImportRun(db: Db, runId: number): ImportRunRow | null {
  return db.prepare<[number], ImportRunRow>('SELECT * FROM import_runs WHERE id = ?').get(runId) ?? null;
}

export function listImportRuns(db: Db): ImportRunRow[] {
  return db.prepare<[], ImportRunRow>('SELECT * FROM import_runs ORDER BY id').all();
}
