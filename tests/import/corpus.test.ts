import { describe, expect, it } from 'vitest';
import { importPaths } from '../../main/import/service.ts';
import { importFailureCodes } from '../../contract/types.ts';
import { makeContext, rows } from './helpers.ts';
import { corpusFolder as corpus, requireCorpus, runsCorpusSuites } from './corpus-folder.ts';

describe.runIf(runsCorpusSuites)('the public resume corpus', () => {
  requireCorpus();
  it('imports every file with text or fails it with a reason, and crashes on nothing', async () => {
    const { ctx } = makeContext();
    const summary = await importPaths(ctx, [corpus]);
    console.log(
      `corpus: ${summary.total} files, ${summary.imported} imported, ${summary.duplicates} duplicates, ${summary.failed.length} failed, ${summary.elapsedMs} ms`,
    );
    for (const failure of summary.failed) console.log(`  failed ${failure.file}: ${failure.code}: ${failure.reason}`);

    expect(summary.total).toBeGreaterThan(0);
    expect(summary.imported + summary.duplicates + summary.failed.length).toBe(summary.total);
    for (const failure of summary.failed) {
      expect(importFailureCodes).toContain(failure.code);
      expect(failure.reason.length).toBeGreaterThan(20);
    }
    const files = rows<{ text: string; analysed: number }>(
      ctx,
      `SELECT f.text, (SELECT COUNT(*) FROM analyses a WHERE a.resume_file_id = f.id) AS analysed FROM resume_files f WHERE f.status = 'imported'`,
    );
    expect(files).toHaveLength(summary.imported);
    for (const file of files) {
      expect(file.text.trim().length).toBeGreaterThan(0);
      expect(file.analysed).toBe(1);
    }
    ctx.db.close();
  });
});
