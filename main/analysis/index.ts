import type { EvidenceLevel, ResumeAnalysis, Seniority } from './types.ts';
import { splitLines } from './lines.ts';
import { assignSections } from './sections.ts';
import { extractContact } from './contact.ts';
import { dateFromReference } from './dates.ts';
import { currentRole, extractRoles, yearsOfExperience } from './timeline.ts';
import { buildContexts } from './context.ts';
import { findToolHits, summarizeTools } from './tools.ts';
import { detectSignals } from './signals.ts';
import { detectPadding } from './padding.ts';
import { classifySubRole } from './subrole.ts';
import { buildProbes } from './probes.ts';
import { rules } from './rules.ts';

export type * from './types.ts';
export { subRoleIds, evidenceLevels, seniorityLevels } from './types.ts';
export { loadTaxonomy, taxonomy } from './taxonomy.ts';

export const ANALYSIS_ENGINE_VERSION = '1.0.0';
/** Default "today" for resolving "Present"; callers pass the real date so results stay reproducible. */
export const REFERENCE_DATE = new Date('2026-11-01T00:00:00Z');

export interface AnalyzeOptions {
  now?: Date;
}

const STAFF_TITLE = new RegExp(rules.seniorityTitles.staff, 'iu');
const SENIOR_TITLE = new RegExp(rules.seniorityTitles.senior, 'iu');
const JUNIOR_TITLE = new RegExp(rules.seniorityTitles.junior, 'iu');
const NON_TOOL_CATEGORIES = new Set(['languages', 'notebooks']);

function seniorityFrom(years: number | null, title: string | null): Seniority {
  if (title && STAFF_TITLE.test(title)) return 'staff';
  if (title && JUNIOR_TITLE.test(title)) return 'junior';
  if (title && SENIOR_TITLE.test(title)) return years !== null && years < 2 ? 'mid' : 'senior';
  if (years === null || years < 2) return 'junior';
  if (years < 5) return 'mid';
  return 'senior';
}

function evidenceLevelFor(score: number): EvidenceLevel {
  const { levels } = rules.evidence;
  if (score >= levels.strong) return 'strong';
  if (score >= levels.moderate) return 'moderate';
  if (score >= levels.weak) return 'weak';
  return 'none';
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
  const signalResult = detectSignals(contexts);
  const provisionalTools = summarizeTools(hits);
  const padding = detectPadding({ contexts, hits, findings: provisionalTools, signals: signalResult, roles: roleSpans });
  const tools = summarizeTools(hits, padding.contradictedHits);

  const evidenceToolCount = tools.filter((tool) => tool.status === 'evidence' && !NON_TOOL_CATEGORIES.has(tool.category)).length;
  const { evidence: weights } = rules;
  const rawScore =
    Math.min(weights.toolCap, evidenceToolCount * weights.toolWeight) +
    signalResult.points -
    signalResult.negatedCount * weights.negatedPenalty -
    padding.contradictedHits.size * weights.contradictionPenalty;
  const evidenceScore = Math.max(0, Math.min(100, Math.round(rawScore)));

  const flags = [...signalResult.flags, ...padding.flags].sort((a, b) => a.line - b.line || a.code.localeCompare(b.code));
  const subRole = classifySubRole(contexts, roleSpans);

  return {
    engineVersion: ANALYSIS_ENGINE_VERSION,
    contact,
    currentTitle: current?.role.title ?? null,
    roles: roleSpans.map((span) => span.role),
    yearsExperience: years,
    seniority: seniorityFrom(years, current?.role.title ?? null),
    subRole,
    evidence: { level: evidenceLevelFor(evidenceScore), score: evidenceScore },
    padding: { detected: padding.detected, score: padding.score, reasons: padding.reasons },
    tools,
    signals: signalResult.signals,
    flags,
    probes: buildProbes({ tools, signals: signalResult.signals, flags }),
  };
}
