import { z } from 'zod';
import rulesJson from '../../resources/analysis-rules.json' with { type: 'json' };
import { subRoleIds } from '../../contract/analysis.ts';
import { isValidRegex, LETTER_CHAR, ruleRegex } from './taxonomy.ts';

const regex = z.string().min(1).refine(isValidRegex, { message: 'not a valid regular expression' });
const sectionKind = z.enum(['header', 'contact', 'summary', 'skills', 'experience', 'projects', 'education', 'certifications', 'interests', 'publications', 'other']);
const subRoleId = z.enum(subRoleIds);
const cue = z.object({ label: z.string().min(1), weight: z.number().positive(), pattern: regex });

const signalRule = z.object({
  code: z.string().min(1),
  sets: z.enum(['modelsInProduction', 'onCall', 'postmortemAuthored', 'llmServing', 'clearance']).optional(),
  sections: z.array(sectionKind).min(1),
  weight: z.number().nonnegative(),
  pattern: regex,
  /** Both must also match the line's text block for the signal to count. */
  requires: regex.optional(),
  requiresAlso: regex.optional(),
  reject: regex.optional(),
  message: z.string().min(1),
});

const rulesSchema = z.object({
  version: z.number().int(),
  sectionHeadings: z.partialRecord(sectionKind, z.array(z.string().min(1))),
  actionVerbStems: z.array(z.string().min(1)).min(1),
  negationPattern: regex,
  listLabelPattern: regex,
  courseLinePattern: regex,
  interestLinePattern: regex,
  signals: z.array(signalRule),
  notInProductionPattern: regex,
  /** A tool named but not claimed: "Kaggle-style contest", "before EKS existed". Empty "before" means no condition. */
  toolMentionNotAClaim: z.array(z.object({ before: z.string().refine((source) => source === '' || isValidRegex(source)), after: regex })),
  evidence: z.object({
    toolWeight: z.number(),
    toolCap: z.number(),
    signalCap: z.number(),
    negatedPenalty: z.number(),
    negatedCap: z.number(),
    contradictionPenalty: z.number(),
    contradictionCap: z.number(),
    levels: z.object({ strong: z.number(), moderate: z.number() }),
  }),
  padding: z.object({
    threshold: z.number(),
    familiarityPattern: regex,
    genericClaims: z.array(z.object({ pattern: regex, category: z.string().min(1) })),
    notebookPattern: regex,
    productionWordPattern: regex,
    longListMinTools: z.number().int().positive(),
    listedHeavyMinTools: z.number().int().positive(),
    /** At most this many described work lines counts as "thin" experience. */
    thinWorkMaxLines: z.number().int().nonnegative(),
    weights: z.object({
      'long-tool-list': z.number(),
      'listed-heavy': z.number(),
      'generic-category': z.number(),
      familiarity: z.number(),
      'certificate-main-evidence': z.number(),
      'notebook-only': z.number(),
      'production-without-numbers': z.number(),
      'tool-before-release': z.number(),
    }),
  }),
  subRoles: z.record(subRoleId, z.object({ label: z.string().min(1), cues: z.array(cue).min(1) })),
  /** Weak fallback from the categories of all named tools, for resumes with little described work. */
  subRoleCategoryHints: z.object({ weightPerTool: z.number().nonnegative(), categories: z.record(z.string(), subRoleId) }),
  /** How much a work line counts toward the sub-role depending on where it sits (summary, newest roles, old roles). */
  subRoleWeighting: z.object({
    summaryFactor: z.number().nonnegative(),
    titleFactorCurrent: z.number().nonnegative(),
    titleFactorPast: z.number().nonnegative(),
    /** Factors for the newest role, the one before it, ...; roles past the list use 1 or the old-role factor. */
    recentRoleFactors: z.array(z.number().positive()),
    oldRoleYears: z.number().positive(),
    oldRoleFactor: z.number().positive(),
    maxCountedRepeats: z.number().int().positive(),
    /** Project lines of someone who also lists jobs: side or student work says less than paid work. */
    projectsFactor: z.number().nonnegative(),
    /** The self-chosen headline under the name ("Aspiring MLOps Engineer") is a weaker hint than a held title. */
    headlineFactor: z.number().nonnegative(),
  }),
  subRoleTitleHints: z.array(z.object({ role: subRoleId, weight: z.number(), pattern: regex })),
  seniorityTitles: z.object({ staff: regex, senior: regex, junior: regex }),
  roleTitleWords: regex,
  usStates: z.array(z.string()),
  regionNames: z.array(z.string()),
  countries: z.array(z.string()),
  knownCities: z.array(z.string()),
});

export type AnalysisRules = z.infer<typeof rulesSchema>;
export type SectionKind = z.infer<typeof sectionKind>;
export type SignalRule = z.infer<typeof signalRule>;
export type PaddingCode = keyof AnalysisRules['padding']['weights'];

export function parseRules(raw: unknown): AnalysisRules {
  const result = rulesSchema.safeParse(raw);
  if (!result.success) {
    const details = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
    throw new Error(`Invalid analysis rules: ${details}`);
  }
  return result.data;
}

export const rules: AnalysisRules = parseRules(rulesJson);

export const ACTION_VERB = new RegExp(`(?<![${LETTER_CHAR}])(?:${rules.actionVerbStems.map(RegExp.escape).join('|')})`, 'i');
export const NEGATION = ruleRegex(rules.negationPattern, 'i');
/** Hedged wording ("familiar with", "exposure to"): a padding flag on its line, and no claim for a tool named after it. */
export const FAMILIARITY = ruleRegex(rules.padding.familiarityPattern, 'i');
