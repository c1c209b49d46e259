// Recruiter corrections: the effective verdict, the store (replace, re-analysis, new version, delete),
// the API with its errors, the briefs, and `shipped correct` / `shipped eval --corrections`.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { effectiveVerdict, scoreWithinLevel, type Correction, type Verdict } from '../../contract/corrections.ts';
import { filterAndSort, emptyFilters } from '../../contract/candidate-list.ts';
import type { ResumeAnalysis } from '../../contract/analysis.ts';
import { dispatch } from '../../main/api/dispatch.ts';
import { buildBriefModel } from '../../main/briefs/brief-model.ts';
import { scoreCorrections } from '../../main/eval/corrections.ts';
import { runCli } from '../../main/cli/main.ts';
import type { CliIo } from '../../main/cli/command.ts';
import { saveAnalysis, replaceCandidateTools } from '../../db/queries/analyses.ts';
import { setLatestResume } from '../../db/queries/candidates.ts';
import { createTestStore, seedCandidate, type TestStore } from '../briefs/helpers.ts';
import { jane, janeAnalysis } from '../briefs/fixtures.ts';

const engine: Verdict = { subRole: 'ml-platform', evidenceLevel: 'strong', evidenceScore: 90, isPadded: false, toolsShipped: ['argo', 'kserve'], toolsListed: ['terraform'] };
const meta = { resumeFileId: 1, note: '', engineVersion: 'e1', correctedAt: '2026-12-01T00:00:00.000Z' };

describe('effectiveVerdict', () => {
  it('takes the recruiter value for each corrected field and the engine value for the rest', () => {
    const corrections: Correction[] = [
      { ...meta, field: 'subRole', toolId: null, value: 'applied-mlops', engineValue: 'ml-platform' },
      { ...meta, field: 'padding', toolId: null, value: true, engineValue: false },
    ];
    expect(effectiveVerdict(engine, corrections)).toEqual({ ...engine, subRole: 'applied-mlops', isPadded: true, correctedFields: ['subRole', 'padding'] });
    expect(effectiveVerdict(engine, [])).toEqual({ ...engine, correctedFields: [] });
  });

  it('moves the score into the corrected level\'s band so sorting by evidence follows the level', () => {
    const verdict = effectiveVerdict(engine, [{ ...meta, field: 'evidence', toolId: null, value: 'weak', engineValue: 'strong' }]);
    expect(verdict.evidenceLevel).toBe('weak');
    expect(verdict.evidenceScore).toBe(scoreWithinLevel(90, 'weak'));
    expect(verdict.evidenceScore).toBeLessThanOrEqual(50);
    expect(verdict.evidenceScore).toBeGreaterThanOrEqual(17);
    expect(scoreWithinLevel(40, 'weak')).toBe(40);
    expect(scoreWithinLevel(3, 'strong')).toBe(83);
    expect(scoreWithinLevel(60, 'none')).toBe(16);
  });

  it('moves a tool between shipped and listed, and ignores a tool the engine did not find', () => {
    const moved = effectiveVerdict(engine, [
      { ...meta, field: 'tool', toolId: 'kserve', value: 'listed', engineValue: 'evidence' },
      { ...meta, field: 'tool', toolId: 'terraform', value: 'evidence', engineValue: 'listed' },
    ]);
    expect(moved.toolsShipped).toEqual(['argo', 'terraform']);
    expect(moved.toolsListed).toEqual(['kserve']);
    const absent = effectiveVerdict(engine, [{ ...meta, field: 'tool', toolId: 'mlflow', value: 'evidence', engineValue: 'listed' }]);
    expect(absent).toEqual({ ...engine, correctedFields: [] });
  });
});

