import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from '../command.ts';
import { CliUsageError } from '../command.ts';
import { marketDataSchema } from '../../../contract/market.ts';
import { UserFacingError } from '../../api/errors.ts';

function describeRef(ref: { origin: 'bundled' | 'store'; version: number; label: string }): string {
  return ref.origin === 'bundled' ? `the bundled guide figures (version ${ref.version}): ${ref.label}` : `your copy, version ${ref.version}: ${ref.label}`;
}

export const marketCommand: Command = {
  name: 'market',
  summary: 'Show, export, replace or reset the market data the pay bands use',
  usage: 'shipped market show | shipped market export --out FILE.json | shipped market import --file FILE.json --label TEXT | shipped market reset [--db PATH]',
  help: [
    'Bands use the bundled figures from the two 2026 guides until you import your own copy.',
    'Export the data in force, edit the figures (each keeps its source and quote), import it with a label:',
    'every import is a new version, and the band names the version it used. reset returns to the bundled figures.',
  ],
  options: { out: { type: 'string' }, file: { type: 'string' }, label: { type: 'string' } },
  async run({ positionals, values, open, isJson, io }) {
    const [action] = positionals;
    if (action !== 'show' && action !== 'export' && action !== 'import' && action !== 'reset') {
      throw new CliUsageError(`${action === undefined ? 'missing action' : `unknown action "${action}"`}: use show, export, import or reset`);
    }
    if (action === 'export' && typeof values.out !== 'string') throw new CliUsageError('market export needs --out FILE.json');
    if (action === 'import' && (typeof values.file !== 'string' || typeof values.label !== 'string')) {
      throw new CliUsageError('market import needs --file FILE.json and --label TEXT');
    }
    let imported: unknown = null;
    if (action === 'import') {
      try {
        imported = JSON.parse(readFileSync(values.file as string, 'utf8'));
      } catch (error) {
        throw new CliUsageError(`cannot read ${String(values.file)} as JSON: ${error instanceof Error ? error.message.split('\n')[0] : 'unreadable'}`);
      }
      const parsed = marketDataSchema.safeParse(imported);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new UserFacingError(`${String(values.file)}: ${issue ? `${issue.path.join('.') || 'data'}: ${issue.message}` : 'not valid market data'}.`);
      }
      imported = parsed.data;
    }
    const { ctx, api } = open();
    try {
      if (action === 'import') {
        const ref = await api['market.saveCopy']({ data: marketDataSchema.parse(imported), label: String(values.label).trim() });
        io.out(isJson ? JSON.stringify(ref) : `Bands now use ${describeRef(ref)}.`);
        return 0;
      }
      if (action === 'reset') {
        const ref = await api['market.resetToBundled']({});
        io.out(isJson ? JSON.stringify(ref) : `Bands now use ${describeRef(ref)}.`);
        return 0;
      }
      const { ref, data } = await api['market.get']({});
      if (action === 'export') {
        writeFileSync(values.out as string, `${JSON.stringify(data, null, 1)}\n`);
        io.out(isJson ? JSON.stringify({ ...ref, file: values.out }) : `Wrote ${describeRef(ref)} to ${String(values.out)}`);
        return 0;
      }
      io.out(isJson ? JSON.stringify(ref) : `Bands use ${describeRef(ref)}.`);
      return 0;
    } finally {
      ctx.db.close();
    }
  },
};
