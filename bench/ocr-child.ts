// Child process of the OCR benchmark: reads the given page images through the import's own
// extraction pool (worker threads, each with its tesseract thread; OCR plus analysis), so the
// parent can sample this process's memory. Prints one JSON line, with the CPU time of all of
// this process's threads (start-up of the workers and tesseract threads included).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createExtractPool } from '../main/import/pool.ts';
import { sourceExtractWorkerUrl } from '../main/services/source-layout.ts';

const [workers = '2', ...images] = process.argv.slice(2);
const pool = createExtractPool({ workerUrl: sourceExtractWorkerUrl, size: Number(workers) });
const started = performance.now();
const cpuAtStart = process.cpuUsage();
const responses = await Promise.all(
  images.map((path) => pool.run({ bytes: new Uint8Array(readFileSync(path)), fileName: basename(path), nowMs: Date.now(), timeLimitMs: 600_000 })),
);
const elapsedMs = performance.now() - started;
await pool.close();
const cpu = process.cpuUsage(cpuAtStart);
const failed = responses.filter((response) => !response.ok).length;
console.log(JSON.stringify({ elapsedMs, cpuMs: (cpu.user + cpu.system) / 1000, pages: images.length, failed }));
