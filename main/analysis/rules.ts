import { z } from 'zod';
import { evidenceLevels, subRoleIds } from '../../contract/analysis.ts';
import { isValidRegex, type Taxonomy } from './taxonomy.ts';
import { parseData } from './validate.ts';

const regex = z.string().min(1).refine(isValidRegex, { message: 'not a valid regular expression' });
const sectionKind = z.enum(['header', 'contact', 'summary', 'skills', 'experience', 'projects', 'education', 'certifications', 'interests', 'publications', 'other']);
const subRoleId = z.enum(subRoleIds);
const cue = z.object({ label: z.string().min(1), weight: z.number().positive(), pattern: regex });

/** Where a statement sits: among ML work, on infrastructure that hosts others' ML, or with no ML around it. */
export const statementSettings = ['ml', 'hosting', 'plain'] as const;
export type StatementSetting = (typeof statementSettings)[number];

/** The yes/no fields of the analysis' production signals a signal rule can set (contract/analysis.ts ProductionSignals). */
export const signalSwitches = ['onCall', 'postmortemAuthored', 'llmServing', 'clearance'] as const;
const signalSwitch = z.enum(signalSwitches);

const signalRule = z.object({
  /** Lower-case kebab-case, as flag codes are (flags are ordered by code, see compareIds). */
  code: z.string().regex(/^[a-z0-9-]+$/, 'a signal code is lower-case kebab-case'),
  /** How a reader names the signal ("on call", "drift monitoring"), e.g. when a resume denies it. */
  label: z.string().min(1),
  /** The production-signal field the rule sets: the model count it states, or one of the switches. */
  sets: z.union([z.literal('modelsInProduction'), signalSwitch]).optional(),
  sections: z.array(sectionKind).min(1),
  /** Counts on list lines and in courses and certificates too: a clearance is listed, not described as work. */
  inLists: z.boolean().default(false),
  /** On-call, incidents, SLOs kept: the operations history that makes one production model strong (LABELING.md). */
  showsOperations: z.boolean().default(false),
  /** The evidence part (a key of `evidenceParts`) the signal shows in each setting; none where left out. */
  proves: z.partialRecord(z.enum(statementSettings), z.string().min(1)),
  pattern: regex,
  /** Both must also match the line's text block for the signal to count. */
  requires: regex.optional(),
  requiresAlso: regex.optional(),
  reject: regex.optional(),
  message: z.string().min(1),
});

/** The padding cues the engine looks for (padding.ts); their weights and when each decides are data. */
const paddingCodes = [
  'long-tool-list',
  'listed-heavy',
  'generic-category',
  'familiarity',
  'certificate-main-evidence',
  'notebook-only',
  'production-without-numbers',
  'tool-before-release',
  'years-claim-contradiction',
] as const;

const toolIds = z.array(z.string().min(1)).min(1);
/** A verification question asked when its conditions hold; every condition given must hold. */
const probeRule = z.object({
  /** Id of a question in resources/screening-script.json, or null for a question of its own. */
  questionId: z.string().min(1).nullable(),
  /** "{tools}" is replaced by the tools that met a tool condition, "{line}" by the flag's line, "{message}" by its message. */
  text: z.string().min(1),
  because: z.string().min(1),
  /** One question per flag with this code (up to `max`), instead of `when`. */
  perFlag: z.string().min(1).optional(),
  max: z.number().int().positive().optional(),
  when: z
    .object({
      toolsAny: toolIds.optional(),
      toolsNone: toolIds.optional(),
      toolsListedOnly: toolIds.optional(),
      toolsWithEvidence: toolIds.optional(),
      toolsNoEvidence: toolIds.optional(),
      flag: z.string().min(1).optional(),
      noFlag: z.string().min(1).optional(),
      signal: signalSwitch.optional(),
      noSignal: signalSwitch.optional(),
    })
    .optional(),
});

