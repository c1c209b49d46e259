import type { ResumeAnalysis, Seniority } from '../../contract/analysis.ts';
import type { TextLayout } from '../../contract/layout.ts';
import { splitLines } from './lines.ts';
import { assignSections } from './sections.ts';
import { extractContact } from './contact.ts';
import { dateFromReference, monthIndex } from './dates.ts';
import { currentRole, extractRoles, yearsOfExperience } from './timeline.ts';
import { buildContexts } from './context.ts';
import { findToolHits, summarizeTools } from './tools.ts';
import { detectSignals } from './signals.ts';
import { detectPadding, findTimelineContradictions } from './padding.ts';
import { classifySubRole } from './subrole.ts';
import { buildProbes } from './probes.ts';
import { engineEvidenceParts, rules } from './rules.ts';
import { ruleRegex } from './taxonomy.ts';
import { findEvidenceParts, judgeEvidence, parseEvidenceModel, type EvidenceModel } from './evidence.ts';
import evidenceModelJson from '../../resources/evidence-model.json' with { type: 'json' };

export { loadTaxonomy, taxonomy } from './taxonomy.ts';

export const ANALYSIS_ENGINE_VERSION = '2.0.0';
/** Default "today" for resolving "Present"; callers pass the real date so results stay reproducible. */
export const REFERENCE_DATE = new Date('2026-11-01T00:00:00Z');

export interface AnalyzeOptions {
  now?: Date;
  /** How each line looked in the file (PDF, Word); without it (plain text) the text alone decides. */
  layout?: TextLayout;
}

const STAFF_TITLE = ruleRegex(rules.seniorityTitles.staff, 'i');
const SENIOR_TITLE = ruleRegex(rules.seniorityTitles.senior, 'i');
const JUNIOR_TITLE = ruleRegex(rules.seniorityTitles.junior, 'i');

function seniorityFrom(years: number | null, title: string | null): Seniority {
  if (title && STAFF_TITLE.test(title)) return 'staff';
  if (title && JUNIOR_TITLE.test(title)) return 'junior';
  if (title && SENIOR_TITLE.test(title)) return years !== null && years < 2 ? 'mid' : 'senior';
  if (years === null || years < 2) return 'junior';
  if (years < 5) return 'mid';
  return 'senior';
}

export interface AnalyzerData {
  /** The fitted evidence model (resources/evidence-model.json by default; scripts/fit.ts passes its own per fold). */
  evidenceModel?: EvidenceModel;
}

export type Analyzer = (text: string, options?: AnalyzeOptions) => ResumeAnalysis;

export const defaultEvidenceModel: EvidenceModel = parseEvidenceModel(evidenceModelJson);

export function createAnalyzer({ evidenceModel = defaultEvidenceModel }: AnalyzerData = {}): Analyzer {
  return (text, options = {}) => analyze(text, evidenceModel, options);
}

export const analyzeResume: Analyzer = createAnalyzer();

function analyze(text: string, evidenceModel: EvidenceModel, options: AnalyzeOptions): ResumeAnalysis {
  const now = dateFromReference(options.now ?? REFERENCE_DATE);
  const lines = splitLines(text, options.layout);
  assignSections(lines);
  const contexts = buildContexts(lines);
  const contact = extractContact(lines);
  const roleSpans = extractRoles(lines, now);
  const years = yearsOfExperience(roleSpans);
  const current = currentRole(roleSpans);

  // A title or employer line names a job, not work done with a tool: "Shift Manager — TGI Fridays" is no TGI.
  const roleHeaderLines = new Set(roleSpans.flatMap((span) => span.headerLines));
  const hits = findToolHits(contexts, roleHeaderLines);
  const contradictions = findTimelineContradictions(contexts, hits, roleSpans);
  const signalResult = detectSignals(contexts, new Set([...roleHeaderLines, ...contradictions.map((found) => found.context.line.number)]));
  const tools = summarizeTools(hits, new Set(contradictions.map(({ hit }) => `${hit.toolId}@${hit.lineNumber}`)));
  const parts = findEvidenceParts({ contexts, signals: signalResult, hits });
  const evidence = judgeEvidence(evidenceModel, parts, tools, signalResult.signals.modelsInProduction);
  const padding = detectPadding({ contexts, hits, findings: tools, signals: signalResult, contradictions, roles: roleSpans, evidence: evidence.level, nowMonth: monthIndex(now) });
  const flags = [...signalResult.flags, ...padding.flags].sort((a, b) => a.line - b.line || a.code.localeCompare(b.code));
  const isCourseworkOnly =
    evidence.level === 'none' && padding.flags.some((flag) => flag.code === 'notebook-only');
  const describesMlWork = parts.some((part) => rules.evidenceParts[part.kind]?.supports !== 'none' || part.kind === engineEvidenceParts.research);
  const subRole = classifySubRole(contexts, roleSpans, tools, monthIndex(now), isCourseworkOnly, describesMlWork);

  return {
    engineVersion: ANALYSIS_ENGINE_VERSION,
    contact,
    currentTitle: current?.role.title ?? null,
    roles: roleSpans.map((span) => span.role),
    yearsExperience: years,
    seniority: seniorityFrom(years, current?.role.title ?? null),
    subRole,
    evidence: { level: evidence.level, score: evidence.score, reasons: evidence.reasons, parts: evidence.parts },
    padding: { detected: padding.detected, score: padding.score, reasons: padding.reasons },
    tools,
    signals: signalResult.signals,
    flags,
    probes: buildProbes({ tools, signals: signalResult.signals, flags }),
  };
}
