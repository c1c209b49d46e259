// Electron's safeStorage as the KeyStore for the database key (main/data/app-key.ts).
import type { SafeStorage } from 'electron';
import type { KeyStore } from '../data/app-key.ts';

export function safeStorageKeyStore(safeStorage: SafeStorage, platform: NodeJS.Platform = process.platform): KeyStore {
  return {
    unavailableReason() {
      if (!safeStorage.isEncryptionAvailable()) return 'This computer offers Shipped no protected key store, so the data file is not encrypted.';
      // Without a keyring, Linux "seals" with a fixed password: no better than a plain file.
      if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
        return 'No keyring (GNOME Keyring or KWallet) is running, so the data file is not encrypted.';
      }
      return null;
    },
    seal: (text) => safeStorage.encryptString(text),
    unseal: (sealed) => safeStorage.decryptString(sealed),
  };
}
