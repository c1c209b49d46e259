import type { Command } from '../command.ts';
import { parseCandidateId } from '../command.ts';

export const deleteCommand: Command = {
  name: 'delete',
  summary: 'Erase a candidate for good, optionally never importing them again',
  usage: 'shipped delete <id> [--suppress] [--db PATH] [--json]',
  help: [
    'Removes the candidate and every trace of them: resume text, analysis, notes, screenings,',
    'failed-file records and import folders that carry their name. The freed space is',
    'overwritten, so the database file keeps no copy. The original files are not touched.',
    '--suppress also remembers one-way hashes of their files and email address: later',
    'imports skip those files and say why.',
    'Backups made before the deletion still hold the candidate until they are replaced',
    '(the daily ones within a week) or deleted from the backups folder.',
  ],
  options: { suppress: { type: 'boolean', default: false } },
  async run({ positionals, values, open, isJson, io }) {
    const id = parseCandidateId(positionals[0]);
    const { ctx, api } = open();
    try {
      const result = await api['candidates.delete']({ id, isSuppressing: values.suppress === true });
      if (isJson) io.out(JSON.stringify(result, null, 2));
      else {
        io.out(
          `Candidate ${id} erased.${result.isSuppressed ? ' Their files and email address will be skipped by future imports.' : ''}`,
        );
      }
      return 0;
    } finally {
      ctx.db.close();
    }
  },
};
