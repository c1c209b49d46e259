import type { Flag, ToolFinding } from '../../contract/analysis.ts';
import type { LineContext } from './context.ts';
import type { ToolHit } from './tools.ts';
import type { RoleSpan } from './timeline.ts';
import type { SignalResult } from './signals.ts';
import { toolById } from './tools.ts';
import { excerptOf } from './lines.ts';
import { notInProduction } from './context.ts';
import { FAMILIARITY, rules, type PaddingCode } from './rules.ts';
import { anyPatternTest, ruleRegex } from './taxonomy.ts';

const NOTEBOOK = ruleRegex(rules.padding.notebookPattern, 'i');
const PRODUCTION_WORD = ruleRegex(rules.padding.productionWordPattern, 'i');
const GENERIC_CLAIMS = rules.padding.genericClaims.map((claim) => ({ pattern: ruleRegex(claim.pattern, 'i'), category: claim.category }));
// Few lines make a generic claim: one test of all claims spares the rest a test per claim.
const anyGenericClaim = anyPatternTest(rules.padding.genericClaims.map((claim) => claim.pattern), 'i');
const PRODUCTION_PROOF = ['models-in-production', 'deploy-cadence', 'uptime-slo', 'latency-figure', 'throughput-figure', 'cost-saved', 'on-call', 'postmortem-authored'];
const OPERATING_PROOF = [...PRODUCTION_PROOF, 'retraining-pipeline', 'canary-rollback', 'drift-monitoring', 'llm-serving'];
const NON_TOOL_CATEGORIES = new Set(['languages', 'notebooks']);

export interface PaddingResult {
  flags: Flag[];
  detected: boolean;
  score: number;
  reasons: string[];
}

interface Inputs {
  contexts: LineContext[];
  hits: ToolHit[];
  findings: ToolFinding[];
  signals: SignalResult;
  contradictions: Contradiction[];
}

export interface Contradiction {
  hit: ToolHit;
  context: LineContext;
  releaseYear: number;
  roleEndYear: number;
}

/** Tools named in a role that ended before the tool was first released. */
export function findTimelineContradictions(contexts: LineContext[], hits: ToolHit[], roles: RoleSpan[]): Contradiction[] {
  const byLine = new Map(contexts.map((context) => [context.line.number, context]));
  const found: Contradiction[] = [];
  for (const hit of hits) {
    const context = byLine.get(hit.lineNumber);
    if (!context || context.line.section !== 'experience' || context.isList) continue;
    const role = roles.find((span) => hit.lineNumber >= span.firstLine && hit.lineNumber <= span.lastLine);
    const { tool } = toolById(hit.toolId);
    if (role && role.endYear < tool.firstReleaseYear) found.push({ hit, context, releaseYear: tool.firstReleaseYear, roleEndYear: role.endYear });
  }
  return found;
}

type AddFlag = (code: PaddingCode, context: LineContext, message: string) => void;

/**
 * The flags a single line earns: a long tool list, a generic category claim, hedged wording.
 * Kept apart from detectPadding, which runs once per resume: this loop over every line is the
 * only part hot enough for TurboFan, which then compiles it alone (bench/README.md).
 */
function flagContentLines(content: LineContext[], hits: ToolHit[], add: AddFlag): void {
  const toolsByLine = new Map<number, Set<string>>();
  for (const hit of hits) toolsByLine.set(hit.lineNumber, (toolsByLine.get(hit.lineNumber) ?? new Set()).add(hit.toolId));
  for (const context of content) {
    const toolsOnLine = toolsByLine.get(context.line.number) ?? new Set<string>();
    if (toolsOnLine.size >= rules.padding.longListMinTools && !(context.isWork && context.hasAction && !context.isList)) {
      add('long-tool-list', context, `Lists ${toolsOnLine.size} tools on one line with no work described around them.`);
    }
    if (context.isInterest) continue;
    if (anyGenericClaim(context.line.content)) flagGenericClaim(context, toolsOnLine, add);
    if (FAMILIARITY.test(context.line.content)) {
      add('familiarity', context, 'Uses hedged wording ("familiar with", "exposure to") instead of describing work done.');
    }
  }
}

