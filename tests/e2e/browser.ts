// Chromium for the e2e tests and screenshots: Debian's /usr/bin/chromium through
// playwright-core, a fresh user-data-dir per launch, nothing downloaded.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startHarness, type Harness } from '../harness/server.ts';

export const chromiumPath = process.env.SHIPPED_CHROMIUM ?? '/usr/bin/chromium';

export interface Session {
  harness: Harness;
  context: BrowserContext;
  page: Page;
  /** Messages the page logged as errors, and uncaught exceptions. */
  pageErrors: string[];
  close(): Promise<void>;
}

export async function openSession(options: { colorScheme?: 'light' | 'dark'; samplesFolder?: string } = {}): Promise<Session> {
  const harness = await startHarness(options.samplesFolder ? { samplesFolder: options.samplesFolder } : {});
  const userDataDir = mkdtempSync(join(tmpdir(), 'shipped-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  return {
    harness,
    context,
    page,
    pageErrors,
    close: async () => {
      await context.close();
      await harness.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
