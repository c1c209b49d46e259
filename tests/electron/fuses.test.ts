// The packaged app's Electron fuses, read from electron-builder.yml the way electron-builder
// reads it (its own js-yaml), and checked against electron-builder's schema for them.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../../node_modules/app-builder-lib/package.json', import.meta.url));
const yaml = require('js-yaml') as { load(text: string): unknown };
const config = yaml.load(readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8')) as Record<string, unknown>;
const schema = JSON.parse(readFileSync(new URL('../../node_modules/app-builder-lib/scheme.json', import.meta.url), 'utf8')) as { definitions: { FuseOptionsV1: { properties: Record<string, { type: string }> } } };

describe('electron-builder.yml electronFuses', () => {
  test('turns off running as Node, NODE_OPTIONS and inspect arguments; turns on asar integrity, asar-only loading and cookie encryption', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
  });

  test('names only fuses electron-builder knows (a misspelt fuse would be silently ignored), each a boolean', () => {
    const known = schema.definitions.FuseOptionsV1.properties;
    for (const [name, value] of Object.entries(config.electronFuses as Record<string, unknown>)) {
      expect([name, name in known, typeof value]).toEqual([name, true, 'boolean']);
    }
  });

  test('the app is packed into an asar archive, which the asar fuses rely on', () => {
    expect(config.asar).toBe(true);
  });
});
