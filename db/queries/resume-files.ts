import type { Db } from '../open.ts';
import type { ResumeFileInfo } from '../../main/api/types.ts';

interface ResumeFileRow {
  id: number;
  path: string;
  file_name: string;
  detected_type: string;
  size_bytes: number;
  sha256: string;
  imported_at: string;
}

export function listResumeFiles(db: Db, candidateId: number): ResumeFileInfo[] {
  return db
    .prepare<[number], ResumeFileRow>(
      `SELECT id, path, file_name, detected_type, size_bytes, sha256, imported_at FROM resume_files
       WHERE candidate_id = ? AND status = 'imported' ORDER BY imported_at DESC, id DESC`,
    )
    .all(candidateId)
    .map((row) => ({
      id: row.id,
      path: row.path,
      fileName: row.file_name,
      detectedType: row.detected_type,
      sizeBytes: row.size_bytes,
      sha256: row.sha256,
      importedAt: row.imported_at,
    }));
}

export function getResumeText(db: Db, resumeFileId: number): string | null {
  return db.prepare<[number], { text: string | null }>('SELECT text FROM resume_files WHERE id = ?').get(resumeFileId)?.text ?? null;
}

// --- Import (writes happen on the main thread only, inside the import writer's transactions) ---

export function isImportedSha(db: Db, sha256: string): boolean {
  return db.prepare<[string], { one: number }>(`SELECT 1 AS one FROM resume_files WHERE sha256 = ? AND status = 'imported'`).get(sha256) !== undefined;
}

export interface ResumeFileInput {
  candidateId: number | null;
  importRunId: number;
  path: string;
  fileName: string;
  sha256: string;
  sizeBytes: number;
  mtimeMs: number;
  detectedType: string;
  now: string;
}

export function insertImportedFile(db: Db, file: ResumeFileInput & { candidateId: number; text: string }): number {
  // A file that failed before and now imports (a new engine, a fixed permission) replaces its failed rows.
  db.prepare(`DELETE FROM resume_files WHERE status = 'failed' AND (sha256 = ? OR path = ?)`).run(file.sha256, file.path);
  const result = db
    .prepare(
      `INSERT INTO resume_files (candidate_id, import_run_id, path, file_name, sha256, size_bytes, mtime_ms, detected_type, text, status, imported_at)
       VALUES (@candidateId, @importRunId, @path, @fileName, @sha256, @sizeBytes, @mtimeMs, @detectedType, @text, 'imported', @now)`,
    )
    .run(file);
  return Number(result.lastInsertRowid);
}

/** Records a file that could not be imported; a file failing again replaces its earlier failed row. */
export function insertFailedFile(db: Db, file: Omit<ResumeFileInput, 'candidateId'> & { errorCode: string; errorReason: string }): number {
  db.prepare(`DELETE FROM resume_files WHERE status = 'failed' AND path = ?`).run(file.path);
  const result = db
    .prepare(
      `INSERT INTO resume_files (candidate_id, import_run_id, path, file_name, sha256, size_bytes, mtime_ms, detected_type, status, error_code, error_reason, imported_at)
       VALUES (NULL, @importRunId, @path, @fileName, @sha256, @sizeBytes, @mtimeMs, @detectedType, 'failed', @errorCode, @errorReason, @now)`,
    )
    .run(file);
  return Number(result.lastInsertRowid);
}

/** The modification time of the candidate's current latest resume file, to decide which version is newest. */
export function latestResumeMtime(db: Db, candidateId: number): number | null {
  const row = db
    .prepare<[number], { mtime_ms: number }>(
      `SELECT f.mtime_ms FROM candidates c JOIN resume_files f ON f.id = c.latest_resume_file_id WHERE c.id = ?`,
    )
    .get(candidateId);
  return row?.mtime_ms ?? null;
}

export interface FailedFileRow {
  path: string;
  sha256: string;
  detected_type: string;
  error_code: string;
  error_reason: string;
}

export function listFailedFiles(db: Db): FailedFileRow[] {
  return db
    .prepare<[], FailedFileRow>(
      `SELECT path, sha256, detected_type, error_code, error_reason FROM resume_files WHERE status = 'failed' ORDER BY path`,
    )
    .all();
}
