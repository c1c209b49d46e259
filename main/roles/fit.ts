// A candidate's fit for a role, part by part. Each part says how many points it adds out of
// how many, why, and the resume lines behind it. The score is the points won over the points
// at stake, minus the padding penalty, 0–100; parts that do not apply to the role (no
// must-haves, no clearance needed) are left out.
//
// Ranking scores every candidate with fitScoreOf (numbers only) and explains the page shown
// with fitParts; both take each part's points from the same functions below.
import type { ResumeAnalysis, Seniority, ToolStatus } from '../../contract/analysis.ts';
import { seniorityLevels, subRoleLabels } from '../../contract/analysis.ts';
import type { IntakeData } from '../../contract/intake.ts';
import type { MarketCity, MarketData } from '../../contract/market.ts';
import type { FitLine, FitPart, Role } from '../../contract/roles.ts';
import { toolStatusAt, type FitFacts } from '../../db/queries/roles.ts';
import { cityOfLocation, resolveCity } from './market.ts';

export const fitWeights = {
  subRole: { max: 25, adjacent: 12 },
  evidence: { max: 25, byLevel: { strong: 25, moderate: 15, weak: 5, none: 0 } },
  /** Shared by the must-have tools; a tool only listed earns a quarter of its share. */
  mustHaves: { max: 25, listedShare: 0.25 },
  niceToHaves: { max: 10, listedShare: 1 / 3 },
  seniority: { max: 10 },
  location: { max: 5, unknown: 2 },
  llmServing: { max: 10 },
  clearance: { max: 10 },
  paddingPenalty: 15,
} as const;

/** What the scorer knows of a role, resolved once per ranking. */
export interface RoleForFit {
  role: Role;
  city: MarketCity;
  /** The role's tools in mask order: must-haves, then nice-to-haves. */
  toolIds: string[];
  toolNames: ReadonlyMap<string, string>;
  intake: IntakeData;
  market: MarketData;
  /** Location text → market, cached across the 10,000 candidates of one ranking. */
  locationCache: Map<string, MarketCity | null>;
}

export function prepareRole(role: Role, market: MarketData, intake: IntakeData, toolNames: ReadonlyMap<string, string>): RoleForFit {
  return {
    role,
    city: resolveCity(market, role.city),
    toolIds: [...role.mustHave, ...role.niceToHave],
    toolNames,
    intake,
    market,
    locationCache: new Map(),
  };
}

/** What only the explained page needs: the resume behind the facts and its years. */
export interface FitExplanationInput {
  analysis: ResumeAnalysis | null;
  lines: string[];
  yearsExperience: number | null;
}

// ---- Points (shared by the score and the explanation) --------------------------------

type SubRoleMatch = 'exact' | 'adjacent' | 'mismatch';

function subRoleMatch(facts: FitFacts, target: RoleForFit): SubRoleMatch {
  if (facts.subRole === target.role.subRole) return 'exact';
  return target.intake.adjacentSubRoles[target.role.subRole].some((entry) => entry.subRole === facts.subRole) ? 'adjacent' : 'mismatch';
}

const subRolePoints: Record<SubRoleMatch, number> = { exact: fitWeights.subRole.max, adjacent: fitWeights.subRole.adjacent, mismatch: 0 };

function toolPoints(status: ToolStatus | null, share: number, listedShare: number): number {
  return status === 'evidence' ? share : status === 'listed' ? share * listedShare : 0;
}

/** Levels above (positive) or below (negative) the role's. */
function seniorityGap(seniority: Seniority, role: Role): number {
  return seniorityLevels.indexOf(seniority) - seniorityLevels.indexOf(role.level);
}

function seniorityPoints(gap: number): number {
  const max = fitWeights.seniority.max;
  if (gap === 0) return max;
  if (gap === 1) return max * 0.8;
  if (gap >= 2) return max * 0.5;
  return gap === -1 ? max * 0.4 : 0;
}

type LocationMatch = 'remote-role' | 'unknown' | 'in-market' | 'wants-remote' | 'elsewhere';

