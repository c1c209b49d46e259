import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createServiceContext } from '../../main/services/create-context.ts';
import { createHandlers } from '../../main/api/handlers.ts';
import { dispatch } from '../../main/api/dispatch.ts';
import { autoBackupsKept, backupIfDue, listBackups, verifyBackup } from '../../main/data/backup.ts';
import { backupFileName } from '../../main/data/backup-file.ts';
import { runCli } from '../../main/cli/main.ts';
import type { ServiceContext } from '../../main/services/context.ts';
import { makeTempDir, resumeToText, syntheticResume, type TempDir } from '../import/fixtures.ts';

const dirs: TempDir[] = [];
const contexts: ServiceContext[] = [];
afterEach(() => {
  for (const ctx of contexts.splice(0)) if (ctx.db.open) ctx.db.close();
  for (const dir of dirs.splice(0)) dir.remove();
});

async function withCandidates(count: number, now = () => new Date()) {
  const dir = makeTempDir('shipped-backup-');
  dirs.push(dir);
  for (let index = 0; index < count; index++) dir.file(`in/p${index}.txt`, resumeToText(syntheticResume(index)));
  const ctx = createServiceContext({ databasePath: join(dir.path, 'data', 'shipped.db'), now });
  contexts.push(ctx);
  const api = createHandlers(ctx);
  await api['import.run']({ paths: [join(dir.path, 'in')] });
  return { dir, ctx, api };
}

const names = async (api: ReturnType<typeof createHandlers>) =>
  (await api['candidates.list']({})).map((candidate) => candidate.name);

