// createAnalyzer builds the engine from the data it is given: changing the rules or the taxonomy
// changes the verdict on the same text, two engines never share state, and data that does not
// hold together is refused with the path of what is wrong.
import { describe, expect, it } from 'vitest';
import { createAnalyzer, defaultAnalyzer, type AnalysisPolicy } from '../../main/analysis/index.ts';
import { OWNER_RESUME as owner, TEST_NOW } from './fixtures.ts';

const { policy } = defaultAnalyzer;
/** A copy of the bundled policy to change; the default analyzer's own data stays as it is. */
const copy = (): AnalysisPolicy => structuredClone(policy);
const NEVER = '(?!)';

const tracker = `Kim Lee
ML Engineer

EXPERIENCE
ML Engineer, Acme Analytics, Jan 2021 – Present
- Built the model registry on MLflow and deployed 4 models to production with weekly retraining.
- Tracked every experiment in Quokkaflow and served predictions at p99 under 40 ms.
`;

const denied = `Ola Berg
ML Engineer

EXPERIENCE
ML Engineer, Fjord Bank, Jan 2022 – Present
- Trained the credit-risk models in PyTorch and shipped them behind a FastAPI service.
- Never on call for the models; the platform team carries the pager.
`;

describe('the engine uses the rules it is given', () => {
  it('reads owned models in production as strong with the bundled signals, and as weak when their patterns never match', () => {
    const before = defaultAnalyzer.analyze(owner, { now: TEST_NOW });
    expect(before.evidence.level).toBe('strong');
    expect(before.signals).toMatchObject({ modelsInProduction: 12, onCall: true });

    const data = copy();
    for (const signal of data.rules.signals) if (signal.proves.ml === 'ml-ownership') signal.pattern = NEVER;
    const after = createAnalyzer(data).analyze(owner, { now: TEST_NOW });
    expect(after.evidence.level).toBe('weak');
    expect(after.signals).toMatchObject({ modelsInProduction: null, onCall: false, postmortemAuthored: false });
    expect(after.evidence.parts?.map((part) => part.kind)).not.toContain('ml-ownership');
  });

  it('finds no post-incident report once that signal is taken out of the rules, and leaves the default engine as it was', () => {
    const data = copy();
    data.rules.signals = data.rules.signals.filter((signal) => signal.code !== 'postmortem-authored');
    const without = createAnalyzer(data).analyze(owner, { now: TEST_NOW });
    expect(without.signals.postmortemAuthored).toBe(false);
    expect(without.flags.map((flag) => flag.code)).not.toContain('postmortem-authored');
    // Built after the other one: the default engine keeps its own compiled rules.
    expect(defaultAnalyzer.analyze(owner, { now: TEST_NOW }).signals.postmortemAuthored).toBe(true);
  });

  it('moves the sub-role when the cues of the one it chose never match', () => {
    expect(defaultAnalyzer.analyze(owner, { now: TEST_NOW }).subRole.id).toBe('applied-mlops');
    const data = copy();
    for (const cue of data.rules.subRoles['applied-mlops'].cues) cue.pattern = NEVER;
    expect(createAnalyzer(data).analyze(owner, { now: TEST_NOW }).subRole.id).not.toBe('applied-mlops');
  });

  it('names evidence parts and denied signals with the labels in the data', () => {
    const data = copy();
    data.rules.evidenceParts['ml-ownership']!.label = 'Runs models for real users';
    data.rules.signals.find((signal) => signal.code === 'on-call')!.label = 'carrying the model pager';
    const analyzer = createAnalyzer(data);
    expect(analyzer.analyze(owner, { now: TEST_NOW }).evidence.parts?.find((part) => part.kind === 'ml-ownership')?.label).toBe('Runs models for real users');
    const negated = analyzer.analyze(denied, { now: TEST_NOW }).flags.find((flag) => flag.code === 'negated-on-call');
    expect(negated?.message).toBe('Brings up carrying the model pager only to say it did not happen; this counts against, not for.');
    expect(defaultAnalyzer.analyze(denied, { now: TEST_NOW }).flags.find((flag) => flag.code === 'negated-on-call')?.message).toMatch(/^Brings up on call /);
  });
});

