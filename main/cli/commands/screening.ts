import type { Command } from '../command.ts';
import { parseCandidateId } from '../command.ts';
import { isUntouched, type ScreeningDetail } from '../../../contract/screening.ts';
import { describeRating } from '../../screening/scorecard.ts';
import { shortDate, terminalJson } from '../format.ts';

function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function indentBlock(text: string, prefix: string): string[] {
  return text.split('\n').map((line) => `${prefix}${line}`);
}

/** One screening as a plain-text scorecard. */
export function formatScorecard(detail: ScreeningDetail): string {
  const { screening, script, answers, suggested } = detail;
  const lines = [
    `#${screening.id} ${screening.label}  [${screening.status}]  script v${screening.scriptVersion}`,
    `Started ${shortDate(screening.startedAt)}${screening.finishedAt ? `, finished ${shortDate(screening.finishedAt)}` : ''}`,
  ];
  const total = answers.reduce((sum, answer) => sum + answer.elapsedMs, 0);
  if (total > 0) lines.push(`Time on questions: ${formatDuration(total)}`);
  script.questions.forEach((question, index) => {
    const answer = answers[index];
    if (!answer) return;
    const isSkipped = isUntouched(answer);
    if (isSkipped && question.kind === 'extra') return;
    if (isSkipped) {
      lines.push('', `${index + 1}. ${question.title}: not asked`);
      return;
    }
    lines.push('', `${index + 1}. ${question.title}: ${describeRating(answer.rating)}${answer.elapsedMs > 0 ? `  (${formatDuration(answer.elapsedMs)})` : ''}`);
    for (const item of question.goodAnswer) if (answer.tickedGood.includes(item.id)) lines.push(`   + ${item.text}`);
    for (const item of question.redFlags) if (answer.tickedRed.includes(item.id)) lines.push(`   ! ${item.text}`);
    if (answer.notes.trim() !== '') lines.push(...indentBlock(answer.notes.trim(), '   > '));
  });
  lines.push('', `Recommendation: ${screening.recommendation ?? '(not decided yet)'}`);
  if (screening.summaryNotes.trim() !== '') lines.push(...indentBlock(screening.summaryNotes.trim(), '   > '));
  lines.push(`Suggested:      ${suggested.recommendation} (${suggested.confidence} confidence)`);
  for (const reason of suggested.reasons) lines.push(`   - ${reason}`);
  return lines.join('\n');
}

export const screeningCommand: Command = {
  name: 'screening',
  summary: "Show a candidate's screenings and scorecards",
  usage: 'shipped screening <candidateId> [--db PATH] [--json]',
  help: [
    'Prints every screening call of the candidate, newest first: per question the rating,',
    'the good-answer points (+) and red flags (!) ticked, and notes; then the recruiter\'s',
    'recommendation next to the suggested one with its reasons.',
  ],
  options: {},
  async run({ positionals, open, isJson, io }) {
    const candidateId = parseCandidateId(positionals[0]);
    const { ctx, api } = open();
    try {
      const summaries = await api['screening.listForCandidate']({ candidateId });
      const details: ScreeningDetail[] = [];
      for (const summary of summaries) details.push(await api['screening.get']({ screeningId: summary.id }));
      if (isJson) {
        io.out(terminalJson(details));
        return 0;
      }
      if (details.length === 0) {
        io.out(`No screenings yet for candidate ${candidateId}. Start one from the candidate's page in the app.`);
        return 0;
      }
      const name = details[0]?.candidate.name ?? '(no name found)';
      io.out([`${name}  #${candidateId}: ${details.length} screening${details.length === 1 ? '' : 's'}`, ...details.map((detail) => `\n${formatScorecard(detail)}`)].join('\n'));
      return 0;
    } finally {
      ctx.db.close();
    }
  },
};
