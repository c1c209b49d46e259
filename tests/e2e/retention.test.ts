// The Retention screen: set the rule, see who is due, keep one, erase the rest (with a
// confirmation). Writes its screenshots, light and dark, to .screenshots/.
import { afterAll, describe, expect, test } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, type Session } from './browser.ts';
import { post } from './helpers.ts';
import { repoRoot } from '../harness/server.ts';
import { insertCandidate } from '../../db/queries/candidates.ts';
import type { RetentionReview } from '../../contract/types.ts';

const outDir = join(repoRoot, '.screenshots');
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

function seed(session: Session) {
  const db = session.harness.ctx.db;
  const person = (name: string) => ({ name, email: null, phone: null, location: null, currentTitle: null, employers: [] });
  insertCandidate(db, 'old-1', person('Avery Oldfield'), daysAgo(400));
  insertCandidate(db, 'old-2', person('Blake Stale'), daysAgo(300));
  insertCandidate(db, 'old-3', person('Casey Dormant'), daysAgo(220));
  insertCandidate(db, 'fresh', person('Drew Recent'), daysAgo(10));
}

describe('retention screen', () => {
  const sessions: Session[] = [];
  afterAll(async () => {
    for (const session of sessions) await session.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`sets the rule, keeps one candidate and erases the others (${colorScheme})`, async () => {
      const session = await openSession({ colorScheme });
      sessions.push(session);
      const { page, harness } = session;
      seed(session);
      mkdirSync(outDir, { recursive: true });
      await page.goto(harness.url);
      await page.getByRole('navigation').getByRole('button', { name: /^Retention/ }).click();
      await page.getByRole('heading', { name: 'Retention', exact: true, level: 1 }).waitFor();
      await expect.poll(() => page.getByRole('heading', { name: 'Retention is off' }).count()).toBe(1);

      await page.getByLabel('List candidates untouched for (months)').fill('6');
      await page.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => page.getByTestId('retention-item').count()).toBe(3);
      expect(await page.getByTestId('retention-item').first().textContent()).toContain('Avery Oldfield');
      await page.screenshot({ path: join(outDir, `20-retention-due-${colorScheme}.png`) });

      await page.getByTestId('retention-item').filter({ hasText: 'Blake Stale' }).getByRole('button', { name: 'Keep' }).click();
      await expect.poll(() => page.getByTestId('retention-item').count()).toBe(2);
      await page.getByRole('button', { name: 'Erase all listed…' }).click();
      await page.getByRole('group', { name: 'Confirm erasing' }).waitFor();
      await page.screenshot({ path: join(outDir, `21-retention-confirm-${colorScheme}.png`) });
      await page.getByRole('group', { name: 'Confirm erasing' }).getByRole('button', { name: 'Erase' }).click();
      await expect.poll(() => page.getByText('Erased 2 candidates.').count()).toBe(1);
      await expect.poll(() => page.getByRole('heading', { name: 'Nobody is due' }).count()).toBe(1);

      const review = await post(harness, 'retention.review', {});
      expect(review.json.ok && (review.json.value as RetentionReview).due).toEqual([]);
      const list = await post(harness, 'candidates.list', {});
      expect(list.json.ok && (list.json.value as Array<{ name: string }>).map((candidate) => candidate.name).sort()).toEqual(['Blake Stale', 'Drew Recent']);
    });
  }
});
