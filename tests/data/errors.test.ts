// Storage failures told as they are, in the app (dispatch) and the CLI, with a log file the
// message points to and that holds no resume text.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { driver } from '../../db/driver.ts';
import { dispatch } from '../../main/api/dispatch.ts';
import { createHandlers } from '../../main/api/handlers.ts';
import { createServiceContext } from '../../main/services/create-context.ts';
import { configureLogFile, redactForLog } from '../../main/logger.ts';
import { runCli } from '../../main/cli/main.ts';
import { openDatabase } from '../../db/open.ts';
import type { ServiceContext } from '../../main/services/context.ts';
import { makeTempDir, resumeToText, syntheticResume } from '../import/fixtures.ts';

const dir = makeTempDir('shipped-errors-');
const logPath = join(dir.path, 'logs', 'shipped.log');
afterAll(() => {
  configureLogFile(null);
  dir.remove();
});
const contexts: ServiceContext[] = [];
afterEach(() => {
  for (const ctx of contexts.splice(0)) if (ctx.db.open) ctx.db.close();
});

function context(name: string): ServiceContext {
  const ctx = createServiceContext({ databasePath: join(dir.path, `${name}.db`) });
  contexts.push(ctx);
  return ctx;
}

async function cli(...argv: string[]): Promise<{ code: number; err: string }> {
  const err: string[] = [];
  const code = await runCli(argv, { out: () => {}, err: (text) => err.push(text), isInteractive: false }, {});
  return { code, err: err.join('\n') };
}

