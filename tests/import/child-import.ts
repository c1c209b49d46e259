// Run by kill.test.ts as a separate process: imports a folder into a database file and
// prints every progress event as one JSON line, so the test can SIGKILL it mid-run.
import { createServiceContext } from '../../main/services/create-context.ts';
import { importPaths } from '../../main/import/service.ts';

const [databasePath, folder] = process.argv.slice(2);
if (!databasePath || !folder) throw new Error('usage: child-import.ts <db> <folder>');
const ctx = createServiceContext({
  databasePath,
  emit: (event, payload) => {
    if (event === 'import.progress') process.stdout.write(`${JSON.stringify(payload)}\n`);
  },
});
const summary = await importPaths(ctx, [folder], { batchSize: 4, progressIntervalMs: 0 });
process.stdout.write(`${JSON.stringify({ summary })}\n`);
ctx.db.close();
