// The plain-text tables `shipped eval` prints.
import type { Confusion, BinaryScore, Accuracy } from './score.ts';
import type { EvalReport } from './service.ts';

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;

function confusionTable<K extends string>(title: string, confusion: Confusion<K>): string[] {
  const keys = Object.keys(confusion) as K[];
  const width = Math.max(...keys.map((key) => key.length), 'label \\ engine'.length);
  const cell = Math.max(...keys.map((key) => key.length)) + 1;
  const used = keys.filter((key) => keys.some((other) => confusion[key][other] > 0 || confusion[other][key] > 0));
  return [
    title,
    `  ${'label \\ engine'.padEnd(width)}${used.map((key) => key.padStart(cell)).join('')}`,
    ...used.map((row) => `  ${row.padEnd(width)}${used.map((column) => String(confusion[row][column] || '·').padStart(cell)).join('')}`),
  ];
}

function binaryLine(title: string, score: BinaryScore): string {
  return `${title.padEnd(22)}P ${percent(score.precision)}  R ${percent(score.recall)}  F1 ${score.f1.toFixed(2)}  (${score.truePositives} right, ${score.falsePositives} extra, ${score.falseNegatives} missed; ${score.n} files)`;
}

function accuracyLine(title: string, score: Accuracy): string {
  return `${title.padEnd(22)}${percent(score.accuracy).padStart(6)}  (${score.correct}/${score.n})`;
}

export function formatEvalReport(report: EvalReport): string {
  const lines = [
    `Labels: ${report.labelsFile}`,
    `Files:  ${report.filesDir}`,
    `${report.labelled} labelled, ${report.scored} scored${report.failed.length > 0 ? `, ${report.failed.length} could not be read` : ''}` +
      (report.engineVersion ? ` · engine ${report.engineVersion}` : ''),
    '',
  ];
  if (report.subRole) lines.push(accuracyLine('sub-role', report.subRole));
  if (report.evidence) {
    lines.push(
      accuracyLine('evidence exact', report.evidence),
      accuracyLine('evidence within one', { n: report.evidence.n, correct: report.evidence.withinOne, accuracy: report.evidence.withinOneAccuracy }),
    );
  }
  if (report.padding) lines.push(binaryLine('padding', report.padding));
  if (report.tools) lines.push(binaryLine('tools with evidence', report.tools));
  for (const [field, score] of Object.entries(report.contact)) if (score) lines.push(accuracyLine(field, score));
  if (report.subRole) lines.push('', ...confusionTable('Sub-role (rows: label, columns: engine)', report.subRole.confusion));
  if (report.evidence) lines.push('', ...confusionTable('Evidence (rows: label, columns: engine)', report.evidence.confusion));
  if (report.failed.length > 0) lines.push('', 'Not read:', ...report.failed.map(({ file, reason }) => `  ${file}: ${reason}`));
  if (report.disagreements.length > 0) {
    lines.push('', `Disagreements (${report.disagreements.length}):`);
    for (const { file, field, expected, actual, reason } of report.disagreements) {
      lines.push(`  ${file}  ${field}: label ${expected}, engine ${actual} · ${reason}`);
    }
  }
  return lines.join('\n');
}
