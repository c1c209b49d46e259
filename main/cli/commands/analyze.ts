import type { Command } from '../command.ts';
import { CliUsageError, requirePositionals } from '../command.ts';
import type { AnalyzedFile, AnalyzeFailure } from '../../../contract/types.ts';
import { UserFacingError } from '../../api/errors.ts';
import { analyzePaths, checkPathsExist } from '../../import/service.ts';
import { sourceExtractWorkerUrl } from '../../services/source-layout.ts';
import { terminalJson, truncate } from '../format.ts';

function describe(result: AnalyzedFile | AnalyzeFailure): string {
  if ('error' in result) return `${result.file}\n  could not read (${result.error.code}): ${result.error.reason}`;
  const { contact } = result;
  const who = [contact.name ?? '(no name found)', contact.email ? `<${contact.email}>` : null].filter(Boolean).join(' ');
  const years = result.yearsExperience === null ? '' : `, ${result.yearsExperience} yrs`;
  const shipped = result.tools.filter((tool) => tool.status === 'evidence').map((tool) => tool.name);
  const listed = result.tools.filter((tool) => tool.status === 'listed').map((tool) => tool.name);
  const byKind = (kind: string) => result.flags.filter((flag) => flag.kind === kind).length;
  return [
    result.file,
    `  ${who}${result.currentTitle ? ` · ${result.currentTitle}` : ''}`,
    `  ${result.subRole.id} (${Math.round(result.subRole.confidence * 100)}%) · ${result.seniority}${years} · ` +
      `evidence ${result.evidence.level} ${result.evidence.score}/100 · padding ${result.padding.detected ? 'yes' : 'no'} ${result.padding.score}/100`,
    `  shipped with: ${truncate(shipped.join(', ') || '—', 100)}`,
    `  only listed:  ${truncate(listed.join(', ') || '—', 100)}`,
    `  flags: ${byKind('evidence')} evidence, ${byKind('padding')} padding, ${byKind('risk')} risk · ${result.probes.length} questions to ask`,
  ].join('\n');
}

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'Analyse resume files without importing them',
  usage: 'shipped analyze <file-or-folder>... [--json]',
  help: [
    'Prints the analysis of each file (folders are searched recursively); nothing is stored.',
    'With --json: an array with one object per file, or { file, error: { code, reason } } for',
    'files that cannot be read.',
  ],
  options: {},
  async run(input) {
    const { isJson, io } = input;
    const paths = requirePositionals(input, 1, 'a file or folder to analyse');
    try {
      await checkPathsExist(paths);
    } catch (error) {
      if (error instanceof UserFacingError) throw new CliUsageError(error.message);
      throw error;
    }
    // No database is opened: analysing a file must leave no trace of it.
    const results = await analyzePaths({ extractWorkerUrl: sourceExtractWorkerUrl, now: () => new Date() }, paths);
    if (isJson) {
      io.out(terminalJson(results));
      return 0;
    }
    if (results.length === 0) {
      io.out('No files found.');
      return 0;
    }
    io.out(results.map(describe).join('\n\n'));
    return 0;
  },
};
