import { homedir } from 'node:os';
import { join } from 'node:path';

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
