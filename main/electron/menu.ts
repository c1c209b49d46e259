// The application menu. Items that act on the UI send a `menu.command` event
// to the renderer; the rest use Electron's standard roles.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../contract/api.ts';
import type { ThemeSource } from './window-state.ts';

export interface MenuActions {
  send(command: MenuCommand): void;
  setTheme(theme: ThemeSource): void;
  currentTheme(): ThemeSource;
  showAbout(): void;
}

export function buildMenuTemplate(platform: NodeJS.Platform, isDev: boolean, actions: MenuActions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const theme = actions.currentTheme();
  const themeItem = (label: string, value: ThemeSource): MenuItemConstructorOptions => ({
    label,
    type: 'radio',
    checked: theme === value,
    click: () => actions.setTheme(value),
  });

  const template: MenuItemConstructorOptions[] = [];
  if (isMac) template.push({ role: 'appMenu' });
  template.push(
    {
      label: '&File',
      submenu: [
        { label: 'Import Folder…', accelerator: 'CmdOrCtrl+O', click: () => actions.send('import-folder') },
        { label: 'Import Sample Resumes', click: () => actions.send('import-samples') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { label: '&Edit', submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    {
      label: '&View',
      submenu: [
        { label: 'Candidates', accelerator: 'CmdOrCtrl+1', click: () => actions.send('show-candidates') },
        { label: 'Import', accelerator: 'CmdOrCtrl+2', click: () => actions.send('show-import') },
        { label: 'Screening Script', accelerator: 'CmdOrCtrl+3', click: () => actions.send('show-script') },
        { label: 'Find Candidate', accelerator: 'CmdOrCtrl+F', click: () => actions.send('focus-search') },
        { type: 'separator' },
        { label: 'Appearance', submenu: [themeItem('Follow System', 'system'), themeItem('Light', 'light'), themeItem('Dark', 'dark')] },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(isDev ? ([{ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' }] satisfies MenuItemConstructorOptions[]) : []),
      ],
    },
    { label: '&Window', submenu: isMac ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }] },
    { label: '&Help', role: 'help', submenu: [{ label: 'About Shipped', click: () => actions.showAbout() }] },
  );
  return template;
}