describe('corrections in the store and the API', () => {
  let store: TestStore;
  let id: number;
  beforeEach(() => {
    store = createTestStore();
    id = seedCandidate(store.ctx, jane);
  });
  afterEach(() => store.close());

  const latestFileId = () =>
    (store.ctx.db.prepare('SELECT latest_resume_file_id AS id FROM candidates WHERE id = ?').get(id) as { id: number }).id;

  /** A new resume version of the candidate, analysed as `analysis`. */
  const addVersion = (analysis: ResumeAnalysis) => {
    const now = '2026-12-02T00:00:00.000Z';
    const fileId = Number(
      store.ctx.db
        .prepare(
          `INSERT INTO resume_files (candidate_id, path, file_name, sha256, size_bytes, mtime_ms, detected_type, text, status, imported_at)
           VALUES (?, '/resumes/v2.txt', 'v2.txt', ?, 10, 1, 'txt', 'version two', 'imported', ?)`,
        )
        .run(id, createHash('sha256').update(`v2-${id}`).digest('hex'), now).lastInsertRowid,
    );
    saveAnalysis(store.ctx.db, fileId, id, analysis, now);
    setLatestResume(store.ctx.db, id, fileId, jane.profile, now);
    replaceCandidateTools(store.ctx.db, id, analysis);
  };

  it('stores a correction with its note, time and engine version, and the list and filters use it', async () => {
    const detail = await store.api['candidates.correct']({ id, correction: { field: 'subRole', value: 'applied-mlops' }, note: 'owns one model end to end' });
    expect(detail.candidate).toMatchObject({ subRole: 'applied-mlops', correctedFields: ['subRole'] });
    expect(detail.analysis?.subRole.id).toBe('ml-platform'); // the engine's analysis is kept as it was
    expect(detail.corrections.current).toEqual([
      {
        field: 'subRole',
        toolId: null,
        value: 'applied-mlops',
        engineValue: 'ml-platform',
        resumeFileId: latestFileId(),
        note: 'owns one model end to end',
        engineVersion: janeAnalysis.engineVersion,
        correctedAt: '2026-11-27T09:30:00.000Z',
      },
    ]);
    const list = await store.api['candidates.list']({});
    expect(filterAndSort(list, { ...emptyFilters, subRole: 'applied-mlops' }, 'evidence', 'desc').map((item) => item.id)).toEqual([id]);
    expect(filterAndSort(list, { ...emptyFilters, subRole: 'ml-platform' }, 'evidence', 'desc')).toEqual([]);
  });

  it('corrects padding, evidence and a tool; a second correction of a field replaces the first; clearing restores the engine', async () => {
    await store.api['candidates.correct']({ id, correction: { field: 'evidence', value: 'moderate' }, note: '' });
    await store.api['candidates.correct']({ id, correction: { field: 'evidence', value: 'weak' }, note: '' });
    await store.api['candidates.correct']({ id, correction: { field: 'padding', value: true }, note: '' });
    const detail = await store.api['candidates.correct']({ id, correction: { field: 'tool', toolId: 'terraform', value: 'evidence' }, note: '' });
    expect(detail.candidate).toMatchObject({ evidenceLevel: 'weak', isPadded: true });
    expect(detail.candidate.toolsShipped).toContain('terraform');
    expect(detail.candidate.toolsListed).not.toContain('terraform');
    expect(detail.corrections.current.map((correction) => correction.field)).toEqual(['evidence', 'padding', 'tool']);

    const cleared = await store.api['candidates.clearCorrection']({ id, correction: { field: 'evidence' } });
    expect(cleared.candidate).toMatchObject({ evidenceLevel: 'strong', evidenceScore: 84, correctedFields: ['padding', 'tool'] });
    await store.api['candidates.clearCorrection']({ id, correction: { field: 'tool', toolId: 'terraform' } });
    expect((await store.api['candidates.get']({ id })).candidate.toolsListed).toContain('terraform');
  });

  it('keeps corrections when the same resume is analysed again', async () => {
    await store.api['candidates.correct']({ id, correction: { field: 'subRole', value: 'ml-infra' }, note: '' });
    const reanalysed: ResumeAnalysis = { ...janeAnalysis, engineVersion: 'fixture-2', subRole: { ...janeAnalysis.subRole, id: 'ml-infra' } };
    saveAnalysis(store.ctx.db, latestFileId(), id, reanalysed, '2026-12-01T00:00:00.000Z');
    replaceCandidateTools(store.ctx.db, id, reanalysed);
    const detail = await store.api['candidates.get']({ id });
    expect(detail.candidate).toMatchObject({ subRole: 'ml-infra', correctedFields: ['subRole'] });
    expect(detail.corrections.current[0]).toMatchObject({ value: 'ml-infra', engineValue: 'ml-platform', engineVersion: 'fixture-1' });
    // The engine, run again, now says what the recruiter said.
    expect(scoreCorrections(store.ctx.db).engineNowAgrees).toBe(1);
  });

  it('a new version of the resume starts from the engine and shows the earlier correction as a hint', async () => {
    await store.api['candidates.correct']({ id, correction: { field: 'subRole', value: 'research' }, note: 'publishes, never deploys' });
    addVersion({ ...janeAnalysis, engineVersion: 'fixture-2' });
    const detail = await store.api['candidates.get']({ id });
    expect(detail.candidate).toMatchObject({ subRole: 'ml-platform', correctedFields: [] });
    expect(detail.corrections.current).toEqual([]);
    expect(detail.corrections.earlier).toHaveLength(1);
    expect(detail.corrections.earlier[0]).toMatchObject({ field: 'subRole', value: 'research', note: 'publishes, never deploys' });
    // Corrected on the new version too, the hint is no longer needed.
    const again = await store.api['candidates.correct']({ id, correction: { field: 'subRole', value: 'research' }, note: '' });
    expect(again.corrections.earlier).toEqual([]);
    expect(again.candidate.subRole).toBe('research');
  });

  it('deleting the candidate deletes its corrections', async () => {
    await store.api['candidates.correct']({ id, correction: { field: 'padding', value: true }, note: '' });
    await store.api['candidates.delete']({ id, isSuppressing: false });
    expect(store.ctx.db.prepare('SELECT count(*) AS n FROM corrections').get()).toEqual({ n: 0 });
  });

  it('refuses what cannot be corrected, in words the recruiter can read', async () => {
    await expect(store.api['candidates.correct']({ id: 9999, correction: { field: 'padding', value: true }, note: '' })).rejects.toThrow('Candidate 9999 does not exist');
    await expect(store.api['candidates.correct']({ id, correction: { field: 'subRole', value: 'ml-platform' }, note: '' })).rejects.toThrow('already says that');
    await expect(store.api['candidates.correct']({ id, correction: { field: 'tool', toolId: 'dbt', value: 'evidence' }, note: '' })).rejects.toThrow('does not name the tool "dbt"');
    await expect(store.api['candidates.clearCorrection']({ id, correction: { field: 'padding' } })).rejects.toThrow('no such correction');
    await expect(store.api['candidates.clearCorrection']({ id: 9999, correction: { field: 'padding' } })).rejects.toThrow('Candidate 9999 does not exist');
    const { unanalysed } = await import('../briefs/fixtures.ts');
    const bare = seedCandidate(store.ctx, unanalysed);
    await expect(store.api['candidates.correct']({ id: bare, correction: { field: 'padding', value: true }, note: '' })).rejects.toThrow('no analysed resume');
  });

  it('validates every payload at the boundary', async () => {
    const bad = [
      { id, correction: { field: 'subRole', value: 'wizard' } },
      { id, correction: { field: 'padding', value: 'yes' } },
      { id, correction: { field: 'tool', value: 'evidence' } },
      { id, correction: { field: 'tool', toolId: 'Not An Id!', value: 'evidence' } },
      { id, correction: { field: 'evidence', value: 'weak' }, note: 'x'.repeat(2_001) },
      { id, correction: { field: 'evidence', value: 'weak' }, extra: true },
    ];
    for (const payload of bad) expect((await dispatch(store.api, 'candidates.correct', payload)).ok).toBe(false);
    expect((await dispatch(store.api, 'candidates.clearCorrection', { id, correction: { field: 'tool' } })).ok).toBe(false);
    expect(await dispatch(store.api, 'candidates.correct', { id, correction: { field: 'evidence', value: 'weak' } })).toMatchObject({ ok: true });
  });

  it('the brief shows the recruiter\'s verdict and says whose it is', async () => {
    await store.api['candidates.correct']({ id, correction: { field: 'subRole', value: 'applied-mlops' }, note: 'one model, end to end' });
    await store.api['candidates.correct']({ id, correction: { field: 'tool', toolId: 'vllm', value: 'listed' }, note: '' });
    const detail = await store.api['candidates.get']({ id });
    const model = buildBriefModel({ detail, screening: null }, { isBlind: false, recruiterName: 'R', generatedOn: '2026-12-01' });
    expect(model.analysis).toMatchObject({ subRole: 'Applied MLOps engineer', subRoleReasons: [], correctedFields: ['subRole', 'tool'] });
    expect(model.analysis?.corrections).toEqual([
      'Recruiter: Applied MLOps engineer — engine said ML platform engineer (one model, end to end)',
      'Recruiter: vllm: only listed it — engine said shipped with it',
    ]);
    expect(model.analysis?.toolsListed.map((tool) => tool.name)).toContain('vLLM');
    expect(model.analysis?.toolsShipped.map((tool) => tool.name)).not.toContain('vLLM');
  });
});

