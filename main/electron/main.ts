// The Electron entry: thin on purpose. Everything the app does lives in the
// services (main/*), reached through the same handlers as the CLI and tests.
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, screen, session } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createServiceContext } from '../services/create-context.ts';
import { createHandlers } from '../api/handlers.ts';
import type { ServiceContext } from '../services/context.ts';
import type { MenuCommand } from '../../contract/api.ts';
import { guardApp, guardSession } from './security.ts';
import { createElectronDialogs, createEmitter, eventChannel, registerApi, registerDropGrants } from './ipc.ts';
import { createPathGrants } from '../services/path-grants.ts';
import { securePrivateFolder } from '../paths.ts';
import { buildMenuTemplate } from './menu.ts';
import { clampBounds, minimumSize, readWindowState, writeWindowState, type ThemeSource, type WindowState } from './window-state.ts';
import { createLogger } from '../logger.ts';

const log = createLogger('electron');

app.setName('Shipped'); // userData = ~/.config/Shipped, shared with the CLI (main/paths.ts)

const outFolder = fileURLToPath(new URL('../', import.meta.url)); // out/
const rendererFolder = join(outFolder, 'renderer');
const indexHtmlPath = join(rendererFolder, 'index.html');
const preloadPath = join(outFolder, 'preload', 'index.cjs');
const extractWorkerUrl = new URL('./extract-worker.js', import.meta.url);
const briefWorkerUrl = new URL('./brief-worker.js', import.meta.url);
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

  void app.whenReady().then(() => {
    guardSession(session.defaultSession, securityOptions);
    windowState = readWindowState(stateFile());
    nativeTheme.themeSource = windowState.theme;

    if (!existsSync(fileURLToPath(extractWorkerUrl))) log.warn('extraction worker bundle is missing; import will fail');
    try {
      securePrivateFolder(app.getPath('userData')); // Electron makes it 0755; it holds the resumes
      ctx = createServiceContext({
        databasePath: join(app.getPath('userData'), 'shipped.db'),
        samplesFolder: resourceFolder('samples'),
        fontsFolder: resourceFolder('fonts'),
        extractWorkerUrl,
        briefWorkerUrl,
        emit: createEmitter(getWindow),
        dialogs: createElectronDialogs(dialog, getWindow),
        pathGrants: createPathGrants(),
      });
    } catch (error) {
      // A database from a newer Shipped, or one that cannot be opened: say so and stop, touching nothing.
      log.error('could not open the database', error);
      dialog.showErrorBox('Shipped cannot open its data', error instanceof Error ? error.message : String(error));
      app.quit();
      return;
    }
    registerApi({ ipcMain, handlers: createHandlers(ctx), getWindow, indexHtmlPath });
    registerDropGrants({ ipcMain, pathGrants: ctx.pathGrants, getWindow, indexHtmlPath });
    installMenu();
    mainWindow = createWindow();

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
