// Verification questions for claims the resume makes but does not back up. Which question is asked
// when lives in resources/analysis-rules.json (`probes`), with its tool ids and flag codes checked when the analyzer is built.
import type { Flag, Probe, ProductionSignals, ToolFinding } from '../../contract/analysis.ts';
import type { AnalysisRules, ProbeRule } from './rules.ts';

interface ProbeInputs {
  tools: ToolFinding[];
  signals: ProductionSignals;
  flags: Flag[];
}

/** The inputs with the tools looked up by id, built once for all rules. */
interface ProbeFacts extends ProbeInputs {
  byId: ReadonlyMap<string, ToolFinding>;
}

/** The filled-in text when the rule's conditions hold, or null. */
function ask(rule: ProbeRule, { byId, signals, flags }: ProbeFacts): { tools: string[]; flag?: Flag } | null {
  const when = rule.when ?? {};
  const named: string[] = [];
  const pick = (ids: string[] | undefined, test: (tool: ToolFinding | undefined) => boolean): boolean => {
    if (!ids) return true;
    const found = ids.filter((id) => test(byId.get(id)));
    named.push(...found.map((id) => byId.get(id)?.name ?? id));
    return found.length > 0;
  };
  if (!pick(when.toolsAny, (tool) => tool !== undefined)) return null;
  if (!pick(when.toolsListedOnly, (tool) => tool?.status === 'listed')) return null;
  if (!pick(when.toolsWithEvidence, (tool) => tool?.status === 'evidence')) return null;
  if (when.toolsNone?.some((id) => byId.has(id))) return null;
  if (when.toolsNoEvidence?.some((id) => byId.get(id)?.status === 'evidence')) return null;
  const flag = when.flag ? flags.find((candidate) => candidate.code === when.flag) : undefined;
  if (when.flag && !flag) return null;
  if (when.noFlag && flags.some((candidate) => candidate.code === when.noFlag)) return null;
  if (when.signal && !signals[when.signal]) return null;
  if (when.noSignal && signals[when.noSignal]) return null;
  return { tools: [...new Set(named)], flag };
}

function fill(template: string, found: { tools: string[]; flag?: Flag }): string {
  return template
    .replaceAll('{tools}', found.tools.join(', '))
    .replaceAll('{line}', String(found.flag?.line ?? ''))
    .replaceAll('{message}', found.flag?.message ?? '');
}

/** One verification question per claim that the resume makes but does not back up, in the rules' order. */
export function createProbeWriter(rules: AnalysisRules): (inputs: ProbeInputs) => Probe[] {
  return (inputs) => {
    const probes: Probe[] = [];
    const push = (rule: ProbeRule, found: { tools: string[]; flag?: Flag }): void => {
      const text = fill(rule.text, found);
      if (!probes.some((probe) => probe.text === text)) probes.push({ questionId: rule.questionId, text, because: fill(rule.because, found) });
    };
    const facts: ProbeFacts = { ...inputs, byId: new Map(inputs.tools.map((tool) => [tool.id, tool])) };
    for (const rule of rules.probes.rules) {
      if (rule.perFlag) {
        const matching = inputs.flags.filter((flag) => flag.code === rule.perFlag).slice(0, rule.max ?? 1);
        for (const flag of matching) push(rule, { tools: [], flag });
        continue;
      }
      const found = ask(rule, facts);
      if (found) push(rule, found);
    }
    return probes.slice(0, rules.probes.max);
  };
}
