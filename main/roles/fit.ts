// A candidate's fit for a role, part by part. Each part says how many points it adds out of
// how many, why, and (when the candidate's analysis is at hand) the resume lines behind it.
// The score is the points won over the points at stake, minus the padding penalty, 0–100:
// parts that do not apply to the role (no must-haves, no clearance needed) are left out.
import type { ResumeAnalysis, Seniority, ToolStatus } from '../../contract/analysis.ts';
import { seniorityLevels } from '../../contract/analysis.ts';
import type { IntakeData } from '../../contract/intake.ts';
import type { MarketCity, MarketData } from '../../contract/market.ts';
import type { FitLine, FitPart, Role } from '../../contract/roles.ts';
import type { FitFactsRow } from '../../db/queries/roles.ts';
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
  toolNames: ReadonlyMap<string, string>;
  intake: IntakeData;
  market: MarketData;
  /** Location text → market, cached across the 10,000 candidates of one ranking. */
  locationCache: Map<string, MarketCity | null>;
}

export function prepareRole(role: Role, market: MarketData, intake: IntakeData, toolNames: ReadonlyMap<string, string>): RoleForFit {
  return { role, city: resolveCity(market, role.city), toolNames, intake, market, locationCache: new Map() };
}

/** The resume behind a candidate's facts, for the lines of each part (the page being shown only). */
export interface ResumeForFit {
  analysis: ResumeAnalysis;
  lines: string[];
}

const levelIndex = (level: Seniority) => seniorityLevels.indexOf(level);

export function fitParts(
  facts: FitFactsRow,
  tools: ReadonlyMap<string, ToolStatus> | undefined,
  target: RoleForFit,
  resume: ResumeForFit | null,
): FitPart[] {
  const { role } = target;
  const parts: FitPart[] = [subRolePart(facts, target, resume), evidencePart(facts, resume)];
  parts.push(...toolParts('must-have', role.mustHave, tools, target, resume));
  parts.push(...toolParts('nice-to-have', role.niceToHave, tools, target, resume));
  parts.push(seniorityPart(facts, role, resume), locationPart(facts, target, resume));
  if (role.factors.includes('llm')) {
    parts.push(
      signalPart('llm-serving', 'LLM serving', facts.hasLlmServing, fitWeights.llmServing.max, 'the role serves LLMs at scale', resume, 'llm-serving'),
    );
  }
  if (role.factors.includes('clearance')) {
    parts.push(
      signalPart('clearance', 'Clearance', facts.hasClearance, fitWeights.clearance.max, 'the role needs TS/SCI', resume, 'security-clearance'),
    );
  }
  parts.push(paddingPart(facts, resume));
  return parts;
}

export function fitScore(parts: readonly FitPart[]): number {
  let won = 0;
  let atStake = 0;
  let penalty = 0;
  for (const part of parts) {
    if (part.kind === 'padding') penalty += -part.points;
    else {
      won += part.points;
      atStake += part.max;
    }
  }
  const share = atStake === 0 ? 0 : (won / atStake) * 100;
  return Math.max(0, Math.min(100, Math.round(share - penalty)));
}

/** Every must-have tool is backed by evidence (a role with none passes). */
export function hasAllMustHaves(role: Role, tools: ReadonlyMap<string, ToolStatus> | undefined): boolean {
  return role.mustHave.every((toolId) => tools?.get(toolId) === 'evidence');
}

function excerpt(resume: ResumeForFit | null, line: number): FitLine | null {
  const text = resume?.lines[line - 1]?.trim();
  return text === undefined || text === '' ? null : { line, excerpt: text.length > 160 ? `${text.slice(0, 159)}…` : text };
}

function linesAt(resume: ResumeForFit | null, lines: readonly number[], max = 3): FitLine[] {
  const found: FitLine[] = [];
  for (const line of [...new Set(lines)]) {
    const entry = excerpt(resume, line);
    if (entry) found.push(entry);
    if (found.length === max) break;
  }
  return found;
}

