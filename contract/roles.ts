// Roles (requisitions), their fit ranking and shortlist. A role names the row of the guides'
// role table it is written for, its level, market, engagement, tools and premium factors.
import { z } from 'zod';
import type { EvidenceLevel, Seniority, SubRoleId } from './analysis.ts';
import { hiringSubRoles, type HiringSubRole } from './intake.ts';
import { engagements, premiumFactors, roleLevels, type Band, type Engagement, type PremiumFactor, type RoleLevel } from './market.ts';

export const roleStatuses = ['open', 'on-hold', 'filled', 'closed'] as const;
export type RoleStatus = (typeof roleStatuses)[number];

const toolId = z.string().trim().min(1).max(64);
const alertSchema = z.object({ id: z.string().max(64).nullable(), text: z.string().max(200) }).strict();

/** What a recruiter writes; tool ids and the city are checked against the taxonomy and market data by the roles domain. */
export const roleInputSchema = z
  .object({
    title: z.string().trim().min(2, 'write at least 2 characters').max(120),
    subRole: z.enum(hiringSubRoles),
    level: z.enum(roleLevels),
    /** A market city id or alias from resources/market.json ("remote" for remote roles). */
    city: z.string().trim().min(2).max(60),
    engagement: z.enum(engagements),
    // At most 26 tools in all: the ranking packs their statuses two bits each into one exact integer.
    mustHave: z.array(toolId).max(10).default([]),
    niceToHave: z.array(toolId).max(16).default([]),
    factors: z.array(z.enum(premiumFactors)).max(3).default([]),
    notes: z.string().max(10_000).default(''),
    status: z.enum(roleStatuses).default('open'),
    /** The intake answers the role was written from, kept so the intake can be reopened. */
    intake: z
      .object({
        alerts: z.array(alertSchema).max(20).default([]),
        readiness: z.record(z.string().max(40), z.string().max(40)).default({}),
      })
      .strict()
      .default({ alerts: [], readiness: {} }),
  })
  .strict();
export type RoleInput = z.input<typeof roleInputSchema>;
export type RoleFields = z.output<typeof roleInputSchema>;

export interface Role extends RoleFields {
  id: number;
  /** The market city id the role's city resolved to. */
  city: string;
  shortlistCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface ShortlistEntry {
  roleId: number;
  candidateId: number;
  name: string | null;
  note: string;
  addedAt: string;
}

/** A resume line that backs a fit part (1-based line of the stored text). */
export interface FitLine {
  line: number;
  excerpt: string;
}

export const fitPartKinds = [
  'sub-role',
  'evidence',
  'must-have',
  'nice-to-have',
  'seniority',
  'location',
  'llm-serving',
  'clearance',
  'padding',
] as const;
export type FitPartKind = (typeof fitPartKinds)[number];

export interface FitPart {
  kind: FitPartKind;
  /** Short name of the part ("Must-have: SageMaker"). */
  label: string;
  /** Points this part adds (negative for padding); max is what a perfect candidate gets. */
  points: number;
  max: number;
  /** Why, in our words. */
  verdict: string;
  lines: FitLine[];
}

export interface CandidateFit {
  candidateId: number;
  name: string | null;
  location: string | null;
  subRole: SubRoleId;
  evidenceLevel: EvidenceLevel;
  seniority: Seniority;
  isPadded: boolean;
  /** 0–100. */
  score: number;
  /** True when every must-have tool is backed by evidence (a role with none counts as true). */
  hasAllMustHaves: boolean;
  isShortlisted: boolean;
  /** Filled for the candidates of the page asked for; the rest of the ranking carries numbers only. */
  parts: FitPart[];
}

export interface RoleRanking {
  roleId: number;
  /** Candidates with an analysis that were scored (before the must-have filter). */
  scored: number;
  /** Candidates that passed the filter. */
  matched: number;
  candidates: CandidateFit[];
}

export interface RoleDetail {
  role: Role;
  shortlist: ShortlistEntry[];
  band: Band;
}

export type { HiringSubRole, RoleLevel, Engagement, PremiumFactor };
