import type { Command } from '../command.ts';
import { parseCandidateId } from '../command.ts';
import type { CandidateDetail } from '../../../contract/types.ts';
import { shortDate, terminalJson } from '../format.ts';
import { describeCorrection } from '../../../contract/corrections.ts';
import { subRoleLabels } from '../../../contract/analysis.ts';
import { describeReading, needsReview, uncertainWordsIn } from '../../../contract/reading.ts';
import { OCR_REVIEW_THRESHOLD } from '../../../contract/types.ts';

function describe(detail: CandidateDetail): string {
  const { candidate, analysis, files, resumeReading } = detail;
  const lines = [
    `${candidate.name ?? '(no name found)'}  #${candidate.id}  [${candidate.status}]`,
    [candidate.currentTitle, candidate.location].filter(Boolean).join(' · '),
    [candidate.email, candidate.phone].filter(Boolean).join(' · '),
  ].filter((line) => line.length > 0);
  if (resumeReading) {
    lines.push(`Resume ${describeReading(resumeReading)}.`);
    if (resumeReading.note) lines.push(`  Note: ${resumeReading.note}.`);
    if (needsReview(resumeReading)) {
      lines.push(`  OCR confidence is under ${OCR_REVIEW_THRESHOLD}%: check the contact details against the page ("shipped review").`);
    }
  }
  if (analysis) {
    lines.push(
      '',
      `Sub-role:   ${analysis.subRole.id} (confidence ${Math.round(analysis.subRole.confidence * 100)}%)`,
      ...analysis.subRole.reasons.map((reason) => `            - ${reason}`),
      `Evidence:   ${analysis.evidence.level} (${analysis.evidence.score}/100)`,
      `Padding:    ${analysis.padding.detected ? 'yes' : 'no'} (${analysis.padding.score}/100)`,
      ...analysis.padding.reasons.map((reason) => `            - ${reason}`),
      `Seniority:  ${analysis.seniority}${analysis.yearsExperience === null ? '' : `, ${analysis.yearsExperience} years`}`,
    );
    if (detail.corrections.current.length > 0) {
      lines.push('Corrected (the list, filters and briefs use these):');
      for (const correction of detail.corrections.current) {
        lines.push(`            - ${describeCorrection(correction, subRoleLabels)}${correction.note ? ` (${correction.note})` : ''}`);
      }
    }
    for (const correction of detail.corrections.earlier) {
      lines.push(`Hint from an earlier version: ${describeCorrection(correction, subRoleLabels)}`);
    }
    const shipped = analysis.tools.filter((tool) => tool.status === 'evidence').map((tool) => tool.name);
    const listed = analysis.tools.filter((tool) => tool.status === 'listed').map((tool) => tool.name);
    lines.push(`Shipped with: ${shipped.join(', ') || '—'}`, `Only listed:  ${listed.join(', ') || '—'}`);
    if (analysis.roles.length > 0) {
      lines.push('', 'Work history:');
      for (const role of analysis.roles) {
        const span = `${role.start ?? '?'} – ${role.isCurrent ? 'present' : (role.end ?? '?')}`;
        lines.push(`  ${span.padEnd(19)} ${[role.title, role.employer].filter(Boolean).join(', ')}`);
      }
    }
    if (analysis.flags.length > 0) {
      lines.push('', 'Flags (line: excerpt):');
      for (const flag of analysis.flags) {
        lines.push(`  [${flag.kind}] ${flag.message}`, `      line ${flag.line}: ${flag.excerpt}`);
        const uncertain = uncertainWordsIn(flag.excerpt, resumeReading);
        if (uncertain.length > 0) lines.push(`      OCR was unsure of: ${uncertain.join(', ')} (this flag may rest on a misreading)`);
      }
    }
    if (analysis.probes.length > 0) {
      lines.push('', 'Questions to ask:');
      for (const probe of analysis.probes) lines.push(`  - ${probe.text}`);
    }
  } else {
    lines.push('', 'Not analysed yet.');
  }
  lines.push('', 'Resume files:');
  for (const file of files) {
    const read = file.reading ? `  (${describeReading(file.reading)})` : '';
    lines.push(`  ${shortDate(file.importedAt)}  ${file.detectedType.padEnd(4)}  ${file.path}${read}`);
  }
  if (detail.screenings.length > 0) {
    lines.push('', 'Screenings:');
    for (const screening of detail.screenings) {
      lines.push(`  #${screening.id} ${screening.label}: ${screening.status}${screening.recommendation ? `, ${screening.recommendation}` : ''}`);
    }
  }
  return lines.join('\n');
}

export const showCommand: Command = {
  name: 'show',
  summary: 'Show one candidate: contact, analysis, flags, files',
  usage: 'shipped show <id> [--db PATH] [--json]',
  help: ['The id is the first column of "shipped list".'],
  options: {},
  async run({ positionals, open, isJson, io }) {
    const id = parseCandidateId(positionals[0]);
    const { ctx, api } = open();
    try {
      const detail = await api['candidates.get']({ id });
      io.out(isJson ? terminalJson(detail) : describe(detail));
      return 0;
    } finally {
      ctx.db.close();
    }
  },
};