describe('what the recruiter is told', () => {
  it('disk full during an import: how many files were not saved, that the rest were, and that nothing else changed', async () => {
    configureLogFile({ path: logPath });
    for (let index = 0; index < 120; index++) dir.file(`full/person-${index}.txt`, resumeToText(syntheticResume(index)));
    const ctx = context('full');
    // A database that may not grow by more than 60 pages (240 KB) stands in for a full disk.
    const pages = Number(ctx.db.pragma('page_count', { simple: true }));
    ctx.db.pragma(`max_page_count = ${pages + 60}`);
    const response = await dispatch(createHandlers(ctx), 'import.run', { paths: [join(dir.path, 'full')] });
    expect(response.ok).toBe(false);
    const message = response.ok ? '' : response.error;
    const match = /^The disk is full; the last (\d+) files were not saved \(the (\d+) imported before them were\); nothing else changed\. Free some space and import again: files already imported are skipped\. Details are in the log: (.+)$/.exec(message);
    expect(match, message).not.toBeNull();
    const [, unsaved, saved, pointedLog] = match ?? [];
    expect(Number(unsaved)).toBeGreaterThan(0);
    expect(Number(saved)).toBeGreaterThan(0);
    expect(pointedLog).toBe(logPath);
    // "Nothing else changed": exactly the files reported saved are stored, and the store is whole.
    expect(ctx.db.prepare('SELECT count(*) AS n FROM candidates').get()).toEqual({ n: Number(saved) });
    expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');

    const log = readFileSync(logPath, 'utf8');
    expect(log).toContain('SQLITE_FULL');
    const spec = syntheticResume(0);
    for (const secret of [spec.name, spec.contact[0] ?? '', 'person-0.txt', 'Operate 3 models in production', dir.path]) expect(log).not.toContain(secret);
  });

  it('disk full on a single change', async () => {
    const ctx = context('full-one');
    const handlers = createHandlers(ctx);
    dir.file('one/a.txt', resumeToText(syntheticResume(1)));
    await dispatch(handlers, 'import.run', { paths: [join(dir.path, 'one')] });
    ctx.db.pragma(`max_page_count = ${Number(ctx.db.pragma('page_count', { simple: true }))}`);
    const response = await dispatch(handlers, 'candidates.setNotes', { id: 1, notes: 'x'.repeat(20_000) });
    expect(response).toEqual({
      ok: false,
      error: `The disk is full, so this change was not saved; nothing else changed. Free some space and try again. Details are in the log: ${logPath}`,
    });
  });

  it('a read-only database', async () => {
    const writable = context('read-only');
    writable.db.close();
    const ctx = { ...writable, db: openDatabase(writable.databasePath, { readonly: true }) };
    contexts.push(ctx);
    const response = await dispatch(createHandlers(ctx), 'settings.update', { recruiterName: 'Sam' });
    expect(response).toEqual({
      ok: false,
      error:
        'Shipped cannot write to its database: the file or its folder is read-only (or the disk is mounted read-only). ' +
        `Nothing was changed. Check the permissions of the data folder and try again. Details are in the log: ${logPath}`,
    });
  });

  it('a database another process keeps locked', async () => {
    const ctx = context('locked');
    // The same SQLite build as the store's: two builds in one process do not see each other's locks.
    const other = new (driver().Database)(ctx.databasePath);
    try {
      other.exec('BEGIN IMMEDIATE');
      ctx.db.pragma('busy_timeout = 20');
      const response = await dispatch(createHandlers(ctx), 'settings.update', { recruiterName: 'Sam' });
      expect(response.ok ? '' : response.error).toMatch(
        /^The database is busy: another Shipped \(the app or a "shipped" command\) kept it locked for more than 10 seconds\. Nothing was changed; try again once it has finished\./,
      );
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });

  it('a damaged database: the CLI says so and how to restore, not "cannot open the database"', async () => {
    const garbage = join(dir.path, 'garbage', 'shipped.db');
    dir.file('garbage/shipped.db', Buffer.alloc(8192, 0x5a));
    const result = await cli('list', '--db', garbage);
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      'shipped list: The database cannot be read: it is encrypted (give its key in SHIPPED_DB_KEY) or it is damaged. Nothing was changed. ' +
        `If it is damaged, restore the latest backup: shipped restore FILE (the automatic backups are in ${join(dir.path, 'garbage', 'backups')}). ` +
        `Details are in the log: ${join(dir.path, 'garbage', 'logs', 'shipped.log')}`,
    );
    expect(readFileSync(garbage)).toEqual(Buffer.alloc(8192, 0x5a));
  });

  it('quick_check on open finds damage inside an otherwise valid file', () => {
    const ctx = context('damaged');
    for (let index = 0; index < 200; index++) ctx.db.prepare(`INSERT INTO settings (key, value_json) VALUES (?, ?)`).run(`k${index}`, JSON.stringify('v'.repeat(400)));
    ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    ctx.db.close();
    const bytes = readFileSync(ctx.databasePath);
    // Scribble over the last pages (the settings table's), keeping the header and the schema.
    bytes.fill(0x7f, bytes.length - 4096 * 6, bytes.length - 4096);
    writeFileSync(ctx.databasePath, bytes);
    expect(() => openDatabase(ctx.databasePath, { isQuickChecked: true })).toThrow(expect.objectContaining({ code: 'SQLITE_CORRUPT' }));
  });
});

describe('the log file', () => {
  it('keeps addresses, numbers, paths and file names out', () => {
    expect(redactForLog('reading /home/sam/Resumes/Jane Doe/jane_doe_cv.pdf, for jane.doe@example.com, +1 (512) 555-0199')).toBe(
      'reading <path>, for <email>, <number>',
    );
    expect(redactForLog('extracting Jane Doe CV.pdf failed inside the worker')).toBe('<file> failed inside the worker');
  });

  it('rotates: the current file and three older ones, each a bounded size', async () => {
    const rotating = join(dir.path, 'rotate', 'shipped.log');
    configureLogFile({ path: rotating, maxBytes: 2000, keep: 3 });
    const { createLogger } = await import('../../main/logger.ts');
    const log = createLogger('test');
    for (let index = 0; index < 200; index++) log.info(`line ${index} ${'x'.repeat(50)}`);
    configureLogFile({ path: logPath });
    const { readdirSync, statSync } = await import('node:fs');
    const files = readdirSync(join(dir.path, 'rotate')).sort();
    expect(files).toEqual(['shipped.log', 'shipped.log.1', 'shipped.log.2', 'shipped.log.3']);
    for (const file of files) expect(statSync(join(dir.path, 'rotate', file)).size).toBeLessThan(2200);
    expect(readFileSync(rotating, 'utf8')).toContain('line 199');
  });
});
