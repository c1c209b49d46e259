// Run by concurrency.test.ts as a separate process against a shared database file:
//   open <db>                      open (and migrate) the database, then exit
//   import <db> <folder>           import the folder, print the summary as JSON
//   autosave <db> <screeningId> <questionId> <count>
//                                  save the answer's notes <count> times, as the screening screen's
//                                  autosave does, and print how many saves failed
import { createServiceContext } from '../../main/services/create-context.ts';
import { importPaths } from '../../main/import/service.ts';
import { updateAnswer } from '../../main/screening/service.ts';

const [mode, databasePath, ...rest] = process.argv.slice(2);
if (!databasePath) throw new Error('usage: child-writer.ts <mode> <db> ...');
const ctx = createServiceContext({ databasePath });
try {
  switch (mode) {
    case 'open':
      process.stdout.write(`${JSON.stringify({ isOpen: true })}\n`);
      break;
    case 'import': {
      const summary = await importPaths(ctx, [rest[0] ?? ''], { batchSize: 4, workerCount: 1 });
      process.stdout.write(`${JSON.stringify(summary)}\n`);
      break;
    }
    case 'autosave': {
      const [screeningId, questionId, count] = [Number(rest[0]), rest[1] ?? '', Number(rest[2])];
      const errors: string[] = [];
      for (let index = 0; index < count; index++) {
        try {
          updateAnswer(ctx.db, { screeningId, questionId, notes: `autosave ${index}` }, new Date().toISOString());
        } catch (error) {
          errors.push(error instanceof Error ? `${'code' in error ? String(error.code) : error.name}: ${error.message}` : String(error));
        }
        // Let the event loop turn, as between two keystroke saves.
        await new Promise((resolve) => setImmediate(resolve));
      }
      process.stdout.write(`${JSON.stringify({ saves: count, errors })}\n`);
      break;
    }
    default:
      throw new Error(`unknown mode ${String(mode)}`);
  }
} finally {
  ctx.db.close();
}
