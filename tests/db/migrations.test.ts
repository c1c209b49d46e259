import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseTooNewError, migrate, openDatabase, schemaVersion } from '../../db/open.ts';
import { migrations } from '../../db/migrations/index.ts';

const tempDirs: string[] = [];
function tempDbPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'shipped-db-'));
  tempDirs.push(dir);
  return join(dir, 'nested', 'shipped.db');
}
afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tableNames(db: Database.Database): string[] {
  return db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all()
    .map((row) => row.name);
}

describe('migrations', () => {
  it('numbers migrations 1..n in order, so user_version always names the last one applied', () => {
    expect(migrations.map((migration) => migration.version)).toEqual(migrations.map((_, index) => index + 1));
  });

  it('migrates an empty database to the latest version with STRICT tables, WAL and foreign keys', () => {
    const path = tempDbPath();
    const db = openDatabase(path);
    expect(schemaVersion(db)).toBe(migrations.length);
    expect(tableNames(db)).toEqual(
      expect.arrayContaining(['candidates', 'resume_files', 'analyses', 'import_runs', 'screenings', 'screening_scripts']),
    );
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const strictTables = db
      .prepare<[], { name: string; strict: number }>("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'")
      .all();
    expect(strictTables.length).toBeGreaterThan(5);
    for (const table of strictTables) expect({ table: table.name, strict: table.strict }).toEqual({ table: table.name, strict: 1 });
    db.close();
  });

  it('upgrades a database left at every earlier version and keeps its rows', () => {
    for (let stopAt = 1; stopAt < migrations.length; stopAt += 1) {
      const db = new Database(':memory:');
      migrate(db, migrations.slice(0, stopAt));
      expect(schemaVersion(db)).toBe(stopAt);
      db.prepare(
        "INSERT INTO candidates (identity_key, name, created_at, updated_at) VALUES ('name:ada', 'Ada', '2026-01-01', '2026-01-01')",
      ).run();
      migrate(db);
      expect(schemaVersion(db)).toBe(migrations.length);
      expect(db.prepare('SELECT name FROM candidates').pluck().all()).toEqual(['Ada']);
      db.close();
    }
  });

  it('0003 fills the list summary of existing candidates and keeps the file count in step afterwards', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.slice(0, 2));
    db.prepare("INSERT INTO candidates (id, identity_key, created_at, updated_at) VALUES (1, 'name:ada', 'x', 'x')").run();
    const insertFile = db.prepare(
      `INSERT INTO resume_files (candidate_id, path, file_name, sha256, size_bytes, mtime_ms, detected_type, text, status, error_code, imported_at)
       VALUES (@candidateId, '/r.txt', 'r.txt', @sha, 1, 0, 'txt', @text, @status, @errorCode, 'x')`,
    );
    insertFile.run({ candidateId: 1, sha: 'a', text: 'one', status: 'imported', errorCode: null });
    insertFile.run({ candidateId: null, sha: 'b', text: null, status: 'failed', errorCode: 'corrupt' });
    db.prepare("INSERT INTO candidate_tools VALUES (1, 'mlflow', 'evidence'), (1, 'airflow', 'evidence'), (1, 'ray', 'listed')").run();
    db.prepare(
      `INSERT INTO analyses (resume_file_id, candidate_id, engine_version, sub_role, sub_role_confidence, evidence_level, evidence_score,
         is_padded, padding_score, seniority, years_experience, result_json, analyzed_at)
       VALUES (1, 1, 'v', 'devops', 0.5, 'weak', 10, 0, 0, 'mid', 3, '{"kept":true}', 'x')`,
    ).run();
    migrate(db);
    expect(db.prepare('SELECT resume_file_id, result_json FROM analysis_results').all()).toEqual([{ resume_file_id: 1, result_json: '{"kept":true}' }]);
    expect(db.prepare("SELECT COUNT(*) FROM pragma_table_info('analyses') WHERE name = 'result_json'").pluck().get()).toBe(0);
    const summary = () => db.prepare('SELECT file_count, tools_shipped_json, tools_listed_json FROM candidates WHERE id = 1').get();
    expect(summary()).toEqual({ file_count: 1, tools_shipped_json: '["airflow","mlflow"]', tools_listed_json: '["ray"]' });

    insertFile.run({ candidateId: 1, sha: 'c', text: 'two', status: 'imported', errorCode: null });
    expect(summary()).toMatchObject({ file_count: 2 });
    db.prepare("UPDATE resume_files SET status = 'imported', candidate_id = 1, text = 'fixed', error_code = NULL WHERE sha256 = 'b'").run();
    expect(summary()).toMatchObject({ file_count: 3 });
    db.prepare("DELETE FROM resume_files WHERE sha256 = 'a'").run();
    expect(summary()).toMatchObject({ file_count: 2 });
    db.close();
  });

  it('is idempotent: opening an up-to-date database changes nothing', () => {
    const path = tempDbPath();
    openDatabase(path).close();
    const db = openDatabase(path);
    expect(schemaVersion(db)).toBe(migrations.length);
    db.close();
  });

  it('refuses a database written by a newer version, with a message saying what to do', () => {
    const path = tempDbPath();
    const db = openDatabase(path);
    db.pragma(`user_version = ${migrations.length + 5}`);
    db.close();
    expect(() => openDatabase(path)).toThrow(DatabaseTooNewError);
    expect(() => openDatabase(path)).toThrow(/newer version of Shipped/);
  });

  it('rolls back a failing migration completely, leaving the version untouched', () => {
    const db = new Database(':memory:');
    const broken = [
      ...migrations,
      { version: migrations.length + 1, name: 'broken', sql: 'CREATE TABLE half_done (id INTEGER) STRICT; SELECT * FROM no_such_table;' },
    ];
    expect(() => migrate(db, broken)).toThrow(/no_such_table/);
    expect(schemaVersion(db)).toBe(migrations.length);
    expect(tableNames(db)).not.toContain('half_done');
    db.close();
  });

  it('enforces the resume file invariants: an imported file has a candidate and text, a failed one a reason', () => {
    const db = openDatabase(':memory:');
    const insert = db.prepare(
      `INSERT INTO resume_files (candidate_id, path, file_name, sha256, size_bytes, mtime_ms, detected_type, text, status, error_code, imported_at)
       VALUES (NULL, '/x.pdf', 'x.pdf', 'abc', 1, 0, 'pdf', @text, @status, @errorCode, '2026-01-01')`,
    );
    expect(() => insert.run({ text: 'hello', status: 'imported', errorCode: null })).toThrow(/CHECK constraint/);
    expect(() => insert.run({ text: null, status: 'failed', errorCode: null })).toThrow(/CHECK constraint/);
    expect(() => insert.run({ text: null, status: 'failed', errorCode: 'corrupt' })).not.toThrow();
    db.close();
  });
});
