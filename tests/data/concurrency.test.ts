// Two writers, no failures: two imports and a screening autosave loop run in three processes
// against one database file, and two processes open a new database at once. Nothing here
// measures time; every loop is bounded and the test waits for each process to exit.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { openDatabase, schemaVersion } from '../../db/open.ts';
import { migrations } from '../../db/migrations/index.ts';
import { importPaths } from '../../main/import/service.ts';
import { createServiceContext } from '../../main/services/create-context.ts';
import { getScreening, getScript, startScreening } from '../../main/screening/service.ts';
import type { ImportSummary } from '../../contract/types.ts';
import { makeTempDir, resumeToText, syntheticResume } from '../import/fixtures.ts';

const dir = makeTempDir('shipped-writers-');
afterAll(() => dir.remove());
const childScript = fileURLToPath(new URL('./child-writer.ts', import.meta.url));

interface ChildResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runChild(...args: string[]): Promise<ChildResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [childScript, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SHIPPED_LOG_LEVEL: 'error' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

function lastJson<T>(result: ChildResult): T {
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? 'null') as T;
}

describe('two writers', () => {
  it('two imports and an autosave loop in three processes: nothing fails, nothing is lost', async () => {
    // 60 people: A holds 0-39, B holds 20-59, so 20 files are in both and race to be stored once.
    for (let index = 0; index < 60; index++) {
      const text = resumeToText(syntheticResume(index + 200));
      if (index < 40) dir.file(`a/person-${index}.txt`, text);
      if (index >= 20) dir.file(`b/person-${index}.txt`, text);
    }
    dir.file('seed/seed.txt', resumeToText(syntheticResume(999)));
    const databasePath = join(dir.path, 'shared.db');
    const seedCtx = createServiceContext({ databasePath });
    await importPaths(seedCtx, [join(dir.path, 'seed')], { workerCount: 1 });
    const now = new Date().toISOString();
    const questionId = getScript(seedCtx.db, undefined, now).script.questions[0]?.id ?? '';
    const screening = startScreening(seedCtx.db, 1, 'Recruiter screen', now);
    seedCtx.db.close();

    const saves = 300;
    const [importA, importB, autosave] = await Promise.all([
      runChild('import', databasePath, join(dir.path, 'a')),
      runChild('import', databasePath, join(dir.path, 'b')),
      runChild('autosave', databasePath, String(screening.screening.id), questionId, String(saves)),
    ]);
    const a = lastJson<ImportSummary>(importA);
    const b = lastJson<ImportSummary>(importB);
    const saved = lastJson<{ saves: number; errors: string[] }>(autosave);

    expect(saved).toEqual({ saves, errors: [] });
    expect(a.failed).toEqual([]);
    expect(b.failed).toEqual([]);
    // Each of the 60 people stored exactly once; the 20 shared files are a duplicate in one run or the other.
    expect(a.imported + b.imported).toBe(60);
    expect(a.duplicates + b.duplicates).toBe(20);

    const db = openDatabase(databasePath);
    try {
      expect(db.prepare('SELECT count(*) AS n FROM candidates').get()).toEqual({ n: 61 });
      expect(db.prepare(`SELECT count(*) AS n FROM resume_files WHERE status = 'imported'`).get()).toEqual({ n: 61 });
      const answer = getScreening(db, screening.screening.id).answers.find((candidate) => candidate.questionId === questionId);
      expect(answer?.notes).toBe(`autosave ${saves - 1}`);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });

  it('processes opening the same new database at once all migrate it, once', async () => {
    for (let round = 0; round < 5; round++) {
      const databasePath = join(dir.path, `new-${round}.db`);
      const results = await Promise.all([runChild('open', databasePath), runChild('open', databasePath), runChild('open', databasePath)]);
      for (const result of results) expect(lastJson<{ isOpen: boolean }>(result)).toEqual({ isOpen: true });
      const db = openDatabase(databasePath);
      expect(schemaVersion(db)).toBe(migrations.length);
      db.close();
    }
  });
});
