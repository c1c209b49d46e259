// Runs one import through the real service in its own process, so the parent
// can measure its memory cleanly. Usage:
//   node bench/import-child.ts [--worker-url URL] [--warm-up-db DB] <db> <path>...
// --worker-url: the extraction worker script (default: the TypeScript source).
// --warm-up-db: first import the same files into DB, untimed, through the same worker
//   pool, so the timed import runs on warm workers, as a second import does in the app
//   (its pool stays up for a minute after an import).
// Prints one JSON line (ImportChildResult) on stdout.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createServiceContext } from '../main/services/create-context.ts';
import { createHandlers } from '../main/api/handlers.ts';
import { createExtractPool } from '../main/import/pool.ts';
import { importPaths } from '../main/import/service.ts';
import type { ImportFailureCode, ImportSummary } from '../contract/types.ts';

export interface ImportChildResult {
  elapsedMs: number;
  setupMs: number;
  total: number;
  imported: number;
  duplicates: number;
  failed: number;
  failureCodes: Partial<Record<ImportFailureCode, number>>;
  firstFailures: string[];
  maxRssKb: number;
  /** CPU time of the whole process (all threads) during the import calls. */
  cpuMs: number;
}

const { values: flags, positionals } = parseArgs({
  options: { 'worker-url': { type: 'string' }, 'warm-up-db': { type: 'string' } },
  allowPositionals: true,
});
const [databasePath, ...paths] = positionals;
if (!databasePath || paths.length === 0) {
  process.stderr.write('usage: node bench/import-child.ts [--worker-url URL] [--warm-up-db DB] <db> <path>...\n');
  process.exit(2);
}
const workerOption = flags['worker-url'] ? { extractWorkerUrl: new URL(flags['worker-url']) } : {};

const setupStarted = performance.now();
const ctx = createServiceContext({ databasePath, ...workerOption });
const handlers = createHandlers(ctx);
const setupMs = performance.now() - setupStarted;

/** import.run, or with --warm-up-db the service under it with a pool that has already read the files once. */
async function warmImporter(warmUpDb: string): Promise<(paths: string[]) => Promise<ImportSummary>> {
  const pool = createExtractPool({ workerUrl: ctx.extractWorkerUrl });
  const warmUpCtx = createServiceContext({ databasePath: warmUpDb, ...workerOption });
  await importPaths(warmUpCtx, paths, { pool });
  warmUpCtx.db.close();
  return (chunk) => importPaths(ctx, chunk, { pool });
}
const importChunk = flags['warm-up-db'] ? await warmImporter(flags['warm-up-db']) : (chunk: string[]) => handlers['import.run']({ paths: chunk });

const result: ImportChildResult = { elapsedMs: 0, setupMs, total: 0, imported: 0, duplicates: 0, failed: 0, failureCodes: {}, firstFailures: [], maxRssKb: 0, cpuMs: 0 };
const started = performance.now();
const cpuBefore = process.cpuUsage();
// The contract takes at most 1,000 paths per call; folders count as one path each.
for (let offset = 0; offset < paths.length; offset += 1000) {
  const summary = await importChunk(paths.slice(offset, offset + 1000));
  result.total += summary.total;
  result.imported += summary.imported;
  result.duplicates += summary.duplicates;
  result.failed += summary.failed.length;
  for (const failure of summary.failed) {
    result.failureCodes[failure.code] = (result.failureCodes[failure.code] ?? 0) + 1;
    if (result.firstFailures.length < 5) result.firstFailures.push(`${failure.file}: ${failure.code} ${failure.reason}`);
  }
}
result.elapsedMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
result.cpuMs = (cpu.user + cpu.system) / 1000;
result.maxRssKb = process.resourceUsage().maxRSS;
ctx.db.close();
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
