// Erasing a candidate: the candidate row and, through ON DELETE CASCADE, every file text,
// analysis, tool row and screening; then whatever else still names the person: failed-file
// rows for the same content or paths, and import-run roots (a folder called after them).
// With secure_delete on (db/open.ts) the freed pages are zeroed, and a TRUNCATE checkpoint
// afterwards empties the WAL, so neither file keeps a copy.
import type { Db } from '../open.ts';
import { normaliseEmail, addSuppression, emailHash } from './suppression.ts';
import { appendAudit } from './audit.ts';
import type { AuditActor } from '../../contract/types.ts';

/** What stands in an import run's roots for a root that named an erased person. */
export const erasedRoot = '(removed with an erased candidate)';

interface Person {
  name: string | null;
  email: string | null;
  paths: string[];
  sha256s: string[];
}

function letters(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}

/**
 * Whether a path (of a failed file, or an import root) points at this person: one of their
 * files, their name, or their email's local part. A name is matched word by
 * word, so "Jane_Doe-CV.pdf" and "doe jane/" both match "Jane Doe"; single short names are
 * not matched alone, or every path containing "li" would go.
 */
export function pathNamesPerson(path: string, person: Pick<Person, 'name' | 'email' | 'paths'>): boolean {
  // A folder that merely holds her files (the recruiter's "resumes") does not name her; her own file does.
  if (person.paths.includes(path)) return true;
  const haystack = letters(path).replace(/[^\p{L}\p{N}@.]+/gu, ' ');
  const words = person.name ? letters(person.name).split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 2) : [];
  if (words.length >= 2 || (words.length === 1 && (words[0] ?? '').length >= 4)) {
    const pathWords = new Set(haystack.split(/[\s.@]+/));
    const hasWord = (word: string) => pathWords.has(word) || (word.length >= 4 && haystack.includes(word));
    if (words.every(hasWord) || haystack.replace(/[\s.]+/g, '').includes(words.join(''))) return true;
  }
  const local = person.email ? normaliseEmail(person.email).split('@')[0] ?? '' : '';
  return local.length >= 4 && haystack.includes(local);
}

function loadPerson(db: Db, id: number): Person | null {
  const row = db.prepare<[number], { name: string | null; email: string | null }>('SELECT name, email FROM candidates WHERE id = ?').get(id);
  if (!row) return null;
  const files = db.prepare<[number], { path: string; sha256: string }>('SELECT path, sha256 FROM resume_files WHERE candidate_id = ?').all(id);
  return { name: row.name, email: row.email, paths: files.map((file) => file.path), sha256s: [...new Set(files.map((file) => file.sha256))] };
}

export interface EraseOptions {
  /** Also remember one-way hashes of the files and email, so the import skips this person. */
  isSuppressing: boolean;
  now: string;
  actor: AuditActor;
}

export interface EraseResult {
  files: number;
  failedRowsRemoved: number;
  rootsRedacted: number;
}

/** Erases the candidate in one IMMEDIATE transaction, then empties the WAL; null when there is no such candidate. */
export function eraseCandidate(db: Db, id: number, options: EraseOptions): EraseResult | null {
  const result = db.transaction(() => eraseWithinTransaction(db, id, options)).immediate();
  if (result) checkpointAfterErase(db);
  return result;
}

/**
 * The erasure itself, for a caller that already holds the write transaction (retention erases
 * many at once); the caller checkpoints the WAL after it commits.
 */
export function eraseWithinTransaction(db: Db, id: number, options: EraseOptions): EraseResult | null {
  const person = loadPerson(db, id);
  if (!person) return null;
  db.prepare('DELETE FROM candidates WHERE id = ?').run(id);

  const isSameContent = new Set(person.sha256s);
  const failedRows = db.prepare<[], { id: number; path: string; sha256: string }>(`SELECT id, path, sha256 FROM resume_files WHERE status = 'failed'`).all();
  const deleteRow = db.prepare('DELETE FROM resume_files WHERE id = ?');
  let failedRowsRemoved = 0;
  for (const row of failedRows) {
    if (isSameContent.has(row.sha256) || pathNamesPerson(row.path, person)) {
      deleteRow.run(row.id);
      failedRowsRemoved += 1;
    }
  }

  const runs = db.prepare<[], { id: number; roots_json: string }>('SELECT id, roots_json FROM import_runs').all();
  const setRoots = db.prepare('UPDATE import_runs SET roots_json = ? WHERE id = ?');
  let rootsRedacted = 0;
  for (const run of runs) {
    const roots = JSON.parse(run.roots_json) as unknown;
    if (!Array.isArray(roots)) continue;
    let isChanged = false;
    const kept = roots.map((root: unknown) => {
      if (typeof root !== 'string' || !pathNamesPerson(root, person)) return root;
      isChanged = true;
      rootsRedacted += 1;
      return erasedRoot;
    });
    if (isChanged) setRoots.run(JSON.stringify(kept), run.id);
  }

  if (options.isSuppressing) {
    for (const sha256 of person.sha256s) addSuppression(db, 'file-sha256', sha256, options.now);
    if (person.email) addSuppression(db, 'email-sha256', emailHash(person.email), options.now);
  }
  appendAudit(db, {
    at: options.now,
    actor: options.actor,
    action: 'delete',
    candidateId: id,
    details: { files: person.sha256s.length, isSuppressed: options.isSuppressing, failedRowsRemoved, rootsRedacted },
  });
  return { files: person.sha256s.length, failedRowsRemoved, rootsRedacted };
}

/**
 * Moves every page out of the WAL and truncates it to zero bytes. A reader in another process
 * can keep the checkpoint from finishing; the WAL is then emptied by the next checkpoint.
 */
export function checkpointAfterErase(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}