describe('shipped correct and shipped eval --corrections', () => {
  let store: TestStore;
  let id: number;
  beforeEach(() => {
    store = createTestStore();
    id = seedCandidate(store.ctx, jane);
    seedCandidate(store.ctx, { ...jane, profile: { ...jane.profile, email: 'other@example.com' } }, 'advanced');
  });
  afterEach(() => store.close());

  async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { out: (text) => out.push(text), err: (text) => err.push(text), isInteractive: false };
    const code = await runCli([...argv, '--db', join(store.dir, 'shipped.db')], io, {});
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('corrects, prints the corrections, and takes one back', async () => {
    expect(await cli('correct', String(id), '--sub-role', 'ml-infra', '--note', 'runs the GPU fleet')).toMatchObject({
      code: 0,
      out: `#${id}: corrections on the resume shown\n  Recruiter: ML Infra — engine said ML Platform (runs the GPU fleet)`,
    });
    expect((await cli('show', String(id))).out).toContain('Corrected (the list, filters and briefs use these):\n            - Recruiter: ML Infra — engine said ML Platform (runs the GPU fleet)');
    expect((await cli('correct', String(id), '--evidence', 'weak')).code).toBe(0);
    expect((await cli('correct', String(id), '--padding', 'yes')).code).toBe(0);
    const tool = await cli('correct', String(id), '--tool', 'kserve=listed', '--json');
    const parsed = JSON.parse(tool.out) as { candidate: { correctedFields: string[] } };
    expect(parsed.candidate.correctedFields).toEqual(['subRole', 'evidence', 'padding', 'tool']);
    expect((await cli('correct', String(id), '--clear', 'tool=kserve')).out).not.toContain('kserve');
    expect((await cli('correct', String(id), '--clear', 'sub-role')).out).not.toContain('ML Infra');
  });

  it('reports agreement per field over all analysed and over reviewed candidates', async () => {
    await cli('correct', String(id), '--sub-role', 'ml-infra');
    await cli('correct', String(id), '--tool', 'kserve=listed');
    const result = await cli('eval', '--corrections');
    expect(result.code).toBe(0);
    expect(result.out).toContain('2 analysed candidates, 2 reviewed (moved on from New, or corrected), 2 corrections');
    expect(result.out).toMatch(/Sub-role\s+2\s+1\s+50\.0%\s+2\s+1\s+50\.0%/);
    expect(result.out).toMatch(/Padding\s+2\s+0\s+100\.0%/);
    const tools = janeAnalysis.tools.length * 2;
    expect(result.out).toMatch(new RegExp(`Tool status\\s+${tools}\\s+1\\s+${(((tools - 1) / tools) * 100).toFixed(1)}%`));
    expect(result.out).toContain('Sub-role: ML Platform → ML Infra  ×1');
    const json = JSON.parse((await cli('eval', '--corrections', '--json')).out) as ReturnType<typeof scoreCorrections>;
    expect(json.fields.find((field) => field.field === 'subRole')).toMatchObject({ verdicts: 2, corrected: 1, agreement: 0.5 });
  });

  it('usage mistakes exit 2 with one line; an operation that fails exits 1', async () => {
    for (const argv of [
      ['correct', String(id)],
      ['correct', String(id), '--sub-role', 'wizard'],
      ['correct', String(id), '--evidence', 'huge'],
      ['correct', String(id), '--padding', 'maybe'],
      ['correct', String(id), '--tool', 'kserve'],
      ['correct', String(id), '--sub-role', 'ml-infra', '--padding', 'yes'],
      ['correct', String(id), '--clear', 'everything'],
      ['correct', String(id), '--clear', 'padding', '--padding', 'yes'],
      ['correct', 'abc', '--padding', 'yes'],
      ['eval', '--corrections', 'labels.jsonl'],
    ]) {
      const result = await cli(...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.err.split('\n')).toHaveLength(1);
    }
    expect(await cli('correct', '999', '--padding', 'yes')).toMatchObject({ code: 1 });
    expect((await cli('correct', String(id), '--sub-role', 'ml-platform')).err).toContain('already says that');
  });
});
