// Production evidence per LABELING.md, built from explainable parts (owning ML in production,
// operating ML-specific systems, operating generic infrastructure that hosts ML, claims without
// specifics...), each with its lines. The level comes from a proportional-odds model over the parts,
// fitted on labelled resumes by scripts/fit.ts (resources/evidence-model.json).
import { z } from 'zod';
import { evidenceLevels, type EvidenceLevel, type EvidencePart, type ToolFinding } from '../../contract/analysis.ts';
import type { ContextReader, LineContext } from './context.ts';
import type { SignalResult } from './signals.ts';
import type { ToolHit } from './tools.ts';
import { engineEvidenceParts, type AnalysisRules, type StatementSetting } from './rules.ts';
import { ruleRegex, type ToolIndex } from './taxonomy.ts';
import { parseData } from './validate.ts';

/** Features besides one per evidence part: figures the parts cannot carry. */
const extraFeatureNames = ['models-in-production', 'ml-tools-in-work', 'other-tools-in-work'] as const;

/** What the evidence model weighs under these rules: one feature per evidence part, then the extra figures. */
export function evidenceFeatureNames(rules: AnalysisRules): string[] {
  return [...Object.keys(rules.evidenceParts).map((kind) => `part:${kind}`), ...extraFeatureNames];
}

const evidenceModelSchema = z
  .object({
    /** What the weights were fitted on, when and how well they held up under cross-validation. */
    note: z.string().min(1),
    features: z.array(z.string().min(1)).min(1),
    weights: z.array(z.number()),
    /** Cut points between none|weak, weak|moderate and moderate|strong on the weighted sum. */
    thresholds: z.tuple([z.number(), z.number(), z.number()]),
    crossValidation: z.record(z.string(), z.unknown()).optional(),
  })
  .superRefine((model, ctx) => {
    if (model.weights.length !== model.features.length) ctx.addIssue({ code: 'custom', path: ['weights'], message: 'one weight per feature' });
    const [a, b, c] = model.thresholds;
    if (!(a <= b && b <= c)) ctx.addIssue({ code: 'custom', path: ['thresholds'], message: 'thresholds must ascend' });
  });
export type EvidenceModel = z.infer<typeof evidenceModelSchema>;

/** Validates a fitted model against the features the rules give it (`evidenceFeatureNames`). */
export function parseEvidenceModel(raw: unknown, featureNames: readonly string[]): EvidenceModel {
  const checked = evidenceModelSchema.superRefine((model, ctx) => {
    model.features.forEach((name, index) => {
      if (!featureNames.includes(name)) ctx.addIssue({ code: 'custom', path: ['features', index], message: `unknown feature "${name}"` });
    });
  });
  return parseData(checked, raw, 'evidence model');
}

interface PartsInput {
  contexts: LineContext[];
  signals: SignalResult;
  hits: ToolHit[];
}

const sigmoid = (value: number): number => 1 / (1 + Math.exp(-value));

/** Probabilities of none, weak, moderate, strong under the proportional-odds model. */
function levelProbabilities(model: EvidenceModel, features: Record<string, number>): number[] {
  const sum = model.features.reduce((total, name, index) => total + (model.weights[index] ?? 0) * (features[name] ?? 0), 0);
  const atMost = model.thresholds.map((threshold) => sigmoid(threshold - sum));
  return [atMost[0] ?? 0, (atMost[1] ?? 0) - (atMost[0] ?? 0), (atMost[2] ?? 0) - (atMost[1] ?? 0), 1 - (atMost[2] ?? 0)];
}

/** Ordered weakest first, as the model's classes are. */
const ascendingLevels: EvidenceLevel[] = [...evidenceLevels].reverse();

export interface EvidenceVerdict {
  level: EvidenceLevel;
  score: number;
  reasons: string[];
  parts: EvidencePart[];
}

export interface EvidenceJudge {
  /** The evidence parts of a resume, each with the lines that show it (kinds with no line are left out). */
  findEvidenceParts(input: PartsInput): EvidencePart[];
  /** The model's inputs for one resume, by feature name (`evidenceFeatureNames`). */
  evidenceFeatures(parts: EvidencePart[], tools: ToolFinding[], modelsInProduction: number | null): Record<string, number>;
  /** `showsOperations`: a signal of on-call, incidents or SLOs kept, which lets one production line be strong. */
  judgeEvidence(parts: EvidencePart[], tools: ToolFinding[], modelsInProduction: number | null, showsOperations?: boolean): EvidenceVerdict;
}

