import type { EvidenceLevel, Flag, ResumeAnalysis, Seniority, ToolFinding } from '../../contract/analysis.ts';
import { splitLines } from './lines.ts';
import { assignSections } from './sections.ts';
import { extractContact } from './contact.ts';
import { dateFromReference, monthIndex } from './dates.ts';
import { currentRole, extractRoles, yearsOfExperience } from './timeline.ts';
import { buildContexts } from './context.ts';
import { findToolHits, summarizeTools } from './tools.ts';
import { detectSignals, type SignalResult } from './signals.ts';
import { detectPadding, findTimelineContradictions } from './padding.ts';
import { classifySubRole } from './subrole.ts';
import { buildProbes } from './probes.ts';
import { rules } from './rules.ts';
import { ruleRegex } from './taxonomy.ts';

export { loadTaxonomy, taxonomy } from './taxonomy.ts';

export const ANALYSIS_ENGINE_VERSION = '1.1.0';
/** Default "today" for resolving "Present"; callers pass the real date so results stay reproducible. */
export const REFERENCE_DATE = new Date('2026-11-01T00:00:00Z');

export interface AnalyzeOptions {
  now?: Date;
}

const STAFF_TITLE = ruleRegex(rules.seniorityTitles.staff, 'i');
const SENIOR_TITLE = ruleRegex(rules.seniorityTitles.senior, 'i');
const JUNIOR_TITLE = ruleRegex(rules.seniorityTitles.junior, 'i');
const NON_TOOL_CATEGORIES = new Set(['languages', 'notebooks']);

function seniorityFrom(years: number | null, title: string | null): Seniority {
  if (title && STAFF_TITLE.test(title)) return 'staff';
  if (title && JUNIOR_TITLE.test(title)) return 'junior';
  if (title && SENIOR_TITLE.test(title)) return years !== null && years < 2 ? 'mid' : 'senior';
  if (years === null || years < 2) return 'junior';
  if (years < 5) return 'mid';
  return 'senior';
}

const NON_PRODUCTION_SIGNALS = new Set(['security-clearance', 'compliance']);
const MODELLING_CATEGORIES = new Set(['frameworks', 'languages', 'notebooks']);

function scoreEvidence(tools: ToolFinding[], signals: SignalResult, contradictionCount: number, flags: Flag[]): { level: EvidenceLevel; score: number } {
  const weights = rules.evidence;
  const evidenceTools = tools.filter((tool) => tool.status === 'evidence');
  const countedTools = evidenceTools.filter((tool) => !NON_TOOL_CATEGORIES.has(tool.category)).length;
  const raw =
    Math.min(weights.toolCap, countedTools * weights.toolWeight) +
    signals.points -
    Math.min(weights.negatedCap, signals.negatedCount * weights.negatedPenalty) -
    Math.min(weights.contradictionCap, contradictionCount * weights.contradictionPenalty);
  const score = Math.max(0, Math.min(100, Math.round(raw)));
  const productionSignals = [...signals.codes].filter((code) => !NON_PRODUCTION_SIGNALS.has(code)).length;
  // Modelling libraries used in notebooks or research are real work, but not evidence of running anything in production.
  const onlyNotebookModelling =
    flags.some((flag) => flag.code === 'notebook-only') && evidenceTools.every((tool) => MODELLING_CATEGORIES.has(tool.category));
  if ((countedTools === 0 || onlyNotebookModelling) && productionSignals === 0) return { level: 'none', score: Math.min(score, 5) };
  // Named tools alone never lift a resume above "weak": something must show the work ran in production.
  if (productionSignals === 0) return { level: 'weak', score };
  if (score >= weights.levels.strong) return { level: 'strong', score };
  if (score >= weights.levels.moderate) return { level: 'moderate', score };
  return { level: 'weak', score };
}

export function analyzeResume(text: string, options: AnalyzeOptions = {}): ResumeAnalysis {
  const now = dateFromReference(options.now ?? REFERENCE_DATE);
  const lines = splitLines(text);
  assignSections(lines);
  const contexts = buildContexts(lines);
  const contact = extractContact(lines);
  const roleSpans = extractRoles(lines, now);
  const years = yearsOfExperience(roleSpans);
  const current = currentRole(roleSpans);

  const hits = findToolHits(contexts);
  const contradictions = findTimelineContradictions(contexts, hits, roleSpans);
  const signalResult = detectSignals(contexts, new Set(contradictions.map((found) => found.context.line.number)));
  const tools = summarizeTools(hits, new Set(contradictions.map(({ hit }) => `${hit.toolId}@${hit.lineNumber}`)));
  const padding = detectPadding({ contexts, hits, findings: tools, signals: signalResult, contradictions });
  const flags = [...signalResult.flags, ...padding.flags].sort((a, b) => a.line - b.line || a.code.localeCompare(b.code));
  const evidence = scoreEvidence(tools, signalResult, contradictions.length, flags);
  const isCourseworkOnly =
    evidence.level === 'none' && padding.flags.some((flag) => flag.code === 'notebook-only');
  const subRole = classifySubRole(contexts, roleSpans, tools, monthIndex(now), isCourseworkOnly);

  return {
    engineVersion: ANALYSIS_ENGINE_VERSION,
    contact,
    currentTitle: current?.role.title ?? null,
    roles: roleSpans.map((span) => span.role),
    yearsExperience: years,
    seniority: seniorityFrom(years, current?.role.title ?? null),
    subRole,
    evidence,
    padding: { detected: padding.detected, score: padding.score, reasons: padding.reasons },
    tools,
    signals: signalResult.signals,
    flags,
    probes: buildProbes({ tools, signals: signalResult.signals, flags }),
  };
}
