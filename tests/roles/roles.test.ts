import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch.ts';
import { seattleApplied, tempStore } from './helpers.ts';
import { openDatabase } from '../../db/open.ts';
import { toolStatusMasks } from '../../db/queries/roles.ts';
import { queryPlan, statementsRunBy } from '../db/query-plans.ts';

// The six bundled sample resumes, imported once through the real pipeline.
const store = tempStore();
beforeAll(async () => {
  const summary = await store.api['import.samples']({});
  // A failed import would make every ranking below empty for the wrong reason.
  if (summary.imported !== 6) throw new Error(`expected the 6 samples to import, got ${summary.imported}`);
});
afterAll(() => store.close());

const byName = async (name: string) => (await store.api['candidates.list']({})).find((candidate) => candidate.name === name)!.id;

describe('roles in the store', () => {
  it('creates, lists, updates and shows a role with its band', async () => {
    const role = await store.api['roles.create']({ role: seattleApplied });
    expect(role).toMatchObject({ city: 'seattle', status: 'open', mustHave: ['sagemaker', 'kubernetes'], shortlistCount: 0 });
    const updated = await store.api['roles.update']({ id: role.id, role: { ...seattleApplied, status: 'on-hold', notes: 'Budget review' } });
    expect(updated).toMatchObject({ status: 'on-hold', notes: 'Budget review' });
    const detail = await store.api['roles.get']({ id: role.id });
    expect(detail.band.sections[0]!.totals[0]!.arithmetic).toContain('$1,250–$1,750/day × (1 + 11–16% LLM serving at scale)');
    expect((await store.api['roles.list']({})).map((entry) => entry.id)).toContain(role.id);
    await store.api['roles.delete']({ id: role.id });
    await expect(store.api['roles.get']({ id: role.id })).rejects.toThrow(`Role ${role.id} does not exist`);
  });

  it.each([
    [{ mustHave: ['sagemakr'] }, /mustHave: "sagemakr" is not a tool id Shipped knows. Allowed: kubernetes, kubeflow/],
    [{ niceToHave: ['sagemaker'] }, /niceToHave: "sagemaker" is already a must-have/],
    [{ city: 'Denver' }, /city: "Denver" is not a market Shipped knows. Allowed: bay-area, nyc, seattle/],
    [{ level: 'principal' }, /level: "principal" is not allowed. Allowed: junior, mid, senior, staff./],
    [{ subRole: 'research' }, /subRole: "research" is not allowed. Allowed: applied-mlops, ml-platform, ml-infra, devops, ml-engineer./],
  ])('refuses %j naming the field and the allowed values', async (change, message) => {
    await expect(store.api['roles.create']({ role: { ...seattleApplied, ...change } as never })).rejects.toThrow(message);
  });

  it('through dispatch, a bad level is refused before the handler, naming the field', async () => {
    const response = await dispatch(store.api, 'roles.create', { role: { ...seattleApplied, level: 'principal' } });
    expect(response.ok).toBe(false);
    expect(!response.ok && response.error).toMatch(/role\.level/);
  });
});

