import { homedir } from 'node:os';
import { join } from 'node:path';
import { chmodSync, mkdirSync } from 'node:fs';
import { privateFolderMode } from '../db/file-mode.ts';

/**
 * The per-user data folder, the same one Electron's app.getPath('userData') gives for
 * an app named "Shipped", so the CLI and the desktop app share one database.
 */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  switch (platform) {
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', 'Shipped');
    case 'win32':
      return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Shipped');
    default:
      return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Shipped');
  }
}

export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.SHIPPED_DB ?? join(defaultDataDir(process.platform, env), 'shipped.db');
}

/**
 * Makes the app's own data folder owner-only (0700), creating it if needed. Only for the
 * app-data folder: a folder the person named with --db or SHIPPED_DB is theirs to set.
 */
export function securePrivateFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: privateFolderMode });
  if (process.platform !== 'win32') chmodSync(dir, privateFolderMode);
}