const rulesSchema = z.object({
  version: z.number().int(),
  sectionHeadings: z.partialRecord(sectionKind, z.array(z.string().min(1))),
  /** Last words that make a short heading of that kind whatever qualifies them: "Technical Experience", "INTERNSHIP EXPERIENCE". */
  sectionHeadingEndings: z.partialRecord(sectionKind, z.array(z.string().regex(/^\p{Ll}+$/u))),
  actionVerbStems: z.array(z.string().min(1)).min(1),
  negationPattern: regex,
  listLabelPattern: regex,
  courseLinePattern: regex,
  interestLinePattern: regex,
  /** A home lab or weekend project named anywhere: not work for real users (LABELING.md). */
  homeLabPattern: regex,
  /**
   * A project someone besides its author used: users, clients, downloads, a merged upstream change. Without it, a
   * project is the person's own exercise, whose tools and signals are claims, not work (LABELING.md, "Real work").
   */
  projectInUsePattern: regex,
  signals: z.array(signalRule),
  notInProductionPattern: regex,
  /** A tool named but not claimed: "Kaggle-style contest", "before EKS existed". Empty "before" means no condition. */
  toolMentionNotAClaim: z.array(z.object({ before: z.string().refine((source) => source === '' || isValidRegex(source)), after: regex })),
  /** What production evidence is made of (LABELING.md): each part's label and how a reason names it. */
  evidenceParts: z.record(
    z.string().regex(/^[a-z-]+$/),
    z.object({
      label: z.string().min(1),
      reason: z.string().min(1),
      /**
       * The highest level this part can carry (LABELING.md's table): hosting others' ML is moderate at most, ML
       * work with no production signal weak at most, operations with no ML in them none. The fitted level is capped
       * by the best part present.
       */
      supports: z.enum(evidenceLevels),
      /** What the fitted model sees: whether the part is there at all, or how many lines show it (log scale). */
      measure: z.enum(['present', 'lines']),
    }),
  ),
  /** Lines showing production ML (the parts that support strong), counted for the rubric's bounds on the fitted level. */
  evidenceLines: z
    .object({
      /** Fewer, with no on-call, incident or SLO of their own, are one or two deployments: moderate at most (LABELING.md, moderate (a)). */
      strongNeeds: z.number().int().min(1),
      /** This many or more are several production models or ML systems: strong (LABELING.md, strong). */
      severalFrom: z.number().int().min(1),
    })
    .refine((lines) => lines.severalFrom >= lines.strongNeeds, { message: 'severalFrom is below strongNeeds' }),
  evidenceContext: z.object({
    /** Words that put a statement among machine-learning work. */
    mlPattern: regex,
    /** Infrastructure run for someone else's models ("the GPU pools that host the data-science team's services"). */
    hostingPattern: regex,
    /** Work the resume gives to others ("retraining stays with the data-science team"): not the person's evidence. */
    notTheirsPattern: regex,
    /** ML built for users that never reached them: pilots, demos, proofs of concept. */
    pilotPattern: regex,
    /** Research rather than service: papers, benchmarks, notebooks, research clusters. */
    researchPattern: regex,
  }),
  padding: z.object({
    familiarityPattern: regex,
    genericClaims: z.array(z.object({ pattern: regex, category: z.string().min(1) })),
    notebookPattern: regex,
    productionWordPattern: regex,
    longListMinTools: z.number().int().positive(),
    /** At most this many described work lines counts as "thin" experience. */
    thinWorkMaxLines: z.number().int().nonnegative(),
    /** Hedged wording is the main support only over this many tools; an honest junior is "familiar" with a few. */
    familiarityMinTools: z.number().int().positive(),
    /** Category claims ("container orchestration") carry a resume only on at least this many lines outside described work. */
    genericClaimMinLines: z.number().int().positive(),
    /** Courses or certificates carry a resume only when there are at least this many of them. */
    certificateMinLines: z.number().int().positive(),
    /** LABELING.md's tool-list rule: this many tools named only as claims, this many times those in described work, at this evidence or below. */
    toolRatioRules: z.array(z.object({ minListed: z.number().int().positive(), ratio: z.number().positive(), evidenceAtMost: z.enum(evidenceLevels) })).min(1),
    /** "N+ years of X": n is the number of years, what the rest of the claim. */
    yearsClaimPattern: regex,
    /** Years a claim may exceed the dated career before it contradicts it (rounding, unlisted early jobs). */
    yearsClaimSlackYears: z.number().nonnegative(),
    weights: z.record(z.enum(paddingCodes), z.number()),
    /** A cue that alone makes the resume padded, when its evidence level is at most the one given (the cue "carries the resume"). */
    decisive: z.partialRecord(z.enum(paddingCodes), z.enum(evidenceLevels)),
  }),
  subRoles: z.record(subRoleId, z.object({ cues: z.array(cue).min(1) })),
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
  probes: z.object({ max: z.number().int().positive(), rules: z.array(probeRule).min(1) }),
  /**
   * Whose customer the work serves can move a cue to another sub-role: retraining built for other ML teams is platform
   * work, GPU clusters that host another team's models are devops. `whenHosting` uses evidenceContext.hostingPattern.
   */
  subRoleRedirects: z.array(
    z
      .object({ why: z.string().min(1), from: z.array(subRoleId).min(1), to: subRoleId, pattern: regex.optional(), whenHosting: z.boolean().optional(), unless: regex.optional() })
      .refine((redirect) => (redirect.pattern === undefined) === (redirect.whenHosting === true), { message: 'give a pattern or whenHosting, not both' }),
  ),
  seniorityTitles: z.object({ staff: regex, senior: regex, junior: regex }),
  roleTitleWords: regex,
  /** Words of a degree or a school: a dated line with one of them is education, not a job. */
  degreePattern: regex,
  usStates: z.array(z.string()),
  regionNames: z.array(z.string()),
  countries: z.array(z.string()),
  knownCities: z.array(z.string()),
});

