// The Electron shell's guards, against fake webContents / session / app objects
// (Electron's binary is not needed: main/electron imports electron for types only).
import { describe, expect, test, vi } from 'vitest';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import {
  contentSecurityPolicy,
  guardApp,
  guardSession,
  guardWebContents,
  isAllowedRequest,
  isAppIndexUrl,
  isFileInside,
} from '../../main/electron/security.ts';

const rendererFolder = '/opt/Shipped/resources/app.asar/out/renderer';
const indexHtmlPath = join(rendererFolder, 'index.html');
const indexUrl = pathToFileURL(indexHtmlPath).href;
const options = { indexHtmlPath, rendererFolder };

describe('isAppIndexUrl (the navigation allowlist)', () => {
  test.each([
    [indexUrl, true],
    [`${indexUrl}#/candidates`, true],
    ['file:///opt/Shipped/resources/app.asar/out/renderer/./index.html', true],
    ['file://localhost/opt/Shipped/resources/app.asar/out/renderer/index.html', true],
    [`${indexUrl}?x=1`, false],
    ['file:///opt/Shipped/resources/app.asar/out/renderer/index.html.evil', false],
    ['file:///opt/Shipped/resources/app.asar/out/renderer/other.html', false],
    ['file:///opt/Shipped/resources/app.asar/out/renderer/../renderer-evil/index.html', false],
    ['file:///tmp/index.html', false],
    ['file://evil.example.com/opt/Shipped/resources/app.asar/out/renderer/index.html', false],
    [`https://example.com/${indexUrl}`, false],
    ['https://example.com/opt/Shipped/resources/app.asar/out/renderer/index.html', false],
    [`http://localhost:5173/index.html`, false],
    ['javascript:alert(1)', false],
    ['about:blank', false],
    ['data:text/html,<h1>hi</h1>', false],
    ['not a url', false],
    ['', false],
  ])('%s → %s', (url, expected) => {
    expect(isAppIndexUrl(url, indexHtmlPath)).toBe(expected);
  });
});

describe('isFileInside / isAllowedRequest (the request allowlist)', () => {
  test('only files inside the renderer folder', () => {
    expect(isFileInside(`${pathToFileURL(rendererFolder).href}/assets/index.js`, rendererFolder)).toBe(true);
    expect(isFileInside(`${pathToFileURL(rendererFolder).href}/../../../../etc/passwd`, rendererFolder)).toBe(false);
    expect(isFileInside('file:///opt/Shipped/resources/app.asar/out/renderer-evil/x.js', rendererFolder)).toBe(false);
    expect(isFileInside(pathToFileURL(rendererFolder).href, rendererFolder)).toBe(false);
    expect(isFileInside('file:///etc/passwd', rendererFolder)).toBe(false);
    expect(isFileInside('file://server/share/x.js', rendererFolder)).toBe(false);
  });

  test.each([
    [`${pathToFileURL(rendererFolder).href}/assets/index-abc.js`, true],
    ['data:image/svg+xml;base64,PHN2Zy8+', true],
    ['devtools://devtools/bundled/inspector.html', true],
    ['http://example.com/', false],
    ['https://example.com/upload', false],
    ['ws://127.0.0.1:9222/', false],
    ['wss://example.com/', false],
    ['ftp://example.com/file', false],
    ['blob:https://example.com/uuid', false],
    ['chrome-extension://abc/x.js', false],
    ['file:///home/user/.ssh/id_rsa', false],
    ['garbage', false],
  ])('%s → %s', (url, expected) => {
    expect(isAllowedRequest(url, rendererFolder)).toBe(expected);
  });
});

type Listener = (...args: never[]) => unknown;

function fakeWebContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => {
      openHandler = handler;
    },
    on: (event: string, listener: Listener) => {
      listeners.set(event, listener);
      return contents;
    },
  };
  const fire = (event: string, url: string) => {
    const listener = listeners.get(event) as ((event: { url: string; preventDefault(): void }) => void) | undefined;
    if (!listener) throw new Error(`no ${event} listener`);
    const preventDefault = vi.fn<() => void>();
    listener({ url, preventDefault });
    return preventDefault.mock.calls.length > 0;
  };
  return { contents, listeners, fire, open: (url: string) => openHandler?.({ url }) };
}

