// Ranks every analysed candidate for a role. Scoring runs over compact rows (no analysis
// JSON), so 10,000 candidates fit the 50 ms budget; only the page shown gets its parts
// explained with resume lines.
import type { Db } from '../../db/open.ts';
import type { ToolStatus } from '../../contract/analysis.ts';
import type { CandidateFit, RoleRanking } from '../../contract/roles.ts';
import { listFitFacts, shortlistedCandidateIds, toolStatusesFor, type FitFactsRow } from '../../db/queries/roles.ts';
import { getAnalysis } from '../../db/queries/analyses.ts';
import { getResumeText } from '../../db/queries/resume-files.ts';
import { fitParts, fitScore, hasAllMustHaves, type RoleForFit, type ResumeForFit } from './fit.ts';

export interface RankOptions {
  limit: number;
  offset: number;
  isMustHavesOnly: boolean;
}

export interface Verdicts {
  facts: FitFactsRow[];
  tools: Map<number, Map<string, ToolStatus>>;
}

/**
 * The engine's verdicts the fit is scored on: sub-role, evidence, padding, signals and the
 * status of each tool the role names. This is the one place recruiter corrections, once
 * they exist, replace the engine's verdicts before anything is scored or explained.
 */
export function loadVerdicts(db: Db, toolIds: readonly string[]): Verdicts {
  return { facts: listFitFacts(db), tools: toolStatusesFor(db, toolIds) };
}

function loadResume(db: Db, resumeFileId: number): ResumeForFit | null {
  const analysis = getAnalysis(db, resumeFileId);
  const text = getResumeText(db, resumeFileId);
  return analysis === null || text === null ? null : { analysis, lines: text.split('\n') };
}

export function rankCandidates(db: Db, target: RoleForFit, options: RankOptions): RoleRanking {
  const { role } = target;
  const verdicts = loadVerdicts(db, [...role.mustHave, ...role.niceToHave]);
  const shortlisted = shortlistedCandidateIds(db, role.id);
  const scored: Array<{ facts: FitFactsRow; score: number; hasAll: boolean }> = [];
  for (const facts of verdicts.facts) {
    const tools = verdicts.tools.get(facts.candidateId);
    const hasAll = hasAllMustHaves(role, tools);
    if (options.isMustHavesOnly && !hasAll) continue;
    scored.push({ facts, score: fitScore(fitParts(facts, tools, target, null)), hasAll });
  }
  scored.sort((a, b) => b.score - a.score || b.facts.evidenceScore - a.facts.evidenceScore || a.facts.candidateId - b.facts.candidateId);
  const page = scored.slice(options.offset, options.offset + options.limit);
  const candidates: CandidateFit[] = page.map(({ facts, score, hasAll }) => {
    const parts = fitParts(facts, verdicts.tools.get(facts.candidateId), target, loadResume(db, facts.resumeFileId));
    return toCandidateFit(facts, score, hasAll, shortlisted.has(facts.candidateId), parts);
  });
  return { roleId: role.id, scored: verdicts.facts.length, matched: scored.length, candidates };
}

/** One candidate's fit, fully explained (the candidate screen and the brief). */
export function fitOfCandidate(db: Db, target: RoleForFit, candidateId: number): CandidateFit | null {
  const { role } = target;
  const verdicts = loadVerdicts(db, [...role.mustHave, ...role.niceToHave]);
  const facts = verdicts.facts.find((row) => row.candidateId === candidateId);
  if (!facts) return null;
  const tools = verdicts.tools.get(candidateId);
  const parts = fitParts(facts, tools, target, loadResume(db, facts.resumeFileId));
  return toCandidateFit(facts, fitScore(parts), hasAllMustHaves(role, tools), shortlistedCandidateIds(db, role.id).has(candidateId), parts);
}

function toCandidateFit(facts: FitFactsRow, score: number, hasAll: boolean, isShortlisted: boolean, parts: CandidateFit['parts']): CandidateFit {
  return {
    candidateId: facts.candidateId,
    name: facts.name,
    location: facts.location,
    subRole: facts.subRole,
    evidenceLevel: facts.evidenceLevel,
    seniority: facts.seniority,
    isPadded: facts.isPadded,
    score,
    hasAllMustHaves: hasAll,
    isShortlisted,
    parts,
  };
}
