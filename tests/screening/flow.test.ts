import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch.ts';
import { createTestApi, makeAnalysis, seedCandidate } from './helpers.ts';
import { getCandidateListItem } from '../../db/queries/candidates.ts';

let cleanup: Array<() => void> = [];
afterEach(() => {
  for (const close of cleanup) close();
  cleanup = [];
});

function setup() {
  const test = createTestApi();
  cleanup.push(() => test.ctx.db.close());
  return test;
}

describe('script versioning', () => {
  it('stores the bundled script as version 1 on first use', async () => {
    const { api } = setup();
    const first = await api['screening.getScript']({});
    expect(first.version).toBe(1);
    expect(first.changeNote).toBe('Bundled script');
    expect((await api['screening.getScript']({})).version).toBe(1);
  });

  it('saves an edited script as a new version while old screenings keep theirs', async () => {
    const { ctx, api, tick } = setup();
    const candidateId = seedCandidate(ctx, 'Old Script');
    const old = await api['screening.start']({ candidateId, label: 'First call' });
    expect(old.screening.scriptVersion).toBe(1);

    const v1 = await api['screening.getScript']({});
    const edited = structuredClone(v1.script);
    const monitoring = edited.questions[0]!;
    monitoring.title = 'Watching a recommender';
    monitoring.goodAnswer.reverse();
    monitoring.redFlags.push({ id: 'no-owner', text: 'Cannot say who gets paged' });
    edited.questions.reverse();
    tick();
    const v2 = await api['screening.saveScript']({ script: edited, changeNote: 'Reworded monitoring, added a flag' });
    expect(v2.version).toBe(2);
    expect(v2.changeNote).toBe('Reworded monitoring, added a flag');
    expect((await api['screening.getScript']({})).version).toBe(2);
    expect((await api['screening.getScript']({ version: 1 })).script.questions[0]!.title).toBe('Monitoring a live recommender');

    const reopened = await api['screening.get']({ screeningId: old.screening.id });
    expect(reopened.screening.scriptVersion).toBe(1);
    expect(reopened.script.questions[0]!.title).toBe('Monitoring a live recommender');
    // The new flag exists only in version 2, so the old screening refuses it.
    await expect(
      api['screening.updateAnswer']({ screeningId: old.screening.id, questionId: 'monitoring-strategy', tickedRed: ['no-owner'] }),
    ).rejects.toThrow(/no red flag "no-owner" in script version 1/);

    const fresh = await api['screening.start']({ candidateId, label: 'Second call' });
    expect(fresh.screening.scriptVersion).toBe(2);
    expect(fresh.script.questions.at(-1)!.title).toBe('Watching a recommender');
  });

  it('reports an unknown script version readably', async () => {
    const { api } = setup();
    const response = await dispatch(api, 'screening.getScript', { version: 9 });
    expect(response).toEqual({ ok: false, error: 'Screening script version 9 does not exist (the newest is 1).' });
  });
});

