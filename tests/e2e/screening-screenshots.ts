// Screenshots of the screening call screen, the finish scorecard, the read-only
// scorecard and the script editor, light and dark, 1280×800, into .screenshots/.
// Run: npx node tests/e2e/screening-screenshots.ts
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openSession } from './browser.ts';
import { shootInBothSchemes } from './helpers.ts';
import { openCandidate, seedScreeningCandidate } from './screening-seed.ts';
import { repoRoot } from '../harness/server.ts';

const outDir = join(repoRoot, '.screenshots');

function shoot(page: Page, name: string): Promise<void> {
  return shootInBothSchemes(page, outDir, `screening-${name}`);
}

export async function takeScreeningScreenshots(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const session = await openSession();
  try {
    const { page, harness } = session;
    seedScreeningCandidate(harness.ctx);
    await openCandidate(page, harness.url);
    await page.getByRole('button', { name: 'Start screening' }).first().click();
    await page.keyboard.press('Enter');
    await page.getByTestId('prompt').waitFor();

    // Question 1 mid-call: ticks, a flag, a rating, a note.
    await page.keyboard.press('1');
    await page.keyboard.press('2');
    await page.keyboard.press('4');
    await page.keyboard.press('Shift+Digit1');
    await page.keyboard.press('r');
    await page.keyboard.press('3');
    await page.keyboard.press('n');
    await page.keyboard.type('Opened with "what does bad look like". Knows PSI, unsure about label delay.');
    await page.keyboard.press('Escape');
    await page.getByTestId('saved').waitFor();
    await page.waitForTimeout(1100);
    await shoot(page, 'call');

    const ratings = ['4', '3', '2', '3'];
    for (const rating of ratings) {
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('1');
      await page.keyboard.press('r');
      await page.keyboard.press(rating);
    }
    await page.keyboard.press('Shift+Digit3');
    await page.keyboard.press('n');
    await page.keyboard.type('Story was about a churn model; no numbers on impact.');
    await page.keyboard.press('Escape');
    await page.getByTestId('saved').waitFor();
    await shoot(page, 'call-probe');

    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Scorecard' }).waitFor();
    await page.keyboard.press('a');
    await shoot(page, 'finish');

    await page.keyboard.press('Enter');
    await page.getByTestId('final-recommendation').waitFor();
    await shoot(page, 'scorecard');

    await page.getByRole('button', { name: 'Screening script' }).click();
    await page.getByText('Script title').waitFor();
    await page.getByRole('button', { name: /Production data and compliance/ }).click();
    await page.getByLabel('Red flag 1', { exact: true }).fill('');
    await page.getByRole('button', { name: /Save as version/ }).click();
    await page.locator('.sc-field-error').first().waitFor();
    await shoot(page, 'editor-error');
    if (session.pageErrors.length > 0) console.error('page errors:', session.pageErrors);
  } finally {
    await session.close();
  }
}

if (import.meta.filename === process.argv[1]) await takeScreeningScreenshots();
