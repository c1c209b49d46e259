import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseTooNewError, migrate, openDatabase, schemaVersion } from '../../db/open.ts';
import { migrations } from '../../db/migrations/index.ts';
import {
  deleteCandidate,
  getCandidateListItem,
  insertCandidate,
  listCandidates,
  setCandidateNotes,
  setCandidateStatus,
  setLatestResume,
} from '../../db/queries/candidates.ts';
import { replaceCandidateTools, saveAnalysis } from '../../db/queries/analyses.ts';
import type { ResumeAnalysis } from '../../contract/analysis.ts';

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
    migrate(db, migrations.slice(0, 3));
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

  it('0004 replaces the JSON tool lists by tool codes that decode to the same lists, which the list still shows after 0007', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.slice(0, 3));
    const insertCandidate = db.prepare("INSERT INTO candidates (id, identity_key, created_at, updated_at) VALUES (?, ?, 'x', 'x')");
    insertCandidate.run(1, 'name:ada');
    insertCandidate.run(2, 'name:bo');
    insertCandidate.run(3, 'name:cy');
    db.prepare(
      "INSERT INTO candidate_tools VALUES (1, 'mlflow', 'evidence'), (1, 'airflow', 'evidence'), (1, 'ray', 'listed'), (2, 'ray', 'listed'), (2, 'dvc', 'listed')",
    ).run();
    db.prepare(`UPDATE candidates SET tools_shipped_json = '["airflow","mlflow"]', tools_listed_json = '["ray"]' WHERE id = 1`).run();
    db.prepare(`UPDATE candidates SET tools_listed_json = '["dvc","ray"]' WHERE id = 2`).run();
    migrate(db, migrations.slice(0, 4));

    expect(db.prepare('SELECT code, tool_id FROM tool_codes ORDER BY code').raw().all()).toEqual([
      [1, 'airflow'],
      [2, 'dvc'],
      [3, 'mlflow'],
      [4, 'ray'],
    ]);
    // Code N is the character U+0020 + N: airflow '!', dvc '"', mlflow '#', ray '$'.
    expect(db.prepare('SELECT id, tool_codes FROM candidates ORDER BY id').raw().all()).toEqual([
      [1, '!# $'],
      [2, ' "$'],
      [3, ' '],
    ]);
    const columns = db.prepare("SELECT name FROM pragma_table_info('candidates')").pluck().all();
    expect(columns).toContain('tool_codes');
    expect(columns).not.toContain('tools_shipped_json');
    expect(columns).not.toContain('tools_listed_json');

    // The list reads the same tool lists after 0007 replaced the codes.
    migrate(db);
    const tools = (id: number) => {
      const item = getCandidateListItem(db, id);
      return { shipped: item?.toolsShipped, listed: item?.toolsListed };
    };
    expect(tools(1)).toEqual({ shipped: ['airflow', 'mlflow'], listed: ['ray'] });
    expect(tools(2)).toEqual({ shipped: [], listed: ['dvc', 'ray'] });
    expect(tools(3)).toEqual({ shipped: [], listed: [] });

    const tool = (id: string, status: 'evidence' | 'listed') => ({ id, name: id, category: 'x', status, lines: [1] });
    replaceCandidateTools(db, 3, { tools: [tool('wandb', 'evidence'), tool('airflow', 'listed'), tool('bentoml', 'evidence')] } as unknown as ResumeAnalysis);
    expect(tools(3)).toEqual({ shipped: ['bentoml', 'wandb'], listed: ['airflow'] });
    expect(tools(1)).toEqual({ shipped: ['airflow', 'mlflow'], listed: ['ray'] });
    db.close();
  });

  it('the list shows every kind of write the app makes, each row read alone the same as in the whole list', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db);
    const insertFile = db.prepare(
      `INSERT INTO resume_files (candidate_id, path, file_name, sha256, size_bytes, mtime_ms, detected_type, text, status, imported_at)
       VALUES (?, '/r.txt', 'r.txt', ?, 1, 0, 'txt', 'text', 'imported', 'x')`,
    );
    const tool = (id: string, status: 'evidence' | 'listed') => ({ id, name: id, category: 'x', status, lines: [1] });
    const analysis = (score: number, years: number | null, tools: ReturnType<typeof tool>[] = []) =>
      ({
        engineVersion: 'v',
        subRole: { id: 'devops', confidence: 0.5, reasons: [] },
        evidence: { level: 'weak', score },
        padding: { detected: false, score: 3, reasons: [] },
        seniority: 'mid',
        yearsExperience: years,
        tools,
      }) as unknown as ResumeAnalysis;
    const profile = (name: string | null) => ({ name, email: null, phone: null, location: 'Oslo', currentTitle: null, employers: ['Acme'] });

    // Written at the latest version: one analysed candidate with tools, one without any file.
    const ada = insertCandidate(db, 'name:ada', profile('Ada'), 'x');
    const adaFile = Number(insertFile.run(ada, 'a1').lastInsertRowid);
    saveAnalysis(db, adaFile, ada, analysis(40, 6.5, [tool('mlflow', 'evidence'), tool('ray', 'listed')]), 'x');
    setLatestResume(db, ada, adaFile, profile('Ada'), 'x');
    replaceCandidateTools(db, ada, analysis(40, 6.5, [tool('mlflow', 'evidence'), tool('ray', 'listed')]));
    const bo = insertCandidate(db, 'name:bo', profile(null), 'x');

    const expectCurrent = () => {
      const items = listCandidates(db);
      for (const item of items) expect(item).toEqual(getCandidateListItem(db, item.id));
      return items.length;
    };
    expect(expectCurrent()).toBe(2);
    expect(getCandidateListItem(db, ada)).toMatchObject({ evidenceScore: 40, yearsExperience: 6.5, toolsShipped: ['mlflow'], toolsListed: ['ray'], fileCount: 1 });

    // Every kind of write the app makes, each followed by the same check.
    const cy = insertCandidate(db, 'name:cy', profile('Cy'), 'x');
    expectCurrent();
    const cyFile = Number(insertFile.run(cy, 'c1').lastInsertRowid); // file_count, through 0003's trigger
    expect(getCandidateListItem(db, cy)).toMatchObject({ fileCount: 1 });
    expectCurrent();
    saveAnalysis(db, cyFile, cy, analysis(70, null), 'x'); // not the latest file yet
    expectCurrent();
    setLatestResume(db, cy, cyFile, { ...profile('Cy Young'), currentTitle: 'SRE' }, 'y');
    expectCurrent();
    expect(getCandidateListItem(db, cy)).toMatchObject({ name: 'Cy Young', currentTitle: 'SRE', evidenceScore: 70, yearsExperience: null });
    saveAnalysis(db, cyFile, cy, analysis(75, 2), 'z'); // re-analysis of the latest file
    expectCurrent();
    replaceCandidateTools(db, cy, analysis(75, 2, [tool('airflow', 'listed')]));
    expectCurrent();
    setCandidateStatus(db, cy, 'advanced', 'later');
    setCandidateNotes(db, bo, 'call back', 'later');
    expectCurrent();
    expect(getCandidateListItem(db, cy)).toMatchObject({ status: 'advanced', evidenceScore: 75, toolsListed: ['airflow'], updatedAt: 'later' });
    const adaFile2 = Number(insertFile.run(ada, 'a2').lastInsertRowid);
    saveAnalysis(db, adaFile2, ada, analysis(10, 9), 'x');
    setLatestResume(db, ada, adaFile2, profile('Ada'), 'x');
    expectCurrent();
    expect(getCandidateListItem(db, ada)).toMatchObject({ evidenceScore: 10, fileCount: 2 });
    db.prepare('DELETE FROM resume_files WHERE id = ?').run(adaFile2); // its analysis goes with it
    expectCurrent();
    expect(getCandidateListItem(db, ada)).toMatchObject({ evidenceScore: null, subRole: null, fileCount: 1 });
    deleteCandidate(db, cy);
    expect(expectCurrent()).toBe(2);
    db.close();
  });

  it('0007 moves each candidate\'s tool lists from the codes to plain JSON arrays and drops what only the packed row used', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.slice(0, 6));
    db.prepare(
      `INSERT INTO candidates (id, identity_key, name, employers_json, created_at, updated_at)
       VALUES (1, 'name:ada', 'Ada', '["Acme","Zürich AG"]', 'x', 'x'), (2, 'name:bo', NULL, '[]', 'y', 'y')`,
    ).run();
    db.prepare(
      `INSERT INTO resume_files (candidate_id, path, file_name, sha256, size_bytes, mtime_ms, detected_type, text, status, imported_at)
       VALUES (1, '/r.txt', 'r.txt', 'a', 1, 0, 'txt', 'text', 'imported', 'x')`,
    ).run();
    db.prepare(
      `INSERT INTO analyses (resume_file_id, candidate_id, engine_version, sub_role, sub_role_confidence, evidence_level, evidence_score,
         is_padded, padding_score, seniority, years_experience, analyzed_at)
       VALUES (1, 1, 'v', 'devops', 0.5, 'weak', 10, 1, 60, 'mid', 3.5, 'x')`,
    ).run();
    db.prepare("INSERT INTO candidate_tools VALUES (1, 'mlflow', 'evidence'), (1, 'airflow', 'evidence'), (1, 'ray', 'listed'), (2, 'dvc', 'listed')").run();
    db.prepare('UPDATE candidates SET latest_resume_file_id = 1 WHERE id = 1').run();
    migrate(db);

    expect(listCandidates(db)).toMatchObject([
      {
        id: 1, name: 'Ada', employers: ['Acme', 'Zürich AG'], status: 'new', fileCount: 1, importedAt: 'x', subRole: 'devops',
        evidenceLevel: 'weak', evidenceScore: 10, isPadded: true, paddingScore: 60, seniority: 'mid', yearsExperience: 3.5,
        toolsShipped: ['airflow', 'mlflow'], toolsListed: ['ray'],
      },
      { id: 2, name: null, employers: [], fileCount: 0, subRole: null, evidenceScore: null, isPadded: null, toolsShipped: [], toolsListed: ['dvc'] },
    ]);
    const columns = db.prepare("SELECT name FROM pragma_table_info('candidates')").pluck().all();
    expect(columns).not.toContain('list_row');
    expect(columns).not.toContain('tool_codes');
    expect(tableNames(db)).not.toContain('tool_codes');
    const triggers = db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").pluck().all();
    expect(triggers).toEqual(expect.arrayContaining(['resume_files_count_delete', 'resume_files_count_insert', 'resume_files_count_update']));
    expect(triggers.filter((name) => String(name).includes('list_row'))).toEqual([]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'candidate_tools_tool'").all()).toEqual([]);
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
