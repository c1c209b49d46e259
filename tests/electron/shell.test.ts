// The rest of the shell that runs without Electron: IPC registration and sender
// checks, the window-state file, the menu template.
import { describe, expect, test } from 'vitest';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { apiMethods, type ApiHandlers } from '../../contract/api.ts';
import { apiChannel, createChannelRegistry, createElectronDialogs, isTrustedSender, registerApi } from '../../main/electron/ipc.ts';
import { clampBounds, parseWindowState, readWindowState, writeWindowState } from '../../main/electron/window-state.ts';
import { buildMenuTemplate } from '../../main/electron/menu.ts';

const indexHtmlPath = '/opt/Shipped/out/renderer/index.html';
const indexUrl = pathToFileURL(indexHtmlPath).href;

function fakeIpcMain() {
  const handlers = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
  return {
    handlers,
    handle: (channel: string, listener: (event: unknown, payload: unknown) => Promise<unknown>) => {
      if (handlers.has(channel)) throw new Error('Electron would throw: second handler');
      handlers.set(channel, listener);
    },
    removeHandler: (channel: string) => void handlers.delete(channel),
  };
}

describe('IPC', () => {
  test('the registry refuses a duplicate channel', () => {
    const registry = createChannelRegistry(fakeIpcMain() as never);
    registry.handle('api:app.info', async () => null);
    expect(() => registry.handle('api:app.info', async () => null)).toThrow(/already registered/);
  });

  const webContents = { id: 1 };
  const window = { webContents };
  const handlers = Object.fromEntries(apiMethods.map((method) => [method, async (args: unknown) => ({ method, args })])) as unknown as ApiHandlers;

  test('one api:<method> channel per contract method, validated by dispatch', async () => {
    const ipcMain = fakeIpcMain();
    registerApi({ ipcMain: ipcMain as never, handlers, getWindow: () => window as never, indexHtmlPath });
    expect([...ipcMain.handlers.keys()].sort()).toEqual(apiMethods.map(apiChannel).sort());

    const trusted = { sender: webContents, senderFrame: { url: indexUrl } };
    const get = ipcMain.handlers.get('api:candidates.get');
    await expect(get?.(trusted, { id: 4 })).resolves.toEqual({ ok: true, value: { method: 'candidates.get', args: { id: 4 } } });
    await expect(get?.(trusted, { id: 'x' })).resolves.toMatchObject({ ok: false, error: expect.stringMatching(/^Invalid request for candidates.get/) });
  });

  test('calls from another frame, page or window are refused', async () => {
    const ipcMain = fakeIpcMain();
    registerApi({ ipcMain: ipcMain as never, handlers, getWindow: () => window as never, indexHtmlPath });
    const get = ipcMain.handlers.get('api:app.info');
    const refused = { ok: false, error: 'This request did not come from the Shipped window and was refused.' };
    await expect(get?.({ sender: webContents, senderFrame: { url: 'https://example.com/' } }, {})).resolves.toEqual(refused);
    await expect(get?.({ sender: { id: 2 }, senderFrame: { url: indexUrl } }, {})).resolves.toEqual(refused);
    await expect(get?.({ sender: webContents, senderFrame: null }, {})).resolves.toEqual(refused);
    expect(isTrustedSender({ sender: webContents as never, senderFrame: { url: indexUrl } }, null, indexHtmlPath)).toBe(false);
  });

  test('native dialogs map to the contract answers', async () => {
    const calls: unknown[] = [];
    const dialog = {
      showOpenDialog: async (...args: unknown[]) => {
        calls.push(args.at(-1));
        return { canceled: false, filePaths: ['/home/r/cvs', '/home/r/more'] };
      },
      showSaveDialog: async () => ({ canceled: true, filePath: '' }),
    };
    const dialogs = createElectronDialogs(dialog as never, () => null);
    await expect(dialogs.chooseImportFolders()).resolves.toEqual(['/home/r/cvs', '/home/r/more']);
    expect(calls[0]).toMatchObject({ properties: ['openDirectory', 'multiSelections'] });
    await expect(dialogs.chooseSavePath('brief.pdf', 'pdf-file')).resolves.toBeNull();
  });
});