describe('a whole screening through the API', () => {
  it('starts, autosaves answers, finishes and moves the candidate on', async () => {
    const { ctx, api, tick } = setup();
    const probes = [
      { questionId: 'silent-failure', text: 'Ask about the 2024 outage', because: 'the resume mentions an outage' },
      { questionId: null, text: 'Ask about the gap in 2022', because: 'no role is listed for 2022' },
    ];
    const candidateId = seedCandidate(ctx, 'Grace Flow', makeAnalysis({ evidenceLevel: 'strong', evidenceScore: 82, probes }));

    const started = await dispatch(api, 'screening.start', { candidateId, label: 'Phone screen' });
    if (!started.ok) throw new Error(started.error);
    const detail = started.value as Awaited<ReturnType<(typeof api)['screening.get']>>;
    const screeningId = detail.screening.id;
    expect(detail.screening.status).toBe('in-progress');
    expect(detail.answers).toHaveLength(7);
    expect(detail.probes).toEqual(probes);
    expect(getCandidateListItem(ctx.db, candidateId)!.status).toBe('screening');

    const core = detail.script.questions.filter((question) => question.kind === 'core');
    for (const [index, question] of core.entries()) {
      tick();
      await api['screening.updateAnswer']({ screeningId, questionId: question.id, tickedGood: [question.goodAnswer[0]!.id] });
      await api['screening.updateAnswer']({ screeningId, questionId: question.id, notes: `notes ${index}`, elapsedMs: 60_000 + index });
      await api['screening.updateAnswer']({ screeningId, questionId: question.id, rating: index === 1 ? 4 : 3 });
      await api['screening.setPosition']({ screeningId, questionIndex: index });
    }
    // A partial update leaves the other fields alone; a null rating clears it.
    await api['screening.updateAnswer']({ screeningId, questionId: 'oncall-alert', rating: 2 });
    const cleared = await api['screening.updateAnswer']({ screeningId, questionId: 'oncall-alert', rating: null });
    expect(cleared.answers.find((answer) => answer.questionId === 'oncall-alert')!.rating).toBeNull();

    const midway = await api['screening.get']({ screeningId });
    expect(midway.screening.currentQuestionIndex).toBe(4);
    expect(midway.answers[0]).toEqual({
      questionId: 'monitoring-strategy',
      tickedGood: ['defines-failure'],
      tickedRed: [],
      notes: 'notes 0',
      rating: 3,
      elapsedMs: 60_000,
    });
    expect(midway.suggested.recommendation).toBe('advance');
    expect(midway.suggested.reasons).toContain('resume shows strong production evidence (score 82)');

    tick();
    const finished = await api['screening.finish']({ screeningId, recommendation: 'advance', summaryNotes: 'Solid on monitoring.' });
    expect(finished.screening.status).toBe('finished');
    expect(finished.screening.recommendation).toBe('advance');
    expect(finished.screening.finishedAt).toBe('2026-11-20T09:00:06.000Z');
    expect(finished.screening.summaryNotes).toBe('Solid on monitoring.');
    expect(getCandidateListItem(ctx.db, candidateId)!.status).toBe('advanced');

    const list = await api['screening.listForCandidate']({ candidateId });
    expect(list.map((summary) => [summary.id, summary.status, summary.recommendation])).toEqual([[screeningId, 'finished', 'advance']]);
    const candidate = await api['candidates.get']({ id: candidateId });
    expect(candidate.screenings).toHaveLength(1);
  });

  it.each([
    ['hold', 'on-hold'],
    ['decline', 'declined'],
  ] as const)('finishing with %s sets the candidate to %s', async (recommendation, status) => {
    const { ctx, api } = setup();
    const candidateId = seedCandidate(ctx, `Status ${recommendation}`);
    const { screening } = await api['screening.start']({ candidateId, label: 'Call' });
    await api['screening.finish']({ screeningId: screening.id, recommendation, summaryNotes: '' });
    expect(getCandidateListItem(ctx.db, candidateId)!.status).toBe(status);
  });

  it('keeps a candidate status other than new when a screening starts, and allows several screenings', async () => {
    const { ctx, api } = setup();
    const candidateId = seedCandidate(ctx, 'Second Round');
    await api['candidates.setStatus']({ id: candidateId, status: 'on-hold' });
    const first = await api['screening.start']({ candidateId, label: 'Round 1' });
    const second = await api['screening.start']({ candidateId, label: 'Round 2' });
    expect(getCandidateListItem(ctx.db, candidateId)!.status).toBe('on-hold');
    expect(second.screening.id).not.toBe(first.screening.id);
    expect(await api['screening.listForCandidate']({ candidateId })).toHaveLength(2);
  });

  it('keeps the suggestion as it stood at finish even if the resume changes later', async () => {
    const { ctx, api } = setup();
    const candidateId = seedCandidate(ctx, 'Frozen', makeAnalysis({ evidenceLevel: 'strong', evidenceScore: 90 }));
    const { screening } = await api['screening.start']({ candidateId, label: 'Call' });
    await api['screening.finish']({ screeningId: screening.id, recommendation: 'hold', summaryNotes: '' });
    ctx.db.prepare('DELETE FROM analyses').run();
    const reopened = await api['screening.get']({ screeningId: screening.id });
    expect(reopened.suggested.reasons).toContain('resume shows strong production evidence (score 90)');
  });
});

describe('error paths', () => {
  async function started() {
    const test = setup();
    const candidateId = seedCandidate(test.ctx, 'Errors');
    const detail = await test.api['screening.start']({ candidateId, label: 'Call' });
    return { ...test, candidateId, screeningId: detail.screening.id };
  }

  it('refuses an unknown question id with a readable message', async () => {
    const { api, screeningId } = await started();
    const response = await dispatch(api, 'screening.updateAnswer', { screeningId, questionId: 'no-such-question', rating: 3 });
    expect(response).toEqual({
      ok: false,
      error: 'Question "no-such-question" is not part of script version 1, which this screening uses.',
    });
  });

  it('refuses an unknown checklist item', async () => {
    const { api, screeningId } = await started();
    const response = await dispatch(api, 'screening.updateAnswer', {
      screeningId,
      questionId: 'training-costs',
      tickedGood: ['measure-first', 'buy-more-gpus'],
    });
    expect(response).toEqual({
      ok: false,
      error: '"Training costs tripled" has no good-answer point "buy-more-gpus" in script version 1.',
    });
  });

  it('reports an unknown screening and an unknown candidate', async () => {
    const { api } = setup();
    expect(await dispatch(api, 'screening.get', { screeningId: 999 })).toEqual({
      ok: false,
      error: 'Screening 999 does not exist (it may have been deleted).',
    });
    expect(await dispatch(api, 'screening.start', { candidateId: 999, label: 'x' })).toEqual({
      ok: false,
      error: 'Candidate 999 does not exist (it may have been deleted).',
    });
    expect((await dispatch(api, 'screening.listForCandidate', { candidateId: 999 })).ok).toBe(false);
  });

  it('refuses finishing twice and editing a finished scorecard', async () => {
    const { api, screeningId } = await started();
    await api['screening.finish']({ screeningId, recommendation: 'decline', summaryNotes: '' });
    const again = await dispatch(api, 'screening.finish', { screeningId, recommendation: 'advance' });
    expect(again).toEqual({ ok: false, error: `Screening ${screeningId} was finished on 2026-11-20; its scorecard can no longer be changed.` });
    const edit = await dispatch(api, 'screening.updateAnswer', { screeningId, questionId: 'training-costs', rating: 4 });
    expect(edit.ok).toBe(false);
    const move = await dispatch(api, 'screening.setPosition', { screeningId, questionIndex: 1 });
    expect(move.ok).toBe(false);
  });

  it('refuses a position past the last question and a bad rating', async () => {
    const { api, screeningId } = await started();
    expect(await dispatch(api, 'screening.setPosition', { screeningId, questionIndex: 7 })).toEqual({
      ok: false,
      error: 'This screening has 7 questions; there is no question 8.',
    });
    const badRating = await dispatch(api, 'screening.updateAnswer', { screeningId, questionId: 'training-costs', rating: 5 });
    expect(badRating.ok).toBe(false);
  });
});
