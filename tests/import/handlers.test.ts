import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createServiceContext } from '../../main/services/create-context.ts';
import { createImportHandlers } from '../../main/import/handlers.ts';
import { UserFacingError } from '../../main/api/errors.ts';
import type { ImportProgress } from '../../contract/types.ts';
import type { ServiceContext } from '../../main/services/context.ts';
import { makeTempDir, resumeToText, syntheticResume } from './fixtures.ts';
import { rows } from './helpers.ts';

const dir = makeTempDir('shipped-handlers-');
afterAll(() => dir.remove());

function folderOfTextResumes(name: string, count: number): string {
  for (let index = 0; index < count; index += 1) dir.file(`${name}/r${String(index).padStart(3, '0')}.txt`, resumeToText(syntheticResume(index)));
  return join(dir.path, name);
}

describe('import handlers', () => {
  it('cancels a running import: the run is marked cancelled, the partial summary returned, and a re-run finishes', async () => {
    const folder = folderOfTextResumes('cancel', 40);
    const progress: ImportProgress[] = [];
    let api: ReturnType<typeof createImportHandlers> | null = null;
    let cancelReply: Promise<{ isCancelling: boolean }> | null = null;
    const ctx: ServiceContext = createServiceContext({
      databasePath: ':memory:',
      emit: (event, payload) => {
        if (event !== 'import.progress') return;
        const update = payload as ImportProgress;
        progress.push(update);
        // Unthrottled, the import reports each file as it is accepted, on the same tick; cancelling
        // here stops it between the third file and the fourth, however fast the workers are.
        if (update.phase === 'importing' && update.filesDone === 3 && !cancelReply) cancelReply = api?.['import.cancel']({}) ?? null;
      },
    });
    api = createImportHandlers(ctx, { workerCount: 1, progressIntervalMs: 0 });

    const summary = await api['import.run']({ paths: [folder] });
    expect(await cancelReply).toEqual({ isCancelling: true });
    expect(summary).toMatchObject({ status: 'cancelled', total: 40, imported: 3, duplicates: 0, failed: [] });
    expect(rows(ctx, `SELECT id FROM resume_files WHERE status = 'imported'`)).toHaveLength(3);
    expect(rows<{ status: string; imported_count: number }>(ctx, 'SELECT status, imported_count FROM import_runs')).toEqual([
      { status: 'cancelled', imported_count: 3 },
    ]);
    expect(progress.filter((update) => update.phase === 'importing').map((update) => update.filesDone)).toEqual([0, 1, 2, 3]);
    expect(progress.at(-1)).toMatchObject({ phase: 'done', filesDone: 3, imported: 3 });
    expect(await api['import.cancel']({})).toEqual({ isCancelling: false });

    const rerun = await api['import.run']({ paths: [folder] });
    expect(rerun).toMatchObject({ status: 'completed', imported: 37, duplicates: 3, failed: [] });
    ctx.db.close();
  });

  it('refuses a second import while one runs, and names missing paths', async () => {
    const folder = folderOfTextResumes('busy', 6);
    const ctx = createServiceContext({ databasePath: ':memory:' });
    const api = createImportHandlers(ctx);
    const first = api['import.run']({ paths: [folder] });
    await expect(api['import.run']({ paths: [folder] })).rejects.toThrow(/already running/);
    expect((await first).imported).toBe(6);
    await expect(api['import.run']({ paths: [join(dir.path, 'nope')] })).rejects.toBeInstanceOf(UserFacingError);
    await expect(api['analysis.analyzeFiles']({ paths: [join(dir.path, 'nope')] })).rejects.toThrow(/nope" does not exist/);
    ctx.db.close();
  });

  it('imports the bundled samples and analyses files without storing them', async () => {
    const ctx = createServiceContext({ databasePath: ':memory:' });
    const api = createImportHandlers(ctx);
    const summary = await api['import.samples']({});
    expect(summary).toMatchObject({ status: 'completed', total: 6, imported: 6, failed: [] });
    const analysed = await api['analysis.analyzeFiles']({ paths: [ctx.samplesFolder] });
    expect(analysed).toHaveLength(6);
    expect(analysed.every((result) => 'subRole' in result)).toBe(true);
    expect(rows(ctx, 'SELECT id FROM resume_files')).toHaveLength(6);
    ctx.db.close();
  });

  it('sends at most ~20 progress events a second, plus the final one', async () => {
    const folder = folderOfTextResumes('throttle', 60);
    const progress: ImportProgress[] = [];
    const ctx = createServiceContext({
      databasePath: ':memory:',
      emit: (event, payload) => {
        if (event === 'import.progress') progress.push(payload as ImportProgress);
      },
    });
    const summary = await createImportHandlers(ctx)['import.run']({ paths: [folder] });
    expect(summary.imported).toBe(60);
    // Scanning start, importing start and done are always sent; the rest at most every 50 ms.
    expect(progress.length).toBeLessThanOrEqual(Math.ceil(summary.elapsedMs / 50) + 3);
    const filesDone = progress.map((event) => event.filesDone);
    expect(filesDone).toEqual(filesDone.toSorted((a, b) => a - b));
    expect(progress.at(-1)).toMatchObject({ phase: 'done', filesDone: 60, filesTotal: 60, imported: 60, duplicates: 0, failed: 0 });
    ctx.db.close();
  });
});

describe('a broken extraction worker', () => {
  it('stops the import with an error instead of hanging, and records the run as interrupted', async () => {
    const folder = folderOfTextResumes('broken-worker', 3);
    const ctx = createServiceContext({ databasePath: ':memory:', extractWorkerUrl: new URL('file:///nonexistent/extract-worker.ts') });
    await expect(createImportHandlers(ctx)['import.run']({ paths: [folder] })).rejects.toThrow(/extraction worker could not start/);
    expect(rows<{ status: string }>(ctx, 'SELECT status FROM import_runs')).toEqual([{ status: 'interrupted' }]);
    ctx.db.close();
  });
});
