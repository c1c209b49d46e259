import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { openDatabase } from '../../db/open.ts';
import { importPaths } from '../../main/import/service.ts';
import { makeTempDir, resumeToText, syntheticResume } from './fixtures.ts';
import { makeContext, rows } from './helpers.ts';

const dir = makeTempDir('shipped-queries-');
afterAll(() => dir.remove());

describe('import queries', () => {
  it('look content up by hash through an index, never a table scan', () => {
    const db = openDatabase(':memory:');
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('x') as Array<{ detail: string }>).map((row) => row.detail).join(' | ');
    expect(plan(`SELECT 1 AS one FROM resume_files WHERE sha256 = ? AND status = 'imported'`)).toMatch(
      /SEARCH resume_files USING COVERING INDEX resume_files_imported_sha/,
    );
    expect(plan(`DELETE FROM resume_files WHERE status = 'failed' AND sha256 = ?`)).toMatch(/SEARCH resume_files USING INDEX resume_files_sha/);
    db.close();
  });

  it('replaces the failed row of a path when the file there later imports', async () => {
    const path = dir.file('later.txt', '');
    const { ctx } = makeContext();
    const first = await importPaths(ctx, [dir.path], { workerCount: 1 });
    expect(first.failed.map((failure) => failure.code)).toEqual(['empty-file']);
    writeFileSync(path, resumeToText(syntheticResume(50)));
    const second = await importPaths(ctx, [dir.path], { workerCount: 1 });
    expect(second).toMatchObject({ imported: 1, failed: [] });
    expect(rows<{ status: string; path: string }>(ctx, 'SELECT status, path FROM resume_files')).toEqual([{ status: 'imported', path }]);
    ctx.db.close();
  });
});
