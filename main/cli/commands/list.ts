import type { Command } from '../command.ts';
import { formatTable, shortDate, terminalJson, truncate } from '../format.ts';
import { sortCandidates } from '../../../contract/candidate-list.ts';

export const listCommand: Command = {
  name: 'list',
  summary: 'List candidates with their analysis summary',
  usage: 'shipped list [--db PATH] [--json]',
  help: ['Sorted by evidence score, strongest first.'],
  options: {},
  async run({ open, isJson, io }) {
    const { ctx, api } = open();
    try {
      const candidates = sortCandidates(await api['candidates.list']({}), 'evidence', 'desc');
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
      io.out(`\n${candidates.length} candidate${candidates.length === 1 ? '' : 's'}`);
      return 0;
    } finally {
      ctx.db.close();
    }
  },
};
