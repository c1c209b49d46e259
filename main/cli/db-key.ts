// The CLI's key for an encrypted store: SHIPPED_DB_KEY, else asked for on the terminal when
// the store is encrypted. The app keeps its own random key in the OS key store; to use the
// app's store from the CLI, put that key (shown by the app as x'…') in SHIPPED_DB_KEY.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { existsSync } from 'node:fs';
import { isPlainDatabaseFile, type DatabaseKey } from '../../db/open.ts';

/** x'<64 hex digits>' is a raw key (the app's); anything else is a passphrase. */
export function parseDatabaseKey(value: string): DatabaseKey {
  const raw = /^x'([0-9a-fA-F]{64})'$/.exec(value.trim());
  return raw?.[1] ? { kind: 'raw', hex: raw[1].toLowerCase() } : { kind: 'passphrase', passphrase: value };
}

async function askHidden(question: string): Promise<string> {
  // Echo is muted: the passphrase never appears on the screen or in the scrollback.
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const reader = createInterface({ input: process.stdin, output: muted, terminal: true });
  process.stderr.write(question);
  try {
    return await new Promise<string>((resolve) => reader.question('', resolve));
  } finally {
    reader.close();
    process.stderr.write('\n');
  }
}

export interface KeySource {
  env: NodeJS.ProcessEnv;
  isTerminal: boolean;
  ask?: (question: string) => Promise<string>;
}

export async function cliDatabaseKey(databasePath: string, source: KeySource): Promise<DatabaseKey | null> {
  const fromEnv = source.env.SHIPPED_DB_KEY;
  if (fromEnv !== undefined && fromEnv !== '') return parseDatabaseKey(fromEnv);
  if (!existsSync(databasePath) || isPlainDatabaseFile(databasePath) || !source.isTerminal) return null;
  const answer = await (source.ask ?? askHidden)(`The database ${databasePath} is encrypted. Key or passphrase: `);
  return answer === '' ? null : parseDatabaseKey(answer);
}
