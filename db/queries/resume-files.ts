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
