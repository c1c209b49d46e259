// The candidate list as the app first shows it, in a process of its own as in the app, where the
// main process reads the list and the renderer holds the search index:
//   read: `candidates.list` through the real handlers (one SQL query, items made, default order);
//   IPC: what Electron does to send the result to the renderer (V8's serializer, both ends);
//   view: the App keeping the list strongest first, then the Candidates screen's first rows
//   (contract/candidate-list.ts, the initial view).
// The first call, on a fresh process, is what starting the app costs; the later calls are what a
// reload after an import costs. The search index is built after the list is on screen.
// Usage: node bench/list-child.ts <db>. Prints one JSON line.
import { performance } from 'node:perf_hooks';
import { deserialize, serialize } from 'node:v8';
import { createServiceContext } from '../main/services/create-context.ts';
import { createHandlers } from '../main/api/handlers.ts';
import { emptyFilters, filterAndSort, sortCandidates } from '../contract/candidate-list.ts';
import type { CandidateListItem } from '../contract/types.ts';
import { percentile } from './stats.ts';

export interface ListShownTimes {
  readMs: number;
  ipcMs: number;
  viewMs: number;
  totalMs: number;
  /** CPU time of all the process's threads over the same span: far less disturbed by other work on the machine. */
  cpuMs: number;
}

export interface ListShownResult {
  rows: number;
  first: ListShownTimes;
  reloadP50Ms: number;
  reloadP95Ms: number;
}

const databasePath = process.argv[2];
if (!databasePath) {
  process.stderr.write('usage: node bench/list-child.ts <db>\n');
  process.exit(2);
}
const ctx = createServiceContext({ databasePath });
const handlers = createHandlers(ctx);

const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

async function showList(): Promise<ListShownTimes & { rows: number }> {
  const cpuStarted = cpuNow();
  const started = performance.now();
  const items = await handlers['candidates.list']({});
  const read = performance.now();
  const received = deserialize(serialize(items)) as CandidateListItem[];
  const sent = performance.now();
  const rows = filterAndSort(sortCandidates(received, 'evidence', 'desc'), emptyFilters, 'evidence', 'desc');
  const shown = performance.now();
  const cpuMs = cpuNow() - cpuStarted;
  return { readMs: read - started, ipcMs: sent - read, viewMs: shown - sent, totalMs: shown - started, cpuMs, rows: rows.length };
}

const { rows, ...first } = await showList();
const reloads: number[] = [];
for (let round = 0; round < 7; round++) reloads.push((await showList()).totalMs);
ctx.db.close();
const result: ListShownResult = { rows, first, reloadP50Ms: percentile(reloads, 50), reloadP95Ms: percentile(reloads, 95) };
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