describe('guardWebContents', () => {
  test('window.open is always denied', () => {
    const fake = fakeWebContents();
    guardWebContents(fake.contents as never, options);
    expect(fake.open('https://example.com')).toEqual({ action: 'deny' });
    expect(fake.open(indexUrl)).toEqual({ action: 'deny' });
  });

  test.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s is cancelled unless it goes to the app index', (event) => {
    const fake = fakeWebContents();
    guardWebContents(fake.contents as never, options);
    expect(fake.fire(event, 'https://example.com/')).toBe(true);
    expect(fake.fire(event, 'file:///etc/passwd')).toBe(true);
    expect(fake.fire(event, `${indexUrl}.evil`)).toBe(true);
    expect(fake.fire(event, indexUrl)).toBe(false);
  });

  test('webviews are never attached', () => {
    const fake = fakeWebContents();
    guardWebContents(fake.contents as never, options);
    expect(fake.fire('will-attach-webview', indexUrl)).toBe(true);
  });

  test('guardApp applies the guards to every web contents created', () => {
    const listeners = new Map<string, (event: unknown, contents: unknown) => void>();
    const app = { on: (event: string, listener: (event: unknown, contents: unknown) => void) => void listeners.set(event, listener) };
    guardApp(app as never, options);
    const fake = fakeWebContents();
    const created = listeners.get('web-contents-created');
    expect(created).toBeDefined();
    created?.({}, fake.contents);
    expect(fake.listeners.has('will-navigate')).toBe(true);
    expect(fake.open('https://example.com')).toEqual({ action: 'deny' });
  });
});

describe('guardSession', () => {
  function fakeSession() {
    const handlers: {
      beforeRequest?: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;
      headers?: (details: { responseHeaders?: Record<string, string[]> }, callback: (response: { responseHeaders: Record<string, string[]> }) => void) => void;
      permissionRequest?: (contents: unknown, permission: string, callback: (isGranted: boolean) => void) => void;
      permissionCheck?: (...args: unknown[]) => boolean;
    } = {};
    const session = {
      webRequest: {
        onBeforeRequest: (listener: typeof handlers.beforeRequest) => void (handlers.beforeRequest = listener),
        onHeadersReceived: (listener: typeof handlers.headers) => void (handlers.headers = listener),
      },
      setPermissionRequestHandler: (handler: typeof handlers.permissionRequest) => void (handlers.permissionRequest = handler),
      setPermissionCheckHandler: (handler: typeof handlers.permissionCheck) => void (handlers.permissionCheck = handler),
    };
    return { session, handlers };
  }

  test('network requests are cancelled, the app files are not', () => {
    const { session, handlers } = fakeSession();
    guardSession(session as never, options);
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      handlers.beforeRequest?.({ url }, (response) => (cancel = response.cancel));
      return cancel;
    };
    expect(decide('https://example.com/track')).toBe(true);
    expect(decide('http://127.0.0.1:8080/')).toBe(true);
    expect(decide('ws://localhost/')).toBe(true);
    expect(decide(`${pathToFileURL(rendererFolder).href}/assets/index.js`)).toBe(false);
    expect(decide('file:///etc/hosts')).toBe(true);
  });

  test('every response gets the strict CSP header', () => {
    const { session, handlers } = fakeSession();
    guardSession(session as never, options);
    let headers: Record<string, string[]> = {};
    handlers.headers?.({ responseHeaders: { 'X-Other': ['1'] } }, (response) => (headers = response.responseHeaders));
    expect(headers['Content-Security-Policy']).toEqual([contentSecurityPolicy]);
    expect(headers['X-Other']).toEqual(['1']);
    expect(contentSecurityPolicy).toContain("default-src 'none'");
    expect(contentSecurityPolicy).toContain("connect-src 'none'");
    expect(contentSecurityPolicy).not.toContain('unsafe-');
  });

  test('permission requests and checks are denied', () => {
    const { session, handlers } = fakeSession();
    guardSession(session as never, options);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let isGranted: boolean | undefined;
      handlers.permissionRequest?.({}, permission, (granted) => (isGranted = granted));
      expect(isGranted, permission).toBe(false);
    }
    expect(handlers.permissionCheck?.({}, 'media')).toBe(false);
  });
});
