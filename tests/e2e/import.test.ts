// Import through the UI: the progress bar reaches done, failures show their reasons,
// dropped files are imported, first launch offers the samples.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openSession, type Session } from './browser.ts';
import { makeResumeFolder, type ResumeFolder } from './helpers.ts';
import type { PageGlobals } from './page-types.ts';

describe('import screen', () => {
  let session: Session;
  let folder: ResumeFolder;

  beforeAll(async () => {
    session = await openSession();
    folder = makeResumeFolder(24, { 'broken.pdf': '%PDF-1.7\nthis is not really a pdf\n', 'empty.txt': '' });
  });
  afterAll(async () => {
    await session?.close();
    folder?.remove();
  });

  test('first launch opens Import with the samples one click away', async () => {
    const { page, harness } = session;
    await page.goto(harness.url);
    // The app asks how many candidates there are before it picks the first screen: wait, don't sample.
    await page.getByRole('heading', { name: 'Import resumes' }).waitFor();
    await expect(page.getByRole('button', { name: 'Import sample resumes' }).isEnabled()).resolves.toBe(true);
    await expect(page.getByRole('grid', { name: 'Candidates' }).count()).resolves.toBe(0);
  });

  test('importing a folder shows progress until done, then the counts and each failure with its reason', async () => {
    const { page, harness } = session;
    harness.dialogs.importFolders = [folder.path];
    // Record every state of the progress bar the page renders.
    await page.evaluate(() => {
      const page = globalThis as unknown as PageGlobals;
      const seen: string[] = [];
      page.__progress = seen;
      new page.MutationObserver(() => {
        for (const bar of page.document.querySelectorAll('[data-testid="import-progressbar"]')) {
          seen.push(`${bar.getAttribute('data-phase')}:${bar.getAttribute('aria-valuenow') ?? ''}/${bar.getAttribute('aria-valuemax')}`);
        }
      }).observe(page.document.body, { subtree: true, childList: true, attributes: true });
    });
    await page.getByRole('button', { name: 'Choose folder…' }).click();
    const done = page.locator('[data-testid="import-progressbar"][data-phase="done"]');
    await done.waitFor({ timeout: 90_000 });
    expect(await done.getAttribute('aria-valuenow')).toBe('26');
    expect(await done.getAttribute('aria-valuemax')).toBe('26');

    const seen = await page.evaluate(() => (globalThis as unknown as PageGlobals).__progress as string[]);
    expect(seen.some((state) => !state.startsWith('done'))).toBe(true); // the running bar was shown
    expect(seen.at(-1)).toBe('done:26/26');

    await expect(page.getByTestId('count-imported').textContent()).resolves.toBe('24');
    await expect(page.getByTestId('count-failed').textContent()).resolves.toBe('2');

    const failures = harness.ctx.db
      .prepare<[], { file_name: string; error_reason: string }>("SELECT file_name, error_reason FROM resume_files WHERE status = 'failed' ORDER BY file_name")
      .all();
    expect(failures.map((row) => row.file_name)).toEqual(['broken.pdf', 'empty.txt']);
    for (const failure of failures) {
      const item = page.locator('.failure', { hasText: failure.file_name });
      await expect(item.locator('.failure-reason').textContent()).resolves.toBe(failure.error_reason);
      expect(failure.error_reason.length).toBeGreaterThan(10);
    }
  });

  test('dropping files on the drop zone imports them (duplicates recognised)', async () => {
    const { page, harness } = session;
    await page.getByRole('button', { name: 'Import more' }).click();
    harness.dropFolder = folder.path;
    await page.reload();
    await page.getByRole('navigation').getByRole('button', { name: 'Import' }).click();
    await page.getByTestId('dropzone').waitFor();
    const names = folder.names.slice(0, 3);
    await page.getByTestId('dropzone').evaluate((zone, fileNames) => {
      const page = globalThis as unknown as PageGlobals;
      const transfer = new page.DataTransfer();
      for (const name of fileNames) transfer.items.add(new page.File(['x'], name, { type: 'text/plain' }));
      zone.dispatchEvent(new page.DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, names);
    await page.getByTestId('import-result').waitFor({ timeout: 60_000 });
    await expect(page.getByTestId('count-duplicates').textContent()).resolves.toBe('3');
    await expect(page.getByTestId('count-imported').textContent()).resolves.toBe('0');
  });

  test('the list shows the imported candidates', async () => {
    const { page } = session;
    await page.getByRole('navigation').getByRole('button', { name: /^Candidates/ }).click();
    await page.getByRole('grid', { name: 'Candidates' }).waitFor();
    await expect(page.getByTestId('result-count').textContent()).resolves.toBe('24 candidates');
  });

  test('an import started from the menu brings the Import screen up to show its progress', async () => {
    const { page, harness } = session;
    await expect(page.getByRole('heading', { name: 'Import resumes' }).count()).resolves.toBe(0);
    harness.ctx.emit('menu.command', { command: 'import-samples' });
    await page.getByRole('heading', { name: 'Import resumes' }).waitFor();
    await page.getByRole('navigation').getByRole('button', { name: /^Candidates/ }).click();
    await expect.poll(() => page.getByTestId('result-count').textContent(), { timeout: 60_000 }).toBe('30 candidates');
  });
});
