// Which file-system paths the main process will read (import, analyze) or write
// (brief export). A renderer is untrusted: if a bug ever let a page run script, it
// must not be able to name ~/.ssh/id_rsa for import or ~/.bashrc for a PDF. So the
// app accepts only paths it handed out itself: the answers of its own native
// dialogs and files dropped on its window (registered by the preload, which alone
// can turn a dropped File into a path). The CLI and the tests run with the user's
// own arguments and accept any path.
import { resolve } from 'node:path';
import { UserFacingError } from '../api/errors.ts';

/** 'read': a root to import or analyze; 'write': a brief's file or folder. */
export type PathUse = 'read' | 'write';

export interface PathGrants {
  grant(paths: readonly string[], use: PathUse): void;
  /** Throws a UserFacingError naming the path when it was not handed out for this use. */
  require(path: string, use: PathUse): void;
}

const useWords: Record<PathUse, string> = {
  read: 'Choose it with Import folder… or drop it on the window',
  write: 'Choose where to save it with the Save dialog',
};

export function notGrantedError(path: string, use: PathUse): UserFacingError {
  return new UserFacingError(`Shipped did not open "${path}" because it was not chosen in a Shipped dialog or dropped on the window. ${useWords[use]}.`);
}

/**
 * Exact paths (after resolving "." and ".."), kept for the session. A read grant of a
 * folder covers the walk beneath it (the walk stays inside its roots: walk.ts); a write
 * grant is never a read grant, and a dropped path never becomes a write grant.
 */
export function createPathGrants(): PathGrants {
  const granted: Record<PathUse, Set<string>> = { read: new Set(), write: new Set() };
  return {
    grant(paths, use) {
      for (const path of paths) granted[use].add(resolve(path));
    },
    require(path, use) {
      if (!granted[use].has(resolve(path))) throw notGrantedError(path, use);
    },
  };
}

/** For the CLI, tests and benchmarks: the person running them typed the paths. */
export const anyPath: PathGrants = {
  grant() {},
  require() {},
};
