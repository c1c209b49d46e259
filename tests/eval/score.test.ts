import { describe, expect, it } from 'vitest';
import type { ResumeAnalysis } from '../../contract/analysis.ts';
import { normaliseLocation, normaliseName, normalisePhone, sameContact, scoreCases, type EvalCase } from '../../main/eval/score.ts';

function analysis(overrides: Partial<ResumeAnalysis> = {}): ResumeAnalysis {
  return {
    engineVersion: 'test',
    contact: { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+1 (415) 555-0134', location: 'Austin, TX', links: [] },
    currentTitle: null,
    roles: [],
    yearsExperience: null,
    seniority: 'mid',
    subRole: { id: 'applied-mlops', confidence: 0.9, reasons: ['keeps models alive'] },
    evidence: { level: 'strong', score: 80, reasons: ['owns models in production'] },
    padding: { detected: false, score: 0, reasons: [] },
    tools: [],
    signals: { modelsInProduction: null, postmortemAuthored: false, onCall: false, llmServing: false, clearance: false },
    flags: [],
    probes: [],
    ...overrides,
  };
}

const known = new Set(['kubernetes', 'mlflow', 'airflow']);
const tool = (id: string, status: 'evidence' | 'listed', line = 3) => ({ id, name: id, category: 'x', status, lines: [line] });

describe('contact normalisation', () => {
  it('compares names without case or spacing, phones by digits, locations by words', () => {
    expect(normaliseName('  MARISOL   Quintanilla ')).toBe('marisol quintanilla');
    expect(normalisePhone('+1 (415) 555-0134')).toBe(normalisePhone('+1 415.555.0134'));
    expect(normaliseLocation('Austin, TX')).toBe(normaliseLocation('austin TX'));
    expect(sameContact('email', 'Ada@Example.com', 'ada@example.com')).toBe(true);
    expect(sameContact('phone', null, null)).toBe(true);
    expect(sameContact('phone', null, '555-0134')).toBe(false);
    expect(sameContact('name', 'Ada Lovelace', 'Ada King')).toBe(false);
  });
});

describe('scoreCases', () => {
  it('builds the sub-role and evidence confusion matrices and counts within-one-step', () => {
    const cases: EvalCase[] = [
      { file: 'a', label: { file: 'a', subRole: 'applied-mlops', evidence: 'strong' }, analysis: analysis() },
      { file: 'b', label: { file: 'b', subRole: 'ml-platform', evidence: 'moderate' }, analysis: analysis() },
      { file: 'c', label: { file: 'c', subRole: 'devops', evidence: 'none' }, analysis: analysis() },
    ];
    const scores = scoreCases(cases, known);
    expect(scores.subRole).toMatchObject({ n: 3, correct: 1 });
    expect(scores.subRole?.confusion['ml-platform']['applied-mlops']).toBe(1);
    expect(scores.evidence).toMatchObject({ n: 3, correct: 1, withinOne: 2 });
    expect(scores.evidence?.confusion.none.strong).toBe(1);
    const evidenceMiss = scores.disagreements.find((found) => found.file === 'c' && found.field === 'evidence');
    expect(evidenceMiss).toMatchObject({ expected: 'none', actual: 'strong (80/100)', reason: 'owns models in production' });
  });

  it('scores padding and tools with evidence as precision, recall and F1, ignoring ids outside the taxonomy', () => {
    const cases: EvalCase[] = [
      {
        file: 'a',
        label: { file: 'a', padding: true, toolsWithEvidence: ['kubernetes', 'mlflow', 'not-a-tool'] },
        analysis: analysis({ padding: { detected: true, score: 70, reasons: ['long list'] }, tools: [tool('kubernetes', 'evidence'), tool('airflow', 'evidence', 9), tool('mlflow', 'listed')] }),
      },
      { file: 'b', label: { file: 'b', padding: false, toolsWithEvidence: [] }, analysis: analysis({ padding: { detected: true, score: 60, reasons: ['familiar with'] } }) },
      { file: 'c', label: { file: 'c', padding: true }, analysis: analysis() },
    ];
    const scores = scoreCases(cases, known);
    expect(scores.padding).toMatchObject({ n: 3, truePositives: 1, falsePositives: 1, falseNegatives: 1, precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(scores.tools).toMatchObject({ n: 2, truePositives: 1, falsePositives: 1, falseNegatives: 1 });
    const toolMiss = scores.disagreements.find((found) => found.field === 'tools');
    expect(toolMiss?.reason).toBe('airflow (line 9) read as described work; mlflow read as listed only');
    expect(scores.disagreements.find((found) => found.file === 'c')).toMatchObject({ field: 'padding', reason: 'no padding cue found' });
  });

  it('skips keys a label leaves out and reports files that could not be read', () => {
    const cases: EvalCase[] = [
      { file: 'a', label: { file: 'a', name: 'ADA  LOVELACE', phone: '415 555 0134' }, analysis: analysis() },
      { file: 'b', label: { file: 'b', name: 'Grace Hopper' }, analysis: null, failure: 'no such file' },
    ];
    const scores = scoreCases(cases, known);
    expect(scores.scored).toBe(1);
    expect(scores.failed).toEqual([{ file: 'b', reason: 'no such file' }]);
    expect(scores.subRole).toBeNull();
    expect(scores.evidence).toBeNull();
    expect(scores.padding).toBeNull();
    expect(scores.tools).toBeNull();
    expect(scores.contact.name).toEqual({ n: 1, correct: 1, accuracy: 1 });
    expect(scores.contact.phone).toEqual({ n: 1, correct: 0, accuracy: 0 });
    expect(scores.contact.email).toBeNull();
  });
});
