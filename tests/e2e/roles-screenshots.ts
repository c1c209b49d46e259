// Screenshots of the Roles screens, light and dark, 1280×800, into .screenshots/:
// the intake with its suggestion and band, the role with its ranking and shortlist, the
// fit on the candidate screen and a screening started from the role.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openSession } from './browser.ts';
import { openWithSamples, shootInBothSchemes } from './helpers.ts';
import { fillIntake, roleTitle } from './roles-flow.ts';
import { repoRoot } from '../harness/server.ts';

const outDir = join(repoRoot, '.screenshots');

function shoot(page: Page, name: string): Promise<void> {
  return shootInBothSchemes(page, outDir, `roles-${name}`);
}

export async function takeRolesScreenshots(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const session = await openSession();
  try {
    const { page, harness } = session;
    await openWithSamples(page, harness);
    await page.getByRole('navigation').getByRole('button', { name: /^Roles/ }).click();
    await page.getByText('No roles yet').waitFor();
    await shoot(page, '01-empty');

    await fillIntake(page);
    await page.locator('.screen').evaluate((element) => element.scrollTo(0, 0));
    await shoot(page, '02-intake');
    await page.locator('.screen').evaluate((element) => element.scrollTo(0, element.scrollHeight));
    await shoot(page, '03-intake-details');

    await page.getByRole('button', { name: 'Create role' }).click();
    await page.getByRole('heading', { level: 1, name: roleTitle }).waitFor();
    const ranked = page.getByRole('list', { name: 'Ranked candidates' });
    await ranked.getByRole('listitem').first().waitFor();
    await ranked.getByRole('listitem').first().getByRole('button', { name: 'Shortlist', exact: true }).click();
    await ranked.getByRole('listitem').nth(1).getByRole('button', { name: 'Shortlist', exact: true }).click();
    await page.getByRole('list', { name: 'Shortlist' }).getByRole('listitem').nth(1).waitFor();
    await ranked.getByRole('listitem').first().getByRole('button', { name: 'Why' }).click();
    await shoot(page, '04-role-ranked');
    await page.locator('.screen').evaluate((element) => element.scrollTo(0, 900));
    await shoot(page, '05-role-band');

    await page.getByRole('navigation').getByRole('button', { name: /^Roles/ }).click();
    await page.getByRole('table', { name: 'Roles' }).waitFor();
    await shoot(page, '06-list');

    await page.getByRole('button', { name: roleTitle }).click();
    await ranked.getByRole('listitem').first().getByRole('button', { name: 'Screen', exact: true }).click();
    await page.getByRole('note', { name: 'Role of this call' }).getByText('On-call').waitFor();
    await shoot(page, '07-screening-from-role');

    await page.goto(harness.url);
    await page.getByRole('grid', { name: 'Candidates' }).waitFor();
    await page.getByLabel('Search candidates').fill('Tomás');
    await page.getByRole('button', { name: 'Tomás Okafor' }).click();
    await page.getByRole('heading', { name: 'Fit for a role' }).waitFor();
    await page.getByRole('heading', { name: 'Fit for a role' }).scrollIntoViewIfNeeded();
    await shoot(page, '08-candidate-fit');
  } finally {
    await session.close();
  }
}
