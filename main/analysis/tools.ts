import type { ToolFinding } from '../../contract/analysis.ts';
import type { LineContext } from './context.ts';
import { clauseAround, type ContextReader } from './context.ts';
import { ruleRegex, type CompiledAlias, type ToolIndex } from './taxonomy.ts';
import { compareIds, emptyLists, lineIndexAt } from './lines.ts';
import type { AnalysisRules } from './rules.ts';

export interface ToolHit {
  toolId: string;
  lineNumber: number;
  from: number;
  to: number;
  isEvidence: boolean;
}

const MASKED = /(?<![\p{L}\d._%+-])[\p{L}\d._%+-]{1,64}@[\p{L}\d.-]{1,255}|\b(?:https?:\/\/|www\.)\S+|\b(?:github|gitlab|linkedin)\.com\/\S+/gu;

// Emails and URLs keep their length so character offsets still line up with the visible text. Each of them holds
// "@", "/" or "www.", which most lines lack: checking that first spares them the slow unicode pattern.
function maskContactText(text: string): string {
  if (!text.includes('@') && !text.includes('/') && !text.includes('www.')) return text;
  return text.replace(MASKED, (match) => ' '.repeat(match.length));
}

interface RawMatch {
  toolId: string;
  from: number;
  to: number;
  needsContext: boolean;
}

// Longest alias wins an overlap: "Argo CD" is not also "Argo", "Azure ML" is not also "Azure".
function resolveOverlaps(found: RawMatch[]): RawMatch[] {
  if (found.length < 2) return found;
  found.sort((a, b) => b.to - b.from - (a.to - a.from) || a.from - b.from);
  const kept: RawMatch[] = [];
  for (const candidate of found) {
    if (!kept.some((other) => candidate.from < other.to && other.from < candidate.to)) kept.push(candidate);
  }
  return kept.sort((a, b) => a.from - b.from);
}

/**
 * Alias matches for every text, found in all texts joined. The separator is not a word character (so word edges
 * hold) and not whitespace after the break (so "Argo" / "CD" on two lines is not "Argo CD").
 */
const TEXT_JOIN = '\n\u0000\n';

const NO_OFFSETS: readonly number[] = [];

/** Where an alias may match, ascending: the offsets of each word it can start with. */
function candidateOffsets(alias: CompiledAlias, starts: Map<string, number[]>): readonly number[] {
  let found = NO_OFFSETS;
  for (const word of alias.leadingWords) {
    const offsets = starts.get(word);
    if (offsets) found = found.length === 0 ? offsets : [...found, ...offsets].sort((a, b) => a - b);
  }
  return found;
}

export interface ToolReader {
  /** `roleHeaderLines`: title and employer lines, whose tool-like names are employers or titles (never counted). */
  findToolHits(contexts: LineContext[], roleHeaderLines?: ReadonlySet<number>): ToolHit[];
  summarizeTools(hits: ToolHit[], excluded?: ReadonlySet<string>): ToolFinding[];
}

