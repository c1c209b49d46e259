import { parseTextLayout, type TextLayout } from '../../contract/layout.ts';
import type { Db } from '../open.ts';
import { OCR_REVIEW_THRESHOLD, resumeReaders, type ResumeFileInfo, type ResumeReader, type ResumeReading, type ReviewItem } from '../../contract/types.ts';
import { cachedStatement } from '../statements.ts';

interface ResumeFileRow {
  id: number;
  path: string;
  file_name: string;
  detected_type: string;
  size_bytes: number;
  sha256: string;
  imported_at: string;
  reader: string | null;
  ocr_confidence: number | null;
  ocr_pages: number;
  reading_note: string | null;
  low_confidence_words_json: string;
}

const readingColumns = 'reader, ocr_confidence, ocr_pages, reading_note, low_confidence_words_json';

function readingOf(row: Pick<ResumeFileRow, 'reader' | 'ocr_confidence' | 'ocr_pages' | 'reading_note' | 'low_confidence_words_json'>): ResumeReading | null {
  if (row.reader === null || !(resumeReaders as readonly string[]).includes(row.reader)) return null;
  return {
    reader: row.reader as ResumeReader,
    ocrConfidence: row.ocr_confidence,
    ocrPages: row.ocr_pages,
    note: row.reading_note,
    lowConfidenceWords: JSON.parse(row.low_confidence_words_json) as string[],
  };
}

