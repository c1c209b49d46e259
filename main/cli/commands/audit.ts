import type { Command } from '../command.ts';
import { CliUsageError, parseCandidateId } from '../command.ts';
import { formatTable } from '../format.ts';

export const auditCommand: Command = {
  name: 'audit',
  summary: 'Show the audit log: imports, deletions, exports, changes, backups (newest first)',
  usage: 'shipped audit [--candidate ID] [--limit N] [--db PATH] [--json]',
  help: ['The log holds ids, counts and hashes, never names or resume text. It cannot be edited.'],
  options: { candidate: { type: 'string' }, limit: { type: 'string' } },
  async run({ values, open, isJson, io }) {
    const candidateId = typeof values.candidate === 'string' ? parseCandidateId(values.candidate) : undefined;
    const limit = typeof values.limit === 'string' ? Number(values.limit) : 500;
    if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new CliUsageError('--limit takes a whole number from 1 to 10000');
    const { ctx, api } = open();
    try {
      const entries = await api['audit.list']({ ...(candidateId === undefined ? {} : { candidateId }), limit });
      if (isJson) {
        io.out(JSON.stringify(entries, null, 2));
        return 0;
      }
      if (entries.length === 0) {
        io.out(candidateId === undefined ? 'The audit log is empty.' : `Nothing recorded for candidate ${candidateId}.`);
        return 0;
      }
      const rows = entries.map((entry) => [
        entry.at.replace('T', ' ').slice(0, 19),
        entry.actor,
        entry.action,
        entry.candidateId === null ? '' : String(entry.candidateId),
        Object.entries(entry.details)
          .map(([key, value]) => `${key}=${String(value)}`)
          .join(' '),
      ]);
      io.out(formatTable(['WHEN (UTC)', 'BY', 'ACTION', 'CANDIDATE', 'DETAILS'], rows));
      return 0;
    } finally {
      ctx.db.close();
    }
  },
};
