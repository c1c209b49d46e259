// The Electron entry: thin on purpose. Everything the app does lives in the
// services (main/*), reached through the same handlers as the CLI and tests.
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, safeStorage, screen, session } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ContextOptions } from '../services/create-context.ts';
import { openForApp, restoreAndOpen, type OpenOutcome } from '../data/recovery.ts';
import { backupIfDue, listBackups } from '../data/backup.ts';
import { quickCheckInWorker } from '../data/check.ts';
import { loadOrCreateAppKey } from '../data/app-key.ts';
import { encryptInPlace } from '../data/encryption.ts';
import { safeStorageKeyStore } from './db-key.ts';
import { driver } from '../../db/driver.ts';
import { isPlainDatabaseFile, type DatabaseKey } from '../../db/open.ts';
import { createHandlers } from '../api/handlers.ts';
import type { ServiceContext } from '../services/context.ts';
import type { MenuCommand } from '../../contract/api.ts';
import { guardApp, guardSession } from './security.ts';
import { createElectronDialogs, createEmitter, eventChannel, registerApi, registerDropGrants } from './ipc.ts';
import { createPathGrants } from '../services/path-grants.ts';
import { securePrivateFolder } from '../paths.ts';
import { buildMenuTemplate } from './menu.ts';
import { clampBounds, minimumSize, readWindowState, writeWindowState, type ThemeSource, type WindowState } from './window-state.ts';
import { configureLogFile, createLogger } from '../logger.ts';

const log = createLogger('electron');

app.setName('Shipped'); // userData = ~/.config/Shipped, shared with the CLI (main/paths.ts)

const outFolder = fileURLToPath(new URL('../', import.meta.url)); // out/
const rendererFolder = join(outFolder, 'renderer');
const indexHtmlPath = join(rendererFolder, 'index.html');
const preloadPath = join(outFolder, 'preload', 'index.cjs');
const extractWorkerUrl = new URL('./extract-worker.js', import.meta.url);
const briefWorkerUrl = new URL('./brief-worker.js', import.meta.url);
const checkWorkerUrl = new URL('./check-worker.js', import.meta.url);
const isDev = !app.isPackaged;
const securityOptions = { indexHtmlPath, rendererFolder };

let mainWindow: BrowserWindow | null = null;
let ctx: ServiceContext | null = null;
const getWindow = () => mainWindow;

/** Data shipped beside the app: electron-builder extraResources when packaged, the repository's resources/ in development. */
function resourceFolder(name: 'samples' | 'fonts'): string {
  return app.isPackaged ? join(process.resourcesPath, name) : fileURLToPath(new URL(`../../resources/${name}/`, import.meta.url));
}

function stateFile(): string {
  return join(app.getPath('userData'), 'window-state.json');
}

/**
 * The key the store is opened with, encrypting a plain store first. Whatever goes wrong, a plain
 * store stays usable: the app then runs unencrypted and says why (encryptionProblem).
 */
async function prepareEncryption(databasePath: string, backupsFolder: string): Promise<{ key: DatabaseKey | null; problem: string | null }> {
  const cipher = driver();
  if (!cipher.canEncrypt) return { key: null, problem: cipher.problem };
  const appKey = loadOrCreateAppKey(app.getPath('userData'), safeStorageKeyStore(safeStorage));
  if (appKey.key === null) return { key: null, problem: appKey.problem };
  if (isPlainDatabaseFile(databasePath)) {
    try {
      await encryptInPlace({ databasePath, backupsFolder, key: appKey.key, actor: 'app', now: () => new Date() });
    } catch (error) {
      log.error('encrypting the database failed; it stays plain', error);
      return { key: null, problem: 'Encrypting the data file failed, so it stays unencrypted for now; Shipped tries again at the next start.' };
    }
  }
  return { key: appKey.key, problem: null };
}

/** Opens the store; a damaged one offers its latest backup. Null when the app cannot go on. */
async function openStore(options: ContextOptions): Promise<ServiceContext | null> {
  let outcome: OpenOutcome = openForApp(options);
  if (outcome.kind === 'damaged' && outcome.latestBackup) {
    const choice = await dialog.showMessageBox({
      type: 'error',
      title: 'Shipped’s data is damaged',
      message: 'The database is damaged.',
      detail: `${outcome.message}\n\nRestoring puts the backup in its place; the damaged file is kept in the backups folder.`,
      buttons: ['Restore the latest backup', 'Quit'],
      defaultId: 0,
      cancelId: 1,
    });
    if (choice.response !== 0) return null;
    outcome = await restoreAndOpen(options, outcome.latestBackup);
  }
  if (outcome.kind === 'open') return outcome.ctx;
  // A database from a newer Shipped, a damaged one with no backup, a read-only folder: say so and stop, touching nothing.
  dialog.showErrorBox('Shipped cannot open its data', outcome.message);
  return null;
}

/**
 * The start-up quick_check, off the main thread. On damage, offers the latest backup; restoring
 * swaps the store under the handlers (they read ctx.db per call) and reloads the window.
 */
