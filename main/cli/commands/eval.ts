import type { Command } from '../command.ts';
import { terminalJson } from '../format.ts';
import { CliUsageError, requirePositionals } from '../command.ts';
import { LabelsFileError } from '../../eval/labels.ts';
import { evaluateLabels } from '../../eval/service.ts';
import { formatEvalReport } from '../../eval/format.ts';
import { formatCorrectionsReport, scoreCorrections } from '../../eval/corrections.ts';

export const evalCommand: Command = {
  name: 'eval',
  summary: 'Score the analysis against a file of hand labels',
  usage: 'shipped eval <labels.jsonl> [--files DIR] [--json]\n       shipped eval --corrections [--db PATH] [--json]',
  help: [
    'Each line of the labels file is one JSON object: { "file": ..., and any of "name", "email",',
    '"phone", "location", "subRole", "evidence", "padding", "toolsWithEvidence" } (the schema of',
    'the labelled corpus; missing keys are not scored). Files are read as the import reads them,',
    'relative to the labels file\'s folder unless --files DIR is given. Prints accuracy, confusion',
    'matrices, precision/recall/F1 and one line per disagreement with the engine\'s reason.',
    'Names compare without case or extra spaces, phones by their digits, locations by their words.',
    'With --corrections, reads the recruiter corrections stored in the database instead and reports,',
    'per field, how often the recruiter left the engine\'s verdict as it was, and what they changed.',
  ],
  options: { files: { type: 'string' }, corrections: { type: 'boolean' } },
  async run(input) {
    const { isJson, io, values } = input;
    if (values.corrections === true) {
      if (input.positionals.length > 0 || values.files !== undefined) throw new CliUsageError('--corrections reads the database; it takes no labels file or --files');
      const { ctx } = input.open();
      try {
        const report = scoreCorrections(ctx.db);
        io.out(isJson ? JSON.stringify(report, null, 2) : formatCorrectionsReport(report));
        return 0;
      } finally {
        ctx.db.close();
      }
    }
    const [labelsPath] = requirePositionals(input, 1, 'a labels file (.jsonl)');
    const filesDir = typeof values.files === 'string' ? values.files : undefined;
    try {
      const report = await evaluateLabels({ labelsPath: labelsPath as string, filesDir, now: new Date() });
      io.out(isJson ? terminalJson(report) : formatEvalReport(report));
      return 0;
    } catch (error) {
      if (error instanceof LabelsFileError) throw new CliUsageError(error.message);
      throw error;
    }
  },
};
