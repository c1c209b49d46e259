import { subRoleIds, subRoleLabels, type SubRoleId } from '../../contract/analysis.ts';
import type { LineContext } from './context.ts';
import type { RoleSpan } from './timeline.ts';
import type { ToolFinding } from '../../contract/analysis.ts';
import type { AnalysisRules } from './rules.ts';
import { lineIndexAt } from './lines.ts';
import { multiPatternScan } from './scan.ts';
import { ruleRegex } from './taxonomy.ts';

interface CueHit {
  role: SubRoleId;
  label: string;
  lines: number[];
  points: number;
}

/**
 * Lines are scanned as one text joined by this separator: the line break keeps ^/$ per line (multiline flag), and
 * the full stop and semicolon end the "[^.;]{0,n}" and word runs the cue patterns use, so no match spans two lines.
 */
const LINE_JOIN = '\n.;\n';


export interface SubRoleResult {
  id: SubRoleId;
  confidence: number;
  reasons: string[];
}

interface SubRoleScores {
  scores: Map<SubRoleId, number>;
  hits: CueHit[];
  titleReasons: string[];
  /** Cue matches on described work (experience, projects), as opposed to the summary's self-description. */
  workCueCount: number;
}

export interface SubRoleClassifier {
  classifySubRole(contexts: LineContext[], roles: RoleSpan[], tools: ToolFinding[], nowMonth: number, isCourseworkOnly?: boolean, describesMlWork?: boolean): SubRoleResult;
}

