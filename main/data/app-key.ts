// The app's database key: 32 random bytes, kept on disk only as the OS key store sealed them
// (Electron safeStorage: Keychain, DPAPI, libsecret/KWallet), so the key file alone opens
// nothing. Plain Node; the Electron binding is main/electron/db-key.ts.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseKey } from '../../db/open.ts';

export interface KeyStore {
  /** Null when sealing is available; otherwise why not, in words for the recruiter. */
  unavailableReason(): string | null;
  seal(text: string): Buffer;
  unseal(sealed: Buffer): string;
}

export const keyFileName = 'database-key.sealed';

export type AppKey = { key: DatabaseKey; isNew: boolean } | { key: null; problem: string };

/** The sealed key from the data folder, or a new one sealed and written there (never overwriting one). */
export function loadOrCreateAppKey(dataFolder: string, store: KeyStore): AppKey {
  const reason = store.unavailableReason();
  if (reason !== null) return { key: null, problem: reason };
  const path = join(dataFolder, keyFileName);
  if (existsSync(path)) {
    let hex: string;
    try {
      hex = store.unseal(readFileSync(path));
    } catch {
      return { key: null, problem: 'The key that encrypts the data could not be unsealed by this computer\'s key store (was the data folder copied from another computer or user account?).' };
    }
    if (!/^[0-9a-f]{64}$/.test(hex)) return { key: null, problem: 'The stored database key is not in the expected form.' };
    return { key: { kind: 'raw', hex }, isNew: false };
  }
  const hex = randomBytes(32).toString('hex');
  // 'wx': two app starts racing do not overwrite each other's key.
  writeFileSync(path, store.seal(hex), { mode: 0o600, flag: 'wx' });
  return { key: { kind: 'raw', hex }, isNew: true };
}
