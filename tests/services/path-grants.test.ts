// The app reads and writes only paths it handed out (its dialogs, a drop); the CLI takes any.
import { afterAll, describe, expect, test } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createServiceContext } from '../../main/services/create-context.ts';
import { createHandlers } from '../../main/api/handlers.ts';
import { dispatch } from '../../main/api/dispatch.ts';
import { anyPath, createPathGrants } from '../../main/services/path-grants.ts';
import { dropGrantChannel, registerDropGrants } from '../../main/electron/ipc.ts';

const dir = mkdtempSync(join(tmpdir(), 'shipped-grants-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function appContext(answers: { importFolders: string[] | null; savePath: string | null }) {
  return createServiceContext({
    databasePath: ':memory:',
    pathGrants: createPathGrants(),
    dialogs: { chooseImportFolders: async () => answers.importFolders, chooseSavePath: async () => answers.savePath },
  });
}

describe('path grants', () => {
  test('a grant is exact (after resolving . and ..) and per use', () => {
    const grants = createPathGrants();
    grants.grant(['/home/r/resumes'], 'read');
    expect(() => grants.require('/home/r/resumes/../resumes/.', 'read')).not.toThrow();
    expect(() => grants.require('/home/r', 'read')).toThrow(/was not chosen in a Shipped dialog or dropped on the window/);
    expect(() => grants.require('/home/r/resumes', 'write')).toThrow(/Save dialog/);
    expect(() => anyPath.require('/etc/passwd', 'read')).not.toThrow();
  });

  test('import.run and analysis.analyzeFiles refuse a path the renderer made up, with a clear message', async () => {
    const handlers = createHandlers(appContext({ importFolders: null, savePath: null }));
    const run = await dispatch(handlers, 'import.run', { paths: ['/etc'] });
    expect(run).toEqual({ ok: false, error: expect.stringMatching(/^Shipped did not open "\/etc" because it was not chosen in a Shipped dialog or dropped on the window\./) });
    const analyze = await dispatch(handlers, 'analysis.analyzeFiles', { paths: ['/etc/passwd'] });
    expect(analyze.ok).toBe(false);
  });

  test('a folder chosen in the import dialog may be imported; one path not chosen in a list refuses the whole list', async () => {
    const folder = join(dir, 'chosen');
    rmSync(folder, { recursive: true, force: true });
    const ctx = appContext({ importFolders: [folder], savePath: null });
    const handlers = createHandlers(ctx);
    expect(await handlers['dialog.chooseImportFolders']({})).toEqual([folder]);
    await expect(handlers['import.run']({ paths: [folder, '/etc'] })).rejects.toThrow(/"\/etc"/);
    // Granted: the refusal now is the import's own (the folder does not exist), not the grant's.
    await expect(handlers['import.run']({ paths: [folder] })).rejects.toThrow(/does not exist/);
  });

  test('briefs.export writes only where a Save dialog pointed; an import grant is not a write grant', async () => {
    const target = join(dir, 'out', 'brief.pdf');
    const ctx = appContext({ importFolders: [join(dir, 'out')], savePath: target });
    const handlers = createHandlers(ctx);
    await handlers['dialog.chooseImportFolders']({});
    const refused = await dispatch(handlers, 'briefs.export', { candidateIds: [1], isBlind: false, target: { kind: 'folder', dir: join(dir, 'out') } });
    expect(refused).toEqual({ ok: false, error: expect.stringContaining('Save dialog') });
    const other = await dispatch(handlers, 'briefs.export', { candidateIds: [1], isBlind: false, target: { kind: 'file', path: join(dir, '.bashrc') } });
    expect(other.ok).toBe(false);
    expect(existsSync(join(dir, '.bashrc'))).toBe(false);
    await handlers['dialog.chooseSavePath']({ defaultName: 'brief.pdf', kind: 'pdf-file' });
    // Granted: now the export gets as far as the candidate (there is none).
    await expect(handlers['briefs.export']({ candidateIds: [1], isBlind: false, target: { kind: 'file', path: target } })).rejects.toThrow(/Candidate 1 does not exist/);
  });

  test('candidates.get reads only the database: the resume file can be gone', async () => {
    const folder = join(dir, 'to-remove');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'cv.txt'), 'Pat Example\npat@example.com\nMLOps Engineer\nKubernetes, MLflow');
    const ctx = appContext({ importFolders: [folder], savePath: null });
    const handlers = createHandlers(ctx);
    await handlers['dialog.chooseImportFolders']({});
    const [id] = (await handlers['import.run']({ paths: [folder] })).candidateIds;
    rmSync(folder, { recursive: true });
    const detail = await handlers['candidates.get']({ id: id ?? 0 });
    expect(detail.resumeText).toContain('pat@example.com');
    ctx.db.close();
  });

  test('the CLI context (no grants given) takes any path', async () => {
    const handlers = createHandlers(createServiceContext({ databasePath: ':memory:' }));
    await expect(handlers['import.run']({ paths: [join(dir, 'missing')] })).rejects.toThrow(/does not exist/);
  });
});

describe('drop grants (the preload registers dropped paths in the main process)', () => {
  const indexHtmlPath = '/opt/Shipped/out/renderer/index.html';
  const webContents = { id: 1 };
  const window = { webContents };
  const trusted = { sender: webContents, senderFrame: { url: pathToFileURL(indexHtmlPath).href } };

  function setUp() {
    const listeners = new Map<string, (event: { returnValue?: unknown }, payload: unknown) => void>();
    const pathGrants = createPathGrants();
    registerDropGrants({ ipcMain: { on: (channel: string, listener: never) => listeners.set(channel, listener) } as never, pathGrants, getWindow: () => window as never, indexHtmlPath });
    const send = (event: object, payload: unknown) => {
      const withReturn = { ...event } as { returnValue?: unknown };
      listeners.get(dropGrantChannel)?.(withReturn as never, payload);
      return withReturn.returnValue;
    };
    return { pathGrants, send };
  }

  test('dropped paths from the app window become readable, not writable', () => {
    const { pathGrants, send } = setUp();
    expect(send(trusted, ['/home/r/Downloads/cv.pdf'])).toBe(true);
    expect(() => pathGrants.require('/home/r/Downloads/cv.pdf', 'read')).not.toThrow();
    expect(() => pathGrants.require('/home/r/Downloads/cv.pdf', 'write')).toThrow('was not chosen in a Shipped dialog');
  });

  test('a grant from another frame or sender, or a malformed one, is refused', () => {
    const { pathGrants, send } = setUp();
    expect(send({ sender: webContents, senderFrame: { url: 'https://example.com/' } }, ['/etc'])).toBe(false);
    expect(send({ sender: { id: 2 }, senderFrame: trusted.senderFrame }, ['/etc'])).toBe(false);
    expect(send(trusted, '/etc')).toBe(false);
    expect(send(trusted, ['/etc', 7])).toBe(false);
    expect(send(trusted, ['/etc/\u0000x'])).toBe(false);
    expect(() => pathGrants.require('/etc', 'read')).toThrow('Shipped did not open "/etc"');
  });
});
