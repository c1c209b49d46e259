import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { screeningScriptSchema, validateScript, type ScriptIssue } from '../../contract/script-schema.ts';
import { buildScriptJsonSchema, scriptJsonSchemaUrl } from '../../main/screening/json-schema.ts';
import { dispatch } from '../../main/api/dispatch.ts';
import { createTestApi } from './helpers.ts';
import { defaultAnalyzer } from '../../main/analysis/index.ts';

const bundledUrl = new URL('../../resources/screening-script.json', import.meta.url);
const bundled: unknown = JSON.parse(readFileSync(bundledUrl, 'utf8'));

describe('bundled screening script', () => {
  it('validates and has the five core questions with the ids probes link to', () => {
    const script = screeningScriptSchema.parse(bundled);
    const core = script.questions.filter((question) => question.kind === 'core').map((question) => question.id);
    expect(core).toEqual(['monitoring-strategy', 'notebook-to-service', 'compliance-data-access', 'training-costs', 'silent-failure']);
    const extra = script.questions.filter((question) => question.kind === 'extra').map((question) => question.id);
    expect(extra).toEqual(['canary-delayed-metric', 'oncall-alert']);
  });

  it('gives every question 4–7 good points, 3–6 red flags, 2–3 follow-ups and a source', () => {
    const script = screeningScriptSchema.parse(bundled);
    for (const question of script.questions) {
      expect(question.goodAnswer.length, question.id).toBeGreaterThanOrEqual(4);
      expect(question.goodAnswer.length, question.id).toBeLessThanOrEqual(7);
      expect(question.redFlags.length, question.id).toBeGreaterThanOrEqual(3);
      expect(question.redFlags.length, question.id).toBeLessThanOrEqual(6);
      expect(question.followUps.length, question.id).toBeGreaterThanOrEqual(2);
      expect(question.followUps.length, question.id).toBeLessThanOrEqual(3);
      expect(question.source, question.id).toMatch(/guide/);
    }
  });

  it('keeps the JSON Schema for editors in step with the zod schema', () => {
    const onDisk: unknown = JSON.parse(readFileSync(scriptJsonSchemaUrl, 'utf8'));
    expect(onDisk).toEqual(buildScriptJsonSchema());
  });
});

describe('script validation', () => {
  function withChange(change: (script: any) => void): unknown {
    const copy = structuredClone(bundled) as any;
    change(copy);
    return copy;
  }

  /** The issues of a script that must be refused; a script that passes fails the test. */
  function issuesOf(script: unknown): ScriptIssue[] {
    const result = validateScript(script);
    if (result.ok) throw new Error('the script was accepted');
    return result.issues;
  }

  it('names the bad field of a malformed script', () => {
    const issues = issuesOf(withChange((script) => (script.questions[2].redFlags[0].text = '')));
    expect(issues.map((issue) => issue.path)).toContain('questions.2.redFlags.0.text');
  });

  it('refuses duplicate question ids and duplicate item ids', () => {
    const issues = issuesOf(
      withChange((script) => {
        script.questions[1].id = script.questions[0].id;
        script.questions[3].goodAnswer[1].id = script.questions[3].goodAnswer[0].id;
      }),
    );
    expect(issues).toContainEqual({ path: 'questions.1.id', message: 'duplicate question id "monitoring-strategy"' });
    expect(issues.map((issue) => issue.path)).toContain('questions.3.goodAnswer.1.id');
  });

  it('refuses more items than there are number keys, and bad ids', () => {
    const issues = issuesOf(
      withChange((script) => {
        script.questions[0].goodAnswer = Array.from({ length: 10 }, (_, index) => ({ id: `p${index}`, text: 'a point' }));
        script.questions[4].id = 'Has Spaces';
      }),
    );
    expect(issues.map((issue) => issue.path)).toEqual(expect.arrayContaining(['questions.0.goodAnswer', 'questions.4.id']));
  });

  it('is refused through the API with a message naming the field', async () => {
    const { ctx, api } = createTestApi();
    const bad = withChange((script) => (script.questions[2].redFlags[0].text = ''));
    const response = await dispatch(api, 'screening.saveScript', { script: bad, changeNote: 'oops' });
    expect(response).toMatchObject({ ok: false, error: expect.stringContaining('script.questions.2.redFlags.0.text') });
    ctx.db.close();
  });
});

describe('links from resume probes', () => {
  it('every question id the analysis engine links a probe to exists in the bundled script', () => {
    const linked = new Set(defaultAnalyzer.policy.rules.probes.rules.map((probe) => probe.questionId).filter((id) => id !== null));
    expect(linked.size).toBeGreaterThan(0);
    const ids = new Set(screeningScriptSchema.parse(bundled).questions.map((question) => question.id));
    expect([...linked].filter((id) => id !== undefined && !ids.has(id))).toEqual([]);
  });
});
