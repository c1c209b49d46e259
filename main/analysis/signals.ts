import type { Flag, ProductionSignals } from '../../contract/analysis.ts';
import type { ContextReader, LineContext } from './context.ts';
import { BLOCK_JOIN, excerptOf, groupByBlock, lineIndexAt, type ResumeLine } from './lines.ts';
import type { AnalysisRules, SignalRule } from './rules.ts';
import { ruleRegex } from './taxonomy.ts';

interface CompiledSignal {
  rule: SignalRule;
  pattern: RegExp;
  requires: RegExp | null;
  requiresAlso: RegExp | null;
  reject: RegExp | null;
}

/** A signal stated positively on a line: what it proves depends on the statement around it (evidence.ts). */
export interface SignalHit {
  rule: SignalRule;
  context: LineContext;
}

export interface SignalResult {
  flags: Flag[];
  signals: ProductionSignals;
  /** Codes of production signals that were stated positively. */
  codes: Set<string>;
  hits: SignalHit[];
  /** Lines where a signal was brought up only to be denied or given to someone else. */
  negatedLines: number[];
  negatedCount: number;
}

// "Three of my models run in production": counts the rules spell out in words.
const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

function modelCount(match: RegExpExecArray): number | null {
  const value = match.groups?.n ?? match.groups?.m;
  if (!value) return null;
  const spelled = NUMBER_WORDS.indexOf(value.toLowerCase());
  return spelled >= 0 ? spelled : Number(value);
}

type SignalsFound = SignalResult;

function recordNotInProduction(found: SignalsFound, line: ResumeLine): void {
  if (found.flags.some((flag) => flag.line === line.number && flag.code === 'not-in-production')) return;
  found.negatedCount++;
  found.negatedLines.push(line.number);
  found.flags.push({ kind: 'risk', code: 'not-in-production', message: 'Says this work never reached production.', line: line.number, excerpt: excerptOf(line) });
}

export interface SignalReader {
  /** `ignoredLines`: lines already shown to contradict the timeline; their claims are not counted. */
  detectSignals(contexts: LineContext[], ignoredLines?: ReadonlySet<number>): SignalResult;
}

/** Finds the rules' production signals stated in the work, and those brought up only to be denied. */
export function createSignalReader(rules: AnalysisRules, contextReader: ContextReader): SignalReader {
  const { isNegated, notInProduction } = contextReader;
  const compiled: CompiledSignal[] = rules.signals.map((rule) => ({
    rule,
    // Case-sensitive rules would miss "On-call" / "on-call"; the patterns are written to be safe case-insensitively.
    pattern: ruleRegex(rule.pattern, 'gi'),
    requires: rule.requires ? ruleRegex(rule.requires, 'i') : null,
    requiresAlso: rule.requiresAlso ? ruleRegex(rule.requiresAlso, 'i') : null,
    reject: rule.reject ? ruleRegex(rule.reject, 'i') : null,
  }));

  // Kept out of detectSignals' loop over lines and rules: it runs only on a match, and as its
  // own function TurboFan compiles the loop without it.
  function recordSignal(found: SignalsFound, { rule, requires, requiresAlso, reject }: CompiledSignal, match: RegExpExecArray, context: LineContext): void {
    const { line } = context;
    if ((requires && !requires.test(context.block)) || (requiresAlso && !requiresAlso.test(context.block)) || reject?.test(context.block)) return;
    if (isNegated(context.block, match.index, match.index + match[0].length, true)) {
      found.negatedCount++;
      found.negatedLines.push(line.number);
      found.flags.push({
        kind: 'risk',
        code: `negated-${rule.code}`,
        message: `Brings up ${rule.label} only to say it did not happen; this counts against, not for.`,
        line: line.number,
        excerpt: excerptOf(line),
      });
      return;
    }
    found.codes.add(rule.code);
    found.hits.push({ rule, context });
    const count = rule.sets === 'modelsInProduction' ? modelCount(match) : null;
    const message = count === null ? rule.message : `States ${count} model${count === 1 ? '' : 's'} running in production.`;
    found.flags.push({ kind: 'evidence', code: rule.code, message, line: line.number, excerpt: excerptOf(line) });
    if (rule.sets === 'modelsInProduction') {
      if (count !== null) found.signals.modelsInProduction = Math.max(found.signals.modelsInProduction ?? 0, count);
    } else if (rule.sets !== undefined) {
      found.signals[rule.sets] = true;
    }
  }

  function detectSignals(contexts: LineContext[], ignoredLines: ReadonlySet<number> = new Set()): SignalResult {
    const found: SignalsFound = {
      flags: [],
      codes: new Set<string>(),
      hits: [],
      negatedLines: [],
      signals: { modelsInProduction: null, postmortemAuthored: false, onCall: false, llmServing: false, clearance: false },
      negatedCount: 0,
    };
    const counts = (context: LineContext): boolean => {
      const { line } = context;
      return !line.isBlank && !line.isArtifact && !line.isHeading && !context.isInterest && !context.isOwnProject && !ignoredLines.has(line.number);
    };
    // Patterns read a wrapped sentence whole ("build and deploy models for | inventory, cutting stockouts 10%"); a match
    // belongs to the line it starts on, and each line takes a signal once.
    for (const members of groupByBlock(contexts, (context) => context.line)) {
      const [blockStart] = members;
      if (!blockStart || !members.some(counts)) continue;
      // Most blocks of a resume are skills lists, which only the rules that read lists need to scan.
      const describes = members.some((member) => counts(member) && !member.isList && !member.isCourse);
      const lineStarts: number[] = [];
      let offset = 0;
      for (const member of members) {
        lineStarts.push(offset);
        offset += member.line.content.length + BLOCK_JOIN.length;
      }
      for (const signal of compiled) {
        const { rule, pattern } = signal;
        if (!rule.sections.includes(blockStart.line.section) || (!rule.inLists && !describes)) continue;
        let lastLine: LineContext | undefined;
        pattern.lastIndex = 0;
        for (let match = pattern.exec(blockStart.block); match; match = pattern.exec(blockStart.block)) {
          if (match[0].length === 0) pattern.lastIndex++;
          const context = members[lineIndexAt(lineStarts, match.index)];
          if (!context || context === lastLine || !counts(context) || (!rule.inLists && (context.isList || context.isCourse))) continue;
          lastLine = context;
          recordSignal(found, signal, match, context);
        }
      }
    }
    for (const context of contexts) {
      const { line } = context;
      if (counts(context) && (context.isWork || line.section === 'summary') && notInProduction(line.content)) recordNotInProduction(found, line);
    }
    return found;
  }

  return { detectSignals };
}
