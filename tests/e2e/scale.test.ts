// 10,000 candidates: the table renders only what is visible, scrolls to the end,
// and search answers while typing.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { insertCandidate } from '../../db/queries/candidates.ts';
import { openSession, type Session } from './browser.ts';
import { rowNames } from './helpers.ts';

const count = 10_000;
const firstNames = ['Avery', 'Jordan', 'Riley', 'Morgan', 'Casey', 'Quinn', 'Rowan', 'Sasha', 'Devon', 'Emerson'];
const cities = ['Austin, TX', 'Berlin, Germany', 'Toronto, ON', 'Lisbon, Portugal', 'Denver, CO'];

describe('10,000 candidates', () => {
  let session: Session;

  beforeAll(async () => {
    session = await openSession();
    const { db } = session.harness.ctx;
    const now = new Date('2026-01-01T00:00:00Z').toISOString();
    db.transaction(() => {
      for (let index = 0; index < count; index += 1) {
        const name = `${firstNames[index % firstNames.length]} Tester${String(index).padStart(5, '0')}`;
        insertCandidate(
          db,
          `email:t${index}@example.com`,
          { name, email: `t${index}@example.com`, phone: null, location: cities[index % cities.length] ?? null, currentTitle: 'MLOps Engineer', employers: ['Acme'] },
          now,
        );
      }
      insertCandidate(db, 'email:needle@example.com', { name: 'Zebulon Quist', email: 'needle@example.com', phone: null, location: 'Oslo, Norway', currentTitle: 'ML Platform Lead', employers: ['Fjord AI'] }, now);
    })();
  });
  afterAll(async () => {
    await session?.close();
  });

  test('the strongest candidates are on screen before the whole list has arrived', async () => {
    const { page } = session;
    // Hold the whole list back until the first page is on screen.
    let releaseList = () => {};
    const listHeld = new Promise<void>((resolve) => (releaseList = resolve));
    await page.route('**/api/candidates.list', async (route) => {
      await listHeld;
      await route.continue();
    });
    await page.goto(session.harness.url);
    await page.getByRole('grid', { name: 'Candidates' }).waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('result-count').textContent()).toBe(`100 of ${(count + 1).toLocaleString('en-US')} candidates`);
    expect(await page.locator('.table-row').count()).toBeGreaterThan(0);
    releaseList();
    await expect.poll(() => page.getByTestId('result-count').textContent(), { timeout: 30_000 }).toBe(`${(count + 1).toLocaleString('en-US')} candidates`);
    await page.unroute('**/api/candidates.list');
  });

  test('only the visible rows are in the DOM, and the end of the list is reachable', async () => {
    const { page } = session;
    await expect(page.getByTestId('result-count').textContent()).resolves.toBe(`${(count + 1).toLocaleString('en-US')} candidates`);
    expect(await page.locator('.table-row').count()).toBeLessThan(60);
    await page.getByTestId('candidate-rows').evaluate((element) => {
      (element as unknown as { scrollTop: number }).scrollTop = 10_000_000;
    });
    await expect.poll(() => page.locator(`.table-row[aria-rowindex="${count + 2}"]`).count()).toBe(1);
    expect(await page.locator('.table-row').count()).toBeLessThan(60);
  });

  // How fast it answers is measured by \`npm run bench\` (search per keystroke at 10,000 candidates), not here.
  test('search narrows the whole list as the recruiter types', async () => {
    const { page } = session;
    const search = page.getByLabel('Search candidates');
    await search.focus();
    await search.pressSequentially('zebulon', { delay: 30 });
    await expect.poll(() => rowNames(page), { timeout: 10_000 }).toEqual(['Zebulon Quist']);
    await expect(page.getByTestId('result-count').textContent()).resolves.toBe(`1 of ${(count + 1).toLocaleString('en-US')} candidates`);
  });
});
