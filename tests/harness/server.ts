// The browser test harness: serves the built renderer over HTTP on 127.0.0.1 and
// implements the same API contract as the Electron shell (POST /api/<method> →
// dispatch(createHandlers(ctx)), real services, a temporary database), with
// events over Server-Sent Events and dialog answers configured by the test.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, relative, resolve, sep } from 'node:path';
import { stripTypeScriptTypes } from 'node:module';
import type { AddressInfo } from 'node:net';
import { apiEventNames, apiMethods, type ApiEventName, type ApiEvents } from '../../contract/api.ts';
import { dispatch } from '../../main/api/dispatch.ts';
import { createHandlers } from '../../main/api/handlers.ts';
import { createServiceContext } from '../../main/services/create-context.ts';
import type { ServiceContext, ShellDialogs } from '../../main/services/context.ts';

export const repoRoot = resolve(import.meta.dirname, '..', '..');
const buildFolder = join(repoRoot, 'test-results', 'e2e-renderer');

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

function newestMtime(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Builds the renderer once (vite, into test-results/e2e-renderer) unless a build
 * newer than every renderer source exists. Test files run in parallel processes,
 * so a lock directory makes sure only one of them builds.
 */
export async function ensureRendererBuild(): Promise<string> {
  const marker = join(buildFolder, '.built');
  const sources = Math.max(newestMtime(join(repoRoot, 'renderer')), newestMtime(join(repoRoot, 'contract')));
  const isFresh = () => existsSync(marker) && Number(readFileSync(marker, 'utf8')) >= sources;
  if (isFresh()) return buildFolder;
  const lock = join(repoRoot, 'test-results', 'e2e-renderer.lock');
  mkdirSync(join(repoRoot, 'test-results'), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (isFresh()) return buildFolder;
      try {
        if (Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        // the other process just released it
      }
      if (Date.now() > deadline) throw new Error('timed out waiting for another test to build the renderer');
      await sleep(200);
    }
  }
  try {
    if (isFresh()) return buildFolder;
    const { build } = await import('vite');
    const { default: react } = await import('@vitejs/plugin-react');
    await build({
      configFile: false,
      root: join(repoRoot, 'renderer'),
      base: './',
      logLevel: 'warn',
      plugins: [react()],
      build: { outDir: buildFolder, emptyOutDir: true, modulePreload: { polyfill: false }, minify: false },
    });
    writeFileSync(marker, String(sources));
    return buildFolder;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface HarnessDialogAnswers {
  importFolders: string[] | null;
  savePath: string | null;
}

export interface Harness {
  url: string;
  ctx: ServiceContext;
  dataDir: string;
  /** What dialog.chooseImportFolders / dialog.chooseSavePath answer next. */
  dialogs: HarnessDialogAnswers;
  /** Folder that dropped file names are resolved against (stands in for webUtils.getPathForFile); the page reads it when it loads. */
  dropFolder: string;
  /** The CSP the harness serves: the app's, with connect-src 'self' for its own fetch/SSE. */
  csp: string;
  close(): Promise<void>;
}

export interface HarnessOptions {
  samplesFolder?: string;
  rendererFolder?: string;
}

/** Reads the app's CSP from the built index.html and allows the harness's own origin for fetch/SSE. */
export function harnessCsp(indexHtml: string): string {
  const match = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(indexHtml);
  if (!match?.[1]) throw new Error('the built index.html has no CSP meta tag');
  return match[1].replace("connect-src 'none'", "connect-src 'self'");
}

async function readBody(request: IncomingMessage, limit = 1_000_000): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const rendererFolder = options.rendererFolder ?? (await ensureRendererBuild());
  const dataDir = mkdtempSync(join(tmpdir(), 'shipped-e2e-'));
  const sseClients = new Set<ServerResponse>();
  const dialogAnswers: HarnessDialogAnswers = { importFolders: null, savePath: null };

  const emit = <E extends ApiEventName>(event: E, payload: ApiEvents[E]) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const client of sseClients) client.write(frame);
  };
  const dialogs: ShellDialogs = {
    chooseImportFolders: async () => dialogAnswers.importFolders,
    chooseSavePath: async () => dialogAnswers.savePath,
  };
  const ctx = createServiceContext({
    databasePath: join(dataDir, 'shipped.db'),
    emit,
    dialogs,
    ...(options.samplesFolder ? { samplesFolder: options.samplesFolder } : {}),
  });
  const handlers = createHandlers(ctx);

  const rawIndex = readFileSync(join(rendererFolder, 'index.html'), 'utf8');
  const csp = harnessCsp(rawIndex);
  const bridgeSource = stripTypeScriptTypes(readFileSync(join(import.meta.dirname, 'bridge.ts'), 'utf8'));

  const harness: Harness = {
    url: '',
    ctx,
    dataDir,
    dialogs: dialogAnswers,
    dropFolder: dataDir,
    csp,
    close: async () => {},
  };

  const serveIndex = (response: ServerResponse) => {
    const html = rawIndex
      .replace(/<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]+"\s*\/?>/, `<meta http-equiv="Content-Security-Policy" content="${csp}" />`)
      .replace('<title>', '<script src="/__harness/config.js"></script><script src="/__harness/bridge.js"></script>\n    <title>');
    response.writeHead(200, { 'content-type': contentTypes['.html'] ?? 'text/html', 'content-security-policy': csp, 'cache-control': 'no-store' });
    response.end(html);
  };

  const serveStatic = async (pathname: string, response: ServerResponse) => {
    const target = resolve(rendererFolder, `.${decodeURIComponent(pathname)}`);
    const rel = relative(rendererFolder, target);
    if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..') {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(target);
      response.writeHead(200, { 'content-type': contentTypes[extname(target)] ?? 'application/octet-stream', 'content-security-policy': csp });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  };

  const onRequest = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const { pathname } = url;
    if (request.method === 'POST' && pathname.startsWith('/api/')) {
      const method = decodeURIComponent(pathname.slice('/api/'.length));
      let payload: unknown;
      try {
        const body = await readBody(request);
        payload = body.trim() === '' ? {} : JSON.parse(body);
      } catch {
        sendJson(response, 400, { ok: false, error: 'Invalid request: the request body is not valid JSON.' });
        return;
      }
      sendJson(response, 200, await dispatch(handlers, method, payload));
      return;
    }
    if (request.method !== 'GET') {
      response.writeHead(405).end();
      return;
    }
    if (pathname === '/events') {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      response.write(': connected\n\n');
      sseClients.add(response);
      request.on('close', () => sseClients.delete(response));
      return;
    }
    if (pathname === '/' || pathname === '/index.html') {
      serveIndex(response);
      return;
    }
    if (pathname === '/__harness/config.js') {
      const config = { methods: apiMethods, events: apiEventNames, dropFolder: harness.dropFolder };
      response.writeHead(200, { 'content-type': contentTypes['.js'] ?? 'text/javascript', 'cache-control': 'no-store' });
      response.end(`globalThis.__shippedHarness = ${JSON.stringify(config)};`);
      return;
    }
    if (pathname === '/__harness/bridge.js') {
      response.writeHead(200, { 'content-type': contentTypes['.js'] ?? 'text/javascript', 'cache-control': 'no-store' });
      response.end(bridgeSource);
      return;
    }
    await serveStatic(pathname, response);
  };

  const server: Server = createServer((request, response) => {
    onRequest(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { ok: false, error: String(error) });
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  harness.url = `http://127.0.0.1:${port}/`;
  harness.close = async () => {
    for (const client of sseClients) client.end();
    sseClients.clear();
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
    ctx.db.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return harness;
}
