import type { Db } from '../open.ts';
import type { RetentionCandidate } from '../../contract/types.ts';

/**
 * When a candidate was last touched: the latest of its own change (import, status, notes),
 * a resume file imported for it, and its screenings' saves. ISO-8601 UTC text compares in time order.
 */
const lastTouched = `MAX(
  c.updated_at,
  COALESCE((SELECT MAX(f.imported_at) FROM resume_files f WHERE f.candidate_id = c.id), ''),
  COALESCE((SELECT MAX(s.updated_at) FROM screenings s WHERE s.candidate_id = c.id), '')
)`;

/** Candidates not kept and not touched since `cutoff`, oldest first. */
export function listUntouchedSince(db: Db, cutoff: string): RetentionCandidate[] {
  return db
    .prepare<[string], RetentionCandidate>(
      `SELECT c.id AS id, c.name AS name, c.status AS status, ${lastTouched} AS lastTouchedAt
       FROM candidates c
       WHERE c.is_kept = 0 AND ${lastTouched} < ?
       ORDER BY lastTouchedAt, c.id`,
    )
    .all(cutoff);
}

export function setCandidateKept(db: Db, id: number, isKept: boolean): boolean {
  return db.prepare('UPDATE candidates SET is_kept = ? WHERE id = ?').run(isKept ? 1 : 0, id).changes === 1;
}