/** A work role as a line: its title and employer where it starts. */
function workRoleLines(resume: ResumeForFit | null, count: number): FitLine[] {
  return (resume?.analysis.roles.slice(0, count) ?? []).map((workRole) => {
    const span = `${workRole.start ?? '?'} – ${workRole.isCurrent ? 'present' : (workRole.end ?? '?')}`;
    const what = [workRole.title, workRole.employer].filter((part) => part !== null && part !== '').join(', ');
    return { line: workRole.line, excerpt: what === '' ? span : `${what} (${span})` };
  });
}

/** Bullet lines (work described) before list lines, so the first line shown is the strongest. */
function toolLines(resume: ResumeForFit | null, lines: readonly number[]): FitLine[] {
  const isBullet = (line: number) => /^\s*[•\-*▪●–]/.test(resume?.lines[line - 1] ?? '');
  const ordered = [...lines].sort((a, b) => Number(isBullet(b)) - Number(isBullet(a)) || a - b);
  return linesAt(resume, ordered, 2);
}

function subRolePart(facts: FitFactsRow, target: RoleForFit, resume: ResumeForFit | null): FitPart {
  const wanted = target.role.subRole;
  const names = target.intake.subRoleNames;
  // The last two roles decide the sub-role (the labelling rubric), so they are the lines shown.
  const lines = workRoleLines(resume, 2);
  const base = { kind: 'sub-role' as const, label: 'Sub-role', max: fitWeights.subRole.max, lines };
  if (facts.subRole === wanted) {
    return { ...base, points: fitWeights.subRole.max, verdict: `Exact: the work described is ${names[wanted]}.` };
  }
  const adjacent = target.intake.adjacentSubRoles[wanted].find((entry) => entry.subRole === facts.subRole);
  if (adjacent) {
    return { ...base, points: fitWeights.subRole.adjacent, verdict: `Adjacent: ${names[facts.subRole]}. ${adjacent.why}` };
  }
  return { ...base, points: 0, verdict: `Mismatch: the work described is ${names[facts.subRole]}, not ${names[wanted]}.` };
}

function evidencePart(facts: FitFactsRow, resume: ResumeForFit | null): FitPart {
  const points = fitWeights.evidence.byLevel[facts.evidenceLevel];
  const flagLines = resume?.analysis.flags.filter((flag) => flag.kind === 'evidence').map((flag) => flag.line) ?? [];
  const verdicts = {
    strong: 'Strong: owns ML in production, with specifics.',
    moderate: 'Moderate: real production ML, thin on one side.',
    weak: 'Weak: claims production work without proof.',
    none: 'None: no production ML described.',
  } as const;
  return {
    kind: 'evidence',
    label: 'Production evidence',
    points,
    max: fitWeights.evidence.max,
    verdict: `${verdicts[facts.evidenceLevel]} (score ${facts.evidenceScore}/100)`,
    lines: linesAt(resume, flagLines),
  };
}

function toolParts(
  kind: 'must-have' | 'nice-to-have',
  toolIds: readonly string[],
  tools: ReadonlyMap<string, ToolStatus> | undefined,
  target: RoleForFit,
  resume: ResumeForFit | null,
): FitPart[] {
  if (toolIds.length === 0) return [];
  const weights = kind === 'must-have' ? fitWeights.mustHaves : fitWeights.niceToHaves;
  const share = weights.max / toolIds.length;
  return toolIds.map((toolId) => {
    const status = tools?.get(toolId);
    const name = target.toolNames.get(toolId) ?? toolId;
    const finding = resume?.analysis.tools.find((tool) => tool.id === toolId);
    const label = `${kind === 'must-have' ? 'Must-have' : 'Nice-to-have'}: ${name}`;
    const lines = toolLines(resume, finding?.lines ?? []);
    if (status === 'evidence') return { kind, label, points: share, max: share, verdict: `Used in described work.`, lines };
    if (status === 'listed') {
      return { kind, label, points: share * weights.listedShare, max: share, verdict: 'Only listed, never shown in work.', lines };
    }
    return { kind, label, points: 0, max: share, verdict: 'Not on the resume.', lines: [] };
  });
}

