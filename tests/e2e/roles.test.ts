// A role end to end in Chromium: the intake suggests the sub-role and shows the band with its
// sources, the samples are ranked with reasons, two are shortlisted, one is screened from the
// role (its extra kits shown) and the brief names the role, the fit and the band.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openSession, type Session } from './browser.ts';
import { openWithSamples } from './helpers.ts';
import { fillIntake, roleTitle } from './roles-flow.ts';
import { readPdf, squash } from '../briefs/helpers.ts';
import { listShortlist } from '../../db/queries/roles.ts';

let session: Session;
beforeAll(async () => {
  session = await openSession();
  await openWithSamples(session.page, session.harness);
});
afterAll(async () => {
  await session?.close();
});

describe('roles (e2e)', () => {
  it('intake → suggestion → band → ranked samples → shortlist two → screen one → brief', async () => {
    const { page, harness } = session;
    await fillIntake(page);
    const suggestion = page.getByLabel('Suggestion');
    expect(await suggestion.textContent()).toContain('Suggested: Applied MLOps');
    expect(await suggestion.textContent()).toContain('“Drift alert on the fraud model” → Applied MLOps');
    expect(await page.getByLabel('Readiness').textContent()).toContain('past the bar');
    expect(await page.getByLabel('Engagement guidance').textContent()).toContain('invoices through their own company');
    const band = page.getByLabel('Band figures and sources');
    await expect.poll(() => band.textContent()).toContain('$1,250–$1,750/day × (1 + 11–16% LLM serving at scale) = $1,388–$2,030/day');
    expect(await band.textContent()).toContain('Source: Acceler8 Talent, Jun 2026');
    expect(await band.textContent()).toContain('No figure in the guides: The guides give no day rate for Seattle of its own');

    await page.getByRole('button', { name: 'Create role' }).click();
    await page.getByRole('heading', { level: 1, name: roleTitle }).waitFor();
    const ranked = page.getByRole('list', { name: 'Ranked candidates' });
    await expect.poll(() => ranked.getByRole('listitem').count()).toBe(6);
    const first = ranked.getByRole('listitem').first();
    expect(await first.getAttribute('aria-label')).toBe('Maya Lindqvist');
    await first.getByRole('button', { name: 'Why' }).click();
    const parts = first.getByRole('table', { name: 'Fit of Maya Lindqvist' });
    expect(await parts.textContent()).toContain('Must-have: Amazon SageMaker12.5/12.5Used in described work.');
    expect(await parts.textContent()).toMatch(/line \d+: • Cut SageMaker training cost/);

    await page.getByLabel('Every must-have backed by evidence').check();
    await expect.poll(() => ranked.getByRole('listitem').count()).toBe(1);
    await page.getByLabel('Every must-have backed by evidence').uncheck();
    await expect.poll(() => ranked.getByRole('listitem').count()).toBe(6);

    await page.getByLabel('Shortlist note for Maya Lindqvist').fill('Ran SageMaker cost work');
    await ranked.getByRole('listitem', { name: 'Maya Lindqvist' }).getByRole('button', { name: 'Shortlist', exact: true }).click();
    await ranked.getByRole('listitem').nth(1).getByRole('button', { name: 'Shortlist', exact: true }).click();
    const shortlist = page.getByRole('list', { name: 'Shortlist' });
    await expect.poll(() => shortlist.getByRole('listitem').count()).toBe(2);
    expect(await shortlist.textContent()).toContain('Ran SageMaker cost work');
    const roleId = Number(harness.ctx.db.prepare('SELECT id FROM roles').pluck().get());
    expect(listShortlist(harness.ctx.db, roleId).map((entry) => entry.note)).toEqual(['Ran SageMaker cost work', '']);

    const briefPath = join(harness.dropFolder, 'maya-brief.pdf');
    harness.dialogs.savePath = briefPath;
    await shortlist.getByRole('listitem').first().getByRole('button', { name: 'Brief…' }).click();
    await page.getByText(`Brief saved to ${briefPath}`).waitFor({ timeout: 30_000 });
    const brief = squash((await readPdf(briefPath)).text);
    expect(brief).toContain(`Fit for the role: ${roleTitle}`);
    expect(brief).toContain('$1,388–$2,030/day');

    await ranked.getByRole('listitem', { name: 'Maya Lindqvist' }).getByRole('button', { name: 'Screen', exact: true }).click();
    const banner = page.getByRole('note', { name: 'Role of this call' });
    await expect.poll(() => banner.textContent()).toContain(`For: ${roleTitle}`);
    expect(await banner.textContent()).toContain('On-call: latency spike after a deploy');
    expect(Number(harness.ctx.db.prepare('SELECT role_id FROM role_screenings').pluck().get())).toBe(roleId);
    expect(session.pageErrors).toEqual([]);
  });
});
