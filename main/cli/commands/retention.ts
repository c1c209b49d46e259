import type { Command } from '../command.ts';
import { CliUsageError, parseCandidateId } from '../command.ts';
import { formatTable, shortDate, terminalJson, truncate } from '../format.ts';
import type { RetentionReview } from '../../../contract/types.ts';

function parseMonths(raw: string): number | null {
  if (raw === 'off') return null;
  if (!/^[1-9]\d{0,2}$/.test(raw) || Number(raw) > 240) throw new CliUsageError(`--set must be a number of months from 1 to 240, or off; not "${raw}"`);
  return Number(raw);
}

function describeReview(review: RetentionReview): string[] {
  if (review.months === null) return ['Retention is off: no candidate is listed by age. Turn it on with: shipped retention --set MONTHS'];
  const head = `Candidates untouched for ${review.months} month${review.months === 1 ? '' : 's'} (last touched before ${shortDate(review.cutoff ?? '')}), not marked to keep: ${review.due.length}`;
  if (review.due.length === 0) return [head];
  const rows = review.due.map((candidate) => [String(candidate.id), truncate(candidate.name ?? '(no name found)', 32), candidate.status, shortDate(candidate.lastTouchedAt)]);
  return [head, '', formatTable(['ID', 'NAME', 'STATUS', 'LAST TOUCHED'], rows)];
}

export const retentionCommand: Command = {
  name: 'retention',
  summary: 'List, then erase, candidates untouched for the set number of months',
  usage: 'shipped retention [--dry-run] [--set MONTHS|off] [--keep ID] [--unkeep ID] [--db PATH] [--json]',
  help: [
    'Retention is off until a number of months is set. A candidate counts as touched when a resume',
    'is imported for them, their status or notes change, or a screening of theirs is saved.',
    '--dry-run lists who is due and changes nothing; without it, those listed are erased.',
    '--set MONTHS|off sets the rule; --keep ID marks a candidate never to be listed, --unkeep ID undoes it.',
  ],
  options: {
    'dry-run': { type: 'boolean', default: false },
    set: { type: 'string' },
    keep: { type: 'string' },
    unkeep: { type: 'string' },
  },
  async run({ values, open, isJson, io }) {
    const set = typeof values.set === 'string' ? parseMonths(values.set) : undefined;
    const keep = typeof values.keep === 'string' ? parseCandidateId(values.keep) : undefined;
    const unkeep = typeof values.unkeep === 'string' ? parseCandidateId(values.unkeep) : undefined;
    const isSetting = set !== undefined || keep !== undefined || unkeep !== undefined;
    if (isSetting && values['dry-run'] === true) throw new CliUsageError('--dry-run lists who is due; run it apart from --set, --keep and --unkeep');

    const { ctx, api } = open();
    try {
      if (isSetting) {
        if (set !== undefined) await api['retention.setMonths']({ months: set });
        if (keep !== undefined) await api['candidates.setKept']({ id: keep, isKept: true });
        if (unkeep !== undefined) await api['candidates.setKept']({ id: unkeep, isKept: false });
        const review = await api['retention.review']({});
        if (isJson) io.out(terminalJson(review));
        else {
          if (keep !== undefined) io.out(`Candidate ${keep} is kept: retention will not list them.`);
          if (unkeep !== undefined) io.out(`Candidate ${unkeep} is no longer kept.`);
          io.out(describeReview(review).join('\n'));
        }
        return 0;
      }

      const review = await api['retention.review']({});
      if (values['dry-run'] === true || review.due.length === 0) {
        io.out(isJson ? terminalJson(review) : describeReview(review).join('\n'));
        return 0;
      }
      const { erased } = await api['retention.erase']({ ids: review.due.map((candidate) => candidate.id) });
      if (isJson) io.out(terminalJson({ ...review, erased }));
      else io.out([...describeReview(review), '', `Erased ${erased.length} candidate${erased.length === 1 ? '' : 's'}.`].join('\n'));
      return 0;
    } finally {
      ctx.db.close();
    }
  },
};