function locationMatch(facts: FitFacts, target: RoleForFit): LocationMatch {
  if (target.city.isRemote) return 'remote-role';
  if (facts.location === null) return 'unknown';
  let market = target.locationCache.get(facts.location);
  if (market === undefined) {
    market = cityOfLocation(target.market, facts.location);
    target.locationCache.set(facts.location, market);
  }
  if (market?.id === target.city.id) return 'in-market';
  return market?.isRemote ? 'wants-remote' : 'elsewhere';
}

const locationPoints: Record<LocationMatch, number> = {
  'remote-role': fitWeights.location.max,
  'in-market': fitWeights.location.max,
  unknown: fitWeights.location.unknown,
  'wants-remote': fitWeights.location.unknown,
  elsewhere: 0,
};

/** The score alone, without building the parts: what ranking runs for every candidate. */
export function fitScoreOf(facts: FitFacts, toolMask: number | undefined, target: RoleForFit): number {
  const { role } = target;
  let won = subRolePoints[subRoleMatch(facts, target)] + fitWeights.evidence.byLevel[facts.evidenceLevel];
  let atStake = fitWeights.subRole.max + fitWeights.evidence.max;
  const mustShare = fitWeights.mustHaves.max / Math.max(1, role.mustHave.length);
  const niceShare = fitWeights.niceToHaves.max / Math.max(1, role.niceToHave.length);
  for (let index = 0; index < target.toolIds.length; index++) {
    const isMust = index < role.mustHave.length;
    const status = toolStatusAt(toolMask, index);
    won += isMust ? toolPoints(status, mustShare, fitWeights.mustHaves.listedShare) : toolPoints(status, niceShare, fitWeights.niceToHaves.listedShare);
  }
  if (role.mustHave.length > 0) atStake += fitWeights.mustHaves.max;
  if (role.niceToHave.length > 0) atStake += fitWeights.niceToHaves.max;
  won += seniorityPoints(seniorityGap(facts.seniority, role)) + locationPoints[locationMatch(facts, target)];
  atStake += fitWeights.seniority.max + fitWeights.location.max;
  if (role.factors.includes('llm')) {
    won += facts.hasLlmServing ? fitWeights.llmServing.max : 0;
    atStake += fitWeights.llmServing.max;
  }
  if (role.factors.includes('clearance')) {
    won += facts.hasClearance ? fitWeights.clearance.max : 0;
    atStake += fitWeights.clearance.max;
  }
  return toScore(won, atStake, facts.isPadded ? fitWeights.paddingPenalty : 0);
}

function toScore(won: number, atStake: number, penalty: number): number {
  const share = atStake === 0 ? 0 : (won / atStake) * 100;
  return Math.max(0, Math.min(100, Math.round(share - penalty)));
}

/** The score of explained parts (equal to fitScoreOf for the same candidate). */
export function fitScore(parts: readonly FitPart[]): number {
  let won = 0;
  let atStake = 0;
  let penalty = 0;
  for (const part of parts) {
    if (part.kind === 'padding') penalty -= part.points;
    else {
      won += part.points;
      atStake += part.max;
    }
  }
  return toScore(won, atStake, penalty);
}

/** Every must-have tool is backed by evidence (a role with none passes). */
export function hasAllMustHaves(role: Role, toolMask: number | undefined): boolean {
  for (let index = 0; index < role.mustHave.length; index++) {
    if (toolStatusAt(toolMask, index) !== 'evidence') return false;
  }
  return true;
}

// ---- Explanation -------------------------------------------------------------------------

export function fitParts(facts: FitFacts, toolMask: number | undefined, target: RoleForFit, input: FitExplanationInput): FitPart[] {
  const { role } = target;
  const parts: FitPart[] = [subRolePart(facts, target, input), evidencePart(facts, input)];
  target.toolIds.forEach((toolId, index) => parts.push(toolPart(toolId, index, toolMask, target, input)));
  parts.push(seniorityPart(facts, role, input), locationPart(facts, target, input));
  if (role.factors.includes('llm')) {
    parts.push(signalPart('llm-serving', 'LLM serving', facts.hasLlmServing, fitWeights.llmServing.max, 'the role serves LLMs at scale', input, 'llm-serving'));
  }
  if (role.factors.includes('clearance')) {
    parts.push(signalPart('clearance', 'Clearance', facts.hasClearance, fitWeights.clearance.max, 'the role needs TS/SCI', input, 'security-clearance'));
  }
  parts.push(paddingPart(facts, input));
  return parts;
}