describe('the engine uses the taxonomy it is given', () => {
  it('counts a tool by an alias only the given taxonomy has', () => {
    expect(defaultAnalyzer.analyze(tracker, { now: TEST_NOW }).tools.find((tool) => tool.id === 'mlflow')?.lines).toEqual([6]);
    const data = copy();
    data.taxonomy.tools.find((tool) => tool.id === 'mlflow')!.aliases.push('Quokkaflow');
    expect(createAnalyzer(data).analyze(tracker, { now: TEST_NOW }).tools.find((tool) => tool.id === 'mlflow')?.lines).toEqual([6, 7]);
  });

  it('finds no tool the given taxonomy leaves out', () => {
    const data = copy();
    data.taxonomy.tools = data.taxonomy.tools.filter((tool) => tool.id !== 'pytorch');
    expect(defaultAnalyzer.analyze(denied, { now: TEST_NOW }).tools.map((tool) => tool.id)).toContain('pytorch');
    expect(createAnalyzer(data).analyze(denied, { now: TEST_NOW }).tools.map((tool) => tool.id)).not.toContain('pytorch');
  });
});

describe('data that does not hold together is refused', () => {
  it('names a signal pattern that is not a regular expression, and a signal without a label', () => {
    const data = copy();
    data.rules.signals[0]!.pattern = '(unclosed';
    expect(() => createAnalyzer(data)).toThrow(/^Invalid analysis rules: signals\.0\.pattern: not a valid regular expression/);
    const unlabelled = copy();
    unlabelled.rules.signals[2] = { ...unlabelled.rules.signals[2]!, label: undefined as unknown as string };
    expect(() => createAnalyzer(unlabelled)).toThrow(/^Invalid analysis rules: signals\.2\.label/);
  });

  it('refuses a signal code that is not lower-case kebab-case, which flags are ordered by', () => {
    const data = copy();
    data.rules.signals[1]!.code = 'On-Call';
    expect(() => createAnalyzer(data)).toThrow(/^Invalid analysis rules: signals\.1\.code: a signal code is lower-case kebab-case/);
  });

  it('refuses a duplicate signal code', () => {
    const data = copy();
    data.rules.signals[1]!.code = data.rules.signals[0]!.code;
    expect(() => createAnalyzer(data)).toThrow(`signals.1.code: duplicate signal code "${policy.rules.signals[0]!.code}"`);
  });

  it('checks tool categories named by the rules against the given taxonomy', () => {
    const hinted = copy();
    hinted.rules.subRoleCategoryHints.categories['gadgets'] = 'devops';
    expect(() => createAnalyzer(hinted)).toThrow(/subRoleCategoryHints\.categories\.gadgets: unknown tool category "gadgets"/);
    const claimed = copy();
    claimed.rules.padding.genericClaims[0]!.category = 'gadgets';
    expect(() => createAnalyzer(claimed)).toThrow(/padding\.genericClaims\.0\.category: unknown tool category "gadgets"/);
  });

  it('checks the probes\u2019 tool ids against the taxonomy it is built with', () => {
    const data = copy();
    data.taxonomy.tools = data.taxonomy.tools.filter((tool) => tool.id !== 'terraform');
    expect(() => createAnalyzer(data)).toThrow(/probes\.rules\.\d+\.when\.toolsListedOnly: unknown tool id "terraform"/);
  });

  it('names a malformed taxonomy before the rules are read', () => {
    const data = copy();
    (data.taxonomy.tools[0] as { firstReleaseYear: unknown }).firstReleaseYear = 'soon';
    expect(() => createAnalyzer(data)).toThrow(/^Invalid taxonomy: tools\.0\.firstReleaseYear/);
  });

  it('checks the evidence model against the features of the rules it runs with', () => {
    const data = copy();
    // The rules lose a part the bundled model weighs: the model no longer fits them.
    const { 'compliance': _dropped, ...parts } = data.rules.evidenceParts;
    data.rules.evidenceParts = parts;
    for (const signal of data.rules.signals) {
      for (const setting of ['ml', 'hosting', 'plain'] as const) if (signal.proves[setting] === 'compliance') delete signal.proves[setting];
    }
    expect(() => createAnalyzer(data)).toThrow(/^Invalid evidence model: features\.\d+: unknown feature "part:compliance"/);
  });
});
