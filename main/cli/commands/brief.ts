import { statSync } from 'node:fs';
import type { Command } from '../command.ts';
import { terminalJson } from '../format.ts';
import { CliUsageError, parseCandidateId } from '../command.ts';
import { candidateStatuses, type CandidateStatus } from '../../../contract/types.ts';
import { UserFacingError } from '../../api/errors.ts';
import type { ApiArgs } from '../../../contract/api.ts';
import { emptyFilters, filterAndSort } from '../../../contract/candidate-list.ts';

function isStatus(value: string): value is CandidateStatus {
  return (candidateStatuses as readonly string[]).includes(value);
}

function parseIds(raw: string): number[] {
  const parts = raw.split(',').map((part) => part.trim()).filter((part) => part.length > 0);
  if (parts.length === 0) throw new CliUsageError('--ids needs at least one candidate id, e.g. --ids 1,2,3');
  return parts.map((part) => parseCandidateId(part));
}

function stringValue(values: Record<string, string | boolean | undefined>, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

export const briefCommand: Command = {
  name: 'brief',
  summary: 'Export PDF candidate briefs for hiring managers',
  usage:
    'shipped brief <id> --out FILE.pdf | shipped brief (--ids 1,2,3 | --status STATUS) (--out-dir DIR | --combined FILE.pdf) [--blind] [--page-size a4|letter] [--role ROLE_ID] [--force]',
  help: [
    'One brief:       shipped brief 7 --out jane-doe.pdf',
    'One per file:    shipped brief --status advanced --out-dir briefs/',
    'One PDF for all: shipped brief --ids 3,7,9 --combined shortlist.pdf',
    '--blind replaces the name, contact details, location, employers and schools with neutral labels',
    '("Candidate 7", "Employer A", "School A"), in the text, the PDF metadata and the file names.',
    '--page-size defaults to the page size in the settings.',
    '--role adds the fit for that role and its pay band with sources (without it, the role of the',
    'candidate\'s latest screening started from a role, if any).',
    '--out and --combined refuse to replace a file that exists; --force replaces it.',
  ],
  options: {
    out: { type: 'string' },
    'out-dir': { type: 'string' },
    combined: { type: 'string' },
    ids: { type: 'string' },
    status: { type: 'string' },
    blind: { type: 'boolean', default: false },
    'page-size': { type: 'string' },
    role: { type: 'string' },
    force: { type: 'boolean', default: false },
  },
  async run({ positionals, values, open, isJson, io }) {
    const out = stringValue(values, 'out');
    const outDir = stringValue(values, 'out-dir');
    const combined = stringValue(values, 'combined');
    const idsRaw = stringValue(values, 'ids');
    const status = stringValue(values, 'status');
    const pageSizeRaw = stringValue(values, 'page-size');
    const isBlind = values.blind === true;
    const roleRaw = stringValue(values, 'role');
    if (roleRaw !== undefined && !/^[1-9]\d{0,15}$/.test(roleRaw)) {
      throw new CliUsageError(`--role "${roleRaw}" is not a role id (a positive whole number, as shown by "shipped role list")`);
    }

    const targets = [out, outDir, combined].filter((value) => value !== undefined);
    if (targets.length !== 1) throw new CliUsageError('give exactly one of --out FILE.pdf, --out-dir DIR or --combined FILE.pdf');
    const selectors = [positionals.length > 0, idsRaw !== undefined, status !== undefined].filter(Boolean).length;
    if (selectors !== 1) throw new CliUsageError('choose candidates with one of: a candidate id, --ids 1,2,3 or --status STATUS');
    if (positionals.length > 1) throw new CliUsageError('give one candidate id, or use --ids 1,2,3');
    if (pageSizeRaw !== undefined && pageSizeRaw !== 'a4' && pageSizeRaw !== 'letter') {
      throw new CliUsageError(`--page-size must be a4 or letter, not "${pageSizeRaw}"`);
    }
    if (status !== undefined && !isStatus(status)) {
      throw new CliUsageError(`--status must be one of ${candidateStatuses.join(', ')}`);
    }
    if (out !== undefined && positionals.length === 0) {
      throw new CliUsageError('--out writes one brief; for several candidates use --out-dir DIR or --combined FILE.pdf');
    }
    const file = out ?? combined;
    // A folder given as --out is refused later by the export, with its own message.
    if (file !== undefined && values.force !== true && statSync(file, { throwIfNoEntry: false })?.isDirectory() === false) {
      throw new UserFacingError(`"${file}" already exists. Add --force to replace it, or choose another file name.`);
    }

    const { ctx, api } = open({
      emit: (event, payload) => {
        if (event !== 'briefs.progress' || !io.isInteractive || isJson) return;
        const { done, total } = payload as { done: number; total: number };
        io.redrawLastLine(`writing briefs: ${done}/${total}`);
      },
    });
    try {
      let candidateIds: number[];
      if (positionals.length === 1) candidateIds = [parseCandidateId(positionals[0])];
      else if (idsRaw !== undefined) candidateIds = parseIds(idsRaw);
      else {
        const matching = filterAndSort(await api['candidates.list']({}), { ...emptyFilters, status: status as CandidateStatus }, 'name', 'asc');
        candidateIds = matching.map((candidate) => candidate.id);
        if (candidateIds.length === 0) throw new UserFacingError(`No candidates have the status "${status}".`);
      }
      if (io.isInteractive && !isJson) io.err('');

      const target: ApiArgs<'briefs.export'>['target'] =
        out !== undefined
          ? { kind: 'file', path: out }
          : outDir !== undefined
            ? { kind: 'folder', dir: outDir }
            : { kind: 'combined', path: combined ?? '' };
      const result = await api['briefs.export']({
        candidateIds,
        isBlind,
        ...(roleRaw === undefined ? {} : { roleId: Number(roleRaw) }),
        ...(pageSizeRaw === 'a4' || pageSizeRaw === 'letter' ? { pageSize: pageSizeRaw } : {}),
        target,
      });
      if (isJson) io.out(terminalJson(result));
      else {
        const count = `${candidateIds.length} brief${candidateIds.length === 1 ? '' : 's'}${isBlind ? ' (blind)' : ''}`;
        io.out(result.files.length === 1 ? `Wrote ${count} to ${result.files[0]}` : `Wrote ${count}:`);
        if (result.files.length > 1) for (const file of result.files) io.out(`  ${file}`);
      }
      return 0;
    } finally {
      ctx.db.close();
    }
  },
};