function flagGenericClaim(context: LineContext, toolsOnLine: Set<string>, add: AddFlag): void {
  const categoriesOnLine = new Set([...toolsOnLine].map((id) => toolById(id).tool.category));
  for (const claim of GENERIC_CLAIMS) {
    const named = claim.category === 'any' ? toolsOnLine.size > 0 : categoriesOnLine.has(claim.category);
    if (claim.pattern.test(context.line.content) && !named) {
      add('generic-category', context, 'Claims a category of tooling without naming the tool actually used.');
      return;
    }
  }
}

export function detectPadding({ contexts, hits, findings, signals, contradictions }: Inputs): PaddingResult {
  const flags: Flag[] = [];
  const add: AddFlag = (code, context, message) => {
    flags.push({ kind: 'padding', code, message, line: context.line.number, excerpt: excerptOf(context.line) });
  };
  const byLine = new Map(contexts.map((context) => [context.line.number, context]));
  const content = contexts.filter((context) => !context.line.isBlank && !context.line.isArtifact && !context.line.isHeading);
  const realTools = findings.filter((finding) => !NON_TOOL_CATEGORIES.has(finding.category));
  const evidenceTools = realTools.filter((finding) => finding.status === 'evidence').length;
  const listedTools = realTools.length - evidenceTools;
  const hasProductionProof = PRODUCTION_PROOF.some((code) => signals.codes.has(code));
  const hasOperatingProof = OPERATING_PROOF.some((code) => signals.codes.has(code));

  flagContentLines(content, hits, add);

  if (listedTools >= rules.padding.listedHeavyMinTools && evidenceTools * 4 <= listedTools) {
    const busiest = mostToolsLine(hits, byLine);
    if (busiest) add('listed-heavy', busiest, `Names ${listedTools} tools that never appear in described work (${evidenceTools === 0 ? 'none do' : `only ${evidenceTools} do`}).`);
  }

  const describedWorkLines = content.filter((context) => context.isWork && context.hasAction && !context.isList && !context.isCourse).length;
  const courseLine = content.find((context) => context.isCourse && !context.isWork);
  if (courseLine && evidenceTools <= 1 && !hasProductionProof && describedWorkLines <= rules.padding.thinWorkMaxLines) {
    add('certificate-main-evidence', courseLine, 'Courses or certificates carry most of the weight; little shipped work is described.');
  }

  const notebookLine = content.find((context) => (context.isWork || context.line.section === 'summary') && NOTEBOOK.test(context.line.content));
  if (notebookLine && !hasOperatingProof) {
    add('notebook-only', notebookLine, 'Work described is notebooks, coursework, research or proofs of concept, with nothing run in production.');
  }

  const productionLine = content.find(
    (context) =>
      (context.isWork || context.line.section === 'summary') &&
      PRODUCTION_WORD.test(context.line.content) &&
      !context.isList &&
      !notInProduction(context.line.content),
  );
  if (productionLine && !hasProductionProof) {
    add('production-without-numbers', productionLine, 'Talks about production but gives no model counts, cadence, uptime, latency or ownership.');
  }

  for (const { hit, context, releaseYear, roleEndYear } of contradictions) {
    add('tool-before-release', context, `${toolById(hit.toolId).tool.name} first shipped in ${releaseYear}, but this role ended in ${roleEndYear}.`);
  }

  const weights = rules.padding.weights;
  const counts = new Map<PaddingCode, number>();
  for (const flag of flags) counts.set(flag.code as PaddingCode, (counts.get(flag.code as PaddingCode) ?? 0) + 1);
  // Repeats add a little, so one stray phrase never outweighs a pattern.
  const raw = [...counts.entries()].reduce((sum, [code, count]) => sum + weights[code] * (1 + 0.25 * Math.min(count - 1, 2)), 0);
  const score = Math.min(100, Math.round(raw));
  const reasons = [...new Set(flags.map((flag) => flag.message))].slice(0, 6);
  return { flags, detected: score >= rules.padding.threshold, score, reasons };
}

function mostToolsLine(hits: ToolHit[], byLine: Map<number, LineContext>): LineContext | null {
  const perLine = new Map<number, number>();
  for (const hit of hits) if (!hit.isEvidence) perLine.set(hit.lineNumber, (perLine.get(hit.lineNumber) ?? 0) + 1);
  let best: [number, number] | null = null;
  for (const entry of perLine) if (!best || entry[1] > best[1]) best = entry;
  return best ? (byLine.get(best[0]) ?? null) : null;
}