/** Production evidence by the rules' parts and settings, its level from `model` capped by the rubric's table. */
export function createEvidenceJudge(rules: AnalysisRules, toolIndex: ToolIndex, contextReader: ContextReader, model: EvidenceModel): EvidenceJudge {
  const ML_CONTEXT = ruleRegex(rules.evidenceContext.mlPattern, 'i');
  const HOSTING = ruleRegex(rules.evidenceContext.hostingPattern, 'i');
  const PILOT = ruleRegex(rules.evidenceContext.pilotPattern, 'i');
  const NOT_THEIRS = ruleRegex(rules.evidenceContext.notTheirsPattern, 'i');
  const RESEARCH = ruleRegex(rules.evidenceContext.researchPattern, 'i');
  const PRODUCTION_WORD = ruleRegex(rules.padding.productionWordPattern, 'i');
  const partKinds = Object.keys(rules.evidenceParts);
  const { notInProduction } = contextReader;

  function settingOf(block: string): StatementSetting {
    if (!ML_CONTEXT.test(block)) return 'plain';
    return HOSTING.test(block) ? 'hosting' : 'ml';
  }

  interface BlockReading {
    setting: StatementSetting;
    /** A figure about a pilot, a demo or a research cluster shows ML that never served real users. */
    servedNoUsers: boolean;
  }

  function readBlock(block: string): BlockReading {
    return { setting: settingOf(block), servedNoUsers: PILOT.test(block) || RESEARCH.test(block) };
  }

  function findEvidenceParts({ contexts, signals, hits }: PartsInput): EvidencePart[] {
    const lines = new Map<string, Set<number>>(partKinds.map((kind) => [kind, new Set<number>()]));
    const add = (kind: string, line: number): void => void lines.get(kind)?.add(line);
    // Several signals often sit in one statement; its patterns read the whole block, once.
    const blocks = new Map<string, BlockReading>();
    for (const { rule, context } of signals.hits) {
      const block = blocks.get(context.block) ?? readBlock(context.block);
      blocks.set(context.block, block);
      const kind = rule.proves[block.setting];
      if (kind && !(block.servedNoUsers && rules.evidenceParts[kind]?.supports !== 'none')) add(kind, context.line.number);
    }
    // "No on-call" at a job with no ML in it says nothing about ML in production.
    const byLine = new Map(contexts.map((context) => [context.line.number, context]));
    for (const line of signals.negatedLines) {
      const context = byLine.get(line);
      if (context && ML_CONTEXT.test(context.block)) add(engineEvidenceParts.notProduction, line);
    }
    const linesWithTools = new Set(hits.map((hit) => hit.lineNumber));
    const linesWithSignals = new Set(signals.hits.map((hit) => hit.context.line.number));
    for (const context of contexts) {
      const { line } = context;
      if (line.isBlank || line.isHeading || line.isArtifact) continue;
      const described = context.isWork && !context.isList && !context.isCourse;
      if (context.isInterest || context.isCourse) {
        if (ML_CONTEXT.test(line.content)) add(engineEvidenceParts.outsideWork, line.number);
        continue;
      }
      if (described && context.hasAction && ML_CONTEXT.test(line.content)) add(engineEvidenceParts.mlWork, line.number);
      if (described && (PILOT.test(line.content) || NOT_THEIRS.test(line.content))) add(engineEvidenceParts.notProduction, line.number);
      if ((described || line.section === 'summary') && RESEARCH.test(line.content)) add(engineEvidenceParts.research, line.number);
      const claimsProduction = (described || line.section === 'summary') && !context.isList && PRODUCTION_WORD.test(line.content) && !notInProduction(line.content);
      // Production words with no figure, tool or signal in the statement: a claim a reader cannot check.
      if (claimsProduction && !/\d/.test(context.block) && !linesWithTools.has(line.number) && !linesWithSignals.has(line.number)) {
        add(engineEvidenceParts.unprovenClaims, line.number);
      }
    }
    return partKinds.flatMap((kind) => {
      const found = lines.get(kind);
      return found && found.size > 0 ? [{ kind, label: rules.evidenceParts[kind]?.label ?? kind, lines: [...found].sort((a, b) => a - b) }] : [];
    });
  }

  function evidenceFeatures(parts: EvidencePart[], tools: ToolFinding[], modelsInProduction: number | null): Record<string, number> {
    const features: Record<string, number> = {};
    for (const kind of partKinds) {
      const count = parts.find((part) => part.kind === kind)?.lines.length ?? 0;
      features[`part:${kind}`] = rules.evidenceParts[kind]?.measure === 'present' ? Math.min(count, 1) : Math.log1p(count);
    }
    const inWork = tools.filter((tool) => tool.status === 'evidence' && toolIndex.toolCategory(tool.category).countsAsTool);
    features['models-in-production'] = Math.log1p(modelsInProduction ?? 0);
    features['ml-tools-in-work'] = Math.log1p(inWork.filter((tool) => toolIndex.isMlTool(tool.id)).length);
    features['other-tools-in-work'] = Math.log1p(inWork.filter((tool) => !toolIndex.isMlTool(tool.id)).length);
    return features;
  }

  function judgeEvidence(parts: EvidencePart[], tools: ToolFinding[], modelsInProduction: number | null, showsOperations = false): EvidenceVerdict {
    const features = evidenceFeatures(parts, tools, modelsInProduction);
    const probabilities = levelProbabilities(model, features);
    let best = 0;
    probabilities.forEach((probability, index) => {
      if (probability > (probabilities[best] ?? 0)) best = index;
    });
    const score = Math.round((100 * probabilities.reduce((sum, probability, index) => sum + probability * index, 0)) / 3);
    // LABELING.md's table caps what the model may say: no ML in the work is none however strong the operations,
    // ML with no production signal is weak at most, hosting others' ML moderate at most.
    const bestPart = Math.max(0, ...parts.map((part) => ascendingLevels.indexOf(rules.evidenceParts[part.kind]?.supports ?? 'none')));
    // One production line and no operations history is one deployment, however much ML work surrounds it.
    const productionLines = new Set(parts.filter((part) => rules.evidenceParts[part.kind]?.supports === 'strong').flatMap((part) => part.lines));
    const oneDeployment = productionLines.size < rules.evidenceLines.strongNeeds && !showsOperations;
    const cap = oneDeployment ? Math.min(bestPart, ascendingLevels.indexOf('moderate')) : bestPart;
    // Several production models or ML systems, each on a line of its own, are strong (LABELING.md) whatever the fit says.
    const strongIndex = ascendingLevels.indexOf('strong');
    const several = productionLines.size >= rules.evidenceLines.severalFrom;
    const level = ascendingLevels[Math.min(several ? strongIndex : best, cap)] ?? 'none';
    const mlAppears = cap > 0;
    const contribution = (part: EvidencePart): number => {
      const index = model.features.indexOf(`part:${part.kind}`);
      return index < 0 ? 0 : (model.weights[index] ?? 0) * (rules.evidenceParts[part.kind]?.measure === 'present' ? 1 : Math.log1p(part.lines.length));
    };
    const lineList = (part: EvidencePart): string => `line${part.lines.length > 1 ? 's' : ''} ${part.lines.slice(0, 5).join(', ')}`;
    const describe = (part: EvidencePart): string => `${rules.evidenceParts[part.kind]?.reason ?? part.label} (${lineList(part)})`;
    // The parts that can carry the highest level come first: a reader wants the ownership lines before the ML mentions.
    const reach = (part: EvidencePart): number => ascendingLevels.indexOf(rules.evidenceParts[part.kind]?.supports ?? 'none');
    const ranked = [...parts].sort((a, b) => reach(b) - reach(a) || Math.abs(contribution(b)) - Math.abs(contribution(a)));
    const forLevel = ranked.filter((part) => contribution(part) > 0).map(describe);
    const against = ranked.filter((part) => contribution(part) < 0).map(describe);
    const reasons = [
      mlAppears
        ? `${level[0]?.toUpperCase()}${level.slice(1)}: ${forLevel.slice(0, 3).join('; ') || 'nothing in the described work shows ML kept running in production'}.`
        : 'None: no machine learning appears in the work described.',
      ...(against.length > 0 ? [`Counts against: ${against.slice(0, 2).join('; ')}.`] : []),
    ];
    // The score stays inside the band of the capped level (and of strong, when several systems make it so), so a
    // list sorted by score agrees with the levels.
    const capped = Math.min(score, Math.round((100 * (cap + 0.49)) / 3));
    const banded = level === 'strong' ? Math.max(capped, Math.round((100 * (strongIndex - 0.49)) / 3)) : capped;
    return { level, score: Math.min(banded, mlAppears ? 100 : 5), reasons, parts };
  }

  return { findEvidenceParts, evidenceFeatures, judgeEvidence };
}