async function checkStoreInBackground(options: ContextOptions): Promise<void> {
  let problems: string[];
  try {
    problems = await quickCheckInWorker(checkWorkerUrl, options.databasePath, options.key ?? null);
  } catch (error) {
    log.error('the start-up database check could not run', error);
    return;
  }
  if (problems.length === 0 || !ctx) return;
  log.error('the start-up database check found damage', { problems: problems.length });
  const latest = listBackups(ctx.backupsFolder).find((backup) => !backup.fileName.includes('before-restore')) ?? null;
  const window = getWindow();
  const detail = latest
    ? `Shipped found damage in its database. Restoring the latest backup (${latest.createdAt.slice(0, 16).replace('T', ' ')} UTC) puts it in its place; the damaged file is kept in the backups folder.`
    : 'Shipped found damage in its database and has no backup to restore yet. What can still be read stays available: export the briefs you need.';
  const buttons = latest ? ['Restore the latest backup', 'Keep working'] : ['OK'];
  const messageOptions = { type: 'error' as const, title: 'Shipped’s data is damaged', message: 'The database is damaged.', detail, buttons, defaultId: 0, cancelId: buttons.length - 1 };
  const choice = window ? await dialog.showMessageBox(window, messageOptions) : await dialog.showMessageBox(messageOptions);
  if (!latest || choice.response !== 0 || !ctx) return;
  ctx.db.close();
  const outcome = await restoreAndOpen(options, latest);
  if (outcome.kind !== 'open') {
    dialog.showErrorBox('Shipped cannot open its data', outcome.message);
    app.quit();
    return;
  }
  ctx.db = outcome.ctx.db;
  getWindow()?.reload();
}

let windowState: WindowState = { isMaximized: false, theme: 'system' };

function saveWindowState(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  const isMaximized = mainWindow.isMaximized();
  windowState = { ...windowState, isMaximized, bounds: isMaximized ? windowState.bounds : mainWindow.getNormalBounds() };
  writeWindowState(stateFile(), windowState);
}

function sendMenuCommand(command: MenuCommand): void {
  const window = getWindow();
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.focus();
  window.webContents.send(eventChannel('menu.command'), { command });
}

function setTheme(theme: ThemeSource): void {
  nativeTheme.themeSource = theme;
  windowState = { ...windowState, theme };
  writeWindowState(stateFile(), windowState);
  installMenu();
}

function installMenu(): void {
  const template = buildMenuTemplate(process.platform, isDev, {
    send: sendMenuCommand,
    setTheme,
    currentTheme: () => windowState.theme,
    showAbout: () => {
      const window = getWindow();
      const options = {
        type: 'info' as const,
        title: 'About Shipped',
        message: `Shipped ${app.getVersion()}`,
        detail: 'Screens MLOps resumes for production evidence versus keyword padding. Works entirely offline; resumes never leave this computer.',
      };
      void (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function createWindow(): BrowserWindow {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const primary = screen.getPrimaryDisplay().workArea;
  const ordered = [primary, ...workAreas.filter((area) => area !== primary)];
  const bounds = clampBounds(windowState.bounds, ordered);
  const window = new BrowserWindow({
    ...bounds,
    minWidth: minimumSize.width,
    minHeight: minimumSize.height,
    show: false,
    title: 'Shipped',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#16181d' : '#f6f7f9',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      spellcheck: false,
      safeDialogs: true,
      // Middle-click opens links in new windows; the window-open guard refuses them anyway.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (windowState.isMaximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', saveWindowState);
  window.on('closed', () => {
    mainWindow = null;
  });
  void window.loadURL(pathToFileURL(indexHtmlPath).href);
  return window;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  guardApp(app, securityOptions);

  // The log the error messages point to lives in the app-data folder, not inside the user's documents.
  configureLogFile({ path: join(app.getPath('userData'), 'logs', 'shipped.log') });

  void app.whenReady().then(async () => {
    guardSession(session.defaultSession, securityOptions);
    windowState = readWindowState(stateFile());
    nativeTheme.themeSource = windowState.theme;

    if (!existsSync(fileURLToPath(extractWorkerUrl))) log.warn('extraction worker bundle is missing; import will fail');
    securePrivateFolder(app.getPath('userData')); // Electron makes it 0755; it holds the resumes
    const databasePath = join(app.getPath('userData'), 'shipped.db');
    const encryption = await prepareEncryption(databasePath, join(app.getPath('userData'), 'backups'));
    const storeOptions: ContextOptions = {
      databasePath,
      key: encryption.key,
      encryptionProblem: encryption.problem,
      // quick_check takes seconds on a large encrypted store: it runs in a worker once the window is up.
      isQuickChecked: false,
      actor: 'app',
      samplesFolder: resourceFolder('samples'),
      fontsFolder: resourceFolder('fonts'),
      extractWorkerUrl,
      briefWorkerUrl,
      emit: createEmitter(getWindow),
      dialogs: createElectronDialogs(dialog, getWindow),
      pathGrants: createPathGrants(),
    };
    const opened = await openStore(storeOptions);
    if (!opened) {
      app.quit();
      return;
    }
    ctx = opened;
    // A backup a day, the last seven kept; checked on start and every hour the app stays open.
    const dailyBackup = () => {
      if (!ctx) return;
      backupIfDue({ db: ctx.db, backupsFolder: ctx.backupsFolder, actor: 'app', now: ctx.now }).catch((error: unknown) =>
        log.error('the daily backup failed', error),
      );
    };
    dailyBackup();
    setInterval(dailyBackup, 60 * 60 * 1000).unref();
    registerApi({ ipcMain, handlers: createHandlers(ctx), getWindow, indexHtmlPath });
    registerDropGrants({ ipcMain, pathGrants: ctx.pathGrants, getWindow, indexHtmlPath });
    installMenu();
    mainWindow = createWindow();
    void checkStoreInBackground(storeOptions);

    app.on('activate', () => {
      if (!mainWindow) mainWindow = createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    ctx?.db.close();
    ctx = null;
  });
}
