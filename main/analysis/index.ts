import type { EvidencePart, ResumeAnalysis, Seniority, ToolFinding } from '../../contract/analysis.ts';
import type { TextLayout } from '../../contract/layout.ts';
import rulesJson from '../../resources/analysis-rules.json' with { type: 'json' };
import taxonomyJson from '../../resources/taxonomy.json' with { type: 'json' };
import evidenceModelJson from '../../resources/evidence-model.json' with { type: 'json' };
import { compareIds, splitLines } from './lines.ts';
import { createSectionReader } from './sections.ts';
import { createContactReader } from './contact.ts';
import { dateFromReference, monthIndex } from './dates.ts';
import { createTimelineReader, currentRole, yearsOfExperience } from './timeline.ts';
import { createContextReader } from './context.ts';
import { createToolReader } from './tools.ts';
import { createSignalReader } from './signals.ts';
import { createPaddingReader } from './padding.ts';
import { createSubRoleClassifier } from './subrole.ts';
import { createProbeWriter } from './probes.ts';
import { engineEvidenceParts, parseRules, type AnalysisRules } from './rules.ts';
import { indexTaxonomy, parseTaxonomy, ruleRegex, type Taxonomy } from './taxonomy.ts';
import { createEvidenceJudge, evidenceFeatureNames, parseEvidenceModel, type EvidenceModel } from './evidence.ts';

export const ANALYSIS_ENGINE_VERSION = '2.2.0';
/** Default "today" for resolving "Present"; callers pass the real date so results stay reproducible. */
export const REFERENCE_DATE = new Date('2026-11-01T00:00:00Z');

export interface AnalyzeOptions {
  now?: Date;
  /** How each line looked in the file (PDF, Word); without it (plain text) the text alone decides. */
  layout?: TextLayout;
}

/** The engine's policy as data, unvalidated: resources/ holds the bundled copy; a test or the fit may pass its own. */
export interface AnalyzerData {
  rules: unknown;
  taxonomy: unknown;
  /** The fitted evidence model (scripts/fit.ts passes its own per fold). */
  evidenceModel: unknown;
}

/** The same data validated: the rules against the taxonomy's tools and categories, the model against the rules' features. */
export interface AnalysisPolicy {
  rules: AnalysisRules;
  taxonomy: Taxonomy;
  evidenceModel: EvidenceModel;
}

export type AnalyzeText = (text: string, options?: AnalyzeOptions) => ResumeAnalysis;

export interface Analyzer {
  analyze: AnalyzeText;
  /** What it was built from. */
  policy: AnalysisPolicy;
  /** The evidence model's inputs under these rules, which scripts/fit.ts fits weights to. */
  evidenceFeatureNames: readonly string[];
  evidenceFeatures(parts: EvidencePart[], tools: ToolFinding[], modelsInProduction: number | null): Record<string, number>;
}

/** Validates the engine's data; the error names the file's part and each offending path. */
function parseAnalysisData(data: AnalyzerData): AnalysisPolicy {
  const taxonomy = parseTaxonomy(data.taxonomy);
  const rules = parseRules(data.rules, taxonomy);
  return { rules, taxonomy, evidenceModel: parseEvidenceModel(data.evidenceModel, evidenceFeatureNames(rules)) };
}

/** One engine, its policy in data: every pattern, label and weight it uses comes from `data`, validated here. */
export function createAnalyzer(data: AnalyzerData): Analyzer {
  const policy = parseAnalysisData(data);
  const { rules } = policy;
  const toolIndex = indexTaxonomy(policy.taxonomy);
  const contextReader = createContextReader(rules);
  const { assignSections } = createSectionReader(rules);
  const { extractContact, isLocationText } = createContactReader(rules);
  const { extractRoles } = createTimelineReader(rules, isLocationText);
  const { findToolHits, summarizeTools } = createToolReader(rules, toolIndex, contextReader);
  const { detectSignals } = createSignalReader(rules, contextReader);
  const { findEvidenceParts, judgeEvidence, evidenceFeatures } = createEvidenceJudge(rules, toolIndex, contextReader, policy.evidenceModel);
  const { detectPadding, findTimelineContradictions } = createPaddingReader(rules, toolIndex, contextReader);
  const { classifySubRole } = createSubRoleClassifier(rules);
  const buildProbes = createProbeWriter(rules);
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

  function analyze(text: string, options: AnalyzeOptions = {}): ResumeAnalysis {
    const now = dateFromReference(options.now ?? REFERENCE_DATE);
    const lines = splitLines(text, options.layout);
    assignSections(lines);
    const roleSpans = extractRoles(lines, now);
    const jobLines = new Set<number>();
    for (const span of roleSpans) for (let line = span.firstLine; line <= span.lastLine; line++) jobLines.add(line);
    const contexts = contextReader.buildContexts(lines, jobLines);
    const contact = extractContact(lines);
    const years = yearsOfExperience(roleSpans);
    const current = currentRole(roleSpans);

    // A title or employer line names a job, not work done with a tool: "Shift Manager — TGI Fridays" is no TGI.
    const roleHeaderLines = new Set(roleSpans.flatMap((span) => span.headerLines));
    const hits = findToolHits(contexts, roleHeaderLines);
    const contradictions = findTimelineContradictions(contexts, hits, roleSpans);
    const signalResult = detectSignals(contexts, new Set([...roleHeaderLines, ...contradictions.map((found) => found.context.line.number)]));
    const tools = summarizeTools(hits, new Set(contradictions.map(({ hit }) => `${hit.toolId}@${hit.lineNumber}`)));
    const parts = findEvidenceParts({ contexts, signals: signalResult, hits });
    const showsOperations = signalResult.hits.some(({ rule }) => rule.showsOperations);
    const evidence = judgeEvidence(parts, tools, signalResult.signals.modelsInProduction, showsOperations);
    const padding = detectPadding({ contexts, hits, findings: tools, signals: signalResult, contradictions, roles: roleSpans, evidence: evidence.level, nowMonth: monthIndex(now) });
    const flags = [...signalResult.flags, ...padding.flags].sort((a, b) => a.line - b.line || compareIds(a.code, b.code));
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

  return { analyze, policy, evidenceFeatureNames: evidenceFeatureNames(rules), evidenceFeatures };
}

/** The analyzer of the app, the CLI, the import's workers and `shipped eval`, built once from resources/. */
export const defaultAnalyzer: Analyzer = createAnalyzer({ rules: rulesJson, taxonomy: taxonomyJson, evidenceModel: evidenceModelJson });

export const analyzeResume: AnalyzeText = defaultAnalyzer.analyze;
