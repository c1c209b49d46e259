// A whole screening call in Chromium, keyboard only, with a reload in the middle
// standing in for a crash: the call continues where it stopped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type Session } from './browser.ts';
import type { PageGlobals } from './page-types.ts';
import { openCandidate, seedScreeningCandidate } from './screening-seed.ts';
import { getCandidateListItem } from '../../db/queries/candidates.ts';
import { getScreeningRow } from '../../db/queries/screenings.ts';
import { createHandlers } from '../../main/api/handlers.ts';

let session: Session;
let candidateId = 0;

beforeAll(async () => {
  session = await openSession();
  candidateId = seedScreeningCandidate(session.harness.ctx);
});
afterAll(async () => {
  await session?.close();
});

describe('screening call (e2e)', () => {
  it('runs keyboard-only, survives a reload mid-question, finishes and updates the candidate', async () => {
    const { page, harness } = session;
    const db = harness.ctx.db;
    await openCandidate(page, harness.url);
    await page.getByRole('button', { name: 'Start screening' }).first().click();
    // The label dialog: its input has focus, Enter confirms.
    await page.keyboard.press('Enter');

    const prompt = page.getByTestId('prompt');
    await expect.poll(() => prompt.textContent()).toContain('recommendation model');
    await expect.poll(() => page.getByText('From the resume:').count()).toBe(1);
    expect(await page.getByText('Ask how the drift alerts on the ranking model were tuned').count()).toBe(1);
    expect(getCandidateListItem(db, candidateId)?.status).toBe('screening');

    // Question 1: two good points, one red flag, a rating and a note.
    await page.keyboard.press('1');
    await page.keyboard.press('3');
    await page.keyboard.press('Shift+Digit2');
    await page.keyboard.press('r');
    await page.keyboard.press('3');
    await page.keyboard.press('n');
    await page.keyboard.type('Started from what failure means; PSI on features.');
    await page.keyboard.press('Escape');
    await page.getByTestId('saved').waitFor();
    expect(await page.locator('.sc-checklist-good .sc-check.is-ticked').count()).toBe(2);
    expect(await page.locator('.sc-checklist-red .sc-check.is-ticked').count()).toBe(1);
    expect(await page.getByRole('radio', { name: /^3\s*Yes$/ }).getAttribute('aria-checked')).toBe('true');

    // Question 2, part-way through: one tick, then the window "crashes".
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => prompt.textContent()).toContain('four thousand lines');
    await page.keyboard.press('2');
    await page.getByTestId('saved').waitFor();
    const screeningId = (db.prepare('SELECT id FROM screenings WHERE candidate_id = ?').get(candidateId) as { id: number }).id;
    await expect.poll(() => getScreeningRow(db, screeningId)?.current_question_index).toBe(1);
    await page.waitForTimeout(2600);
    await page.reload();

    await page.getByText(/Dana Okafor/).first().click();
    await page.getByRole('button', { name: /Recruiter screen/ }).click();
    await expect.poll(() => prompt.textContent()).toContain('four thousand lines');
    expect(await page.locator('.sc-checklist-good .sc-check.is-ticked').count()).toBe(1);
    // Time spent before the reload was kept.
    expect(await page.getByTestId('question-clock').textContent()).not.toBe('0:00');

    await page.keyboard.press('r');
    await page.keyboard.press('4');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => prompt.textContent()).toContain('recommendation model');
    expect(await page.locator('.sc-checklist-red .sc-check.is-ticked').count()).toBe(1);
    expect(await page.locator('textarea').inputValue()).toBe('Started from what failure means; PSI on features.');

    // Questions 3–5 rated yes with PageDown, then on to the last question.
    await page.keyboard.press('PageDown');
    for (let question = 3; question <= 5; question += 1) {
      await page.keyboard.press('PageDown');
      await page.keyboard.press('1');
      await page.keyboard.press('r');
      await page.keyboard.press('3');
    }
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await expect.poll(() => page.locator('#sc-question-title').textContent()).toBe('On-call: latency spike after a deploy');
    await page.getByTestId('saved').waitFor();

    // Enter on the last question opens Finish; A chooses advance; Enter finishes.
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Scorecard' }).waitFor();
    expect(await page.locator('.sc-suggest .sc-rec').textContent()).toBe('Advance');
    await page.keyboard.press('a');
    await expect.poll(() => page.getByRole('button', { name: 'Finish and set status to Advanced' }).count()).toBe(1);
    // Enter finishes even before focus has reached the Finish button.
    await page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.blur());
    await page.keyboard.press('Enter');

    await expect.poll(() => page.getByTestId('final-recommendation').textContent()).toBe('Advance');
    expect(await page.getByText('Dana Okafor is now Advanced.').count()).toBe(1);
    expect(await page.getByText('Started from what failure means; PSI on features.').count()).toBe(1);
    expect(getCandidateListItem(db, candidateId)?.status).toBe('advanced');
    const row = getScreeningRow(db, screeningId);
    expect(row?.status).toBe('finished');
    expect(row?.recommendation).toBe('advance');

    // Reopened later, the finished screening is a read-only scorecard.
    await page.reload();
    await page.getByText(/Dana Okafor/).first().click();
    await page.getByRole('button', { name: /Recruiter screen/ }).click();
    await expect.poll(() => page.getByTestId('final-recommendation').textContent()).toBe('Advance');
    expect(await page.getByRole('button', { name: /Finish/ }).count()).toBe(0);
    expect(session.pageErrors).toEqual([]);
  });
});

describe('screening script editor (e2e)', () => {
  let editorSession: Session;
  beforeAll(async () => {
    editorSession = await openSession({ colorScheme: 'dark' });
  });
  afterAll(async () => {
    await editorSession?.close();
  });

  it('saves a reworded, reordered script as a new version; an old screening keeps its version; bad fields are marked', async () => {
    const { page, harness } = editorSession;
    const api = createHandlers(harness.ctx);
    const candidate = seedScreeningCandidate(harness.ctx);
    const old = await api['screening.start']({ candidateId: candidate, label: 'Before the edit' });

    await page.goto(harness.url);
    await page.getByRole('button', { name: 'Screening script' }).click();
    await page.getByText('Version 1').first().waitFor();
    await page.getByLabel('Title', { exact: true }).fill('Watching a live recommender');
    await page.getByRole('region', { name: /Good-answer points/ }).getByRole('button', { name: 'Move up' }).nth(1).click();
    await page.getByLabel('Change note').fill('Reworded question 1');
    await page.getByRole('button', { name: 'Save as version 2' }).click();
    await page.getByText(/Saved as version 2/).waitFor();

    const latest = await api['screening.getScript']({});
    expect(latest.version).toBe(2);
    expect(latest.changeNote).toBe('Reworded question 1');
    expect(latest.script.questions[0]?.title).toBe('Watching a live recommender');
    expect(latest.script.questions[0]?.goodAnswer.map((item) => item.id).slice(0, 2)).toEqual(['three-layers', 'defines-failure']);

    await page.getByRole('button', { name: /Training costs tripled/ }).click();
    await page.getByLabel('Red flag 2', { exact: true }).fill('x');
    await page.getByRole('button', { name: 'Save as version 3' }).click();
    await expect.poll(() => page.locator('.sc-field-error').first().textContent()).toBe('write at least 3 characters');
    expect((await api['screening.getScript']({})).version).toBe(2);

    const reopened = await api['screening.get']({ screeningId: old.screening.id });
    expect(reopened.script.questions[0]?.title).toBe('Monitoring a live recommender');
    expect(editorSession.pageErrors.filter((message) => !message.includes('400'))).toEqual([]);
  });
});
