import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { keyFileName, loadOrCreateAppKey, type KeyStore } from '../../main/data/app-key.ts';
import { makeTempDir, type TempDir } from '../import/fixtures.ts';

const dirs: TempDir[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) dir.remove();
});

// Stands in for the OS key store: sealing reverses and tags the text.
const sealing: KeyStore = {
  unavailableReason: () => null,
  seal: (text) => Buffer.from(`sealed:${[...text].reverse().join('')}`),
  unseal: (sealed) => {
    const text = sealed.toString();
    if (!text.startsWith('sealed:')) throw new Error('not ours');
    return Array.from(text.slice(7)).reverse().join('');
  },
};

describe('the app key', () => {
  it('is made once, kept only sealed (mode 0600), and read back the same', () => {
    const dir = makeTempDir('shipped-key-');
    dirs.push(dir);
    const first = loadOrCreateAppKey(dir.path, sealing);
    if (first.key === null || first.key.kind !== 'raw') throw new Error('expected a raw key');
    expect(first).toMatchObject({ isNew: true });
    const file = join(dir.path, keyFileName);
    expect(readFileSync(file, 'utf8')).not.toContain(first.key.hex);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadOrCreateAppKey(dir.path, sealing)).toEqual({ key: first.key, isNew: false });
  });

  it('without a key store, or with a key it cannot unseal, there is no key and a reason', () => {
    const dir = makeTempDir('shipped-key-');
    dirs.push(dir);
    expect(loadOrCreateAppKey(dir.path, { ...sealing, unavailableReason: () => 'no keyring' })).toEqual({ key: null, problem: 'no keyring' });
    dir.file(keyFileName, 'garbage');
    const result = loadOrCreateAppKey(dir.path, sealing);
    expect(result.key).toBeNull();
    expect('problem' in result ? result.problem : '').toMatch(/could not be unsealed/);
  });
});
