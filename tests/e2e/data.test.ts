// Erasure with "don't import again", backups and the audit log, driven through the renderer.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CandidateListItem, ImportSummary } from '../../contract/types.ts';
import { openSession, type Session } from './browser.ts';
import { openWithSamples, post, rowNames } from './helpers.ts';

describe('data care screens', () => {
  let session: Session;
  let maya: CandidateListItem;

  beforeAll(async () => {
    session = await openSession();
    await openWithSamples(session.page, session.harness);
    const listed = await post(session.harness, 'candidates.list', {});
    if (!listed.json.ok) throw new Error(listed.json.error);
    const found = (listed.json.value as CandidateListItem[]).find((item) => item.name === 'Maya Lindqvist');
    if (!found) throw new Error('no Maya Lindqvist in the samples');
    maya = found;
  });
  afterAll(async () => {
    await session?.close();
  });

  test('deleting with "don\'t import this person again" erases her and the next import skips her file', async () => {
    const { page, harness } = session;
    await page.getByRole('button', { name: 'Maya Lindqvist' }).click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Maya Lindqvist?' });
    await dialog.getByRole('checkbox', { name: /import this person again/ }).check();
    await dialog.getByRole('button', { name: 'Delete candidate' }).click();
    await page.getByRole('grid', { name: 'Candidates' }).waitFor();
    await expect.poll(() => rowNames(page)).not.toContain('Maya Lindqvist');
    expect(harness.ctx.db.prepare('SELECT kind FROM suppressions ORDER BY kind').all()).toEqual([{ kind: 'email-sha256' }, { kind: 'file-sha256' }]);

    const again = await post(harness, 'import.samples', {});
    if (!again.json.ok) throw new Error(again.json.error);
    const summary = again.json.value as ImportSummary;
    expect(summary.imported).toBe(0);
    expect(summary.skipped).toHaveLength(1);
    expect(summary.skipped[0]?.file).toMatch(/maya-lindqvist/);
  });

  test('the audit log lists the erasure, and filters by candidate', async () => {
    const { page } = session;
    await page.getByRole('navigation').getByRole('button', { name: 'Audit log' }).click();
    await page.getByRole('heading', { name: 'Audit log', exact: true }).waitFor();
    await page.getByLabel('Candidate #').fill(String(maya.id));
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    const rows = page.getByRole('table').getByRole('row');
    await expect.poll(() => rows.count()).toBe(3); // header, the erasure, the import
    await expect(rows.nth(1).textContent()).resolves.toContain('Erased');
    await expect(rows.nth(1).textContent()).resolves.toContain('future imports skip this person');
    expect(await page.getByRole('table').textContent()).not.toContain('Maya');
  });

  test('Back up now adds a backup to the list', async () => {
    const { page } = session;
    await page.getByRole('navigation').getByRole('button', { name: 'Backups' }).click();
    await page.getByRole('heading', { name: 'Backups', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Backed up' }).textContent()).resolves.toMatch(/^Backed up \d+ candidates/);
    // The list reloads after the notice appears: wait for the row rather than count at once.
    const restoreButtons = page.getByRole('button', { name: /^Restore the backup of/ });
    await restoreButtons.first().waitFor();
    await expect.poll(() => restoreButtons.count()).toBe(1);
    expect(session.pageErrors).toEqual([]);
  });
});