describe('fit ranking on the samples', () => {
  it('ranks the applied MLOps sample first, with parts explained by resume lines', async () => {
    const role = await store.api['roles.create']({ role: seattleApplied });
    const ranking = await store.api['roles.rank']({ roleId: role.id, limit: 10, offset: 0, isMustHavesOnly: false });
    expect(ranking.scored).toBe(6);
    const [first] = ranking.candidates;
    expect(first!.name).toBe('Maya Lindqvist');
    expect(first!.hasAllMustHaves).toBe(true);
    const sageMaker = first!.parts.find((part) => part.label === 'Must-have: Amazon SageMaker')!;
    expect(sageMaker.verdict).toBe('Used in described work.');
    expect(sageMaker.lines[0]!.excerpt).toMatch(/SageMaker/);
    // Scores descend; the keyword dump carries the padding penalty.
    const scores = ranking.candidates.map((fit) => fit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const padded = ranking.candidates.find((fit) => fit.isPadded)!;
    expect(padded.parts.find((part) => part.kind === 'padding')!.points).toBe(-15);
  });

  it('the must-haves filter keeps only candidates whose every must-have is backed by evidence', async () => {
    const role = await store.api['roles.create']({ role: seattleApplied });
    const ranking = await store.api['roles.rank']({ roleId: role.id, limit: 10, offset: 0, isMustHavesOnly: true });
    expect(ranking.candidates.map((fit) => fit.name)).toEqual(['Maya Lindqvist']);
    expect(ranking.matched).toBe(1);
  });

  it('shortlists with a note, marks the ranking, and removes', async () => {
    const role = await store.api['roles.create']({ role: seattleApplied });
    const maya = await byName('Maya Lindqvist');
    const tomas = await byName('Tomás Okafor');
    await store.api['roles.shortlistAdd']({ roleId: role.id, candidateId: maya, note: 'Strong SageMaker cost work' });
    const shortlist = await store.api['roles.shortlistAdd']({ roleId: role.id, candidateId: tomas, note: '' });
    expect(shortlist.map((entry) => [entry.name, entry.note])).toEqual([
      ['Maya Lindqvist', 'Strong SageMaker cost work'],
      ['Tomás Okafor', ''],
    ]);
    const ranking = await store.api['roles.rank']({ roleId: role.id, limit: 10, offset: 0, isMustHavesOnly: false });
    expect(ranking.candidates.filter((fit) => fit.isShortlisted).map((fit) => fit.candidateId).sort()).toEqual([maya, tomas].sort());
    expect(await store.api['roles.shortlistRemove']({ roleId: role.id, candidateId: tomas })).toHaveLength(1);
    await expect(store.api['roles.shortlistAdd']({ roleId: role.id, candidateId: 999_999, note: '' })).rejects.toThrow(/Candidate 999999 does not exist/);
  });

  it('gives one candidate\'s fit, and says so for an unknown candidate or role', async () => {
    const role = await store.api['roles.create']({ role: { ...seattleApplied, factors: ['clearance'] } });
    const fit = await store.api['roles.fit']({ roleId: role.id, candidateId: await byName('Tomás Okafor') });
    expect(fit.parts.find((part) => part.kind === 'location')!.verdict).toBe("In the role's market (Seattle).");
    expect(fit.parts.find((part) => part.kind === 'clearance')!.points).toBe(0);
    await expect(store.api['roles.fit']({ roleId: role.id, candidateId: 999_999 })).rejects.toThrow(/Candidate 999999 does not exist/);
    await expect(store.api['roles.rank']({ roleId: 999_999, limit: 10, offset: 0, isMustHavesOnly: false })).rejects.toThrow(/Role 999999/);
  });

  it('a screening started from a role carries it, with the extra kits for its sub-role', async () => {
    const role = await store.api['roles.create']({ role: seattleApplied });
    const kits = await store.api['roles.screeningKits']({ roleId: role.id });
    expect(kits.map((kit) => kit.questionId)).toEqual(['oncall-alert', 'canary-delayed-metric']);
    const detail = await store.api['roles.startScreening']({ roleId: role.id, candidateId: await byName('Maya Lindqvist'), label: 'Phone screen' });
    expect((await store.api['roles.ofScreening']({ screeningId: detail.screening.id }))!.id).toBe(role.id);
  });
});

describe('recruiter corrections in the ranking', () => {
  it('scores and explains the recruiter\'s sub-role, evidence and tool status in place of the engine\'s', async () => {
    const role = await store.api['roles.create']({ role: seattleApplied });
    const rank = async () => (await store.api['roles.rank']({ roleId: role.id, limit: 10, offset: 0, isMustHavesOnly: false })).candidates;
    const before = await rank();
    const other = before.find((fit) => fit.subRole !== 'applied-mlops');
    expect(other).toBeDefined();
    const { id } = { id: other!.candidateId };
    await store.api['candidates.correct']({ id, correction: { field: 'subRole', value: 'applied-mlops' }, note: '' });
    const after = (await rank()).find((fit) => fit.candidateId === id)!;
    expect(after.subRole).toBe('applied-mlops');
    expect(after.score).toBeGreaterThan(other!.score);
    expect(after.parts.find((part) => part.kind === 'sub-role')?.points).toBeGreaterThan(other!.parts.find((part) => part.kind === 'sub-role')!.points);
    await store.api['candidates.clearCorrection']({ id, correction: { field: 'subRole' } });
    expect((await rank()).find((fit) => fit.candidateId === id)!.subRole).toBe(other!.subRole);
  });

  it('counts a must-have the recruiter marks as shipped with', async () => {
    const role = await store.api['roles.create']({ role: seattleApplied });
    const rank = async () => (await store.api['roles.rank']({ roleId: role.id, limit: 10, offset: 0, isMustHavesOnly: false })).candidates;
    const details = await Promise.all((await rank()).map((fit) => store.api['candidates.get']({ id: fit.candidateId })));
    const withListed = details.find((detail) => detail.analysis?.tools.some((tool) => tool.status === 'listed' && seattleApplied.mustHave.includes(tool.id)));
    expect(withListed).toBeDefined();
    const id = withListed!.candidate.id;
    const toolId = withListed!.analysis!.tools.find((tool) => tool.status === 'listed' && seattleApplied.mustHave.includes(tool.id))!.id;
    const before = (await rank()).find((fit) => fit.candidateId === id)!;
    await store.api['candidates.correct']({ id, correction: { field: 'tool', toolId, value: 'evidence' }, note: '' });
    expect((await rank()).find((fit) => fit.candidateId === id)!.score).toBeGreaterThan(before.score);
    await store.api['candidates.clearCorrection']({ id, correction: { field: 'tool', toolId } });
  });
});

describe('a role with no candidates', () => {
  it('ranks to an empty list, not an error', async () => {
    const empty = tempStore();
    try {
      const role = await empty.api['roles.create']({ role: seattleApplied });
      const ranking = await empty.api['roles.rank']({ roleId: role.id, limit: 10, offset: 0, isMustHavesOnly: false });
      expect(ranking).toEqual({ roleId: role.id, scored: 0, matched: 0, candidates: [] });
    } finally {
      empty.close();
    }
  });
});

describe('market data copies', () => {
  it('a saved copy is used by the band and named; reset goes back to the bundled data', async () => {
    const { data } = await store.api['market.get']({});
    const mine = structuredClone(data);
    mine.dayRates = mine.dayRates.map((rate) => (rate.level === 'senior' && rate.engagement === 'c2c' ? { ...rate, low: 1300 } : rate));
    const ref = await store.api['market.saveCopy']({ data: mine, label: 'Our Q4 signed contracts' });
    const band = await store.api['market.band']({ level: 'senior', city: 'seattle', engagement: 'c2c', factors: [] });
    expect(band.marketData).toEqual({ origin: 'store', version: ref.version, label: 'Our Q4 signed contracts' });
    expect(band.sections[0]!.base!.low).toBe(1300);
    await store.api['market.resetToBundled']({});
    const bundled = await store.api['market.band']({ level: 'senior', city: 'seattle', engagement: 'c2c', factors: [] });
    expect(bundled.marketData.origin).toBe('bundled');
    expect(bundled.sections[0]!.base!.low).toBe(1250);
  });
});

describe('fit signals kept beside the analysis', () => {
  it('follow a re-analysis of the same file (the ranking never reads the analysis JSON)', async () => {
    const { getAnalysis, saveAnalysis } = await import('../../db/queries/analyses.ts');
    const keiko = await byName('Keiko Brennan');
    const fileId = store.ctx.db.prepare('SELECT latest_resume_file_id FROM candidates WHERE id = ?').pluck().get(keiko) as number;
    const analysis = getAnalysis(store.ctx.db, fileId)!;
    const signals = () => store.ctx.db.prepare('SELECT llm_serving, clearance FROM analysis_fit_signals WHERE resume_file_id = ?').get(fileId);
    expect(signals()).toEqual({ llm_serving: 1, clearance: 0 });
    saveAnalysis(store.ctx.db, fileId, keiko, { ...analysis, signals: { ...analysis.signals, llmServing: false, clearance: true } }, 'now');
    expect(signals()).toEqual({ llm_serving: 0, clearance: 1 });
    saveAnalysis(store.ctx.db, fileId, keiko, analysis, 'now');
  });
});

describe('the ranking score and the explained parts agree', () => {
  it.each([
    ['applied, Seattle, LLM', {}],
    ['platform, remote, clearance, no tools', { subRole: 'ml-platform', city: 'remote', factors: ['clearance'], mustHave: [], niceToHave: [] }],
    ['devops, junior, Austin', { subRole: 'devops', level: 'junior', city: 'austin', mustHave: ['terraform'], niceToHave: [] }],
  ] as const)('%s: every sample scores the same both ways', async (_label, change) => {
    const role = await store.api['roles.create']({ role: { ...seattleApplied, ...change } as typeof seattleApplied });
    const { fitScore } = await import('../../main/roles/fit.ts');
    const ranking = await store.api['roles.rank']({ roleId: role.id, limit: 10, offset: 0, isMustHavesOnly: false });
    expect(ranking.candidates).toHaveLength(6);
    for (const fit of ranking.candidates) expect(fitScore(fit.parts), fit.name ?? '').toBe(fit.score);
  });
});

describe('hot queries', () => {
  it('tool statuses are read through the tool index, the verdicts by primary keys', async () => {
    const fresh = openDatabase(':memory:');
    const runs = await statementsRunBy(fresh, () => toolStatusMasks(fresh, ['sagemaker', 'kubernetes']));
    expect(runs).toHaveLength(1);
    expect(queryPlan(fresh, runs[0]!)).toMatch(/SEARCH t USING COVERING INDEX candidate_tools_by_tool \(tool_id=\?\)/);
    fresh.close();
    const verdicts = (store.ctx.db.prepare(
      `EXPLAIN QUERY PLAN SELECT c.id, s.llm_serving FROM candidates c JOIN analyses a ON a.resume_file_id = c.latest_resume_file_id
       LEFT JOIN analysis_fit_signals s ON s.resume_file_id = a.resume_file_id`,
    ).all() as Array<{ detail: string }>).map((row) => row.detail).join(' | ');
    expect(verdicts).toMatch(/SEARCH a USING INTEGER PRIMARY KEY/);
    expect(verdicts).toMatch(/SEARCH s USING INTEGER PRIMARY KEY/);
  });
});

describe('the verdicts kept between rankings', () => {
  it('are read again after a write on this connection or a commit by another one', async () => {
    const { getAnalysis, saveAnalysis } = await import('../../db/queries/analyses.ts');
    const { openDatabase } = await import('../../db/open.ts');
    const role = await store.api['roles.create']({ role: seattleApplied });
    const rank = async () => (await store.api['roles.rank']({ roleId: role.id, limit: 10, offset: 0, isMustHavesOnly: false })).candidates;
    const anika = await byName('Anika Haddad');
    const scoreOf = async () => (await rank()).find((fit) => fit.candidateId === anika)!;
    const before = await scoreOf();
    const fileId = store.ctx.db.prepare('SELECT latest_resume_file_id FROM candidates WHERE id = ?').pluck().get(anika) as number;
    const analysis = getAnalysis(store.ctx.db, fileId)!;

    saveAnalysis(store.ctx.db, fileId, anika, { ...analysis, evidence: { level: 'strong', score: 90 } }, 'now');
    const afterOwnWrite = await scoreOf();
    expect(afterOwnWrite.evidenceLevel).toBe('strong');
    expect(afterOwnWrite.score).toBeGreaterThan(before.score);

    const other = openDatabase(store.databasePath);
    try {
      saveAnalysis(other, fileId, anika, analysis, 'later');
    } finally {
      other.close();
    }
    expect((await scoreOf()).evidenceLevel).toBe(before.evidenceLevel);
  });
});
