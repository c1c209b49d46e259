// The global guards of the Electron shell, in one place: a strict CSP, no new
// windows, no navigation away from the app's own index.html, no webviews, no
// permissions, and no network requests at all (the app is offline; resumes are
// personal data). Electron is imported for types only so the rules can be
// unit-tested against fake objects (tests/electron/).
import { fileURLToPath } from 'node:url';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { App, Session, WebContents } from 'electron';
import { createLogger } from '../logger.ts';

const log = createLogger('security');

/** The app's CSP. The <meta> in renderer/index.html carries the same policy (minus frame-ancestors, which meta ignores). */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

function fileUrlToPathOrNull(url: URL): string | null {
  if (url.protocol !== 'file:' || (url.host !== '' && url.host !== 'localhost')) return null;
  try {
    return resolve(fileURLToPath(url));
  } catch {
    return null;
  }
}

/**
 * True only for the app's own index.html (any #fragment; no query string).
 * Compares parsed, normalised file paths, never URL substrings.
 */
export function isAppIndexUrl(raw: string, indexHtmlPath: string): boolean {
  const url = parseUrl(raw);
  if (!url || url.search !== '' || url.username !== '' || url.password !== '') return false;
  const path = fileUrlToPathOrNull(url);
  return path !== null && path === resolve(indexHtmlPath);
}

/** True for a file inside `folder` (the built renderer): `..` and sibling prefixes do not count. */
export function isFileInside(raw: string, folder: string): boolean {
  const url = parseUrl(raw);
  if (!url) return false;
  const path = fileUrlToPathOrNull(url);
  if (path === null) return false;
  const rel = relative(resolve(folder), path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/**
 * What the renderer may load: its own bundled files, inline data: images and
 * Chromium's devtools. Everything else (http, https, ws, ftp, other files on
 * disk, custom schemes) is cancelled.
 */
export function isAllowedRequest(raw: string, rendererFolder: string): boolean {
  const url = parseUrl(raw);
  if (!url) return false;
  switch (url.protocol) {
    case 'file:':
      return isFileInside(raw, rendererFolder);
    case 'data:':
    case 'devtools:':
      return true;
    default:
      return false;
  }
}

export interface SecurityOptions {
  /** Absolute path of the built renderer's index.html. */
  indexHtmlPath: string;
  /** Folder holding the built renderer (index.html and its assets). */
  rendererFolder: string;
}

type GuardedSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> & {
  webRequest: Pick<Session['webRequest'], 'onBeforeRequest' | 'onHeadersReceived'>;
};

/** Session-wide guards: no network, the CSP header, no permissions. */
export function guardSession(session: GuardedSession, options: SecurityOptions): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    const isAllowed = isAllowedRequest(details.url, options.rendererFolder);
    if (!isAllowed) log.warn('blocked a request', { url: details.url.slice(0, 200) });
    callback({ cancel: !isAllowed });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] },
    });
  });
  session.setPermissionRequestHandler((_webContents, permission, callback) => {
    log.warn('denied a permission request', { permission });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
}

type GuardedWebContents = Pick<WebContents, 'setWindowOpenHandler' | 'on'>;

/** Per-window guards: no window.open, no navigation or redirect away from index.html, no webviews. */
export function guardWebContents(contents: GuardedWebContents, options: SecurityOptions): void {
  contents.setWindowOpenHandler((details) => {
    log.warn('denied window.open', { url: details.url.slice(0, 200) });
    return { action: 'deny' };
  });
  const cancelUnlessAppIndex = (event: { preventDefault(): void }, url: string) => {
    if (isAppIndexUrl(url, options.indexHtmlPath)) return;
    log.warn('cancelled a navigation', { url: url.slice(0, 200) });
    event.preventDefault();
  };
  contents.on('will-navigate', (event) => cancelUnlessAppIndex(event, event.url));
  contents.on('will-frame-navigate', (event) => cancelUnlessAppIndex(event, event.url));
  contents.on('will-redirect', (event) => cancelUnlessAppIndex(event, event.url));
  contents.on('will-attach-webview', (event) => {
    log.warn('blocked a webview');
    event.preventDefault();
  });
}

/** Applies the per-window guards to every web contents the app ever creates. */
export function guardApp(app: Pick<App, 'on'>, options: SecurityOptions): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, options));
}