/** Finds the taxonomy's tools in the text and tells a tool used in described work from one only listed. */
export function createToolReader(rules: AnalysisRules, tools: ToolIndex, contextReader: ContextReader): ToolReader {
  const { aliases, toolById } = tools;
  const NOT_A_CLAIM = rules.toolMentionNotAClaim.map((rule) => ({
    before: rule.before ? ruleRegex(rule.before, 'i') : null,
    after: ruleRegex(rule.after, 'i'),
  }));

  /** "Kaggle-style", "before EKS existed": the name is used to describe something else, not a tool the person used. */
  function isNotAClaim(text: string, from: number, to: number): boolean {
    const after = text.slice(to, to + 40);
    return NOT_A_CLAIM.some((rule) => rule.after.test(after) && (!rule.before || rule.before.test(text.slice(Math.max(0, from - 40), from))));
  }

  /**
   * Any word an alias can start with, as a whole ASCII word ([A-Za-z0-9]+) not preceded by "_": an alias match starts
   * after a character that is not a word character. The words are lower-case letters and digits.
   */
  const ALIAS_FIRST_WORD = new RegExp(`(?<![A-Za-z0-9_])(?:${[...new Set(aliases.flatMap((alias) => alias.leadingWords))].join('|')})(?![A-Za-z0-9])`, 'gi');

  /** Offsets where an alias match can start, keyed by the lower-cased word found there. */
  function wordStarts(text: string): Map<string, number[]> {
    const starts = new Map<string, number[]>();
    ALIAS_FIRST_WORD.lastIndex = 0;
    for (let match = ALIAS_FIRST_WORD.exec(text); match; match = ALIAS_FIRST_WORD.exec(text)) {
      const word = match[0].toLowerCase();
      const offsets = starts.get(word);
      if (offsets) offsets.push(match.index);
      else starts.set(word, [match.index]);
    }
    return starts;
  }

  function matchesPerText(texts: readonly string[]): RawMatch[][] {
    const starts: number[] = [];
    let joined = '';
    for (const text of texts) {
      starts.push(joined.length);
      joined += text + TEXT_JOIN;
    }
    const perText = emptyLists<RawMatch>(texts.length);
    const wordsAt = wordStarts(joined);
    for (const alias of aliases) {
      // The sticky pattern is tried only where the alias can start; skipping candidates inside the previous match
      // gives the same matches, in the same order, as a global scan.
      let scannedTo = 0;
      for (const candidate of candidateOffsets(alias, wordsAt)) {
        if (candidate < scannedTo) continue;
        alias.pattern.lastIndex = candidate;
        if (!alias.pattern.test(joined)) continue;
        scannedTo = alias.pattern.lastIndex;
        const index = lineIndexAt(starts, candidate);
        const text = texts[index] ?? '';
        const from = candidate - (starts[index] ?? 0);
        const to = from + scannedTo - candidate;
        if (isNotAClaim(text, from, to)) continue;
        perText[index]?.push({ toolId: alias.toolId, from, to, needsContext: alias.needsContext });
      }
    }
    return perText.map(resolveOverlaps);
  }

  function hasTechnicalContext(match: RawMatch, context: LineContext, others: RawMatch[]): boolean {
    const compiled = toolById(match.toolId);
    if (compiled.rejectPatterns.some((pattern) => pattern.test(context.line.content))) return false;
    if (context.line.section === 'skills' && !context.isInterest) return true;
    if (others.some((other) => other !== match && !other.needsContext)) return true;
    const surrounding = context.block.replace(context.line.content.slice(match.from, match.to), ' ');
    return compiled.contextWords?.test(surrounding) ?? false;
  }

  function isEvidenceHit(context: LineContext, text: string, match: RawMatch): boolean {
    if (!context.isWork || context.isList || context.isCourse || context.isInterest || context.isOwnProject) return false;
    // A project bullet describes something the person made even when it is written without a verb.
    const describesProject = context.line.section === 'projects' && context.line.isBullet;
    if (!context.hasAction && !describesProject && !/\d/.test(context.block)) return false;
    // Not named as something they did not do ("never deployed to SageMaker"), nor after "familiar with".
    return !contextReader.isNegated(text, match.from, match.to) && !contextReader.isHedged(clauseAround(text, match.from, match.to).before);
  }

  /** `roleHeaderLines`: title and employer lines, whose tool-like names are employers or titles (never counted). */
  function findToolHits(contexts: LineContext[], roleHeaderLines: ReadonlySet<number> = new Set()): ToolHit[] {
    const hits: ToolHit[] = [];
    const texts = contexts.map((context) => maskContactText(context.line.content));
    const contentMatches = matchesPerText(texts);
    const sideMatchesPerLine = matchesPerText(contexts.map((context) => (context.line.side ? maskContactText(context.line.side) : '')));
    const headerNameZone = new Set(contexts.filter((context) => context.line.section === 'header').slice(0, 4).map((context) => context.line.number));
    contexts.forEach((context, index) => {
      const { line } = context;
      if (line.isBlank || line.isArtifact || line.isHeading || roleHeaderLines.has(line.number)) return;
      // Right-hand sidebar text (two-column layouts) is a list of skills, never a description of work.
      if (line.side) {
        const sideMatches = sideMatchesPerLine[index] ?? [];
        for (const match of sideMatches) {
          if (match.needsContext && !sideMatches.some((other) => other !== match && !other.needsContext)) continue;
          hits.push({ toolId: match.toolId, lineNumber: line.number, from: match.from, to: match.to, isEvidence: false });
        }
      }
      const text = texts[index] ?? '';
      const matches = contentMatches[index] ?? [];
      for (const match of matches) {
        const ambiguous = match.needsContext || context.isInterest;
        if (ambiguous && (headerNameZone.has(line.number) || !hasTechnicalContext(match, context, matches))) continue;
        hits.push({ toolId: match.toolId, lineNumber: line.number, from: match.from, to: match.to, isEvidence: isEvidenceHit(context, text, match) });
      }
    });
    return hits;
  }

  function summarizeTools(hits: ToolHit[], excluded: ReadonlySet<string> = new Set()): ToolFinding[] {
    const byTool = new Map<string, ToolHit[]>();
    for (const hit of hits) {
      const toolHits = byTool.get(hit.toolId);
      if (toolHits) toolHits.push(hit);
      else byTool.set(hit.toolId, [hit]);
    }
    // Built with push rather than map, for the reason given at emptyLists.
    const findings: ToolFinding[] = [];
    for (const [id, toolHits] of byTool) {
      const { tool } = toolById(id);
      const hasEvidence = toolHits.some((hit) => hit.isEvidence && !excluded.has(`${hit.toolId}@${hit.lineNumber}`));
      findings.push({
        id,
        name: tool.name,
        category: tool.category,
        status: hasEvidence ? 'evidence' : 'listed',
        lines: [...new Set(toolHits.map((hit) => hit.lineNumber))].sort((a, b) => a - b),
      });
    }
    addImpliedTools(findings);
    return findings.sort((a, b) => Number(b.status === 'evidence') - Number(a.status === 'evidence') || (a.lines[0] ?? 0) - (b.lines[0] ?? 0) || compareIds(a.id, b.id));
  }

  /** A named variant counts for the tool it is a variant of, with the same status and lines (EKS is Kubernetes). */
  function addImpliedTools(findings: ToolFinding[]): void {
    // Taken before the loop, which adds the implied tools to `findings`.
    const variants = findings.filter((finding) => (toolById(finding.id).tool.implies ?? []).length > 0);
    for (const finding of variants) {
      for (const impliedId of toolById(finding.id).tool.implies ?? []) {
        const existing = findings.find((other) => other.id === impliedId);
        if (existing) {
          if (finding.status === 'evidence') existing.status = 'evidence';
          existing.lines = [...new Set([...existing.lines, ...finding.lines])].sort((a, b) => a - b);
          continue;
        }
        const { tool } = toolById(impliedId);
        findings.push({ id: impliedId, name: tool.name, category: tool.category, status: finding.status, lines: [...finding.lines] });
      }
    }
  }

  return { findToolHits, summarizeTools };
}
