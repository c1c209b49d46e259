// The candidate list as the app first shows it, in a process of its own as in the app, where the
// main process reads the list and the renderer holds the search index. At start the app asks for
// the strongest candidates first (`candidates.firstPage`, 100 rows) and then for the whole list:
//   first shown: the first page through the real handlers (the whole list read and sorted, 100
//   items kept), V8's serializer and deserializer on it (what Electron's IPC does), and the
//   Candidates screen's first view of it (contract/candidate-list.ts);
//   whole list ready: then `candidates.list` the same way, and the App keeping it strongest first.
// The later calls (the whole list alone) are what a reload after an import costs. The search
// index is built after the list is on screen.
// Usage: node bench/list-child.ts <db>. Prints one JSON line.
import { performance } from 'node:perf_hooks';
import { deserialize, serialize } from 'node:v8';
import { createServiceContext } from '../main/services/create-context.ts';
import { createHandlers } from '../main/api/handlers.ts';
import { emptyFilters, filterAndSort, strongestFirst } from '../contract/candidate-list.ts';
import type { CandidateListItem, CandidateListPage } from '../contract/types.ts';
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
  /** The first page on screen. */
  first: ListShownTimes;
  /** From the start to the whole list sorted in the renderer, the first page included. */
  wholeListReadyMs: number;
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
/** As renderer/App.tsx asks. */
const firstPageSize = 100;

const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

async function showFirstPage(): Promise<ListShownTimes> {
  const cpuStarted = cpuNow();
  const started = performance.now();
  const page = await handlers['candidates.firstPage']({ size: firstPageSize });
  const read = performance.now();
  const received = deserialize(serialize(page)) as CandidateListPage;
  const sent = performance.now();
  filterAndSort(received.items, emptyFilters, 'evidence', 'desc');
  const shown = performance.now();
  return { readMs: read - started, ipcMs: sent - read, viewMs: shown - sent, totalMs: shown - started, cpuMs: cpuNow() - cpuStarted };
}

async function loadWholeList(): Promise<{ totalMs: number; rows: number }> {
  const started = performance.now();
  const items = await handlers['candidates.list']({});
  const received = deserialize(serialize(items)) as CandidateListItem[];
  const rows = filterAndSort(strongestFirst(received), emptyFilters, 'evidence', 'desc');
  return { totalMs: performance.now() - started, rows: rows.length };
}

const first = await showFirstPage();
const whole = await loadWholeList();
const reloads: number[] = [];
for (let round = 0; round < 7; round++) reloads.push((await loadWholeList()).totalMs);
ctx.db.close();
const result: ListShownResult = {
  rows: whole.rows,
  first,
  wholeListReadyMs: first.totalMs + whole.totalMs,
  reloadP50Ms: percentile(reloads, 50),
  reloadP95Ms: percentile(reloads, 95),
};
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
