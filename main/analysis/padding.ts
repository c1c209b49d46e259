import { evidenceLevels, type EvidenceLevel, type Flag, type ToolFinding } from '../../contract/analysis.ts';
import type { LineContext } from './context.ts';
import type { ToolHit } from './tools.ts';
import type { RoleSpan } from './timeline.ts';
import type { SignalResult } from './signals.ts';
import type { ContextReader } from './context.ts';
import { excerptOf } from './lines.ts';
import type { AnalysisRules, PaddingCode } from './rules.ts';
import { anyPatternTest, ruleRegex, type ToolIndex } from './taxonomy.ts';

/** Years and month-year dates say nothing specific about the work. */
const DATE_LIKE = /\b(?:19|20)\d{2}\b|\b\d{1,2}\/\d{2,4}\b/g;
const YEARS_AFTER_TOOL = /^\W{0,3}(\d{1,2})\+?\s*(?:years?|yrs)\b/i;

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
  roles: RoleSpan[];
  evidence: EvidenceLevel;
  nowMonth: number;
}

/** Whether `level` is at most `limit` on the rubric's scale (none < weak < moderate < strong). */
function atMost(level: EvidenceLevel, limit: EvidenceLevel): boolean {
  return evidenceLevels.indexOf(level) >= evidenceLevels.indexOf(limit);
}

export interface Contradiction {
  hit: ToolHit;
  context: LineContext;
  releaseYear: number;
  roleEndYear: number;
}

type AddFlag = (code: PaddingCode, context: LineContext, message: string) => void;

function mostToolsLine(hits: ToolHit[], byLine: Map<number, LineContext>): LineContext | null {
  const perLine = new Map<number, number>();
  for (const hit of hits) if (!hit.isEvidence) perLine.set(hit.lineNumber, (perLine.get(hit.lineNumber) ?? 0) + 1);
  let best: [number, number] | null = null;
  for (const entry of perLine) if (!best || entry[1] > best[1]) best = entry;
  return best ? (byLine.get(best[0]) ?? null) : null;
}

export interface PaddingReader {
  detectPadding(inputs: Inputs): PaddingResult;
  /** Tools named in a role that ended before the tool was first released. */
  findTimelineContradictions(contexts: LineContext[], hits: ToolHit[], roles: RoleSpan[]): Contradiction[];
}

