// quick_check in a worker thread (main/data/check-worker.ts): resolves with the problems it
// found, none when the store is whole.
import { Worker } from 'node:worker_threads';
import type { DatabaseKey } from '../../db/open.ts';

export function quickCheckInWorker(workerUrl: URL, path: string, key: DatabaseKey | null): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl, { workerData: { path, key } });
    worker.once('message', (message: { problems: string[] }) => {
      resolve(message.problems);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the database check stopped with code ${code}`));
    });
  });
}
