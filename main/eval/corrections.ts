// `shipped eval --corrections`: how often the recruiter left the engine's verdict as it was, per field,
// from the corrections stored in a database. A correction is a disagreement; a verdict left alone counts
// as agreement, over every analysed candidate and over those a recruiter has plainly looked at (moved
// on from New, or corrected).
import type { Db } from '../../db/open.ts';
import { listCurrentCorrections, listEngineVerdicts } from '../../db/queries/corrections.ts';
import { correctionFieldLabels, correctionFields, describeCorrectionValue, type Correction, type CorrectionField } from '../../contract/corrections.ts';
import { subRoleLabels } from '../../contract/analysis.ts';

export interface FieldAgreement {
  field: CorrectionField;
  label: string;
  /** Verdicts that could have been corrected: candidates for the three fields, tools found for a tool's status. */
  verdicts: number;
  corrected: number;
  agreement: number | null;
  reviewedVerdicts: number;
  reviewedCorrected: number;
  reviewedAgreement: number | null;
  /** "engine → recruiter" and how often, most frequent first. */
  changes: Array<{ engine: string; recruiter: string; count: number }>;
}

export interface CorrectionsReport {
  analysed: number;
  reviewed: number;
  corrections: number;
  /** Corrections whose resume was analysed again since and where the engine now says what the recruiter said. */
  engineNowAgrees: number;
  fields: FieldAgreement[];
}

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

export function scoreCorrections(db: Db): CorrectionsReport {
  const verdicts = listEngineVerdicts(db);
  const corrections = listCurrentCorrections(db);
  const reviewed = verdicts.filter((row) => row.status !== 'new' || corrections.has(row.candidateId));
  const all = [...corrections.values()].flat();
  const engineNow = new Map(verdicts.map((row) => [row.candidateId, row]));
  const candidateOf = new Map<Correction, number>();
  for (const [candidateId, list] of corrections) for (const correction of list) candidateOf.set(correction, candidateId);

  const nowAgrees = (correction: Correction): boolean => {
    const row = engineNow.get(candidateOf.get(correction) ?? -1);
    if (!row) return false;
    if (correction.field === 'subRole') return row.subRole === correction.value;
    if (correction.field === 'evidence') return row.evidenceLevel === correction.value;
    if (correction.field === 'padding') return row.isPadded === correction.value;
    return false; // only the three verdict fields are compared; tool statuses are not re-read here
  };

  const fields = correctionFields.map((field): FieldAgreement => {
    const ofField = all.filter((correction) => correction.field === field);
    const count = (rows: typeof verdicts) => (field === 'tool' ? rows.reduce((sum, row) => sum + row.toolCount, 0) : rows.length);
    const reviewedIds = new Set(reviewed.map((row) => row.candidateId));
    const reviewedCorrected = ofField.filter((correction) => reviewedIds.has(candidateOf.get(correction) ?? -1)).length;
    const changes = new Map<string, { engine: string; recruiter: string; count: number }>();
    for (const correction of ofField) {
      const engine = describeCorrectionValue({ field, value: correction.engineValue }, subRoleLabels);
      const recruiter = describeCorrectionValue(correction, subRoleLabels);
      const key = `${engine}→${recruiter}`;
      const entry = changes.get(key) ?? { engine, recruiter, count: 0 };
      entry.count += 1;
      changes.set(key, entry);
    }
    return {
      field,
      label: correctionFieldLabels[field],
      verdicts: count(verdicts),
      corrected: ofField.length,
      agreement: ratio(count(verdicts) - ofField.length, count(verdicts)),
      reviewedVerdicts: count(reviewed),
      reviewedCorrected,
      reviewedAgreement: ratio(count(reviewed) - reviewedCorrected, count(reviewed)),
      changes: [...changes.values()].sort((a, b) => b.count - a.count || a.engine.localeCompare(b.engine)),
    };
  });
  return { analysed: verdicts.length, reviewed: reviewed.length, corrections: all.length, engineNowAgrees: all.filter(nowAgrees).length, fields };
}

const percent = (value: number | null): string => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);

export function formatCorrectionsReport(report: CorrectionsReport): string {
  const lines = [
    `${report.analysed} analysed candidates, ${report.reviewed} reviewed (moved on from New, or corrected), ${report.corrections} corrections on the resumes shown`,
    '',
    `${'field'.padEnd(16)}${'verdicts'.padStart(9)}${'corrected'.padStart(11)}${'agree'.padStart(9)}   ${'reviewed: verdicts'.padStart(18)}${'corrected'.padStart(11)}${'agree'.padStart(9)}`,
  ];
  for (const field of report.fields) {
    lines.push(
      `${field.label.padEnd(16)}${String(field.verdicts).padStart(9)}${String(field.corrected).padStart(11)}${percent(field.agreement).padStart(9)}   ${String(field.reviewedVerdicts).padStart(18)}${String(field.reviewedCorrected).padStart(11)}${percent(field.reviewedAgreement).padStart(9)}`,
    );
  }
  lines.push('', '(tool status counts each tool found on a resume shown as one verdict)');
  if (report.engineNowAgrees > 0) lines.push(`${report.engineNowAgrees} of the corrections: the engine, run again on the same resume, now agrees with the recruiter`);
  const changed = report.fields.filter((field) => field.changes.length > 0);
  if (changed.length > 0) {
    lines.push('', 'Where they disagree (engine → recruiter):');
    for (const field of changed) {
      for (const change of field.changes) lines.push(`  ${field.label}: ${change.engine} → ${change.recruiter}  ×${change.count}`);
    }
  }
  return lines.join('\n');
}
