// "Don't import this person again": one-way hashes of what identifies a deleted person's
// resumes (the file's sha256, a sha256 of the normalised email). The list names nobody;
// the import hashes what it reads and skips a match.
import { createHash } from 'node:crypto';
import type { Db } from '../open.ts';
import { cachedStatement } from '../statements.ts';

export type SuppressionKind = 'file-sha256' | 'email-sha256';

export function normaliseEmail(email: string): string {
  return email.normalize('NFKC').trim().toLowerCase();
}

/** The domain prefix keeps an email hash from ever equalling some file's sha256. */
export function emailHash(email: string): string {
  return createHash('sha256').update(`shipped-suppressed-email:${normaliseEmail(email)}`).digest('hex');
}

export function addSuppression(db: Db, kind: SuppressionKind, hash: string, now: string): void {
  cachedStatement(db, 'INSERT INTO suppressions (kind, hash, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(kind, hash, now);
}

export function isSuppressed(db: Db, kind: SuppressionKind, hash: string): boolean {
  return cachedStatement(db, 'SELECT 1 AS one FROM suppressions WHERE kind = ? AND hash = ?').get(kind, hash) !== undefined;
}

export function isFileSuppressed(db: Db, sha256: string): boolean {
  return sha256 !== '' && isSuppressed(db, 'file-sha256', sha256);
}

export function isEmailSuppressed(db: Db, email: string | null): boolean {
  return email !== null && email.trim() !== '' && isSuppressed(db, 'email-sha256', emailHash(email));
}

export function countSuppressions(db: Db): number {
  return (cachedStatement(db, 'SELECT count(*) AS n FROM suppressions').get() as { n: number }).n;
}
