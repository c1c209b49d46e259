// A recruiter corrects a candidate on the candidate screen and the list follows: filter, marks, undo.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CandidateListItem } from '../../contract/types.ts';
import { subRoleLabels } from '../../contract/analysis.ts';
import { openSession, type Session } from './browser.ts';
import { openWithSamples, post, rowNames } from './helpers.ts';

describe('recruiter corrections', () => {
  let session: Session;
  let target: CandidateListItem;
  /** A sub-role the engine did not give the target, and that some other candidate has. */
  let newSubRole: NonNullable<CandidateListItem['subRole']>;

  beforeAll(async () => {
    session = await openSession();
    await openWithSamples(session.page, session.harness);
    const listed = await post(session.harness, 'candidates.list', {});
    if (!listed.json.ok) throw new Error(listed.json.error);
    const items = listed.json.value as CandidateListItem[];
    const found = items.find((item) => item.name === 'Maya Lindqvist');
    if (!found?.subRole) throw new Error('sample Maya Lindqvist missing or not analysed');
    target = found;
    const other = items.find((item) => item.subRole !== null && item.subRole !== found.subRole)?.subRole;
    if (!other) throw new Error('the samples have one sub-role only');
    newSubRole = other;
  });
  afterAll(async () => {
    await session?.close();
  });

  test('correcting the sub-role moves the candidate under the new sub-role filter, marked as the recruiter\'s', async () => {
    const { page } = session;
    await page.getByLabel('Sub-role').selectOption(newSubRole);
    await expect.poll(() => rowNames(page)).not.toContain('Maya Lindqvist');
    await page.getByLabel('Sub-role').selectOption('');

    await page.getByRole('button', { name: 'Maya Lindqvist' }).click();
    await page.getByRole('heading', { level: 1, name: 'Maya Lindqvist' }).waitFor();
    await page.getByLabel('Correct', { exact: true }).selectOption('subRole');
    await page.getByLabel('To', { exact: true }).selectOption(newSubRole);
    await page.getByLabel('Note (optional)').fill('Runs the shared training platform');
    await page.getByRole('button', { name: 'Save correction' }).click();

    const inForce = page.getByRole('list', { name: 'Corrections in force' });
    await expect.poll(() => inForce.textContent()).toContain(`Recruiter: ${subRoleLabels[newSubRole]} — engine said ${subRoleLabels[target.subRole ?? 'devops']}`);
    await expect(inForce.textContent()).resolves.toContain('Runs the shared training platform');
    await expect(page.getByRole('region', { name: 'Summary' }).getByText('Recruiter', { exact: true }).count()).resolves.toBe(1);

    await page.getByRole('button', { name: '← Candidates' }).click();
    await page.getByLabel('Sub-role').selectOption(newSubRole);
    await expect.poll(() => rowNames(page)).toContain('Maya Lindqvist');
    const row = page.locator('.table-row', { hasText: 'Maya Lindqvist' });
    await expect(row.getByLabel('corrected by the recruiter').count()).resolves.toBe(1);

    // Stored, not only shown: a fresh load of the page still has it.
    await page.reload();
    await page.getByRole('grid', { name: 'Candidates' }).waitFor();
    await page.getByLabel('Sub-role').selectOption(newSubRole);
    await expect.poll(() => rowNames(page)).toContain('Maya Lindqvist');
    await page.getByLabel('Sub-role').selectOption('');
  });

  test('undo restores the engine\'s verdict in the list', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Maya Lindqvist' }).click();
    await page.getByRole('heading', { level: 1, name: 'Maya Lindqvist' }).waitFor();
    await page.getByRole('list', { name: 'Corrections in force' }).getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.getByRole('heading', { name: /Your corrections/ }).textContent()).toContain('0');
    await page.getByRole('button', { name: '← Candidates' }).click();
    await page.getByLabel('Sub-role').selectOption(newSubRole);
    await expect.poll(() => rowNames(page)).not.toContain('Maya Lindqvist');
    await page.getByLabel('Sub-role').selectOption('');
  });

  test('a refused correction is explained on the screen', async () => {
    const { page, harness } = session;
    await page.getByRole('button', { name: 'Maya Lindqvist' }).click();
    await page.getByRole('heading', { level: 1, name: 'Maya Lindqvist' }).waitFor();
    // The candidate disappears behind the screen's back, so the save fails.
    harness.ctx.db.prepare('DELETE FROM candidates WHERE id = ?').run(target.id);
    await page.getByRole('button', { name: 'Save correction' }).click();
    await expect.poll(() => page.locator('.corrections-panel .error-text').textContent()).toContain(`Candidate ${target.id} does not exist`);
  });
});
