import type { Command } from '../command.ts';
import { CliUsageError, parseCandidateId } from '../command.ts';
import { subRoleIds, evidenceLevels, subRoleLabels } from '../../../contract/analysis.ts';
import { describeCorrection, type CorrectionKey, type CorrectionTarget } from '../../../contract/corrections.ts';

const fieldOptions = ['sub-role', 'evidence', 'padding', 'tool'] as const;

function parseTarget(values: Record<string, string | boolean | undefined>): CorrectionTarget {
  const given = fieldOptions.filter((option) => typeof values[option] === 'string');
  if (given.length !== 1) throw new CliUsageError('give exactly one of --sub-role, --evidence, --padding, --tool');
  const raw = String(values[given[0] as string]);
  switch (given[0]) {
    case 'sub-role': {
      const subRole = subRoleIds.find((known) => known === raw);
      if (!subRole) throw new CliUsageError(`--sub-role must be one of ${subRoleIds.join(', ')}`);
      return { field: 'subRole', value: subRole };
    }
    case 'evidence': {
      const level = evidenceLevels.find((known) => known === raw);
      if (!level) throw new CliUsageError(`--evidence must be one of ${evidenceLevels.join(', ')}`);
      return { field: 'evidence', value: level };
    }
    case 'padding':
      if (raw !== 'yes' && raw !== 'no') throw new CliUsageError('--padding must be yes or no');
      return { field: 'padding', value: raw === 'yes' };
    default: {
      const match = /^([^=]+)=(evidence|listed)$/.exec(raw);
      if (!match) throw new CliUsageError('--tool must be ID=evidence or ID=listed (ID as in "shipped show")');
      return { field: 'tool', toolId: match[1] as string, value: match[2] as 'evidence' | 'listed' };
    }
  }
}

function parseClear(raw: string): CorrectionKey {
  if (raw === 'sub-role') return { field: 'subRole' };
  if (raw === 'evidence' || raw === 'padding') return { field: raw };
  const tool = /^tool=(.+)$/.exec(raw);
  if (tool) return { field: 'tool', toolId: tool[1] as string };
  throw new CliUsageError('--clear takes sub-role, evidence, padding or tool=ID');
}

export const correctCommand: Command = {
  name: 'correct',
  summary: "Correct the engine's verdict on a candidate, or take a correction back",
  usage: 'shipped correct <id> --sub-role ID|--evidence LEVEL|--padding yes|no|--tool ID=evidence|listed [--note TEXT] [--db PATH] [--json]\n       shipped correct <id> --clear sub-role|evidence|padding|tool=ID [--db PATH] [--json]',
  help: [
    'One correction per call, on the resume version shown. The list, its filters and the briefs use',
    'the recruiter\'s value from then on; re-analysing the same resume keeps it, and a new version',
    'of the resume shows it as a hint. Correcting to what the engine already says is refused.',
    `Sub-roles: ${subRoleIds.join(', ')}. Evidence levels: ${evidenceLevels.join(', ')}.`,
  ],
  options: {
    'sub-role': { type: 'string' },
    evidence: { type: 'string' },
    padding: { type: 'string' },
    tool: { type: 'string' },
    note: { type: 'string' },
    clear: { type: 'string' },
  },
  async run({ positionals, values, open, isJson, io }) {
    const id = parseCandidateId(positionals[0]);
    const isClearing = typeof values.clear === 'string';
    if (isClearing && fieldOptions.some((option) => values[option] !== undefined)) throw new CliUsageError('--clear cannot be combined with a correction');
    // Parsed before the store is opened, so a mistake in the options touches nothing.
    const clear = isClearing ? parseClear(String(values.clear)) : null;
    const target = clear === null ? parseTarget(values) : null;
    const { ctx, api } = open();
    try {
      const detail =
        target === null
          ? await api['candidates.clearCorrection']({ id, correction: clear as CorrectionKey })
          : await api['candidates.correct']({ id, correction: target, note: typeof values.note === 'string' ? values.note : '' });
      if (isJson) io.out(JSON.stringify({ candidate: detail.candidate, corrections: detail.corrections }, null, 2));
      else if (detail.corrections.current.length === 0) io.out(`#${id}: no corrections; the engine's verdict stands.`);
      else io.out([`#${id}: corrections on the resume shown`, ...detail.corrections.current.map((correction) => `  ${describeCorrection(correction, subRoleLabels)}${correction.note ? ` (${correction.note})` : ''}`)].join('\n'));
      return 0;
    } finally {
      ctx.db.close();
    }
  },
};
