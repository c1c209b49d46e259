// `npm run screenshots`: PNGs of every screen at 1280×800, light and dark, into
// .screenshots/ (git-ignored). Runs the real app in the browser harness.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openSession } from './browser.ts';
import { makeResumeFolder, post, screenshotTaker } from './helpers.ts';
import { repoRoot } from '../harness/server.ts';
import { takeScreeningScreenshots } from './screening-screenshots.ts';
import { takeRolesScreenshots } from './roles-screenshots.ts';
import { takeOcrScreenshots } from './ocr-screenshots.ts';

const outDir = join(repoRoot, '.screenshots');
mkdirSync(outDir, { recursive: true });

const folder = makeResumeFolder(160, {
  'scanned-contract.pdf': '%PDF-1.7\nnot really a pdf\n',
  'empty-notes.txt': '',
  'holiday-photo.jpg': Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]),
});

try {
  for (const colorScheme of ['light', 'dark'] as const) {
    const session = await openSession({ colorScheme });
    const { page, harness } = session;
    const shot = screenshotTaker(page, outDir, colorScheme);
    try {
      await page.goto(harness.url);
      await page.getByRole('heading', { name: 'Import resumes' }).waitFor();
      await shot('01-import-empty');

      harness.dialogs.importFolders = [folder.path];
      await page.getByRole('button', { name: 'Choose folder…' }).click();
      await page.locator('[data-testid="import-progressbar"][data-phase="importing"]').waitFor({ timeout: 60_000 });
      await page.waitForFunction(() => {
        const bar = (globalThis as unknown as { document: { querySelector(s: string): { getAttribute(n: string): string | null } | null } }).document.querySelector(
          '[data-testid="import-progressbar"]',
        );
        return Number(bar?.getAttribute('aria-valuenow') ?? 0) >= 20;
      });
      await shot('02-import-running');
      await page.getByTestId('import-result').waitFor({ timeout: 120_000 });
      await shot('03-import-result');

      const seeded = await post(harness, 'import.samples', {});
      if (!seeded.json.ok) throw new Error(seeded.json.error);
      await page.getByRole('navigation').getByRole('button', { name: /^Candidates/ }).click();
      await page.reload();
      await page.getByRole('grid', { name: 'Candidates' }).waitFor();
      await page.keyboard.press('j');
      await page.keyboard.press('j');
      await shot('04-candidates');

      await page.getByLabel('Evidence', { exact: true }).selectOption('strong');
      await page.getByLabel('Search candidates').fill('kserve');
      await shot('05-candidates-filtered');
      await page.getByLabel('Search candidates').fill('zzzzqqq');
      await shot('06-candidates-no-match');
      await page.getByLabel('Search candidates').fill('');
      await page.getByLabel('Evidence', { exact: true }).selectOption('');

      await page.getByLabel('Search candidates').fill('Jordan Vale');
      await page.getByRole('button', { name: 'Jordan Vale' }).click();
      await page.getByRole('heading', { level: 1, name: 'Jordan Vale' }).waitFor();
      await shot('07-candidate');
      await page.locator('.flag').nth(2).click();
      await page.waitForTimeout(600);
      await shot('08-candidate-flag');

      await page.getByRole('button', { name: 'Delete', exact: true }).click();
      await page.getByRole('dialog').waitFor();
      await shot('09-delete-confirm');
      await page.getByRole('dialog').getByRole('checkbox', { name: /import this person again/ }).check();
      await shot('11-delete-suppress');
      await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

      await page.getByRole('button', { name: '← Candidates' }).click();
      await page.getByLabel('Search candidates').fill('Maya');
      await page.getByRole('button', { name: 'Maya Lindqvist' }).click();
      await page.getByRole('heading', { level: 1, name: 'Maya Lindqvist' }).waitFor();
      await page.locator('.candidate-analysis').evaluate((element) => element.scrollTo(0, 700));
      await shot('10-candidate-strong-scrolled');

      // A corrected candidate: sub-role with a note, and padding.
      await page.locator('.candidate-analysis').evaluate((element) => element.scrollTo(0, 0));
      await page.getByLabel('Correct', { exact: true }).selectOption('subRole');
      await page.getByLabel('To', { exact: true }).selectOption('ml-platform');
      await page.getByLabel('Note (optional)').fill('Runs the shared training platform other teams deploy to');
      await page.getByRole('button', { name: 'Save correction' }).click();
      await page.getByRole('list', { name: 'Corrections in force' }).waitFor();
      await page.getByLabel('Correct', { exact: true }).selectOption('padding');
      await page.getByRole('button', { name: 'Save correction' }).click();
      await page.getByRole('list', { name: 'Corrections in force' }).getByRole('listitem').nth(1).waitFor();
      await shot('16-candidate-corrected');

      const status = await post(harness, 'candidates.setStatus', { id: 2, status: 'advanced' });
      if (!status.json.ok) throw new Error(status.json.error);
      await page.getByRole('navigation').getByRole('button', { name: 'Backups' }).click();
      await page.getByRole('heading', { name: 'Backups', exact: true }).waitFor();
      await page.getByRole('button', { name: 'Back up now' }).click();
      await page.getByRole('status').filter({ hasText: 'Backed up' }).waitFor();
      await shot('12-backups');
      await page.getByRole('button', { name: /^Restore the backup of/ }).first().click();
      await page.getByRole('dialog').waitFor();
      await shot('13-backup-restore-confirm');
      await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

      await page.getByRole('navigation').getByRole('button', { name: 'Audit log' }).click();
      await page.getByRole('heading', { name: 'Audit log', exact: true }).waitFor();
      await page.getByRole('table').waitFor();
      await shot('14-audit-log');
      await page.getByRole('button', { name: '#2', exact: true }).first().click();
      await page.getByRole('button', { name: 'All candidates' }).waitFor();
      await shot('15-audit-log-candidate');
    } finally {
      await session.close();
    }
  }
} finally {
  folder.remove();
}

await takeScreeningScreenshots();
await takeRolesScreenshots();
await takeOcrScreenshots();