function seniorityPart(facts: FitFactsRow, role: Role, resume: ResumeForFit | null): FitPart {
  const gap = levelIndex(facts.seniority) - levelIndex(role.level);
  const years = facts.yearsExperience === null ? '' : `, ${facts.yearsExperience} years`;
  const max = fitWeights.seniority.max;
  const [points, verdict] =
    gap === 0
      ? [max, `Matches the ${role.level} level${years}.`]
      : gap === 1
        ? [max * 0.8, `One level above (${facts.seniority}${years}): may expect more than the band.`]
        : gap >= 2
          ? [max * 0.5, `${facts.seniority}${years}: well above the ${role.level} level.`]
          : gap === -1
            ? [max * 0.4, `One level below (${facts.seniority}${years}).`]
            : [0, `${facts.seniority}${years}: well below the ${role.level} level.`];
  const lines = workRoleLines(resume, 1);
  return { kind: 'seniority', label: 'Seniority', points, max, verdict, lines };
}

function locationPart(facts: FitFactsRow, target: RoleForFit, resume: ResumeForFit | null): FitPart {
  const max = fitWeights.location.max;
  const lines = facts.location === null || resume === null ? [] : linesAt(resume, [lineContaining(resume.lines, facts.location)].filter((line) => line > 0), 1);
  const base = { kind: 'location' as const, label: 'Location', max, lines };
  if (target.city.isRemote) {
    return { ...base, points: max, verdict: `Remote role: ${facts.location ?? 'location not stated'} works; agree an overlap window for on-call.` };
  }
  if (facts.location === null) return { ...base, points: fitWeights.location.unknown, verdict: 'No location on the resume.' };
  let market = target.locationCache.get(facts.location);
  if (market === undefined) {
    market = cityOfLocation(target.market, facts.location);
    target.locationCache.set(facts.location, market);
  }
  if (market?.id === target.city.id) return { ...base, points: max, verdict: `In the role's market (${target.city.name}).` };
  if (market?.isRemote) return { ...base, points: fitWeights.location.unknown, verdict: `Asks for remote work; the role is in ${target.city.name}.` };
  return { ...base, points: 0, verdict: `${facts.location}: outside ${target.city.name}; would need to move or commute.` };
}

function lineContaining(lines: readonly string[], text: string): number {
  const index = lines.findIndex((line) => line.includes(text));
  return index + 1;
}

function signalPart(
  kind: 'llm-serving' | 'clearance',
  label: string,
  isPresent: boolean,
  max: number,
  need: string,
  resume: ResumeForFit | null,
  flagCode: string,
): FitPart {
  const flagLines = resume?.analysis.flags.filter((flag) => flag.code === flagCode).map((flag) => flag.line) ?? [];
  return {
    kind,
    label,
    points: isPresent ? max : 0,
    max,
    verdict: isPresent ? `Shown in the resume; ${need}.` : `Not shown; ${need}.`,
    lines: isPresent ? linesAt(resume, flagLines, 2) : [],
  };
}

function paddingPart(facts: FitFactsRow, resume: ResumeForFit | null): FitPart {
  const flagLines = resume?.analysis.flags.filter((flag) => flag.kind === 'padding').map((flag) => flag.line) ?? [];
  const reasons = resume?.analysis.padding.reasons.slice(0, 2).join(' ') ?? '';
  return {
    kind: 'padding',
    label: 'Keyword padding',
    points: facts.isPadded ? -fitWeights.paddingPenalty : 0,
    max: 0,
    verdict: facts.isPadded ? `Claims outrun the evidence (score ${facts.paddingScore}/100). ${reasons}`.trim() : 'No padding found.',
    lines: facts.isPadded ? linesAt(resume, flagLines) : [],
  };
}
