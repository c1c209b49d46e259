// The append-only audit log (migration 0007): what was done, when and through which door.
// Details hold ids, counts, flags and hashes only, never a name, email, path or resume text.
import type { Db } from '../open.ts';
import { cachedStatement } from '../statements.ts';
import type { AuditAction, AuditActor, AuditEntry } from '../../contract/types.ts';

export type AuditDetails = Record<string, string | number | boolean | null>;

export function appendAudit(
  db: Db,
  entry: { at: string; actor: AuditActor; action: AuditAction; candidateId: number | null; details?: AuditDetails },
): void {
  cachedStatement(db, 'INSERT INTO audit_log (at, actor, action, candidate_id, details_json) VALUES (?, ?, ?, ?, ?)').run(
    entry.at,
    entry.actor,
    entry.action,
    entry.candidateId,
    JSON.stringify(entry.details ?? {}),
  );
}

interface AuditRow {
  id: number;
  at: string;
  actor: AuditActor;
  action: AuditAction;
  candidate_id: number | null;
  details_json: string;
}

/** Newest first. */
export function listAudit(db: Db, filter: { candidateId?: number; limit: number }): AuditEntry[] {
  const rows =
    filter.candidateId === undefined
      ? (cachedStatement(db, 'SELECT * FROM audit_log ORDER BY id DESC LIMIT ?').all(filter.limit) as AuditRow[])
      : (cachedStatement(db, 'SELECT * FROM audit_log WHERE candidate_id = ? ORDER BY id DESC LIMIT ?').all(filter.candidateId, filter.limit) as AuditRow[]);
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    candidateId: row.candidate_id,
    details: JSON.parse(row.details_json) as AuditEntry['details'],
  }));
}

/** The newest entry for a candidate, so a burst of autosaves is recorded once. */
export function lastAuditFor(db: Db, candidateId: number): { action: AuditAction; at: string } | null {
  return (
    (cachedStatement(db, 'SELECT action, at FROM audit_log WHERE candidate_id = ? ORDER BY id DESC LIMIT 1').get(candidateId) as
      | { action: AuditAction; at: string }
      | undefined) ?? null
  );
}
