// Cold start of the services on an existing database, in a fresh process:
// load modules, open + migration check, the full candidate list (as the app's first call).
// Usage: node bench/startup-child.ts <db>. Prints one JSON line.
import { performance } from 'node:perf_hooks';

const processStartToScriptMs = performance.now();
const databasePath = process.argv[2];
if (!databasePath) {
  process.stderr.write('usage: node bench/startup-child.ts <db>\n');
  process.exit(2);
}
const loadStarted = performance.now();
const { createServiceContext } = await import('../main/services/create-context.ts');
const { createHandlers } = await import('../main/api/handlers.ts');
const moduleLoadMs = performance.now() - loadStarted;

const openStarted = performance.now();
const ctx = createServiceContext({ databasePath });
const handlers = createHandlers(ctx);
const openMs = performance.now() - openStarted;

const listStarted = performance.now();
const list = await handlers['candidates.list']({});
const listMs = performance.now() - listStarted;
const sinceProcessStartMs = performance.now();
ctx.db.close();
process.stdout.write(
  `${JSON.stringify({ processStartToScriptMs, moduleLoadMs, openMs, listMs, servicesMs: openMs + listMs, sinceProcessStartMs, rows: list.length })}\n`,
);
process.exit(0);
