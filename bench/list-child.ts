// The list filter/sort cases in a process of their own, as in the app: there the SQL list
// runs in the main process and the search index lives in the renderer. Run in the bench's
// own process, the cases paid for the garbage the search benchmark had just left behind.
// Usage: node bench/list-child.ts <db>. Prints one JSON line.
import { openDatabase } from '../db/open.ts';
import { benchListQueries } from './search.ts';

const databasePath = process.argv[2];
if (!databasePath) {
  process.stderr.write('usage: node bench/list-child.ts <db>\n');
  process.exit(2);
}
const db = openDatabase(databasePath);
const result = benchListQueries(db);
db.close();
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
