// A photo OCR reads unsurely: the candidate screen says how sure it was, and the Review screen
// shows the candidate beside the picture of the page.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openSession, type Session } from './browser.ts';
import { makeTempDir, type TempDir } from '../import/fixtures.ts';
import { renderPage, scanLike, smallTextPdf, toPng } from '../fixtures/scanned.ts';

describe('review list', () => {
  let session: Session;
  let folder: TempDir;

  beforeAll(async () => {
    session = await openSession();
    folder = makeTempDir('shipped-e2e-review-');
    // 65 dpi: letters about 11 pixels high, so OCR reads them with low confidence.
    const card = ['Riley Tanaka', 'Senior MLOps Engineer', 'riley.tanaka@example.com', 'Operate models in production on Kubernetes.'];
    folder.file('riley-photo.png', toPng(scanLike(await renderPage(await smallTextPdf(card), 0, 65), { angleDegrees: 1.5, noise: 8, seed: 9 })));
  });
  afterAll(async () => {
    await session?.close();
    folder?.remove();
  });

  test('an unsure OCR read goes on the Review screen with its page image and says so on the candidate screen', async () => {
    const { page, harness } = session;
    await page.goto(harness.url);
    await page.getByRole('heading', { name: 'Import resumes' }).waitFor();
    harness.dialogs.importFolders = [folder.path];
    await page.getByRole('button', { name: 'Choose folder…' }).click();
    await page.getByTestId('import-result').waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('count-imported').textContent()).toBe('1');

    await page.reload();
    await page.getByRole('navigation').getByRole('button', { name: /^Review\s*1$/ }).click();
    const item = page.getByTestId('review-item');
    await item.locator('img').waitFor();
    expect(await item.getByRole('heading').textContent()).toBe('Riley Tanaka');
    expect(await item.locator('.reading-line').textContent()).toMatch(/^Resume read from a scanned image \(confidence \d+%\)\.$/);
    expect(await item.locator('img').getAttribute('src')).toMatch(/^data:image\/png;base64,/);

    await item.getByRole('button', { name: 'Open candidate' }).click();
    expect(await page.getByTestId('reading-line').textContent()).toMatch(/read from a scanned image \(confidence \d+%\)\. OCR was unsure of parts of it/);
  });
});
