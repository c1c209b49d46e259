// Recruiter corrections: what a recruiter says about a resume where the engine got it wrong, and
// the one function that turns the engine's verdict and the corrections into the verdict everything
// else uses (the list, its filters, the briefs, a role's ranking). Pure; shared by every side.
import { z } from 'zod';
import { evidenceLevels, subRoleIds, type EvidenceLevel, type SubRoleId, type ToolStatus } from './analysis.ts';

export const correctionFields = ['subRole', 'evidence', 'padding', 'tool'] as const;
export type CorrectionField = (typeof correctionFields)[number];

export const correctionFieldLabels: Record<CorrectionField, string> = {
  subRole: 'Sub-role',
  evidence: 'Evidence level',
  padding: 'Padding',
  tool: 'Tool status',
};

const toolId = z.string().regex(/^[a-z0-9][a-z0-9._+-]{0,63}$/, 'not a tool id');

/** What the recruiter says: one field, or one tool's status. */
export const correctionTargetSchema = z.discriminatedUnion('field', [
  z.object({ field: z.literal('subRole'), value: z.enum(subRoleIds) }).strict(),
  z.object({ field: z.literal('evidence'), value: z.enum(evidenceLevels) }).strict(),
  z.object({ field: z.literal('padding'), value: z.boolean() }).strict(),
  z.object({ field: z.literal('tool'), toolId, value: z.enum(['evidence', 'listed']) }).strict(),
]);
export type CorrectionTarget = z.infer<typeof correctionTargetSchema>;

/** Which correction to take back: a field, or one tool's. */
export const correctionKeySchema = z.discriminatedUnion('field', [
  z.object({ field: z.enum(['subRole', 'evidence', 'padding']) }).strict(),
  z.object({ field: z.literal('tool'), toolId }).strict(),
]);
export type CorrectionKey = z.infer<typeof correctionKeySchema>;

export const maxCorrectionNote = 2_000;

/** A stored correction: the recruiter's value beside what the engine said when it was made. */
export type Correction = (
  | { field: 'subRole'; toolId: null; value: SubRoleId; engineValue: SubRoleId }
  | { field: 'evidence'; toolId: null; value: EvidenceLevel; engineValue: EvidenceLevel }
  | { field: 'padding'; toolId: null; value: boolean; engineValue: boolean }
  | { field: 'tool'; toolId: string; value: ToolStatus; engineValue: ToolStatus }
) & {
  /** The resume version it was made on. */
  resumeFileId: number;
  note: string;
  /** The analysis engine version whose verdict the recruiter corrected. */
  engineVersion: string;
  correctedAt: string;
};

/** A candidate's corrections: those on the resume shown, and those made on earlier versions (hints only). */
export interface CandidateCorrections {
  current: Correction[];
  earlier: Correction[];
}

/** The verdict the list, filters, briefs and rankings use. */
export interface Verdict {
  subRole: SubRoleId;
  evidenceLevel: EvidenceLevel;
  evidenceScore: number;
  isPadded: boolean;
  toolsShipped: string[];
  toolsListed: string[];
}

/** Weakest first: the score of level i lies in [100(i − 0.5)/3, 100(i + 0.49)/3], as the engine keeps it. */
const ascendingLevels: readonly EvidenceLevel[] = [...evidenceLevels].reverse();

/** The engine's score moved into the corrected level's band, so sorting by evidence agrees with the level. */
export function scoreWithinLevel(score: number, level: EvidenceLevel): number {
  const index = ascendingLevels.indexOf(level);
  const low = Math.max(0, Math.round((100 * (index - 0.5)) / 3));
  const high = Math.min(100, Math.round((100 * (index + 0.49)) / 3));
  return Math.min(high, Math.max(low, score));
}

/**
 * The effective verdict: each corrected field takes the recruiter's value, every other field the
 * engine's. A tool correction moves the tool between shipped and listed when the engine found it
 * at all. Only corrections on the resume version shown may be passed in.
 */
export function effectiveVerdict(engine: Verdict, corrections: readonly Correction[]): Verdict & { correctedFields: CorrectionField[] } {
  const verdict = { ...engine, correctedFields: [] as CorrectionField[] };
  const mark = (field: CorrectionField) => {
    if (!verdict.correctedFields.includes(field)) verdict.correctedFields.push(field);
  };
  for (const correction of corrections) {
    switch (correction.field) {
      case 'subRole':
        verdict.subRole = correction.value;
        break;
      case 'evidence':
        verdict.evidenceLevel = correction.value;
        verdict.evidenceScore = scoreWithinLevel(engine.evidenceScore, correction.value);
        break;
      case 'padding':
        verdict.isPadded = correction.value;
        break;
      case 'tool': {
        const { toolId: id, value } = correction;
        if (!verdict.toolsShipped.includes(id) && !verdict.toolsListed.includes(id)) continue;
        const without = (ids: string[]) => ids.filter((other) => other !== id);
        verdict.toolsShipped = value === 'evidence' ? [...without(verdict.toolsShipped), id].sort() : without(verdict.toolsShipped);
        verdict.toolsListed = value === 'listed' ? [...without(verdict.toolsListed), id].sort() : without(verdict.toolsListed);
        break;
      }
    }
    mark(correction.field);
  }
  return verdict;
}

/** A correction's value as a person reads it ("Applied MLOps", "padded", "shipped with"). */
export function describeCorrectionValue(correction: Pick<Correction, 'field' | 'value'>, subRoleNames: Record<SubRoleId, string>): string {
  switch (correction.field) {
    case 'subRole':
      return subRoleNames[correction.value as SubRoleId];
    case 'evidence':
      return correction.value === 'none' ? 'no evidence' : `${String(correction.value)} evidence`;
    case 'padding':
      return correction.value ? 'padded' : 'not padded';
    case 'tool':
      return correction.value === 'evidence' ? 'shipped with it' : 'only listed it';
  }
}

/** "Recruiter: Applied MLOps — engine said ML Platform" */
export function describeCorrection(correction: Correction, subRoleNames: Record<SubRoleId, string>): string {
  const recruiter = describeCorrectionValue(correction, subRoleNames);
  const engine = describeCorrectionValue({ field: correction.field, value: correction.engineValue }, subRoleNames);
  const subject = correction.field === 'tool' ? `${correction.toolId}: ` : '';
  return `Recruiter: ${subject}${recruiter} — engine said ${engine}`;
}
