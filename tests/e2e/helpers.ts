// Shared steps for the browser e2e tests.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ApiMethod, ApiResponse } from '../../contract/api.ts';
import type { Harness } from '../harness/server.ts';
import { resumeToText, syntheticResume } from '../import/fixtures.ts';

/** Calls the harness API the way the page's bridge does (POST /api/<method>). */
export async function post(harness: Harness, method: ApiMethod | string, body: unknown): Promise<{ status: number; json: ApiResponse<unknown> }> {
  const response = await fetch(new URL(`api/${method}`, harness.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as ApiResponse<unknown> };
}

export interface ResumeFolder {
  path: string;
  names: string[];
  remove(): void;
}

/** `count` distinct text resumes, plus the given broken files. */
export function makeResumeFolder(count: number, broken: Record<string, string | Uint8Array> = {}): ResumeFolder {
  const path = mkdtempSync(join(tmpdir(), 'shipped-e2e-resumes-'));
  const names: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const spec = syntheticResume(index);
    const name = `${String(index + 1).padStart(3, '0')}-${spec.name.toLowerCase().replace(/\s+/g, '-')}.txt`;
    writeFileSync(join(path, name), resumeToText(spec));
    names.push(name);
  }
  for (const [name, content] of Object.entries(broken)) writeFileSync(join(path, name), content);
  return { path, names, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Opens the app on a database seeded with the bundled sample resumes, showing the candidate list. */
export async function openWithSamples(page: Page, harness: Harness): Promise<void> {
  const seeded = await post(harness, 'import.samples', {});
  if (!seeded.json.ok) throw new Error(`seeding failed: ${seeded.json.error}`);
  await page.goto(harness.url);
  await page.getByRole('grid', { name: 'Candidates' }).waitFor();
}

export function rowNames(page: Page): Promise<string[]> {
  return page.locator('.table-row .cell-name .name').allTextContents();
}

/** Saves `.screenshots/<name>-<scheme>.png` of the page, after a moment for transitions to settle. */
export function screenshotTaker(page: Page, outDir: string, colorScheme: 'light' | 'dark'): (name: string) => Promise<void> {
  return async (name) => {
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(outDir, `${name}-${colorScheme}.png`) });
    console.log(`.screenshots/${name}-${colorScheme}.png`);
  };
}

/** Saves the page light and dark as `<name>-light.png` and `<name>-dark.png` in `outDir`, then goes back to light. */
export async function shootInBothSchemes(page: Page, outDir: string, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(150);
    const file = join(outDir, `${name}-${scheme}.png`);
    await page.screenshot({ path: file });
    console.log(file);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