function excerpt(input: FitExplanationInput, line: number): FitLine | null {
  const text = input.lines[line - 1]?.trim();
  return text === undefined || text === '' ? null : { line, excerpt: text.length > 160 ? `${text.slice(0, 159)}…` : text };
}

function linesAt(input: FitExplanationInput, lines: readonly number[], max = 3): FitLine[] {
  const found: FitLine[] = [];
  for (const line of new Set(lines)) {
    const entry = excerpt(input, line);
    if (entry) found.push(entry);
    if (found.length === max) break;
  }
  return found;
}

/** A work role as a line: its title and employer where it starts. */
function workRoleLines(input: FitExplanationInput, count: number): FitLine[] {
  return (input.analysis?.roles.slice(0, count) ?? []).map((workRole) => {
    const span = `${workRole.start ?? '?'} – ${workRole.isCurrent ? 'present' : (workRole.end ?? '?')}`;
    const what = [workRole.title, workRole.employer].filter((part) => part !== null && part !== '').join(', ');
    return { line: workRole.line, excerpt: what === '' ? span : `${what} (${span})` };
  });
}

/** Bullet lines (work described) before list lines, so the first line shown is the strongest. */
function toolLines(input: FitExplanationInput, lines: readonly number[]): FitLine[] {
  const isBullet = (line: number) => /^\s*[•\-*▪●–]/.test(input.lines[line - 1] ?? '');
  const ordered = [...lines].sort((a, b) => Number(isBullet(b)) - Number(isBullet(a)) || a - b);
  return linesAt(input, ordered, 2);
}

function subRolePart(facts: FitFacts, target: RoleForFit, input: FitExplanationInput): FitPart {
  const wanted = target.role.subRole;
  const match = subRoleMatch(facts, target);
  // The last two roles decide the sub-role (the labelling rubric), so they are the lines shown.
  const base = { kind: 'sub-role' as const, label: 'Sub-role', points: subRolePoints[match], max: fitWeights.subRole.max, lines: workRoleLines(input, 2) };
  if (match === 'exact') return { ...base, verdict: `Exact: the work described is ${subRoleLabels[wanted]}.` };
  if (match === 'adjacent') {
    const why = target.intake.adjacentSubRoles[wanted].find((entry) => entry.subRole === facts.subRole)?.why ?? '';
    return { ...base, verdict: `Adjacent: ${subRoleLabels[facts.subRole]}. ${why}`.trim() };
  }
  return { ...base, verdict: `Mismatch: the work described is ${subRoleLabels[facts.subRole]}, not ${subRoleLabels[wanted]}.` };
}

function evidencePart(facts: FitFacts, input: FitExplanationInput): FitPart {
  const flagLines = input.analysis?.flags.filter((flag) => flag.kind === 'evidence').map((flag) => flag.line) ?? [];
  const verdicts = {
    strong: 'Strong: owns ML in production, with specifics.',
    moderate: 'Moderate: real production ML, thin on one side.',
    weak: 'Weak: claims production work without proof.',
    none: 'None: no production ML described.',
  } as const;
  return {
    kind: 'evidence',
    label: 'Production evidence',
    points: fitWeights.evidence.byLevel[facts.evidenceLevel],
    max: fitWeights.evidence.max,
    verdict: `${verdicts[facts.evidenceLevel]} (score ${facts.evidenceScore}/100)`,
    lines: linesAt(input, flagLines),
  };
}

