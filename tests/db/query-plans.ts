// Query plans of the statements the code really runs: a test records what the code prepares
// and binds, instead of checking a copy of its SQL that can drift from it.
import type Database from 'better-sqlite3';
import type { Db } from '../../db/open.ts';

export interface StatementRun {
  sql: string;
  args: unknown[];
}

const runMethods = ['all', 'get', 'run', 'iterate'] as const;

/**
 * Every statement `work` prepares on `db` and then runs, with the values it bound. Statements
 * already prepared on `db` before the call (the per-connection cache) are not seen, so give
 * it a fresh connection.
 */
export async function statementsRunBy(db: Db, work: () => unknown): Promise<StatementRun[]> {
  const runs: StatementRun[] = [];
  const prepare = db.prepare;
  db.prepare = function recordingPrepare(this: Db, sql: string) {
    const statement: Database.Statement = prepare.call(this, sql);
    for (const method of runMethods) {
      const original = statement[method] as (...args: unknown[]) => unknown;
      Object.defineProperty(statement, method, {
        value: (...args: unknown[]) => {
          runs.push({ sql, args });
          return original.apply(statement, args);
        },
      });
    }
    return statement;
  } as Db['prepare'];
  try {
    await work();
  } finally {
    db.prepare = prepare;
  }
  return runs;
}

/** SQLite's plan for one recorded statement, bound to the same values, one step per line. */
export function queryPlan(db: Db, { sql, args }: StatementRun): string {
  return db
    .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...args)
    .map((row) => row.detail)
    .join('\n');
}
