import { describe, expect, it } from 'vitest';
import { analyzeResume } from '../../main/analysis/index.ts';
import type { Contact } from '../../contract/analysis.ts';
import { HELDOUT_DIR, loadFixtures, TEST_NOW, type Fixture } from './fixtures.ts';

/**
 * Held-out floors: a little below what the engine measures, never above it. Before any rule was tuned against these
 * resumes (engine 1.0.0) they scored: sub-role 87.5%, evidence 62.5%, padding 100%, tool precision 93.1%,
 * tool recall 82.6%, name/email/phone 100%, location 87.5%. Engine 2.0.0 follows LABELING.md, and four of these labels
 * were corrected to it (h05, h06, h11, h16); it measures sub-role 100%, evidence 75.0%, padding 100%, tool precision
 * 98.2%, tool recall 93.0%, contact 100%. Engine 2.2.0 measures evidence 81.3%, the rest unchanged. The evidence level is
 * fitted on shared/corpus/labeled, never on these.
 */
const FLOORS = { subRole: 0.93, evidence: 0.7, padding: 0.93, toolPrecision: 0.95, toolRecall: 0.9, contact: 0.93 };

const contactFields = ['name', 'email', 'phone', 'location'] as const satisfies readonly (keyof Contact)[];

function sameContactValue(expected: string | null, actual: string | null): boolean {
  if (expected === null || actual === null) return expected === actual;
  return expected.toLowerCase().replace(/\s+/g, ' ') === actual.toLowerCase().replace(/\s+/g, ' ');
}

export function measureAccuracy(fixtures: Fixture[] = loadFixtures()) {
  let subRole = 0;
  let evidence = 0;
  let padding = 0;
  let truePositives = 0;
  let predicted = 0;
  let expected = 0;
  const contactHits = Object.fromEntries(contactFields.map((field) => [field, 0])) as Record<(typeof contactFields)[number], number>;
  const misses: string[] = [];
  for (const fixture of fixtures) {
    const analysis = analyzeResume(fixture.text, { now: TEST_NOW });
    const { label } = fixture;
    if (analysis.subRole.id === label.subRole) subRole++;
    else misses.push(`${fixture.name}: subRole ${analysis.subRole.id} (want ${label.subRole})`);
    if (analysis.evidence.level === label.evidence) evidence++;
    else misses.push(`${fixture.name}: evidence ${analysis.evidence.level}/${analysis.evidence.score} (want ${label.evidence})`);
    if (analysis.padding.detected === label.padding) padding++;
    else misses.push(`${fixture.name}: padding ${analysis.padding.detected}/${analysis.padding.score} (want ${label.padding})`);
    const found = new Set(analysis.tools.filter((tool) => tool.status === 'evidence').map((tool) => tool.id));
    const wanted = new Set(label.evidenceTools);
    predicted += found.size;
    expected += wanted.size;
    for (const id of found) if (wanted.has(id)) truePositives++;
    const extra = [...found].filter((id) => !wanted.has(id));
    const missing = [...wanted].filter((id) => !found.has(id));
    if (extra.length + missing.length > 0) misses.push(`${fixture.name}: tools +[${extra.join(',')}] -[${missing.join(',')}]`);
    for (const field of contactFields) {
      if (sameContactValue(label.contact[field], analysis.contact[field])) contactHits[field]++;
      else misses.push(`${fixture.name}: ${field} ${JSON.stringify(analysis.contact[field])} (want ${JSON.stringify(label.contact[field])})`);
    }
  }
  const count = fixtures.length;
  return {
    count,
    subRole: subRole / count,
    evidence: evidence / count,
    padding: padding / count,
    toolPrecision: predicted === 0 ? 1 : truePositives / predicted,
    toolRecall: expected === 0 ? 1 : truePositives / expected,
    contact: Object.fromEntries(contactFields.map((field) => [field, contactHits[field] / count])) as Record<(typeof contactFields)[number], number>,
    misses,
  };
}

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;

function report(title: string, result: ReturnType<typeof measureAccuracy>): string {
  return [
    `${title}: ${result.count} fixtures`,
    `sub-role accuracy        ${percent(result.subRole)}`,
    `evidence-level accuracy  ${percent(result.evidence)}`,
    `padding accuracy         ${percent(result.padding)}`,
    `tool evidence precision  ${percent(result.toolPrecision)}`,
    `tool evidence recall     ${percent(result.toolRecall)}`,
    ...Object.entries(result.contact).map(([field, value]) => `contact ${field.padEnd(17)}${percent(value)}`),
    ...(process.env.SHOW_MISSES ? ['misses:', ...result.misses] : []),
  ].join('\n');
}

describe('analysis accuracy over labeled fixtures', () => {
  const result = measureAccuracy();
  console.log(report('training set', result));

  it('meets the accuracy floors', () => {
    expect(result.count).toBeGreaterThanOrEqual(36);
    expect(result.subRole).toBeGreaterThanOrEqual(0.8);
    expect(result.evidence).toBeGreaterThanOrEqual(0.7);
    expect(result.padding).toBeGreaterThanOrEqual(0.85);
    expect(result.toolPrecision).toBeGreaterThanOrEqual(0.85);
    expect(result.toolRecall).toBeGreaterThanOrEqual(0.8);
    for (const value of Object.values(result.contact)) expect(value).toBeGreaterThanOrEqual(0.85);
  });
});

// Written by someone other than the rule author, in other layouts; never tune rules against single files here.
describe('analysis accuracy over the held-out fixtures', () => {
  const result = measureAccuracy(loadFixtures(HELDOUT_DIR));
  console.log(report('held-out set', result));

  it('meets the held-out floors', () => {
    expect(result.count).toBeGreaterThanOrEqual(16);
    expect(result.subRole).toBeGreaterThanOrEqual(FLOORS.subRole);
    expect(result.evidence).toBeGreaterThanOrEqual(FLOORS.evidence);
    expect(result.padding).toBeGreaterThanOrEqual(FLOORS.padding);
    expect(result.toolPrecision).toBeGreaterThanOrEqual(FLOORS.toolPrecision);
    expect(result.toolRecall).toBeGreaterThanOrEqual(FLOORS.toolRecall);
    for (const value of Object.values(result.contact)) expect(value).toBeGreaterThanOrEqual(FLOORS.contact);
  });
});