export function listResumeFiles(db: Db, candidateId: number): ResumeFileInfo[] {
  return db
    .prepare<[number], ResumeFileRow>(
      `SELECT id, path, file_name, detected_type, size_bytes, sha256, imported_at, ${readingColumns} FROM resume_files
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
      reading: readingOf(row),
    }));
}

/** How the candidate's current resume was read; null for files imported before readers were recorded. */
export function getResumeReading(db: Db, resumeFileId: number): ResumeReading | null {
  const row = db
    .prepare<[number], Pick<ResumeFileRow, 'reader' | 'ocr_confidence' | 'ocr_pages' | 'reading_note' | 'low_confidence_words_json'>>(
      `SELECT ${readingColumns} FROM resume_files WHERE id = ?`,
    )
    .get(resumeFileId);
  return row ? readingOf(row) : null;
}

/** A review item as read, with the file's type (the review list leaves it out). */
export type ReviewRow = ReviewItem & { detectedType: string };

/** Candidates whose current resume was read by OCR with a mean word confidence under the threshold, least sure first. */
export function listLowConfidenceResumes(db: Db, threshold = OCR_REVIEW_THRESHOLD): ReviewRow[] {
  return db
    .prepare<[number], ResumeFileRow & { candidate_id: number; name: string | null; email: string | null; phone: string | null }>(
      `SELECT c.id AS candidate_id, c.name, c.email, c.phone, f.id, f.path, f.file_name, f.detected_type, f.size_bytes, f.sha256, f.imported_at,
              f.reader, f.ocr_confidence, f.ocr_pages, f.reading_note, f.low_confidence_words_json
       FROM resume_files f JOIN candidates c ON c.latest_resume_file_id = f.id
       WHERE f.ocr_confidence IS NOT NULL AND f.ocr_confidence < ?
       ORDER BY f.ocr_confidence ASC, c.id ASC`,
    )
    .all(threshold)
    .flatMap((row) => {
      const reading = readingOf(row);
      return reading
        ? [{ candidateId: row.candidate_id, name: row.name, email: row.email, phone: row.phone, resumeFileId: row.id, path: row.path, fileName: row.file_name, detectedType: row.detected_type, reading }]
        : [];
    });
}

export function getResumeFileSource(db: Db, resumeFileId: number): { path: string; detectedType: string } | null {
  const row = db
    .prepare<[number], { path: string; detected_type: string }>(`SELECT path, detected_type FROM resume_files WHERE id = ? AND status = 'imported'`)
    .get(resumeFileId);
  return row ? { path: row.path, detectedType: row.detected_type } : null;
}

export function getResumeText(db: Db, resumeFileId: number): string | null {
  return db.prepare<[number], { text: string | null }>('SELECT text FROM resume_files WHERE id = ?').get(resumeFileId)?.text ?? null;
}

/** How the stored text's lines looked; undefined for plain text, files imported before layouts were kept, or unreadable JSON. */
export function getResumeLayout(db: Db, resumeFileId: number): TextLayout | undefined {
  const row = db.prepare<[number], { layout: string | null }>('SELECT layout FROM resume_files WHERE id = ?').get(resumeFileId);
  return parseTextLayout(row?.layout ?? null);
}

// --- Import (writes happen on the main thread only, inside the import writer's transactions) ---

export function isImportedSha(db: Db, sha256: string): boolean {
  return cachedStatement(db, `SELECT 1 AS one FROM resume_files WHERE sha256 = ? AND status = 'imported'`).get(sha256) !== undefined;
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

/** `layoutJson`: how the text's lines looked, a TextLayout (contract/layout.ts) as JSON, absent for plain text; `reading`: which reader produced the text and how sure OCR was. */
export function insertImportedFile(db: Db, file: ResumeFileInput & { candidateId: number; text: string; layoutJson?: string; reading?: ResumeReading }): number {
  // Content that failed before and now imports (a new engine, a fixed permission) replaces its failed rows.
  cachedStatement(db, `DELETE FROM resume_files WHERE status = 'failed' AND sha256 = ?`).run(file.sha256);
  const result = cachedStatement(
    db,
    `INSERT INTO resume_files (candidate_id, import_run_id, path, file_name, sha256, size_bytes, mtime_ms, detected_type, text, layout, status, imported_at,
       reader, ocr_confidence, ocr_pages, reading_note, low_confidence_words_json)
     VALUES (@candidateId, @importRunId, @path, @fileName, @sha256, @sizeBytes, @mtimeMs, @detectedType, @text, @layout, 'imported', @now,
       @reader, @ocrConfidence, @ocrPages, @readingNote, @lowConfidenceWordsJson)`,
  ).run({
    candidateId: file.candidateId,
    importRunId: file.importRunId,
    path: file.path,
    fileName: file.fileName,
    sha256: file.sha256,
    sizeBytes: file.sizeBytes,
    mtimeMs: file.mtimeMs,
    detectedType: file.detectedType,
    text: file.text,
    layout: file.layoutJson ?? null,
    now: file.now,
    reader: file.reading?.reader ?? null,
    ocrConfidence: file.reading?.ocrConfidence ?? null,
    ocrPages: file.reading?.ocrPages ?? 0,
    readingNote: file.reading?.note ?? null,
    lowConfidenceWordsJson: JSON.stringify(file.reading?.lowConfidenceWords ?? []),
  });
  return Number(result.lastInsertRowid);
}

/**
 * Removes the failed rows recorded for a path (the file there now imports, or fails again).
 * There is no index on path, so callers check `listFailedPaths` first instead of calling this per file.
 */
export function deleteFailedRowsAt(db: Db, path: string): void {
  cachedStatement(db, `DELETE FROM resume_files WHERE status = 'failed' AND path = ?`).run(path);
}

export function listFailedPaths(db: Db): string[] {
  return db
    .prepare<[], { path: string }>(`SELECT path FROM resume_files WHERE status = 'failed'`)
    .all()
    .map((row) => row.path);
}

/** Records a file that could not be imported (call `deleteFailedRowsAt` first when the path failed before). */
export function insertFailedFile(db: Db, file: Omit<ResumeFileInput, 'candidateId'> & { errorCode: string; errorReason: string }): number {
  const result = cachedStatement(
    db,
    `INSERT INTO resume_files (candidate_id, import_run_id, path, file_name, sha256, size_bytes, mtime_ms, detected_type, status, error_code, error_reason, imported_at)
     VALUES (NULL, @importRunId, @path, @fileName, @sha256, @sizeBytes, @mtimeMs, @detectedType, 'failed', @errorCode, @errorReason, @now)`,
  ).run(file);
  return Number(result.lastInsertRowid);
}

/** The modification time of the candidate's current latest resume file, to decide which version is newest. */
export function latestResumeMtime(db: Db, candidateId: number): number | null {
  const row = cachedStatement(
    db,
    `SELECT f.mtime_ms FROM candidates c JOIN resume_files f ON f.id = c.latest_resume_file_id WHERE c.id = ?`,
  ).get(candidateId) as { mtime_ms: number } | undefined;
  return row?.mtime_ms ?? null;
}

