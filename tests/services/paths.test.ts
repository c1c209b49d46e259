import { describe, expect, it } from 'vitest';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { defaultDatabasePath, defaultDataDir } from '../../main/paths.ts';

describe('data folder', () => {
  it("matches Electron's userData folder for an app named Shipped on each OS", () => {
    expect(defaultDataDir('linux', {})).toBe(join(homedir(), '.config', 'Shipped'));
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/xdg' })).toBe(join('/xdg', 'Shipped'));
    expect(defaultDataDir('darwin', {})).toBe(join(homedir(), 'Library', 'Application Support', 'Shipped'));
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\r\\AppData\\Roaming' })).toBe(join('C:\\Users\\r\\AppData\\Roaming', 'Shipped'));
  });

  it('lets SHIPPED_DB override the database location', () => {
    expect(defaultDatabasePath({ SHIPPED_DB: '/tmp/other.db' })).toBe('/tmp/other.db');
    expect(defaultDatabasePath({ XDG_CONFIG_HOME: '/xdg' })).toBe(join('/xdg', 'Shipped', 'shipped.db'));
  });
});
