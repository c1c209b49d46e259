import type { Command } from '../command.ts';
import { terminalJson, terminalSafe } from '../format.ts';
import { CliUsageError, requirePositionals } from '../command.ts';
import type { ImportProgress, ImportSummary } from '../../../contract/types.ts';
import { plural } from '../../../contract/words.ts';
import { UserFacingError } from '../../api/errors.ts';
import { checkPathsExist } from '../../import/service.ts';

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function progressLine(progress: ImportProgress): string {
  if (progress.phase === 'scanning') return `Scanning… ${progress.filesTotal} files found`;
  const current = progress.currentFile ? `  ${progress.currentFile.split(/[\\/]/).pop() ?? ''}` : '';
  return (
    `${progress.filesDone}/${progress.filesTotal} files · ${progress.imported} imported · ${progress.duplicates} duplicates · ` +
    `${progress.failed} failed · ${seconds(progress.elapsedMs)}${current}`
  ).slice(0, (process.stderr.columns ?? 120) - 1);
}

export function describeSummary(summary: ImportSummary): string {
  const lines = [
    `${summary.status === 'cancelled' ? 'Import cancelled' : 'Import finished'}: ${plural(summary.imported, 'resume')} imported, ` +
      `${plural(summary.duplicates, 'duplicate')} skipped, ${summary.failed.length} failed ` +
      `(${plural(summary.total, 'file')} in ${seconds(summary.elapsedMs)}).`,
  ];
  if (summary.failed.length > 0) {
    lines.push('', 'Could not import:');
    for (const failure of summary.failed) lines.push(`  ${failure.file}`, `      ${failure.reason}`);
  }
  if (summary.skipped.length > 0) {
    lines.push('', `Skipped ${plural(summary.skipped.length, 'file')}: ${summary.skipped[0]?.reason ?? ''}`);
    for (const skip of summary.skipped) lines.push(`  ${skip.file}`);
  }
  if (summary.candidateIds.length > 0) lines.push('', 'See them with: shipped list');
  return lines.join('\n');
}

export const importCommand: Command = {
  name: 'import',
  summary: 'Import resumes (PDF, Word .docx, plain text) from files or folders',
  usage: 'shipped import <file-or-folder>... [--db PATH] [--json]',
  help: [
    'Folders are searched recursively; hidden folders and system files are skipped.',
    'Files already imported (same content) are reported as duplicates; an edited resume',
    'of the same person becomes a new version of that candidate.',
    'Ctrl-C stops after the files being written and keeps what was imported.',
  ],
  options: {},
  async run(input) {
    const { open, isJson, io } = input;
    const paths = requirePositionals(input, 1, 'a file or folder to import');
    try {
      await checkPathsExist(paths);
    } catch (error) {
      if (error instanceof UserFacingError) throw new CliUsageError(error.message);
      throw error;
    }
    let hasProgressLine = false;
    const { ctx, api } = open({
      emit: (event, payload) => {
        if (event !== 'import.progress' || !io.isInteractive) return;
        // One line redrawn in place; only when stderr is a terminal.
        process.stderr.write(`\r${terminalSafe(progressLine(payload as ImportProgress))}\u001b[K`);
        hasProgressLine = true;
      },
    });
    const onInterrupt = () => void api['import.cancel']({});
    process.once('SIGINT', onInterrupt);
    try {
      const summary = await api['import.run']({ paths });
      if (hasProgressLine) process.stderr.write('\r\u001b[K');
      if (isJson) {
        io.out(
          terminalJson(
            {
              imported: summary.imported,
              duplicates: summary.duplicates,
              failed: summary.failed.map((failure) => ({ file: failure.file, reason: failure.reason, code: failure.code })),
              candidateIds: summary.candidateIds,
              skipped: summary.skipped,
              total: summary.total,
              status: summary.status,
              runId: summary.runId,
              elapsedMs: summary.elapsedMs,
            },
          ),
        );
      } else {
        io.out(describeSummary(summary));
      }
      return 0;
    } finally {
      process.removeListener('SIGINT', onInterrupt);
      ctx.db.close();
    }
  },
};
