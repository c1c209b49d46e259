// Ranks every analysed candidate for a role. Scoring runs over compact rows (no analysis
// JSON, no per-part objects), so 10,000 candidates fit the 50 ms budget; only the page
// shown gets its parts explained with resume lines.
import type { Db } from '../../db/open.ts';
import type { CandidateFit, RoleRanking } from '../../contract/roles.ts';
import { getFitPageFacts, listFitFacts, shortlistedCandidateIds, storeVersion, toolStatusMasks, type FitFacts } from '../../db/queries/roles.ts';
import type { ResumeAnalysis } from '../../contract/analysis.ts';
import { effectiveVerdict, type Correction } from '../../contract/corrections.ts';
import { listCurrentCorrections } from '../../db/queries/corrections.ts';
import { fitParts, fitScoreOf, hasAllMustHaves, type FitExplanationInput, type RoleForFit } from './fit.ts';

export interface RankOptions {
  limit: number;
  offset: number;
  isMustHavesOnly: boolean;
}

export interface Verdicts {
  facts: readonly FitFacts[];
  /** Candidate id → status of each of the role's tools (db/queries/roles.ts toolStatusMasks). */
  toolMasks: ReadonlyMap<number, number>;
}

/**
 * The last verdicts read on a connection, kept until the store changes: reading them is
 * most of a ranking's cost (~15 of ~30 ms CPU at 10,000 candidates), and a recruiter
 * re-ranks the same store often (the filter, the next page, another role).
 */
const verdictCache = new WeakMap<Db, { version: string; facts: readonly FitFacts[]; masks: Map<string, Map<number, number>> }>();

/**
 * The engine's verdicts the fit is scored on: sub-role, evidence, padding, signals and the
 * status of each tool the role names. This is the one place recruiter corrections replace
 * the engine's verdicts before anything is scored or explained.
 */
export function loadVerdicts(db: Db, toolIds: readonly string[]): Verdicts {
  const version = storeVersion(db);
  let cached = verdictCache.get(db);
  if (cached?.version !== version) {
    cached = { version, facts: withCorrections(listFitFacts(db), listCurrentCorrections(db)), masks: new Map() };
    verdictCache.set(db, cached);
  }
  const toolKey = toolIds.join(',');
  let toolMasks = cached.masks.get(toolKey);
  if (!toolMasks) {
    toolMasks = withToolCorrections(toolStatusMasks(db, toolIds), toolIds, listCurrentCorrections(db));
    cached.masks.set(toolKey, toolMasks);
  }
  return { facts: cached.facts, toolMasks };
}

/** The recruiter's sub-role, evidence and padding where they corrected the engine's. */
function withCorrections(facts: FitFacts[], corrections: ReadonlyMap<number, Correction[]>): FitFacts[] {
  if (corrections.size === 0) return facts;
  return facts.map((row) => {
    const own = corrections.get(row.candidateId);
    if (!own) return row;
    const verdict = effectiveVerdict({ ...row, toolsShipped: [], toolsListed: [] }, own);
    return { ...row, subRole: verdict.subRole, evidenceLevel: verdict.evidenceLevel, evidenceScore: verdict.evidenceScore, isPadded: verdict.isPadded };
  });
}

/** The recruiter's status for a tool the engine found, in the role's tool masks (base-4 digits: 1 listed, 2 evidence). */
function withToolCorrections(masks: Map<number, number>, toolIds: readonly string[], corrections: ReadonlyMap<number, Correction[]>): Map<number, number> {
  for (const [candidateId, own] of corrections) {
    for (const correction of own) {
      if (correction.field !== 'tool') continue;
      const index = toolIds.indexOf(correction.toolId);
      const mask = masks.get(candidateId);
      if (index < 0 || mask === undefined) continue;
      const digit = Math.floor(mask / 4 ** index) % 4;
      if (digit === 0) continue; // the engine did not find the tool: nothing to move
      const corrected = correction.value === 'evidence' ? 2 : 1;
      masks.set(candidateId, mask + (corrected - digit) * 4 ** index);
    }
  }
  return masks;
}

function explanationInput(db: Db, candidateId: number): { name: string | null; input: FitExplanationInput } {
  const page = getFitPageFacts(db, candidateId);
  return {
    name: page?.name ?? null,
    input: {
      // Written only by saveAnalysis from a ResumeAnalysis value.
      analysis: page?.analysisJson ? (JSON.parse(page.analysisJson) as ResumeAnalysis) : null,
      lines: page?.resumeText ? page.resumeText.split('\n') : [],
      yearsExperience: page?.yearsExperience ?? null,
    },
  };
}

function explain(db: Db, target: RoleForFit, facts: FitFacts, toolMask: number | undefined, score: number, isShortlisted: boolean): CandidateFit {
  const { name, input } = explanationInput(db, facts.candidateId);
  return {
    candidateId: facts.candidateId,
    name,
    location: facts.location,
    subRole: facts.subRole,
    evidenceLevel: facts.evidenceLevel,
    seniority: facts.seniority,
    isPadded: facts.isPadded,
    score,
    hasAllMustHaves: hasAllMustHaves(target.role, toolMask),
    isShortlisted,
    parts: fitParts(facts, toolMask, target, input),
  };
}

export function rankCandidates(db: Db, target: RoleForFit, options: RankOptions): RoleRanking {
  const { role } = target;
  const { facts, toolMasks } = loadVerdicts(db, target.toolIds);
  const scored: Array<{ facts: FitFacts; score: number }> = [];
  for (const row of facts) {
    const mask = toolMasks.get(row.candidateId);
    if (options.isMustHavesOnly && !hasAllMustHaves(role, mask)) continue;
    scored.push({ facts: row, score: fitScoreOf(row, mask, target) });
  }
  scored.sort((a, b) => b.score - a.score || b.facts.evidenceScore - a.facts.evidenceScore || a.facts.candidateId - b.facts.candidateId);
  const shortlisted = shortlistedCandidateIds(db, role.id);
  const candidates = scored
    .slice(options.offset, options.offset + options.limit)
    .map(({ facts: row, score }) => explain(db, target, row, toolMasks.get(row.candidateId), score, shortlisted.has(row.candidateId)));
  return { roleId: role.id, scored: facts.length, matched: scored.length, candidates };
}

/** One candidate's fit, fully explained (the candidate screen and the brief). */
export function fitOfCandidate(db: Db, target: RoleForFit, candidateId: number): CandidateFit | null {
  const { facts, toolMasks } = loadVerdicts(db, target.toolIds);
  const row = facts.find((entry) => entry.candidateId === candidateId);
  if (!row) return null;
  const mask = toolMasks.get(candidateId);
  return explain(db, target, row, mask, fitScoreOf(row, mask, target), shortlistedCandidateIds(db, target.role.id).has(candidateId));
}