/** The sub-role the work shows, by the rules' cues, title hints, redirects and weights. */
export function createSubRoleClassifier(rules: AnalysisRules): SubRoleClassifier {
  const cues = subRoleIds.flatMap((role) => rules.subRoles[role].cues.map((cue) => ({ ...cue, role })));
  // Multiline: each cue scans all counted lines joined (see LINE_JOIN).
  const scanCues = multiPatternScan(cues.map((cue) => cue.pattern), 'im');
  const ML_CONTEXT = ruleRegex(rules.evidenceContext.mlPattern, 'i');
  const HOSTING = ruleRegex(rules.evidenceContext.hostingPattern, 'i');
  const redirects = rules.subRoleRedirects.map((redirect) => {
    const pattern = redirect.pattern ? ruleRegex(redirect.pattern, 'i') : null;
    const unless = redirect.unless ? ruleRegex(redirect.unless, 'i') : null;
    const matches = (block: string): boolean => (pattern ? pattern.test(block) : ML_CONTEXT.test(block) && HOSTING.test(block));
    return { from: new Set<SubRoleId>(redirect.from), to: redirect.to, applies: (block: string) => matches(block) && !unless?.test(block) };
  });

  /**
   * The sub-role a cue on this statement counts for: its own, unless whose customer the work serves moves it.
   * `applying` keeps, per block, which redirects were found to apply: every cue on a block asks about the same
   * statement, and the redirects' patterns read the whole block.
   */
  function creditedRole(role: SubRoleId, block: string, applying: Map<string, boolean[]>): SubRoleId {
    const known = applying.get(block) ?? [];
    applying.set(block, known);
    return redirects.find((redirect, index) => redirect.from.has(role) && (known[index] ??= redirect.applies(block)))?.to ?? role;
  }
  const titleHints = rules.subRoleTitleHints.map((hint) => ({ ...hint, regex: ruleRegex(hint.pattern, 'i') }));
  const weighting = rules.subRoleWeighting;

  /**
   * How much a work line counts: what someone does now says more about the role they fit than what they did
   * a decade ago, so the newest roles weigh more and long-finished ones less.
   */
  function recencyFactors(roles: RoleSpan[], nowMonth: number): Map<RoleSpan, number> {
    const newestFirst = [...roles].sort((a, b) => b.endMonth - a.endMonth || b.startMonth - a.startMonth);
    const factors = new Map<RoleSpan, number>();
    newestFirst.forEach((span, rank) => {
      const yearsAgo = (nowMonth - span.endMonth) / 12;
      const recent = weighting.recentRoleFactors[rank];
      factors.set(span, recent ?? (yearsAgo > weighting.oldRoleYears ? weighting.oldRoleFactor : 1));
    });
    return factors;
  }

  function scoreSubRoles(contexts: LineContext[], roles: RoleSpan[], tools: ToolFinding[], nowMonth: number): SubRoleScores {
    const scores = new Map<SubRoleId, number>(subRoleIds.map((id) => [id, 0]));
    const hits: CueHit[] = [];
    // Title and employer lines are hints handled below, not descriptions of work.
    const roleHeaderLines = new Set(roles.flatMap((span) => span.headerLines));
    const factors = recencyFactors(roles, nowMonth);
    const factorByLine = new Map<number, number>();
    for (const span of roles) {
      const factor = factors.get(span) ?? 1;
      for (let line = span.firstLine; line <= span.lastLine; line++) factorByLine.set(line, Math.max(factorByLine.get(line) ?? 0, factor));
    }
    // Projects listed after the jobs are usually side or student work; a resume that leads with its projects
    // (freelancers, career starters) presents them as the main work.
    const firstExperienceLine = contexts.find((context) => context.line.section === 'experience')?.line.number ?? Infinity;
    const projectsFactor = (context: LineContext): number =>
      roles.length > 0 && context.line.number > firstExperienceLine ? weighting.projectsFactor : 1;
    const lineFactor = (context: LineContext): number => {
      if (context.line.section === 'summary') return weighting.summaryFactor;
      if (context.line.section === 'projects') return projectsFactor(context);
      return factorByLine.get(context.line.number) ?? 1;
    };
    const counted = contexts.filter(
      (context) =>
        ((context.isWork && !context.isList && !roleHeaderLines.has(context.line.number)) || context.line.section === 'summary') && !context.isCourse,
    );

    const starts: number[] = [];
    let joined = '';
    for (const context of counted) {
      starts.push(joined.length);
      joined += context.line.content + LINE_JOIN;
    }

    let workCueCount = 0;
    const redirectsApplying = new Map<string, boolean[]>();
    const matchStartsPerCue = scanCues(joined);
    cues.forEach((cue, cueIndex) => {
      // Per credited role: the cue's lines and, as one statement wrapped over several lines is still one statement,
      // one weight per block.
      const perRole = new Map<SubRoleId, { lines: number[]; blockWeights: Map<number, number> }>();
      let previous = -1;
      for (const matchStart of matchStartsPerCue[cueIndex] ?? []) {
        const index = lineIndexAt(starts, matchStart);
        const context = counted[index];
        if (index === previous || !context) continue;
        previous = index;
        if (context.line.section !== 'summary') workCueCount += 1;
        const role = creditedRole(cue.role, context.block, redirectsApplying);
        const found = perRole.get(role) ?? { lines: [], blockWeights: new Map<number, number>() };
        perRole.set(role, found);
        found.lines.push(context.line.number);
        found.blockWeights.set(context.line.block, Math.max(found.blockWeights.get(context.line.block) ?? 0, lineFactor(context)));
      }
      for (const [role, { lines, blockWeights }] of perRole) {
        // A cue repeated on many lines keeps adding, but only its best-placed few lines count.
        const points = [...blockWeights.values()]
          .sort((a, b) => b - a)
          .slice(0, weighting.maxCountedRepeats)
          .reduce((sum, factor) => sum + cue.weight * factor, 0);
        scores.set(role, (scores.get(role) ?? 0) + points);
        hits.push({ role, label: role === cue.role ? cue.label : `${cue.label} for others' ML`, lines, points });
      }
    });

    const newestFirst = [...roles].sort((a, b) => b.endMonth - a.endMonth || b.startMonth - a.startMonth);
    const titleReasons: string[] = [];
    newestFirst.forEach((span, index) => {
      const title = span.role.title;
      if (!title) return;
      for (const hint of titleHints) {
        if (!hint.regex.test(title)) continue;
        const factor = index === 0 ? weighting.titleFactorCurrent : weighting.titleFactorPast;
        scores.set(hint.role, (scores.get(hint.role) ?? 0) + hint.weight * factor);
        if (index === 0) titleReasons.push(`Current title "${title}" leans ${subRoleLabels[hint.role]} (a hint only; the work lines decide).`);
      }
    });

    const headline = contexts
      .filter((context) => context.line.section === 'header' && !context.line.isBlank && !context.line.isHeading && !context.line.isArtifact)
      .slice(1, 4)
      .find((context) => context.line.content.length <= 70 && !/[@\d]/.test(context.line.content) && titleHints.some((hint) => hint.regex.test(context.line.content)));
    if (headline) {
      for (const hint of titleHints) {
        if (hint.regex.test(headline.line.content)) scores.set(hint.role, (scores.get(hint.role) ?? 0) + hint.weight * weighting.headlineFactor);
      }
    }

    const { weightPerTool, categories } = rules.subRoleCategoryHints;
    for (const tool of tools) {
      const hinted = categories[tool.category];
      if (hinted) scores.set(hinted, (scores.get(hinted) ?? 0) + weightPerTool);
    }
    return { scores, hits, titleReasons, workCueCount };
  }

  /** The sub-role the resume claims for itself: its headline, the current title, then the summary. */
  function claimedSubRole(contexts: LineContext[], roles: RoleSpan[]): { id: SubRoleId; text: string } | null {
    const header = contexts.filter((context) => context.line.section === 'header' && !context.line.isBlank && !context.line.isHeading).slice(1, 4);
    const newest = [...roles].sort((a, b) => b.endMonth - a.endMonth || b.startMonth - a.startMonth)[0];
    const summary = contexts.filter((context) => context.line.section === 'summary' && !context.line.isBlank && !context.line.isHeading);
    // "Software Engineer → ML Infrastructure" claims where it is heading, after the arrow.
    const target = (text: string): string => text.split(/\s*(?:→|->|⇒|➔)\s*/u).at(-1) ?? text;
    const claims = [...header.map((context) => target(context.line.content)), newest?.role.title ?? '', ...summary.map((context) => context.line.content)];
    for (const text of claims) {
      // The role named first is the claim ("DevOps / MLOps Engineer" is DevOps first).
      let best: { id: SubRoleId; at: number } | null = null;
      for (const hint of titleHints) {
        const at = hint.regex.exec(text)?.index;
        if (at !== undefined && (!best || at < best.at)) best = { id: hint.role, at };
      }
      if (best) return { id: best.id, text };
    }
    return null;
  }

  function classifySubRole(
    contexts: LineContext[],
    roles: RoleSpan[],
    tools: ToolFinding[],
    nowMonth: number,
    isCourseworkOnly = false,
    describesMlWork = true,
  ): SubRoleResult {
    // LABELING.md: a resume that describes no ML work at all keeps the sub-role it claims (its evidence and padding carry
    // the warning); one that claims none of the six is an engineer with no models of their own, which is devops.
    if (!describesMlWork && !isCourseworkOnly) {
      const claim = claimedSubRole(contexts, roles);
      return claim
        ? { id: claim.id, confidence: 0.4, reasons: [`No ML work is described; the resume's own claim ("${claim.text.slice(0, 80)}") gives ${subRoleLabels[claim.id]}.`] }
        : { id: 'devops', confidence: 0.4, reasons: ['No ML work is described and no ML role is claimed: engineering work with no models of its own reads as DevOps.'] };
    }
    const { scores, hits, titleReasons, workCueCount } = scoreSubRoles(contexts, roles, tools, nowMonth);
    // The work decides: a resume whose only ML work is coursework, notebooks or proofs of concept, and
    // whose MLOps vocabulary lives in the summary and skills alone, has not done an engineering sub-role yet.
    if (isCourseworkOnly && workCueCount === 0) {
      return {
        id: 'research',
        confidence: 0.5,
        reasons: ['The only ML work described is coursework, notebooks or proofs of concept; the MLOps wording is in the summary and skills only.'],
      };
    }
    const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1] || subRoleIds.indexOf(a[0]) - subRoleIds.indexOf(b[0]));
    const [topId, topScore] = ranked[0] ?? ['ml-engineer', 0];
    const secondScore = ranked[1]?.[1] ?? 0;
    if (topScore < 2) {
      return { id: 'ml-engineer', confidence: 0.2, reasons: ['Too little described work to tell the sub-role apart; defaulted to ML engineer.'] };
    }
    const margin = (topScore - secondScore) / topScore;
    const strength = Math.min(1, topScore / 25);
    const confidence = Math.round(Math.min(0.95, 0.3 + 0.45 * margin + 0.2 * strength) * 100) / 100;
    const cueReasons = hits
      .filter((hit) => hit.role === topId)
      .sort((a, b) => b.points - a.points)
      .slice(0, 4)
      .map((hit) => `Work lines mention ${hit.label} (line${hit.lines.length > 1 ? 's' : ''} ${hit.lines.slice(0, 4).join(', ')}).`);
    const runnerUp = ranked[1];
    const runnerUpReason = runnerUp && runnerUp[1] > 0 ? [`Next closest: ${subRoleLabels[runnerUp[0]]} (${Math.round(runnerUp[1])} vs ${Math.round(topScore)} points).`] : [];
    return { id: topId, confidence, reasons: [...cueReasons, ...titleReasons.slice(0, 1), ...runnerUpReason] };
  }

  return { classifySubRole };
}