function toolPart(toolId: string, index: number, toolMask: number | undefined, target: RoleForFit, input: FitExplanationInput): FitPart {
  const isMust = index < target.role.mustHave.length;
  const kind = isMust ? 'must-have' : 'nice-to-have';
  const weights = isMust ? fitWeights.mustHaves : fitWeights.niceToHaves;
  const share = weights.max / (isMust ? target.role.mustHave.length : target.role.niceToHave.length);
  const status = toolStatusAt(toolMask, index);
  const name = target.toolNames.get(toolId) ?? toolId;
  const finding = input.analysis?.tools.find((tool) => tool.id === toolId);
  const label = `${isMust ? 'Must-have' : 'Nice-to-have'}: ${name}`;
  const points = toolPoints(status, share, weights.listedShare);
  if (status === null) return { kind, label, points, max: share, verdict: 'Not on the resume.', lines: [] };
  const verdict = status === 'evidence' ? 'Used in described work.' : 'Only listed, never shown in work.';
  return { kind, label, points, max: share, verdict, lines: toolLines(input, finding?.lines ?? []) };
}

function seniorityPart(facts: FitFacts, role: Role, input: FitExplanationInput): FitPart {
  const gap = seniorityGap(facts.seniority, role);
  const years = input.yearsExperience === null ? '' : `, ${input.yearsExperience} years`;
  const verdict =
    gap === 0
      ? `Matches the ${role.level} level${years}.`
      : gap === 1
        ? `One level above (${facts.seniority}${years}): may expect more than the band.`
        : gap >= 2
          ? `${facts.seniority}${years}: well above the ${role.level} level.`
          : gap === -1
            ? `One level below (${facts.seniority}${years}).`
            : `${facts.seniority}${years}: well below the ${role.level} level.`;
  return { kind: 'seniority', label: 'Seniority', points: seniorityPoints(gap), max: fitWeights.seniority.max, verdict, lines: workRoleLines(input, 1) };
}

function locationPart(facts: FitFacts, target: RoleForFit, input: FitExplanationInput): FitPart {
  const match = locationMatch(facts, target);
  const at = facts.location === null ? -1 : input.lines.findIndex((line) => line.includes(facts.location!));
  const lines = at < 0 ? [] : linesAt(input, [at + 1], 1);
  const cityName = target.city.name;
  const verdicts: Record<LocationMatch, string> = {
    'remote-role': `Remote role: ${facts.location ?? 'location not stated'} works; agree an overlap window for on-call.`,
    unknown: 'No location on the resume.',
    'in-market': `In the role's market (${cityName}).`,
    'wants-remote': `Asks for remote work; the role is in ${cityName}.`,
    elsewhere: `${facts.location}: outside ${cityName}; would need to move or commute.`,
  };
  return { kind: 'location', label: 'Location', points: locationPoints[match], max: fitWeights.location.max, verdict: verdicts[match], lines };
}

function signalPart(
  kind: 'llm-serving' | 'clearance',
  label: string,
  isPresent: boolean,
  max: number,
  need: string,
  input: FitExplanationInput,
  flagCode: string,
): FitPart {
  const flagLines = input.analysis?.flags.filter((flag) => flag.code === flagCode).map((flag) => flag.line) ?? [];
  return {
    kind,
    label,
    points: isPresent ? max : 0,
    max,
    verdict: isPresent ? `Shown in the resume; ${need}.` : `Not shown; ${need}.`,
    lines: isPresent ? linesAt(input, flagLines, 2) : [],
  };
}

function paddingPart(facts: FitFacts, input: FitExplanationInput): FitPart {
  const flagLines = input.analysis?.flags.filter((flag) => flag.kind === 'padding').map((flag) => flag.line) ?? [];
  const reasons = input.analysis?.padding.reasons.slice(0, 2).join(' ') ?? '';
  return {
    kind: 'padding',
    label: 'Keyword padding',
    points: facts.isPadded ? -fitWeights.paddingPenalty : 0,
    max: 0,
    verdict: facts.isPadded ? `Claims outrun the evidence (score ${facts.paddingScore}/100). ${reasons}`.trim() : 'No padding found.',
    lines: facts.isPadded ? linesAt(input, flagLines) : [],
  };
}
