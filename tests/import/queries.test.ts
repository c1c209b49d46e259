import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { importPaths } from '../../main/import/service.ts';
import { makeTempDir, resumeToText, syntheticResume } from './fixtures.ts';
import { makeContext, rows } from './helpers.ts';
import { queryPlan, statementsRunBy } from '../db/query-plans.ts';

const dir = makeTempDir('shipped-queries-');
afterAll(() => dir.remove());

describe('import queries', () => {
  it('look content up by hash through an index, never a table scan', async () => {
    const folder = makeTempDir('shipped-queries-plan-');
    folder.file('resume.txt', resumeToText(syntheticResume(51)));
    const { ctx } = makeContext();
    const runs = await statementsRunBy(ctx.db, () => importPaths(ctx, [folder.path], { workerCount: 1 }));
    folder.remove();
    const plan = (pattern: RegExp) => {
      const run = runs.find((candidate) => pattern.test(candidate.sql));
      if (!run) throw new Error(`the import ran no statement matching ${pattern}`);
      return queryPlan(ctx.db, run);
    };
    expect(plan(/^SELECT .* FROM resume_files WHERE sha256 = \?/)).toMatch(/SEARCH resume_files USING COVERING INDEX resume_files_imported_sha/);
    expect(plan(/^DELETE FROM resume_files WHERE .*sha256 = \?/)).toMatch(/SEARCH resume_files USING INDEX resume_files_sha/);
    ctx.db.close();
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
