import { subRoleIds, type SubRoleId } from './types.ts';
import type { LineContext } from './context.ts';
import type { RoleSpan } from './timeline.ts';
import type { ToolFinding } from './types.ts';
import { rules } from './rules.ts';

interface CueHit {
  role: SubRoleId;
  label: string;
  lines: number[];
  points: number;
}

const compiledCues = subRoleIds.map((role) => ({
  role,
  cues: rules.subRoles[role].cues.map((cue) => ({ ...cue, regex: new RegExp(cue.pattern, 'iu') })),
}));
const titleHints = rules.subRoleTitleHints.map((hint) => ({ ...hint, regex: new RegExp(hint.pattern, 'iu') }));
/** A cue repeated on many lines keeps adding, but with diminishing weight. */
const MAX_COUNTED_REPEATS = 3;
/** Summary lines are self-description, so they weigh less than described work. */
const SUMMARY_FACTOR = 0.4;
const TITLE_FACTOR_CURRENT = 1;
const TITLE_FACTOR_PAST = 0.4;
/** What someone does now says more about the role they fit than what they did a decade ago. */
const CURRENT_ROLE_FACTOR = 1.5;

export interface SubRoleResult {
  id: SubRoleId;
  confidence: number;
  reasons: string[];
}

export function classifySubRole(contexts: LineContext[], roles: RoleSpan[], tools: ToolFinding[]): SubRoleResult {
  const scores = new Map<SubRoleId, number>(subRoleIds.map((id) => [id, 0]));
  const hits: CueHit[] = [];
  // Title and employer lines are hints handled below, not descriptions of work.
  const roleHeaderLines = new Set(roles.flatMap((span) => span.headerLines));
  const latest = [...roles].sort((a, b) => b.endMonth - a.endMonth || b.startMonth - a.startMonth)[0];
  const lineFactor = (context: LineContext): number => {
    if (context.line.section === 'summary') return SUMMARY_FACTOR;
    return latest && context.line.number >= latest.firstLine && context.line.number <= latest.lastLine ? CURRENT_ROLE_FACTOR : 1;
  };

  for (const { role, cues } of compiledCues) {
    for (const cue of cues) {
      const lines: number[] = [];
      let points = 0;
      for (const context of contexts) {
        const counted = (context.isWork && !context.isList && !roleHeaderLines.has(context.line.number)) || context.line.section === 'summary';
        if (!counted || context.isCourse || !cue.regex.test(context.line.content)) continue;
        lines.push(context.line.number);
        if (lines.length <= MAX_COUNTED_REPEATS) points += cue.weight * lineFactor(context);
      }
      if (lines.length > 0) {
        scores.set(role, (scores.get(role) ?? 0) + points);
        hits.push({ role, label: cue.label, lines, points });
      }
    }
  }

  const newestFirst = [...roles].sort((a, b) => b.endMonth - a.endMonth || b.startMonth - a.startMonth);
  const titleReasons: string[] = [];
  newestFirst.forEach((span, index) => {
    const title = span.role.title;
    if (!title) return;
    for (const hint of titleHints) {
      if (!hint.regex.test(title)) continue;
      const factor = index === 0 ? TITLE_FACTOR_CURRENT : TITLE_FACTOR_PAST;
      scores.set(hint.role, (scores.get(hint.role) ?? 0) + hint.weight * factor);
      if (index === 0) titleReasons.push(`Current title "${title}" leans ${rules.subRoles[hint.role].label} (a hint only; the work lines decide).`);
    }
  });

  const { weightPerTool, categories } = rules.subRoleCategoryHints;
  for (const tool of tools) {
    const hinted = categories[tool.category];
    if (hinted) scores.set(hinted, (scores.get(hinted) ?? 0) + weightPerTool);
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
  const runnerUpReason = runnerUp && runnerUp[1] > 0 ? [`Next closest: ${rules.subRoles[runnerUp[0]].label} (${Math.round(runnerUp[1])} vs ${Math.round(topScore)} points).`] : [];
  return { id: topId, confidence, reasons: [...cueReasons, ...titleReasons.slice(0, 1), ...runnerUpReason] };
}
