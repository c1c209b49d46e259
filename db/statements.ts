import type Database from 'better-sqlite3';
import type { Db } from './open.ts';

// Preparing a statement costs 30–50 µs; the import path runs some per file, so they are
// prepared once per connection. The SQL strings are constants, never built from input.
const statementCache = new WeakMap<Db, Map<string, Database.Statement>>();

export function cachedStatement(db: Db, sql: string): Database.Statement {
  let statements = statementCache.get(db);
  if (!statements) {
    statements = new Map();
    statementCache.set(db, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}
