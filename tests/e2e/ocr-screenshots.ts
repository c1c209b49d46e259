// Screenshots of what OCR adds: the import reading scanned pages, an OCR'd candidate and the
// review list, light and dark. Part of `npm run screenshots`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession } from './browser.ts';
import { screenshotTaker } from './helpers.ts';
import { repoRoot } from '../harness/server.ts';
import { makeTempDir } from '../import/fixtures.ts';
import { makeRtf, makeWordDoc } from '../fixtures/legacy-files.ts';
import { imagePdf, renderPage, scanLike, smallTextPdf, toJpeg, toPng } from '../fixtures/scanned.ts';

export async function takeOcrScreenshots(): Promise<void> {
  const outDir = join(repoRoot, '.screenshots');
  const folder = makeTempDir('shipped-ocr-shots-');
  try {
    const sample = new Uint8Array(readFileSync(join(repoRoot, 'resources/samples/01-maya-lindqvist-applied-mlops.pdf')));
    const pages = [];
    for (const index of [0]) pages.push({ image: scanLike(await renderPage(sample, index, 200), { angleDegrees: 0.8, noise: 10, seed: 21 + index }), dpi: 200 });
    folder.file('maya-lindqvist-scanned.pdf', await imagePdf(pages));
    const card = ['Riley Tanaka', 'Senior MLOps Engineer', 'riley.tanaka@example.com', '(512) 555-0177', 'Operate models in production on Kubernetes.'];
    folder.file('riley-tanaka-photo.png', toPng(scanLike(await renderPage(await smallTextPdf(card), 0, 65), { angleDegrees: 1.5, noise: 8, seed: 9 })));
    const photoCard = ['Jordan Okafor', 'ML Platform Engineer', 'jordan.okafor@example.com', 'Built the model registry on MLflow.'];
    folder.file('jordan-okafor-photo.jpg', toJpeg(scanLike(await renderPage(await smallTextPdf(photoCard), 0, 200), { angleDegrees: 1, noise: 10, seed: 4 })));
    folder.file('morgan-brennan.doc', makeWordDoc(['Morgan Brennan', 'DevOps Engineer', 'morgan.brennan@example.com', 'Ran the Kubernetes platform for 40 services.']));
    folder.file('casey-moreau.rtf', makeRtf(['Casey Moreau', 'MLOps Engineer', 'casey.moreau@example.com', 'Moved batch scoring to Airflow.']));

    for (const colorScheme of ['light', 'dark'] as const) {
      const session = await openSession({ colorScheme });
      const { page, harness } = session;
      const shot = screenshotTaker(page, outDir, colorScheme);
      try {
        await page.goto(harness.url);
        await page.getByRole('heading', { name: 'Import resumes' }).waitFor();
        harness.dialogs.importFolders = [folder.path];
        await page.getByRole('button', { name: 'Choose folder…' }).click();
        // The scanned page usually takes seconds, long enough to catch the progress detail; with a
        // warm machine it can finish first, and then there is no running state to show.
        const detail = page.getByTestId('progress-detail').filter({ hasText: /reading scanned page/ });
        await detail.or(page.getByTestId('import-result')).first().waitFor({ timeout: 60_000 });
        if (await detail.isVisible()) await shot('20-import-ocr-running');
        else console.log(`20-import-ocr-running-${colorScheme}: the import finished before its progress could be caught`);
        await page.getByTestId('import-result').waitFor({ timeout: 180_000 });
        await shot('21-import-ocr-result');

        await page.reload();
        await page.getByRole('navigation').getByRole('button', { name: /^Candidates/ }).click();
        await page.getByRole('grid', { name: 'Candidates' }).waitFor();
        await page.getByLabel('Search candidates').fill('Maya');
        await page.getByRole('button', { name: 'Maya Lindqvist' }).click();
        await page.getByTestId('reading-line').waitFor();
        await shot('22-candidate-ocr');

        await page.getByRole('navigation').getByRole('button', { name: /^Review/ }).click();
        await page.getByTestId('review-item').first().locator('img').waitFor({ timeout: 30_000 });
        await shot('23-review-list');
        await page.getByRole('button', { name: 'Open candidate' }).first().click();
        await page.getByTestId('reading-line').waitFor();
        await shot('24-candidate-ocr-unsure');
      } finally {
        await session.close();
      }
    }
  } finally {
    folder.remove();
  }
}
