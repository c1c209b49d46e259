import type { Command } from '../command.ts';
import { CliUsageError } from '../command.ts';
import { formatTable, truncate } from '../format.ts';
import type { CandidateFit } from '../../../contract/roles.ts';
import { parseRoleId } from './role.ts';

function partsText(fit: CandidateFit): string[] {
  const lines: string[] = [];
  for (const part of fit.parts) {
    const points = part.kind === 'padding' ? `${part.points}` : `${round(part.points)}/${round(part.max)}`;
    lines.push(`    ${part.label.padEnd(28)} ${points.padStart(7)}  ${part.verdict}`);
    for (const line of part.lines) lines.push(`${' '.repeat(42)}line ${line.line}: ${truncate(line.excerpt, 90)}`);
  }
  return lines;
}

function round(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

export const rankCommand: Command = {
  name: 'rank',
  summary: "Rank candidates by evidence-backed fit for a role, each part with the resume lines behind it",
  usage: 'shipped rank <roleId> [--limit N] [--must-haves-only] [--db PATH] [--json]',
  help: ['--limit N: how many to show (default 10, at most 500).', '--must-haves-only: only candidates whose every must-have tool is backed by evidence.'],
  options: { limit: { type: 'string' }, 'must-haves-only': { type: 'boolean', default: false } },
  async run({ positionals, values, open, isJson, io }) {
    const roleId = parseRoleId(positionals[0]);
    let limit = 10;
    if (values.limit !== undefined) {
      if (typeof values.limit !== 'string' || !/^\d{1,3}$/.test(values.limit) || Number(values.limit) < 1 || Number(values.limit) > 500) {
        throw new CliUsageError(`--limit "${String(values.limit)}" is not a whole number from 1 to 500`);
      }
      limit = Number(values.limit);
    }
    const { ctx, api } = open();
    try {
      const ranking = await api['roles.rank']({ roleId, limit, offset: 0, isMustHavesOnly: values['must-haves-only'] === true });
      if (isJson) {
        io.out(JSON.stringify(ranking, null, 2));
        return 0;
      }
      if (ranking.candidates.length === 0) {
        io.out(
          ranking.scored === 0
            ? 'No analysed candidates to rank yet. Import resumes: shipped import <folder>'
            : `None of the ${ranking.scored} candidates has every must-have backed by evidence.`,
        );
        return 0;
      }
      const rows = ranking.candidates.map((fit, index) => [
        String(index + 1),
        String(fit.candidateId),
        truncate(fit.name ?? '(no name found)', 26),
        String(fit.score),
        fit.subRole,
        fit.evidenceLevel,
        fit.hasAllMustHaves ? 'yes' : 'no',
        fit.isShortlisted ? 'yes' : '',
      ]);
      io.out(formatTable(['#', 'ID', 'NAME', 'FIT', 'SUB-ROLE', 'EVIDENCE', 'MUST-HAVES', 'SHORTLISTED'], rows));
      for (const fit of ranking.candidates) {
        io.out(`\n#${fit.candidateId} ${fit.name ?? '(no name found)'}: fit ${fit.score}/100`);
        io.out(partsText(fit).join('\n'));
      }
      io.out(`\n${ranking.candidates.length} shown of ${ranking.matched} matching (${ranking.scored} analysed)`);
      return 0;
    } finally {
      ctx.db.close();
    }
  },
};
