// Child process of the OCR benchmark: reads the given page images through the import's own
// extraction pool (worker threads, each with its tesseract thread; OCR plus analysis), so the
// parent can sample this process's memory. Prints one JSON line.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createExtractPool } from '../main/import/pool.ts';
import { sourceExtractWorkerUrl } from '../main/services/source-layout.ts';

const [workers = '2', ...images] = process.argv.slice(2);
const pool = createExtractPool({ workerUrl: sourceExtractWorkerUrl, size: Number(workers) });
const started = performance.now();
const responses = await Promise.all(
  images.map((path) => pool.run({ bytes: new Uint8Array(readFileSync(path)), fileName: basename(path), nowMs: Date.now(), timeLimitMs: 600_000 })),
);
const elapsedMs = performance.now() - started;
await pool.close();
const failed = responses.filter((response) => !response.ok).length;
console.log(JSON.stringify({ elapsedMs, pages: images.length, failed }));
