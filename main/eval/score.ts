// Scores engine analyses against labels: the measures a recruiting team needs to judge how far
// to trust the engine on its own resumes. Pure functions; reading files is service.ts's job.
import { evidenceLevels, subRoleIds, type EvidenceLevel, type ResumeAnalysis, type SubRoleId } from '../../contract/analysis.ts';
import type { EvalLabel } from './labels.ts';

export const contactFields = ['name', 'email', 'phone', 'location'] as const;
export type ContactField = (typeof contactFields)[number];

export interface EvalCase {
  file: string;
  label: EvalLabel;
  /** Null when the file could not be read; `failure` says why. */
  analysis: ResumeAnalysis | null;
  failure?: string;
}

export type Confusion<K extends string> = Record<K, Record<K, number>>;

export interface Accuracy {
  n: number;
  correct: number;
  accuracy: number;
}

export interface BinaryScore {
  n: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Disagreement {
  file: string;
  field: string;
  expected: string;
  actual: string;
  reason: string;
}

export interface EvalScores {
  /** Files scored (read and analysed). */
  scored: number;
  failed: Array<{ file: string; reason: string }>;
  subRole: (Accuracy & { confusion: Confusion<SubRoleId> }) | null;
  evidence: (Accuracy & { withinOne: number; withinOneAccuracy: number; confusion: Confusion<EvidenceLevel> }) | null;
  padding: BinaryScore | null;
  tools: BinaryScore | null;
  contact: Record<ContactField, Accuracy | null>;
  disagreements: Disagreement[];
}

/** Names compare without case, accents' composition or spacing differences. */
export function normaliseName(value: string): string {
  return value.normalize('NFKC').toLocaleLowerCase('en').replace(/\s+/g, ' ').trim();
}

/** Phones compare by their digits: "+1 (415) 555-0134" and "+1 415.555.0134" are the same number. */
export function normalisePhone(value: string): string {
  return value.replace(/\D/g, '');
}

/** Locations compare as words: "Austin, TX" and "Austin TX" are the same place. */
export function normaliseLocation(value: string): string {
  return value.normalize('NFKC').toLocaleLowerCase('en').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

const normalisers: Record<ContactField, (value: string) => string> = {
  name: normaliseName,
  email: (value) => value.trim().toLowerCase(),
  phone: normalisePhone,
  location: normaliseLocation,
};

export function sameContact(field: ContactField, expected: string | null, actual: string | null): boolean {
  if (expected === null || actual === null) return expected === actual;
  return normalisers[field](expected) === normalisers[field](actual);
}

function emptyConfusion<K extends string>(keys: readonly K[]): Confusion<K> {
  return Object.fromEntries(keys.map((row) => [row, Object.fromEntries(keys.map((column) => [column, 0]))])) as Confusion<K>;
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

function binary(truePositives: number, falsePositives: number, falseNegatives: number, n: number): BinaryScore {
  const precision = ratio(truePositives, truePositives + falsePositives);
  const recall = ratio(truePositives, truePositives + falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { n, truePositives, falsePositives, falseNegatives, precision, recall, f1 };
}

function evidenceReason(analysis: ResumeAnalysis): string {
  const stated = analysis.evidence.reasons?.[0];
  if (stated) return stated;
  const codes = [...new Set(analysis.flags.filter((flag) => flag.kind === 'evidence').map((flag) => flag.code))];
  return codes.length > 0 ? `signals: ${codes.join(', ')}` : 'no production signal found';
}

function toolLines(analysis: ResumeAnalysis, id: string): string {
  const tool = analysis.tools.find((finding) => finding.id === id);
  return tool && tool.lines.length > 0 ? `${id} (line ${tool.lines[0]})` : id;
}

function contactReason(field: ContactField, expected: string | null, actual: string | null): string {
  if (actual === null) return `no ${field} found`;
  if (expected === null) return `took a value the label says is not one (placeholder, masked or absent)`;
  return `read a different ${field}`;
}

/**
 * Tool ids are scored only where the taxonomy knows them (`knownToolIds`): a label naming a tool the
 * taxonomy lacks cannot be matched by any engine, so it would measure the taxonomy, not the reading.
 */
export function scoreCases(cases: readonly EvalCase[], knownToolIds: ReadonlySet<string>): EvalScores {
  const failed: EvalScores['failed'] = [];
  const disagreements: Disagreement[] = [];
  const subRole = { n: 0, correct: 0, confusion: emptyConfusion(subRoleIds) };
  const evidence = { n: 0, correct: 0, withinOne: 0, confusion: emptyConfusion(evidenceLevels) };
  const padding = { n: 0, tp: 0, fp: 0, fn: 0 };
  const tools = { n: 0, tp: 0, fp: 0, fn: 0 };
  const contact = Object.fromEntries(contactFields.map((field) => [field, { n: 0, correct: 0 }])) as Record<ContactField, { n: number; correct: number }>;
  let scored = 0;

  for (const { file, label, analysis, failure } of cases) {
    if (!analysis) {
      failed.push({ file, reason: failure ?? 'could not be read' });
      continue;
    }
    scored++;
    const disagree = (field: string, expected: string, actual: string, reason: string): void => {
      disagreements.push({ file, field, expected, actual, reason });
    };
    if (label.subRole !== undefined) {
      const got = analysis.subRole.id;
      subRole.n++;
      subRole.confusion[label.subRole][got]++;
      if (got === label.subRole) subRole.correct++;
      else disagree('subRole', label.subRole, got, analysis.subRole.reasons[0] ?? 'no reason given');
    }
    if (label.evidence !== undefined) {
      const got = analysis.evidence.level;
      evidence.n++;
      evidence.confusion[label.evidence][got]++;
      const distance = Math.abs(evidenceLevels.indexOf(label.evidence) - evidenceLevels.indexOf(got));
      if (distance === 0) evidence.correct++;
      if (distance <= 1) evidence.withinOne++;
      if (distance > 0) disagree('evidence', label.evidence, `${got} (${analysis.evidence.score}/100)`, evidenceReason(analysis));
    }
    if (label.padding !== undefined) {
      const got = analysis.padding.detected;
      padding.n++;
      if (got && label.padding) padding.tp++;
      else if (got) padding.fp++;
      else if (label.padding) padding.fn++;
      if (got !== label.padding) {
        disagree('padding', String(label.padding), `${got} (${analysis.padding.score}/100)`, analysis.padding.reasons[0] ?? 'no padding cue found');
      }
    }
    if (label.toolsWithEvidence !== undefined) {
      const wanted = new Set(label.toolsWithEvidence.filter((id) => knownToolIds.has(id)));
      const found = new Set(analysis.tools.filter((tool) => tool.status === 'evidence' && knownToolIds.has(tool.id)).map((tool) => tool.id));
      tools.n++;
      const extra = [...found].filter((id) => !wanted.has(id)).sort();
      const missing = [...wanted].filter((id) => !found.has(id)).sort();
      tools.tp += found.size - extra.length;
      tools.fp += extra.length;
      tools.fn += missing.length;
      if (extra.length + missing.length > 0) {
        const listedMissing = missing.map((id) => (analysis.tools.some((tool) => tool.id === id) ? `${id} read as listed only` : `${id} not found`));
        disagree(
          'tools',
          missing.length > 0 ? `+${missing.join(',')}` : '—',
          extra.length > 0 ? `+${extra.join(',')}` : '—',
          [...extra.map((id) => `${toolLines(analysis, id)} read as described work`), ...listedMissing].join('; '),
        );
      }
    }
    for (const field of contactFields) {
      const expected = label[field];
      if (expected === undefined) continue;
      const actual = analysis.contact[field];
      contact[field].n++;
      if (sameContact(field, expected, actual)) contact[field].correct++;
      else disagree(field, JSON.stringify(expected), JSON.stringify(actual), contactReason(field, expected, actual));
    }
  }

  const accuracy = ({ n, correct }: { n: number; correct: number }): Accuracy => ({ n, correct, accuracy: ratio(correct, n) });
  return {
    scored,
    failed,
    subRole: subRole.n === 0 ? null : { ...accuracy(subRole), confusion: subRole.confusion },
    evidence:
      evidence.n === 0
        ? null
        : { ...accuracy(evidence), withinOne: evidence.withinOne, withinOneAccuracy: ratio(evidence.withinOne, evidence.n), confusion: evidence.confusion },
    padding: padding.n === 0 ? null : binary(padding.tp, padding.fp, padding.fn, padding.n),
    tools: tools.n === 0 ? null : binary(tools.tp, tools.fp, tools.fn, tools.n),
    contact: Object.fromEntries(contactFields.map((field) => [field, contact[field].n === 0 ? null : accuracy(contact[field])])) as Record<
      ContactField,
      Accuracy | null
    >,
    disagreements,
  };
}