/** Claims that outrun the evidence (LABELING.md), by the rules' padding cues, weights and thresholds. */
export function createPaddingReader(rules: AnalysisRules, toolIndex: ToolIndex, contextReader: ContextReader): PaddingReader {
  const NOTEBOOK = ruleRegex(rules.padding.notebookPattern, 'i');
  const PRODUCTION_WORD = ruleRegex(rules.padding.productionWordPattern, 'i');
  const GENERIC_CLAIMS = rules.padding.genericClaims.map((claim) => ({ pattern: ruleRegex(claim.pattern, 'i'), category: claim.category }));
  // Few lines make a generic claim: one test of all claims spares the rest a test per claim.
  const anyGenericClaim = anyPatternTest(rules.padding.genericClaims.map((claim) => claim.pattern), 'i');
  const YEARS_CLAIM = ruleRegex(rules.padding.yearsClaimPattern, 'gi');
  const { toolById, toolCategory } = toolIndex;
  const { isHedged, notInProduction } = contextReader;

  /** "10+ years of Kubernetes" on a career that starts in 2019, or on a tool younger than the claim. */
  function flagYearsClaims(content: LineContext[], hits: ToolHit[], roles: RoleSpan[], nowMonth: number, add: AddFlag): void {
    const slack = rules.padding.yearsClaimSlackYears;
    const careerYears = roles.length > 0 ? (nowMonth - Math.min(...roles.map((span) => span.startMonth))) / 12 : null;
    const nowYear = Math.floor(nowMonth / 12);
    const hitsByLine = new Map<number, ToolHit[]>();
    for (const hit of hits) hitsByLine.set(hit.lineNumber, [...(hitsByLine.get(hit.lineNumber) ?? []), hit]);
    for (const context of content) {
      const text = context.line.content;
      const lineHits = hitsByLine.get(context.line.number) ?? [];
      const claims: Array<{ years: number; from: number; to: number }> = [];
      YEARS_CLAIM.lastIndex = 0;
      for (let match = YEARS_CLAIM.exec(text); match; match = YEARS_CLAIM.exec(text)) {
        claims.push({ years: Number(match.groups?.n), from: match.index, to: match.index + match[0].length });
      }
      for (const hit of lineHits) {
        const after = YEARS_AFTER_TOOL.exec(text.slice(hit.to, hit.to + 24));
        if (after) claims.push({ years: Number(after[1]), from: hit.from, to: hit.to + after[0].length });
      }
      for (const claim of claims) {
        if (careerYears !== null && claim.years > careerYears + slack) {
          add('years-claim-contradiction', context, `Claims ${claim.years}+ years, but the dated career spans about ${Math.round(careerYears)}.`);
          break;
        }
        const tool = lineHits.find((hit) => hit.from >= claim.from && hit.from < claim.to);
        const released = tool ? toolById(tool.toolId).tool : null;
        if (released && claim.years > nowYear - released.firstReleaseYear + slack) {
          add('years-claim-contradiction', context, `Claims ${claim.years} years of ${released.name}, which first shipped in ${released.firstReleaseYear}.`);
          break;
        }
      }
    }
  }

  function findTimelineContradictions(contexts: LineContext[], hits: ToolHit[], roles: RoleSpan[]): Contradiction[] {
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

  /**
   * The flags a single line earns: a long tool list, a generic category claim, hedged wording.
   * Kept apart from detectPadding, which runs once per resume: this loop over every line is the
   * only part hot enough for TurboFan, which then compiles it alone (bench/README.md).
   */
  function flagContentLines(content: LineContext[], hits: ToolHit[], add: AddFlag): void {
    const toolsByLine = new Map<number, Set<string>>();
    for (const hit of hits) toolsByLine.set(hit.lineNumber, (toolsByLine.get(hit.lineNumber) ?? new Set()).add(hit.toolId));
    const hedged: Array<{ context: LineContext; tools: Set<string> }> = [];
    const categoryClaims: LineContext[] = [];
    for (const context of content) {
      const toolsOnLine = toolsByLine.get(context.line.number) ?? new Set<string>();
      if (toolsOnLine.size >= rules.padding.longListMinTools && !(context.isWork && context.hasAction && !context.isList)) {
        add('long-tool-list', context, `Lists ${toolsOnLine.size} tools on one line with no work described around them.`);
      }
      if (context.isInterest) continue;
      // A category named inside a described piece of work ("through the internal orchestration tool") is not a claim.
      const describesWork = context.isWork && context.hasAction && !context.isList;
      if (!describesWork && anyGenericClaim(context.line.content) && isGenericClaim(context, toolsOnLine)) categoryClaims.push(context);
      if (isHedged(context.line.content)) hedged.push({ context, tools: toolsOnLine });
    }
    // Category claims are the main support when the resume leans on them, not when one slips into a line.
    if (categoryClaims.length >= rules.padding.genericClaimMinLines) {
      for (const context of categoryClaims) add('generic-category', context, 'Claims a category of tooling without naming the tool actually used.');
    }
    // Hedged wording is the main support when it covers many tools; a few "familiar" tools are an honest junior's.
    const hedgedTools = new Set(hedged.flatMap(({ tools }) => [...tools]));
    const first = hedged[0];
    if (first && hedgedTools.size >= rules.padding.familiarityMinTools) {
      add('familiarity', first.context, `Uses hedged wording ("familiar with", "exposure to") for ${hedgedTools.size} tools instead of describing work done.`);
    }
  }

  /** A category of tooling named without a tool of that category on the same line. */
  function isGenericClaim(context: LineContext, toolsOnLine: Set<string>): boolean {
    const categoriesOnLine = new Set([...toolsOnLine].map((id) => toolById(id).tool.category));
    return GENERIC_CLAIMS.some((claim) => {
      const named = claim.category === 'any' ? toolsOnLine.size > 0 : categoriesOnLine.has(claim.category);
      return claim.pattern.test(context.line.content) && !named;
    });
  }

  function detectPadding({ contexts, hits, findings, signals, contradictions, roles, evidence, nowMonth }: Inputs): PaddingResult {
    const flags: Flag[] = [];
    const add: AddFlag = (code, context, message) => {
      flags.push({ kind: 'padding', code, message, line: context.line.number, excerpt: excerptOf(context.line) });
    };
    const byLine = new Map(contexts.map((context) => [context.line.number, context]));
    const content = contexts.filter((context) => !context.line.isBlank && !context.line.isArtifact && !context.line.isHeading);
    const realTools = findings.filter((finding) => toolCategory(finding.category).countsAsTool);
    const evidenceTools = realTools.filter((finding) => finding.status === 'evidence').length;
    const listedTools = realTools.length - evidenceTools;
    // A signal that shows production ML in its ML setting (not a compliance regime) is proof of production work.
    const hasProductionProof = signals.hits.some(({ rule }) => {
      const part = rule.proves.ml;
      const supports = part === undefined ? undefined : rules.evidenceParts[part]?.supports;
      return supports !== undefined && !atMost(supports, 'weak');
    });

    flagContentLines(content, hits, add);

    const ratioRule = rules.padding.toolRatioRules.find(
      (rule) => listedTools >= rule.minListed && listedTools >= rule.ratio * evidenceTools && atMost(evidence, rule.evidenceAtMost),
    );
    if (ratioRule) {
      const busiest = mostToolsLine(hits, byLine);
      if (busiest) add('listed-heavy', busiest, `Names ${listedTools} tools only as claims against ${evidenceTools} in described work.`);
    }

    const describedWorkLines = content.filter((context) => context.isWork && context.hasAction && !context.isList && !context.isCourse).length;
    const courseLines = content.filter((context) => context.isCourse && !context.isWork);
    const courseLine = courseLines[0];
    if (courseLine && courseLines.length >= rules.padding.certificateMinLines && evidenceTools <= 1 && !hasProductionProof && describedWorkLines <= rules.padding.thinWorkMaxLines) {
      add('certificate-main-evidence', courseLine, 'Courses or certificates carry most of the weight; little shipped work is described.');
    }

    const notebookLine = content.find((context) => (context.isWork || context.line.section === 'summary') && NOTEBOOK.test(context.line.content));
    if (notebookLine && !hasProductionProof) {
      add('notebook-only', notebookLine, 'Work described is notebooks, coursework, research or proofs of concept, with nothing run in production.');
    }

    const productionLine = content.find(
      (context) =>
        (context.isWork || context.line.section === 'summary') &&
        PRODUCTION_WORD.test(context.line.content) &&
        !context.isList &&
        !notInProduction(context.line.content),
    );
    // "Production" with no specifics anywhere: no signal, no tool in described work and no figure in it.
    const hasSpecifics = signals.hits.length > 0 || evidenceTools > 0 || content.some((context) => context.isWork && !context.isList && /\d/.test(context.line.content.replace(DATE_LIKE, '')));
    if (productionLine && !hasSpecifics) {
      add('production-without-numbers', productionLine, 'Talks about production but gives no model counts, cadence, uptime, latency or ownership.');
    }

    for (const { hit, context, releaseYear, roleEndYear } of contradictions) {
      add('tool-before-release', context, `${toolById(hit.toolId).tool.name} first shipped in ${releaseYear}, but this role ended in ${roleEndYear}.`);
    }
    flagYearsClaims(content, hits, roles, nowMonth, add);

    const { weights, decisive } = rules.padding;
    const counts = new Map<PaddingCode, number>();
    for (const flag of flags) counts.set(flag.code as PaddingCode, (counts.get(flag.code as PaddingCode) ?? 0) + 1);
    // Any one rubric cue that carries the resume makes it padded; the score says how much piles up.
    const carrying = [...counts.keys()].filter((code) => {
      const limit = decisive[code];
      return limit !== undefined && atMost(evidence, limit);
    });
    const raw = [...counts.entries()].reduce((sum, [code, count]) => sum + weights[code] * (1 + 0.25 * Math.min(count - 1, 2)), 0);
    const detected = carrying.length > 0;
    const score = Math.min(100, Math.round(detected ? Math.max(raw, 50) : Math.min(raw, 49)));
    const carryingMessages = flags.filter((flag) => carrying.includes(flag.code as PaddingCode)).map((flag) => flag.message);
    const reasons = [...new Set([...carryingMessages, ...flags.map((flag) => flag.message)])].slice(0, 6);
    return { flags, detected, score, reasons };
  }

  return { detectPadding, findTimelineContradictions };
}
