import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { importPaths } from '../../main/import/service.ts';
import type { ImportProgress } from '../../contract/types.ts';
import { makeResumeDocx, makeResumePdf, makeTempDir, resumeToText, syntheticResume } from './fixtures.ts';
import { makeContext, rows } from './helpers.ts';

const dir = makeTempDir('shipped-kill-');
afterAll(() => dir.remove());

const childScript = fileURLToPath(new URL('./child-import.ts', import.meta.url));
const fileCount = 60;

describe('an import killed mid-run', () => {
  it('leaves a consistent store, is marked interrupted, and a re-run finishes the job', async () => {
    const folder = join(dir.path, 'resumes');
    for (let index = 0; index < fileCount; index += 1) {
      const spec = syntheticResume(index);
      const name = `resume-${String(index).padStart(2, '0')}`;
      if (index % 3 === 0) dir.file(`resumes/${name}.pdf`, await makeResumePdf(spec));
      else if (index % 3 === 1) dir.file(`resumes/${name}.docx`, await makeResumeDocx(spec));
      else dir.file(`resumes/${name}.txt`, resumeToText(spec));
    }
    const databasePath = join(dir.path, 'store.db');

    // process.execPath is the Node that runs this test; it runs the .ts child directly.
    const child = spawn(process.execPath, [childScript, databasePath, folder], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let lastProgress: ImportProgress | null = null;
    let hasFinished = false;
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    for await (const line of createInterface({ input: child.stdout })) {
      const message = JSON.parse(line) as ImportProgress | { summary: unknown };
      if ('summary' in message) {
        hasFinished = true;
        break;
      }
      lastProgress = message;
      if (message.phase === 'importing' && message.filesDone >= 12) {
        child.kill('SIGKILL');
        break;
      }
    }
    const signal = await exited;
    expect(hasFinished, `the import finished before it could be killed; stderr: ${stderr}`).toBe(false);
    expect(signal).toBe('SIGKILL');
    expect(lastProgress?.filesDone).toBeLessThan(fileCount);

    // The store is intact and every stored resume has its analysis.
    const db = new Database(databasePath);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const stored = db.prepare(`SELECT COUNT(*) AS n FROM resume_files WHERE status = 'imported'`).get() as { n: number };
    const withoutAnalysis = db
      .prepare(`SELECT COUNT(*) AS n FROM resume_files f LEFT JOIN analyses a ON a.resume_file_id = f.id WHERE f.status = 'imported' AND a.resume_file_id IS NULL`)
      .get() as { n: number };
    const candidatesWithoutResume = db.prepare('SELECT COUNT(*) AS n FROM candidates WHERE latest_resume_file_id IS NULL').get() as { n: number };
    const run = db.prepare('SELECT status, imported_count, failed_count FROM import_runs').get() as { status: string; imported_count: number };
    db.close();
    expect(stored.n).toBeGreaterThan(0);
    expect(stored.n).toBeLessThan(fileCount);
    expect(withoutAnalysis.n).toBe(0);
    expect(candidatesWithoutResume.n).toBe(0);
    // The run's counts were committed with the files they count.
    expect(run).toMatchObject({ status: 'running', imported_count: stored.n });

    // The next import marks the killed run interrupted and finishes the job.
    const { ctx } = makeContext(databasePath);
    const summary = await importPaths(ctx, [folder]);
    expect(summary.failed).toEqual([]);
    expect(summary.duplicates).toBe(stored.n);
    expect(summary.imported + summary.duplicates).toBe(fileCount);
    expect(rows<{ status: string }>(ctx, 'SELECT status FROM import_runs ORDER BY id').map((row) => row.status)).toEqual([
      'interrupted',
      'completed',
    ]);
    expect(rows(ctx, `SELECT id FROM resume_files WHERE status = 'imported'`)).toHaveLength(fileCount);
    expect(rows(ctx, 'SELECT resume_file_id FROM analyses')).toHaveLength(fileCount);
    expect(rows(ctx, 'SELECT id FROM candidates')).toHaveLength(fileCount);
    ctx.db.close();
  });
});
