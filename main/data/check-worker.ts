// Worker thread: PRAGMA quick_check on its own read-only connection, so the app can check a
// large encrypted store (seconds: every page is decrypted) without holding up its window.
import { parentPort, workerData } from 'node:worker_threads';
import { openConnection, type DatabaseKey } from '../../db/open.ts';

const { path, key } = workerData as { path: string; key: DatabaseKey | null };
let problems: string[];
try {
  const db = openConnection(path, { readonly: true, key });
  try {
    problems = (db.pragma('quick_check(20)') as Array<{ quick_check: string }>).map((row) => row.quick_check).filter((line) => line !== 'ok');
  } finally {
    db.close();
  }
} catch (error) {
  problems = [error instanceof Error ? `${error.name}: ${error.message}` : String(error)];
}
parentPort?.postMessage({ problems });