describe('window state', () => {
  const primary = { x: 0, y: 0, width: 1920, height: 1040 };
  const second = { x: 1920, y: 0, width: 1280, height: 1024 };

  test('invalid or hostile files fall back to defaults', () => {
    expect(parseWindowState(null)).toEqual({ isMaximized: false, theme: 'system' });
    expect(parseWindowState('{not json')).toEqual({ isMaximized: false, theme: 'system' });
    expect(parseWindowState('{"bounds":{"x":"0","y":0,"width":10,"height":10}}')).toEqual({ isMaximized: false, theme: 'system' });
    expect(parseWindowState('{"bounds":{"x":1e12,"y":0,"width":800,"height":600}}')).toEqual({ isMaximized: false, theme: 'system' });
    expect(parseWindowState('{"theme":"dark","isMaximized":true}')).toEqual({ theme: 'dark', isMaximized: true });
  });

  test('bounds are kept on the display they overlap and clamped into it', () => {
    expect(clampBounds({ x: 100, y: 50, width: 1200, height: 800 }, [primary, second])).toEqual({ x: 100, y: 50, width: 1200, height: 800 });
    expect(clampBounds({ x: 2500, y: 600, width: 1000, height: 800 }, [primary, second])).toEqual({ x: 2200, y: 224, width: 1000, height: 800 });
    expect(clampBounds({ x: 1700, y: 0, width: 3000, height: 2000 }, [primary, second])).toEqual({ x: 1920, y: 0, width: 1280, height: 1024 });
  });

  test('a window on an unplugged monitor comes back on the primary display', () => {
    const bounds = clampBounds({ x: 5000, y: 3000, width: 1200, height: 800 }, [primary]);
    expect(bounds).toEqual({ width: 1200, height: 800 });
    expect(clampBounds(undefined, [primary])).toEqual({ width: 1280, height: 800 });
    expect(clampBounds(undefined, [{ x: 0, y: 0, width: 1024, height: 700 }])).toEqual({ width: 1024, height: 700 });
  });

  test('round-trips through the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipped-window-'));
    try {
      const file = join(dir, 'window-state.json');
      writeWindowState(file, { bounds: { x: 10, y: 20, width: 1000, height: 700 }, isMaximized: false, theme: 'light' });
      expect(readWindowState(file)).toEqual({ bounds: { x: 10, y: 20, width: 1000, height: 700 }, isMaximized: false, theme: 'light' });
      writeFileSync(file, 'garbage');
      expect(readWindowState(file)).toEqual({ isMaximized: false, theme: 'system' });
      expect(readWindowState(join(dir, 'missing.json'))).toEqual({ isMaximized: false, theme: 'system' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('menu', () => {
  const actions = { send: () => {}, setTheme: () => {}, currentTheme: () => 'system' as const, showAbout: () => {} };
  type Item = { label?: string; role?: string; accelerator?: string; submenu?: Item[] };
  const flatten = (items: Item[]): Item[] => items.flatMap((item) => [item, ...flatten(item.submenu ?? [])]);

  test('File → Import Folder… on CmdOrCtrl+O, and the usual top-level menus', () => {
    const template = buildMenuTemplate('linux', false, actions) as Item[];
    expect(template.map((item) => item.label)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
    expect(flatten(template).find((item) => item.label === 'Import Folder…')?.accelerator).toBe('CmdOrCtrl+O');
    expect(flatten(template).some((item) => item.role === 'zoomIn')).toBe(true);
  });

  test('reload and devtools only in development', () => {
    const roles = (isDev: boolean) => flatten(buildMenuTemplate('linux', isDev, actions) as Item[]).map((item) => item.role);
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('reload');
  });

  test('macOS gets the app menu first', () => {
    expect((buildMenuTemplate('darwin', false, actions) as Item[])[0]?.role).toBe('appMenu');
  });
});
