// Output paths for briefs: refuse to write over a folder, create missing
// folders, and turn file-system errors into messages a recruiter can act on.
import { accessSync, closeSync, constants, mkdirSync, openSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { UserFacingError } from '../api/errors.ts';
import { errnoCode } from '../errno.ts';

/** A readable sentence for a failed write to `path`. */
export function writeErrorMessage(code: string | null, path: string): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `Cannot write to "${path}": permission denied. Choose a folder you can write to, such as your Documents folder.`;
    case 'EROFS':
      return `Cannot write to "${path}": the disk is read-only. Choose another location.`;
    case 'ENOTDIR':
      return `Cannot write to "${path}": part of that path is a file, not a folder.`;
    case 'EISDIR':
      return `"${path}" is a folder. Choose a file name for the PDF instead.`;
    case 'ENOSPC':
      return `Cannot write to "${path}": the disk is full.`;
    case 'ENAMETOOLONG':
      return `Cannot write to "${path}": the path is too long.`;
    case 'ENOENT':
      return `Cannot create "${path}": that location does not exist or cannot hold new files or folders.`;
    default:
      return `Cannot write to "${path}"${code ? ` (${code})` : ''}. Choose another location.`;
  }
}

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null;
    throw new UserFacingError(writeErrorMessage(errnoCode(error), path));
  }
}

/**
 * Creates `dir` and any missing parents one level at a time. (Recursive mkdir
 * can spin forever under pseudo file systems such as /proc, so it is not used.)
 */
function ensureFolder(dir: string): void {
  const missing: string[] = [];
  let current = dir;
  let existing = statOrNull(current);
  while (existing === null) {
    missing.unshift(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
    existing = statOrNull(current);
  }
  if (existing && !existing.isDirectory()) {
    throw new UserFacingError(
      current === dir
        ? `"${dir}" is a file, not a folder. Choose a folder for the briefs.`
        : writeErrorMessage('ENOTDIR', dir),
    );
  }
  try {
    for (const folder of missing) mkdirSync(folder);
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw new UserFacingError(writeErrorMessage(errnoCode(error), dir));
  }
}

/**
 * A temporary name beside `path` (same folder, so the rename is atomic) that no one can
 * guess ahead of time: a planted file or link with a predictable name cannot catch the write.
 */
export function temporaryPathBeside(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(12).toString('hex')}.partial`);
}

/**
 * Writes `bytes` to a fresh temporary file (exclusive create: fails rather than follow or
 * reuse anything already there; owner-only, as a brief carries personal data) and renames
 * it over `path`, so a failed write never leaves half a PDF behind.
 */
export function writeAtomically(path: string, bytes: Uint8Array): void {
  const temporary = temporaryPathBeside(path);
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    try {
      writeFileSync(fd, bytes);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true }); // ours: the exclusive open above created it
    throw error;
  }
}

/** Checks a PDF file target and creates its folder; returns the absolute path. */
export function prepareFileTarget(path: string): string {
  const absolute = resolve(path);
  const existing = statOrNull(absolute);
  if (existing?.isDirectory()) {
    throw new UserFacingError(
      `"${path}" is a folder, and a brief will not replace a folder. Give a file name, for example "${join(path, 'brief.pdf')}".`,
    );
  }
  ensureFolder(dirname(absolute));
  if (existing) {
    try {
      accessSync(absolute, constants.W_OK);
    } catch (error) {
      throw new UserFacingError(writeErrorMessage(errnoCode(error), absolute));
    }
  }
  return absolute;
}

/** Checks (and creates) a folder target; returns the absolute path. */
export function prepareFolderTarget(dir: string): string {
  const absolute = resolve(dir);
  ensureFolder(absolute);
  return absolute;
}

/** "Jane Q. Doe", 7 → "jane-q-doe-7.pdf"; blind or nameless → "candidate-7.pdf". */
export function briefFileName(candidateId: number, name: string | null, isBlind: boolean): string {
  const slug = isBlind || name === null ? '' : name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug === '' ? `candidate-${candidateId}.pdf` : `${slug}-${candidateId}.pdf`;
}
