// IPC: one `api:<method>` channel per contract method, each validated by
// dispatch() and answered only for the app's own window; events go out as
// `event:<name>`; the shell dialogs are Electron's native ones.
import type { BrowserWindow, Dialog, IpcMain, IpcMainInvokeEvent } from 'electron';
import { apiMethods, type ApiEventName, type ApiEvents, type ApiHandlers, type ApiResponse } from '../../contract/api.ts';
import { dispatch } from '../api/dispatch.ts';
import type { ShellDialogs } from '../services/context.ts';
import type { PathGrants } from '../services/path-grants.ts';
import { isAppIndexUrl } from './security.ts';
import { createLogger } from '../logger.ts';

const log = createLogger('ipc');

export const apiChannel = (method: string): string => `api:${method}`;
export const eventChannel = (event: ApiEventName): string => `event:${event}`;

/** A registry of IPC handlers that refuses to register a channel twice. */
export function createChannelRegistry(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>) {
  const registered = new Set<string>();
  return {
    handle(channel: string, listener: (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>): void {
      if (registered.has(channel)) throw new Error(`IPC channel ${channel} is already registered`);
      registered.add(channel);
      ipcMain.handle(channel, listener);
    },
    channels(): string[] {
      return [...registered];
    },
    removeAll(): void {
      for (const channel of registered) ipcMain.removeHandler(channel);
      registered.clear();
    },
  };
}

type SenderEvent = Pick<IpcMainInvokeEvent, 'sender'> & { senderFrame: { url: string } | null };

/** Only the main window's top frame, showing the app's own index.html, may call the API. */
export function isTrustedSender(event: SenderEvent, window: Pick<BrowserWindow, 'webContents'> | null, indexHtmlPath: string): boolean {
  if (!window || event.sender !== window.webContents) return false;
  const url = event.senderFrame?.url;
  return typeof url === 'string' && isAppIndexUrl(url, indexHtmlPath);
}

export interface IpcOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  handlers: ApiHandlers;
  getWindow(): BrowserWindow | null;
  indexHtmlPath: string;
}

export function registerApi({ ipcMain, handlers, getWindow, indexHtmlPath }: IpcOptions) {
  const registry = createChannelRegistry(ipcMain);
  for (const method of apiMethods) {
    registry.handle(apiChannel(method), async (event, payload): Promise<ApiResponse<unknown>> => {
      if (!isTrustedSender(event, getWindow(), indexHtmlPath)) {
        log.warn('refused an API call from an untrusted sender', { method });
        return { ok: false, error: 'This request did not come from the Shipped window and was refused.' };
      }
      return dispatch(handlers, method, payload);
    });
  }
  return registry;
}

/** The preload's private channel for dropped files' paths; not part of window.shipped. */
export const dropGrantChannel = 'grant:dropped-paths';

/**
 * Registers the paths of files dropped on the window as readable (import/analyze only).
 *
 * Why this is trusted: only the preload can send on this channel. The page has no
 * ipcRenderer (contextIsolation + sandbox) and reaches the preload only through
 * window.shipped.pathsForDroppedFiles, which asks webUtils.getPathForFile; a File that
 * script builds itself (new File(...)) has no path there, so script in the page can only
 * name files a person dropped or picked. What stays possible: a renderer compromised
 * below JavaScript (native code) can send anything on any channel; for that case a drop
 * grants reading only, never writing (briefs go only where a Save dialog pointed).
 */
export function registerDropGrants(options: {
  ipcMain: Pick<IpcMain, 'on'>;
  pathGrants: PathGrants;
  getWindow(): BrowserWindow | null;
  indexHtmlPath: string;
}): void {
  options.ipcMain.on(dropGrantChannel, (event, paths: unknown) => {
    const isValid =
      Array.isArray(paths) &&
      paths.length <= 1000 &&
      paths.every((path) => typeof path === 'string' && path.length > 0 && path.length <= 4096 && !path.includes('\0'));
    if (!isTrustedSender(event as SenderEvent, options.getWindow(), options.indexHtmlPath) || !isValid) {
      log.warn('refused a dropped-paths grant', { isValid });
      event.returnValue = false;
      return;
    }
    options.pathGrants.grant(paths as string[], 'read');
    event.returnValue = true;
  });
}

/** ctx.emit for the app: sends `event:<name>` to the window, if it is still open. */
export function createEmitter(getWindow: () => BrowserWindow | null) {
  return <E extends ApiEventName>(event: E, payload: ApiEvents[E]): void => {
    const window = getWindow();
    if (!window || window.isDestroyed() || window.webContents.isDestroyed()) return;
    window.webContents.send(eventChannel(event), payload);
  };
}

export function createElectronDialogs(dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>, getWindow: () => BrowserWindow | null): ShellDialogs {
  return {
    async chooseImportFolders() {
      const window = getWindow();
      const options = {
        title: 'Import resumes',
        buttonLabel: 'Import',
        properties: ['openDirectory', 'multiSelections'] as Array<'openDirectory' | 'multiSelections'>,
      };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled || result.filePaths.length === 0 ? null : result.filePaths;
    },
    async chooseSavePath(defaultName, kind) {
      const window = getWindow();
      if (kind === 'folder') {
        const options = {
          title: 'Choose a folder for the briefs',
          buttonLabel: 'Export here',
          properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'>,
        };
        const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      }
      const options = { title: 'Export brief', defaultPath: defaultName, filters: [{ name: 'PDF', extensions: ['pdf'] }] };
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
