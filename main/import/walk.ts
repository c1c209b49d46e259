// Streams the files under the given roots, one directory listing in memory at a time.
// Follows symbolic links but never enters a directory twice (no link loops), and
// silently skips hidden entries and operating-system junk.
import { opendir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';

export type WalkEntry =
  | { kind: 'file'; path: string; sizeBytes: number; mtimeMs: number }
  /** A folder that could not be listed, or a link that points nowhere. */
  | { kind: 'error'; path: string; isFolder: boolean; errorCode: string };

/** Files and folders that are never resumes: hidden entries, Office lock files, Finder/Explorer metadata. */
export function isJunkName(name: string): boolean {
  return (
    name.startsWith('.') ||
    name.startsWith('~$') ||
    name === 'Thumbs.db' ||
    name === 'ehthumbs.db' ||
    name === 'desktop.ini' ||
    name === 'Desktop.ini' ||
    name === '__MACOSX' ||
    name === 'Icon\r' ||
    name === '$RECYCLE.BIN' ||
    name === 'System Volume Information'
  );
}

function errorCode(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : 'UNKNOWN';
}

export async function* walkFiles(roots: readonly string[]): AsyncGenerator<WalkEntry> {
  const visitedDirs = new Set<string>();

  async function* visitDir(dir: string): AsyncGenerator<WalkEntry> {
    let names: string[];
    try {
      const handle = await opendir(dir);
      names = [];
      for await (const entry of handle) if (!isJunkName(entry.name)) names.push(entry.name);
    } catch (error) {
      yield { kind: 'error', path: dir, isFolder: true, errorCode: errorCode(error) };
      return;
    }
    // A stable order makes imports and their reports reproducible.
    names.sort();
    for (const name of names) yield* visit(join(dir, name), false);
  }

  async function* visit(path: string, isRoot: boolean): AsyncGenerator<WalkEntry> {
    let info;
    try {
      // stat follows links; the visited set below is what stops link loops.
      info = await stat(path, { bigint: true });
    } catch (error) {
      yield { kind: 'error', path, isFolder: false, errorCode: errorCode(error) };
      return;
    }
    if (info.isDirectory()) {
      const key = `${info.dev}:${info.ino}`;
      if (visitedDirs.has(key)) return;
      visitedDirs.add(key);
      yield* visitDir(path);
      return;
    }
    if (!info.isFile()) return; // sockets, FIFOs, devices
    if (!isRoot && isJunkName(basename(path))) return;
    yield { kind: 'file', path, sizeBytes: Number(info.size), mtimeMs: Math.trunc(Number(info.mtimeMs)) };
  }

  for (const root of roots) yield* visit(resolve(root), true);
}