/** The engine's own cues that feed evidence parts besides the signals; each must name a part. */
export const engineEvidenceParts = { mlWork: 'ml-work', unprovenClaims: 'unproven-claims', notProduction: 'not-production', outsideWork: 'outside-work', research: 'research-work' } as const;

/** Checks what the schema alone cannot: references between parts of the rules, and to the taxonomy's tools and categories. */
function checkReferences(value: AnalysisRules, taxonomy: Taxonomy, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string): void => ctx.addIssue({ code: 'custom', path, message });
  const parts = new Set(Object.keys(value.evidenceParts));
  const codes = new Set<string>();
  value.signals.forEach((signal, index) => {
    if (codes.has(signal.code)) issue(['signals', index, 'code'], `duplicate signal code "${signal.code}"`);
    codes.add(signal.code);
    for (const [setting, part] of Object.entries(signal.proves)) {
      if (!parts.has(part)) issue(['signals', index, 'proves', setting], `unknown evidence part "${part}"`);
    }
  });
  // Tool categories named by the rules must be the taxonomy's, or the cue would silently never apply.
  const categories = new Set(taxonomy.categories.map((category) => category.id));
  for (const category of Object.keys(value.subRoleCategoryHints.categories)) {
    if (!categories.has(category)) issue(['subRoleCategoryHints', 'categories', category], `unknown tool category "${category}"`);
  }
  value.padding.genericClaims.forEach((claim, index) => {
    if (claim.category !== 'any' && !categories.has(claim.category)) issue(['padding', 'genericClaims', index, 'category'], `unknown tool category "${claim.category}"`);
  });
  // Probes name tools and flags: each must exist, or the question would silently never be asked.
  const knownTools = new Set(taxonomy.tools.map((tool) => tool.id));
  const knownFlags = new Set([...codes, ...[...codes].map((code) => `negated-${code}`), 'not-in-production', ...Object.keys(value.padding.weights)]);
  value.probes.rules.forEach((probe, index) => {
    const { when } = probe;
    for (const key of ['toolsAny', 'toolsNone', 'toolsListedOnly', 'toolsWithEvidence', 'toolsNoEvidence'] as const) {
      for (const id of when?.[key] ?? []) {
        if (!knownTools.has(id)) issue(['probes', 'rules', index, 'when', key], `unknown tool id "${id}"`);
      }
    }
    for (const [key, code] of [['flag', when?.flag], ['noFlag', when?.noFlag], ['perFlag', probe.perFlag]] as const) {
      if (code !== undefined && !knownFlags.has(code)) issue(['probes', 'rules', index, key], `unknown flag code "${code}"`);
    }
    if ((probe.perFlag === undefined) === (when === undefined)) issue(['probes', 'rules', index], 'give either when or perFlag');
  });
  for (const part of Object.values(engineEvidenceParts)) {
    if (!parts.has(part)) issue(['evidenceParts'], `missing evidence part "${part}"`);
  }
}

export type AnalysisRules = z.infer<typeof rulesSchema>;
export type SectionKind = z.infer<typeof sectionKind>;
export type SignalRule = z.infer<typeof signalRule>;
export type ProbeRule = z.infer<typeof probeRule>;
export type PaddingCode = (typeof paddingCodes)[number];

/** Validates raw rules against the taxonomy they will run with; the error names each offending path. */
export function parseRules(raw: unknown, taxonomy: Taxonomy): AnalysisRules {
  return parseData(
    rulesSchema.superRefine((value, ctx) => checkReferences(value, taxonomy, ctx)),
    raw,
    'analysis rules',
  );
}