describe('backups', () => {
  it('backs up now, restores it after a change, and keeps the replaced database aside', async () => {
    const { ctx, api } = await withCandidates(3);
    const before = await names(api);
    const backup = await api['backups.create']({});
    expect(backup).toMatchObject({ candidateCount: 3, schemaVersion: expect.any(Number) });
    expect(backup.path.startsWith(join(ctx.backupsFolder, 'shipped-'))).toBe(true);
    expect(await api['backups.list']({})).toEqual([expect.objectContaining({ fileName: backup.fileName, sizeBytes: backup.sizeBytes })]);

    await api['candidates.delete']({ id: 1, isSuppressing: false });
    expect(await names(api)).toHaveLength(2);
    const restored = await api['backups.restore']({ fileName: backup.fileName });
    // The same open connection sees the restored data: no restart needed.
    expect(await names(api)).toEqual(before);
    expect(restored.candidateCount).toBe(3);
    expect(existsSync(restored.previousKeptAt)).toBe(true);
    expect(verifyBackup(restored.previousKeptAt).candidateCount).toBe(2);
    const actions = (await api['audit.list']({ limit: 10 })).map((entry) => entry.action);
    expect(actions[0]).toBe('restore');
  });

  it('refuses a damaged backup, one from a newer Shipped, and a name outside the backups folder, changing nothing', async () => {
    const { ctx, api } = await withCandidates(2);
    const handlers = createHandlers(ctx);
    const garbage = backupFileName('manual', new Date('2026-01-01T00:00:00Z'));
    const newer = backupFileName('manual', new Date('2026-01-02T00:00:00Z'));
    const { mkdirSync } = await import('node:fs');
    mkdirSync(ctx.backupsFolder, { recursive: true });
    writeFileSync(join(ctx.backupsFolder, garbage), Buffer.alloc(4096, 1));
    const future = new Database(join(ctx.backupsFolder, newer));
    future.exec('CREATE TABLE candidates (id INTEGER PRIMARY KEY)');
    future.pragma('user_version = 999');
    future.close();

    expect(await dispatch(handlers, 'backups.restore', { fileName: garbage })).toEqual({
      ok: false,
      error: `"${garbage}" cannot be read (it is damaged, not a database, or encrypted with a different key), so nothing was restored.`,
    });
    const refusedNewer = await dispatch(handlers, 'backups.restore', { fileName: newer });
    expect(refusedNewer.ok ? '' : refusedNewer.error).toMatch(/was written by a newer version of Shipped \(schema 999; .*nothing was restored/);
    expect(await dispatch(handlers, 'backups.restore', { fileName: '../shipped.db' })).toMatchObject({ ok: false, error: expect.stringContaining('not a backup file name') });
    expect(await dispatch(handlers, 'backups.restore', { fileName: 'shipped-2026-01-03T000000000Z-manual.db' })).toMatchObject({
      ok: false,
      error: expect.stringContaining('There is no backup called'),
    });
    expect(await names(api)).toHaveLength(2);
    expect(readdirSync(ctx.backupsFolder).filter((name) => name.includes('before-restore'))).toEqual([]);
  });

  it('makes one automatic backup a day and keeps the last seven', async () => {
    let day = 0;
    const now = () => new Date(Date.UTC(2026, 11, 1 + day, 9, 0, 0));
    const { ctx } = await withCandidates(1, now);
    const target = { db: ctx.db, backupsFolder: ctx.backupsFolder, actor: ctx.actor, now };
    for (day = 0; day < 10; day++) {
      expect(await backupIfDue(target)).not.toBeNull();
      expect(await backupIfDue(target)).toBeNull(); // the same day again: not due
    }
    const kept = listBackups(ctx.backupsFolder);
    expect(kept).toHaveLength(autoBackupsKept);
    expect(kept.map((backup) => backup.createdAt.slice(0, 10))).toEqual(
      ['2026-12-10', '2026-12-09', '2026-12-08', '2026-12-07', '2026-12-06', '2026-12-05', '2026-12-04'],
    );
  });

  it('shipped backup --out and shipped restore bring a damaged database back', async () => {
    const { ctx, dir } = await withCandidates(2);
    ctx.db.close();
    const io = { out: () => {}, err: () => {}, isInteractive: false };
    const out = join(dir.path, 'copy.db');
    expect(await runCli(['backup', '--out', out, '--db', ctx.databasePath], io)).toBe(0);
    expect(await runCli(['backup', '--out', out, '--db', ctx.databasePath], io)).toBe(2); // never overwrites

    // The database is now garbage: restore moves it aside as it is and puts the backup in its place.
    for (const suffix of ['-wal', '-shm']) if (existsSync(`${ctx.databasePath}${suffix}`)) writeFileSync(`${ctx.databasePath}${suffix}`, '');
    writeFileSync(ctx.databasePath, Buffer.alloc(8192, 0x33));
    const lines: string[] = [];
    expect(await runCli(['restore', out, '--db', ctx.databasePath], { ...io, out: (text) => lines.push(text) })).toBe(0);
    expect(lines.join('\n')).toMatch(/^Restored 2 candidates from .*copy\.db\. The previous database is kept at .*-damaged\.db\.kept\.$/);
    const reopened = createServiceContext({ databasePath: ctx.databasePath });
    contexts.push(reopened);
    expect(await names(createHandlers(reopened))).toHaveLength(2);
  });
});

describe('opening a damaged store in the app', () => {
  it('offers the latest backup, and restoring it opens the app on the backup', async () => {
    const { openForApp, restoreAndOpen } = await import('../../main/data/recovery.ts');
    const { ctx, api } = await withCandidates(2);
    await api['backups.create']({});
    ctx.db.close();
    for (const suffix of ['-wal', '-shm']) if (existsSync(`${ctx.databasePath}${suffix}`)) writeFileSync(`${ctx.databasePath}${suffix}`, '');
    writeFileSync(ctx.databasePath, Buffer.alloc(8192, 0x44));

    const outcome = openForApp({ databasePath: ctx.databasePath });
    expect(outcome.kind).toBe('damaged');
    if (outcome.kind !== 'damaged' || !outcome.latestBackup) throw new Error('expected a damaged store with a backup');
    expect(outcome.message).toMatch(/^The database cannot be read: it is encrypted \(give its key in SHIPPED_DB_KEY\) or it is damaged\. Nothing was changed\. If it is damaged, restore the latest backup \(the latest is from \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\)\./);
    const reopened = await restoreAndOpen({ databasePath: ctx.databasePath }, outcome.latestBackup);
    if (reopened.kind !== 'open') throw new Error(`expected the store to open: ${JSON.stringify(reopened)}`);
    contexts.push(reopened.ctx);
    expect(await names(createHandlers(reopened.ctx))).toHaveLength(2);
  });
});
