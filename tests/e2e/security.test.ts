// Security in the browser harness: the app's CSP (plus connect-src 'self' for the
// harness's own fetch/SSE), nothing reaches another origin, and malformed API
// payloads are refused with a readable message. The Electron-only guards
// (window.open, navigation, webviews, permissions) are unit-tested in tests/electron/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { contentSecurityPolicy } from '../../main/electron/security.ts';
import { repoRoot } from '../harness/server.ts';
import { openSession, type Session } from './browser.ts';
import { post } from './helpers.ts';
import type { PageGlobals } from './page-types.ts';

function directives(policy: string): Map<string, string> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name = '', ...values] = part.split(/\s+/);
        return [name, values.join(' ')] as const;
      }),
  );
}

describe('security', () => {
  let session: Session;
  const outsideRequests: string[] = [];

  beforeAll(async () => {
    session = await openSession();
    // Like the app's onBeforeRequest guard: anything not served by the harness is cancelled and recorded.
    const origin = new URL(session.harness.url).origin;
    await session.context.route('**/*', async (route) => {
      const url = route.request().url();
      if (url.startsWith('data:') || new URL(url).origin === origin) return route.continue();
      outsideRequests.push(url);
      return route.abort('blockedbyclient');
    });
    await session.page.goto(session.harness.url);
    await session.page.getByRole('heading', { level: 1 }).waitFor();
  });
  afterAll(async () => {
    await session?.close();
  });

  test('index.html carries the same strict CSP as the Electron session header', () => {
    const source = readFileSync(join(repoRoot, 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(source)?.[1] ?? '';
    const fromMeta = directives(meta);
    const fromHeader = directives(contentSecurityPolicy);
    for (const [name, value] of fromMeta) expect(fromHeader.get(name), name).toBe(value);
    expect(fromMeta.get('default-src')).toBe("'none'");
    expect(fromMeta.get('script-src')).toBe("'self'");
    expect(fromMeta.get('connect-src')).toBe("'none'");
  });

  test("the harness serves the app's CSP with only connect-src 'self' added", async () => {
    const response = await fetch(session.harness.url);
    const header = response.headers.get('content-security-policy') ?? '';
    const served = directives(header);
    const app = directives(contentSecurityPolicy);
    expect(served.get('connect-src')).toBe("'self'");
    // Every other directive it serves is the app's own (frame-ancestors, say, it may leave out).
    const others = [...served].filter(([name]) => name !== 'connect-src');
    expect(others.map(([name]) => name)).toContain('default-src');
    expect(others).toEqual(others.map(([name]) => [name, app.get(name)]));
    const html = await response.text();
    expect(html).toContain(`content="${header}"`);
  });

  test('the page cannot reach any other origin: fetch, images, frames and inline scripts are refused', async () => {
    const { page } = session;
    const result = await page.evaluate(async () => {
      const { document } = globalThis as unknown as PageGlobals;
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective));
      let fetchError = '';
      try {
        await fetch('http://example.com/upload', { method: 'POST', body: 'resume' });
      } catch (error) {
        fetchError = String(error);
      }
      const image = document.createElement('img');
      image.src = 'https://example.com/pixel.png';
      document.body.append(image);
      const frame = document.createElement('iframe');
      frame.src = 'https://example.com/';
      document.body.append(frame);
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
      await new Promise((done) => setTimeout(done, 500));
      image.remove();
      frame.remove();
      script.remove();
      return { fetchError, violations, inlineRan: (globalThis as unknown as PageGlobals).__inlineRan === true };
    });
    expect(result.fetchError).toMatch(/TypeError/);
    expect(result.inlineRan).toBe(false);
    expect(result.violations).toEqual(expect.arrayContaining(['connect-src', 'img-src', 'frame-src', 'script-src-elem']));
    expect(outsideRequests).toEqual([]);
  });

  test('navigating away or opening windows never loads another origin', async () => {
    const { page, context } = session;
    await page.evaluate(() => {
      (globalThis as unknown as PageGlobals).window.open('https://example.com/', '_blank');
    });
    await page.waitForTimeout(500);
    for (const popup of context.pages().slice(1)) await popup.close();
    await page.evaluate(() => {
      (globalThis as unknown as PageGlobals).window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(outsideRequests.every((url) => url.startsWith('https://example.com/'))).toBe(true);
    expect(outsideRequests.length).toBeGreaterThan(0); // they were attempted and cancelled
    expect(new URL(page.url()).hostname).not.toBe('example.com');
    expect(await page.content()).not.toContain('Example Domain');
  });

  test('malformed API payloads are refused with a readable message', async () => {
    const { harness } = session;
    const badArgs = await post(harness, 'candidates.get', { id: 'seven' });
    expect(badArgs.json).toEqual({ ok: false, error: expect.stringMatching(/^Invalid request for candidates\.get: id: /) });
    const extra = await post(harness, 'candidates.delete', { id: 1, everything: true });
    expect(extra.json.ok).toBe(false);
    const badJson = await post(harness, 'candidates.list', '{"sort": ');
    expect(badJson.status).toBe(400);
    expect(badJson.json).toEqual({ ok: false, error: 'Invalid request: the request body is not valid JSON.' });
    const unknown = await post(harness, 'fs.readFile', { path: '/etc/passwd' });
    expect(unknown.json).toEqual({ ok: false, error: 'Unknown request "fs.readFile".' });
    const pathWithNul = await post(harness, 'import.run', { paths: ['/tmp/a\u0000b'] });
    expect(pathWithNul.json.ok).toBe(false);
    // Paths the window made up (not from a dialog or a drop) are refused before any file is touched.
    const notChosen = await post(harness, 'import.run', { paths: ['/etc'] });
    expect(notChosen.json).toEqual({ ok: false, error: expect.stringContaining('"/etc" because it was not chosen in a Shipped dialog') });
    const notSaved = await post(harness, 'briefs.export', { candidateIds: [1], isBlind: false, target: { kind: 'file', path: '/tmp/shipped-e2e-overwrite.pdf' } });
    expect(notSaved.json).toEqual({ ok: false, error: expect.stringContaining('Save dialog') });
  });

  test('the page shows a refused request to the recruiter as a readable error', async () => {
    const { page, harness } = session;
    await page.goto(harness.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    // The bridge is the only door; a bad call through it comes back as { ok: false, error }.
    const response = await page.evaluate(() => (globalThis as unknown as PageGlobals).shipped?.api['candidates.get']({ id: -3 }));
    expect(response).toEqual({ ok: false, error: expect.stringContaining('Invalid request for candidates.get') });
    // And the UI shows such errors: an import of a folder that does not exist.
    harness.dialogs.importFolders = ['/nonexistent/shipped-e2e-folder'];
    await page.getByRole('button', { name: 'Choose folder…' }).click();
    const shown = page.getByRole('alert').or(page.getByTestId('import-result'));
    await shown.first().waitFor({ timeout: 30_000 });
    const text = (await shown.first().textContent()) ?? '';
    expect(text.length).toBeGreaterThan(10);
    expect(text).not.toMatch(/at .*\.ts:\d+/); // no stack traces
  });
});
