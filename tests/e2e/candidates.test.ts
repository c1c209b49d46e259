// The candidate list and the candidate screen, on a database seeded with the bundled samples.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CandidateDetail, CandidateListItem } from '../../contract/types.ts';
import { sortCandidates } from '../../contract/candidate-list.ts';
import { openSession, type Session } from './browser.ts';
import { openWithSamples, post, rowNames } from './helpers.ts';
import type { PageGlobals } from './page-types.ts';

describe('candidates', () => {
  let session: Session;
  let items: CandidateListItem[];

  const byName = (name: string) => {
    const item = items.find((candidate) => candidate.name === name);
    if (!item) throw new Error(`no candidate ${name}`);
    return item;
  };

  beforeAll(async () => {
    session = await openSession();
    await openWithSamples(session.page, session.harness);
    const listed = await post(session.harness, 'candidates.list', {});
    if (!listed.json.ok) throw new Error(listed.json.error);
    // In the order the screen first shows them.
    items = sortCandidates(listed.json.value as CandidateListItem[], 'evidence', 'desc');
  });
  afterAll(async () => {
    await session?.close();
  });

  test('the list shows every candidate, sorted by evidence', async () => {
    const names = await rowNames(session.page);
    expect(names).toEqual(items.map((item) => item.name));
    expect(items.length).toBeGreaterThanOrEqual(5);
  });

  test('search narrows the table as the user types; / focuses it and Escape clears it', async () => {
    const { page } = session;
    await page.locator('body').press('/');
    const search = page.getByLabel('Search candidates');
    await expect(search.evaluate((input) => input === (globalThis as unknown as PageGlobals).document.activeElement)).resolves.toBe(true);
    await search.pressSequentially('brenan'); // fuzzy: one letter short
    await expect.poll(() => rowNames(page)).toEqual(['Keiko Brennan']);
    await expect(page.getByTestId('result-count').textContent()).resolves.toBe(`1 of ${items.length} candidates`);
    await search.press('Escape');
    await expect.poll(async () => (await rowNames(page)).length).toBe(items.length);
  });

  test('filters narrow the table: sub-role and padding', async () => {
    const { page } = session;
    const subRole = byName('Keiko Brennan').subRole;
    expect(subRole).not.toBeNull();
    await page.getByLabel('Sub-role').selectOption(subRole ?? '');
    await expect.poll(() => rowNames(page)).toEqual(items.filter((item) => item.subRole === subRole).map((item) => item.name));
    await page.getByLabel('Sub-role').selectOption('');

    await page.getByLabel('Padding').selectOption('padded');
    const padded = items.filter((item) => item.isPadded === true).map((item) => item.name);
    expect(padded.length).toBeGreaterThan(0);
    await expect.poll(() => rowNames(page)).toEqual(padded);
    await page.getByRole('button', { name: /^Clear 1 filter/ }).click();
    await expect.poll(async () => (await rowNames(page)).length).toBe(items.length);
  });

  test('a tool filter separates shipped from listed', async () => {
    const { page } = session;
    const tool = items.flatMap((item) => item.toolsShipped).find((id) => items.some((item) => item.toolsListed.includes(id)));
    if (!tool) return; // the samples always have one today; nothing to check otherwise
    await page.getByLabel('Tool', { exact: true }).selectOption(tool);
    await page.getByLabel('Tool use').selectOption('evidence');
    await expect.poll(() => rowNames(page)).toEqual(items.filter((item) => item.toolsShipped.includes(tool)).map((item) => item.name));
    await page.getByLabel('Tool use').selectOption('listed');
    await expect.poll(() => rowNames(page)).toEqual(items.filter((item) => item.toolsListed.includes(tool)).map((item) => item.name));
    await page.getByLabel('Tool', { exact: true }).selectOption('');
  });

  test('sorting by name from the column header', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Candidate', exact: true }).click();
    const sorted = items.map((item) => item.name ?? '').sort((a, b) => a.localeCompare(b));
    await expect.poll(() => rowNames(page)).toEqual(sorted);
    await page.getByRole('button', { name: /^Evidence/ }).click();
    await expect.poll(() => rowNames(page)).toEqual(items.map((item) => item.name));
  });

  test('j/k and arrows move the selection, Enter opens the candidate', async () => {
    const { page } = session;
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('k');
    const selected = page.locator('.table-row[aria-selected="true"] .name');
    await expect(selected.textContent()).resolves.toBe(items[1]?.name);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: items[1]?.name ?? '' }).waitFor();
    await page.getByRole('button', { name: '← Candidates' }).click();
    await page.getByRole('grid', { name: 'Candidates' }).waitFor();
  });

  test('clicking a flag scrolls the resume text to its line and highlights it', async () => {
    const { page, harness } = session;
    const target = items.find((item) => item.isPadded) ?? items[0];
    if (!target) throw new Error('no candidates');
    const detail = (await post(harness, 'candidates.get', { id: target.id })).json;
    if (!detail.ok) throw new Error(detail.error);
    const { analysis, resumeText } = detail.value as CandidateDetail;
    const flags = analysis?.flags ?? [];
    expect(flags.length).toBeGreaterThan(0);

    await page.getByRole('button', { name: target.name ?? '' }).click();
    await page.getByRole('heading', { level: 1, name: target.name ?? '' }).waitFor();
    // Click the last flag (usually furthest down the resume), then the first.
    for (const button of [page.locator('.flag').last(), page.locator('.flag').first()]) {
      const line = Number(await button.getAttribute('data-line'));
      await button.click();
      const active = page.locator('.resume-line.is-active');
      await expect.poll(() => active.getAttribute('data-line')).toBe(String(line));
      await expect(active.locator('.line-number').textContent()).resolves.toBe(String(line));
      const expectedText = (resumeText ?? '').split(/\r?\n/)[line - 1] ?? '';
      await expect(active.locator('.line-text').textContent()).resolves.toBe(expectedText === '' ? '\u00a0' : expectedText);
      expect(await button.getAttribute('aria-pressed')).toBe('true');
      // It is scrolled into the visible part of the resume panel.
      await expect.poll(() =>
        active.evaluate((element) => {
          const panel = element.closest('.resume-text');
          if (!panel) return false;
          const a = element.getBoundingClientRect();
          const b = panel.getBoundingClientRect();
          return a.top >= b.top && a.bottom <= b.bottom;
        }),
      ).toBe(true);
    }
    // Highlight kinds differ: a padding flag's line is coloured as padding.
    const paddingFlag = flags.find((flag) => flag.kind === 'padding' && flags.every((other) => other.line !== flag.line || other.kind !== 'risk'));
    if (paddingFlag) await expect(page.locator(`.resume-line[data-line="${paddingFlag.line}"]`).getAttribute('class')).resolves.toContain('line-padding');
  });

  test('links are shown as text, never as something that opens', async () => {
    await expect(session.page.locator('a[href]').count()).resolves.toBe(0);
  });

  test('status changes are saved and shown in the list', async () => {
    const { page, harness } = session;
    await page.getByLabel('Status').selectOption('advanced');
    const name = (await page.locator('h1').textContent()) ?? '';
    const row = () => harness.ctx.db.prepare<[string], { status: string }>('SELECT status FROM candidates WHERE name = ?').get(name);
    await expect.poll(() => row()?.status).toBe('advanced');
    await page.getByRole('button', { name: '← Candidates' }).click();
    await expect(page.locator('.table-row', { hasText: name }).locator('.badge-status').textContent()).resolves.toBe('Advanced');
  });

  test('notes autosave', async () => {
    const { page, harness } = session;
    const target = byName('Keiko Brennan');
    await page.getByRole('button', { name: 'Keiko Brennan' }).click();
    await page.getByRole('textbox', { name: 'Notes' }).fill('Strong on GPU scheduling. Ask about the 2023 outage.');
    await expect.poll(() => page.getByTestId('notes-state').textContent()).toBe('Saved');
    const notes = harness.ctx.db.prepare<[number], { notes: string }>('SELECT notes FROM candidates WHERE id = ?').get(target.id)?.notes;
    expect(notes).toBe('Strong on GPU scheduling. Ask about the 2023 outage.');
  });

  test('exporting a brief reports where it went, or why it failed', async () => {
    const { page, harness } = session;
    const path = join(harness.dataDir, 'keiko.pdf');
    harness.dialogs.savePath = path;
    await page.getByRole('button', { name: 'Export brief…' }).click();
    const success = page.getByRole('status').filter({ hasText: 'Brief saved to' });
    const failure = page.getByRole('alert').filter({ hasText: 'The brief could not be exported' });
    await expect.poll(async () => (await success.count()) + (await failure.count()), { timeout: 30_000 }).toBe(1);
    if ((await success.count()) === 1) expect(existsSync(path)).toBe(true);
  });

  test('an error from the app is shown in words the recruiter can read', async () => {
    const { page, harness } = session;
    const target = byName('Keiko Brennan');
    harness.ctx.db.prepare('DELETE FROM candidates WHERE id = ?').run(target.id); // gone behind the UI's back
    await page.getByLabel('Status').selectOption('on-hold');
    await expect(page.getByRole('alert').textContent()).resolves.toContain(`Candidate ${target.id} does not exist`);
    await page.getByRole('button', { name: '← Candidates' }).click();
  });

  test('deleting a candidate asks first, then removes every trace from the list and the database', async () => {
    const { page, harness } = session;
    const target = byName('Jordan Vale');
    await page.getByRole('button', { name: 'Jordan Vale' }).click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Jordan Vale?' });
    await dialog.waitFor();
    // Cancel keeps it.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog.count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete candidate' }).click();
    await page.getByRole('grid', { name: 'Candidates' }).waitFor();
    await expect.poll(() => rowNames(page)).not.toContain('Jordan Vale');

    const db = harness.ctx.db;
    const count = (sql: string) => db.prepare<[number], { n: number }>(sql).get(target.id)?.n;
    expect(count('SELECT COUNT(*) AS n FROM candidates WHERE id = ?')).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM resume_files WHERE candidate_id = ?')).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM analyses WHERE candidate_id = ?')).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM candidate_tools WHERE candidate_id = ?')).toBe(0);
    expect(session.pageErrors.filter((message) => !message.includes('does not exist'))).toEqual([]);
  });
});
