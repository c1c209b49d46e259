// The role intake: the alerts catalogue behind "which job is it?", the four readiness
// questions behind "is it time to hire?", and the engagement guidance
// (resources/intake.json, our own words, each item pointing at the guide it follows).
import { z } from 'zod';
import { subRoleIds, type SubRoleId } from './analysis.ts';
import { engagements, type Engagement } from './market.ts';

const itemId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/);
const guideRef = z.object({ source: z.string().min(2).max(40), section: z.string().min(3).max(200) }).strict();
export type GuideRef = z.infer<typeof guideRef>;

/** The sub-roles a requisition can be written for: the guides' rows (research is never a hire here). */
export const hiringSubRoles = ['applied-mlops', 'ml-platform', 'ml-infra', 'devops', 'ml-engineer'] as const satisfies readonly SubRoleId[];
export type HiringSubRole = (typeof hiringSubRoles)[number];

export const intakeDataSchema = z
  .object({
    version: z.number().int().min(1),
    alerts: z
      .array(
        z
          .object({
            id: itemId,
            text: z.string().min(5).max(120),
            subRole: z.enum(hiringSubRoles),
            why: z.string().min(10).max(300),
          })
          .strict(),
      )
      .min(4),
    /** For typed alerts: words that point at a sub-role, with the reason shown. */
    alertWords: z
      .array(
        z
          .object({
            subRole: z.enum(hiringSubRoles),
            words: z.array(z.string().min(2).max(40)).min(1),
            why: z.string().min(10).max(300),
          })
          .strict(),
      )
      .min(1),
    readiness: z
      .array(
        z
          .object({
            id: itemId,
            question: z.string().min(10).max(200),
            options: z
              .array(z.object({ id: itemId, text: z.string().min(2).max(120), signal: z.enum(['not-yet', 'gray', 'time']) }).strict())
              .min(2),
          })
          .strict(),
      )
      .length(4),
    notYetAlternatives: z.array(z.string().min(10).max(400)).min(1),
    engagementGuidance: z.record(z.enum(engagements), z.array(z.string().min(10).max(400)).min(1)),
    /** Rows of the role table next to each other: a candidate from one is a partial fit for the other. */
    adjacentSubRoles: z.record(
      z.enum(hiringSubRoles),
      z.array(z.object({ subRole: z.enum(subRoleIds), why: z.string().min(10).max(300) }).strict()),
    ),
    /** Extra screening kits (question ids of resources/screening-script.json) a call for each row adds. */
    screeningKits: z.record(z.enum(hiringSubRoles), z.array(itemId).max(10)),
    source: guideRef,
  })
  .strict();
export type IntakeData = z.infer<typeof intakeDataSchema>;

export interface AlertInput {
  /** A catalogue alert's id, or null for a typed one. */
  id: string | null;
  text: string;
}

export interface SubRoleSuggestion {
  /** The row the alerts point to, or null when none matched. */
  subRole: HiringSubRole | null;
  /** True when the top row leads the next by at least two alerts. */
  isClear: boolean;
  tally: Array<{ subRole: HiringSubRole; count: number }>;
  reasons: Array<{ alert: string; subRole: HiringSubRole; why: string }>;
  /** Typed alerts no word of the catalogue recognised. */
  unmatched: string[];
}

export type ReadinessAnswers = Record<string, string>;

export interface ReadinessVerdict {
  verdict: 'not-yet' | 'gray' | 'time' | 'unanswered';
  message: string;
  alternatives: string[];
  answered: number;
}

export interface EngagementGuidance {
  engagement: Engagement;
  points: string[];
}
