import { CliUsageError, type Command } from '../command.ts';
import { formatTable, shortDate, terminalJson, truncate } from '../format.ts';
import { strongestFirst } from '../../../contract/candidate-list.ts';
import { plural } from '../../../contract/words.ts';

export const listCommand: Command = {
  name: 'list',
  summary: 'List candidates with their analysis summary',
  usage: 'shipped list [--top N] [--db PATH] [--json]',
  help: ['Sorted by evidence score, strongest first. --top N lists only the N strongest.'],
  options: { top: { type: 'string' } },
  async run({ values, open, isJson, io }) {
    const top = typeof values.top === 'string' ? Number(values.top) : null;
    if (top !== null && (!Number.isInteger(top) || top < 1 || top > 1000)) throw new CliUsageError('--top takes a whole number from 1 to 1000');
    const { ctx, api } = open();
    try {
      const page = top === null ? null : await api['candidates.firstPage']({ size: top });
      const candidates = page ? page.items : strongestFirst(await api['candidates.list']({}));
      const total = page ? page.total : candidates.length;
      if (isJson) {
        io.out(terminalJson(candidates));
        return 0;
      }
      if (candidates.length === 0) {
        io.out('No candidates yet. Import a folder: shipped import <folder>');
        return 0;
      }
      const rows = candidates.map((candidate) => [
        String(candidate.id),
        truncate(candidate.name ?? '(no name found)', 28),
        truncate(candidate.email ?? '', 32),
        String(candidate.fileCount),
        shortDate(candidate.importedAt),
        candidate.subRole ?? '',
        candidate.evidenceLevel === null ? '' : `${candidate.evidenceLevel} ${candidate.evidenceScore ?? ''}`,
        candidate.isPadded === null ? '' : candidate.isPadded ? `yes ${candidate.paddingScore ?? ''}` : 'no',
      ]);
      io.out(formatTable(['ID', 'NAME', 'EMAIL', 'FILES', 'IMPORTED', 'SUB-ROLE', 'EVIDENCE', 'PADDING'], rows));
      const count = plural(total, 'candidate');
      io.out(`\n${candidates.length === total ? count : `the strongest ${candidates.length} of ${count}`}`);
      return 0;
    } finally {
      ctx.db.close();
    }
  },
};
