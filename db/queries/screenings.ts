import type { Db } from '../open.ts';
import type { Recommendation, ScreeningSummary } from '../../main/api/types.ts';

interface ScreeningSummaryRow {
  id: number;
  candidate_id: number;
  label: string;
  status: 'in-progress' | 'finished';
  script_version: number;
  started_at: string;
  finished_at: string | null;
  recommendation: Recommendation | null;
}

export function toScreeningSummary(row: ScreeningSummaryRow): ScreeningSummary {
  return {
    id: row.id,
    candidateId: row.candidate_id,
    label: row.label,
    status: row.status,
    scriptVersion: row.script_version,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    recommendation: row.recommendation,
  };
}

export function listScreeningsForCandidate(db: Db, candidateId: number): ScreeningSummary[] {
  return db
    .prepare<[number], ScreeningSummaryRow>(
      `SELECT id, candidate_id, label, status, script_version, started_at, finished_at, recommendation
       FROM screenings WHERE candidate_id = ? ORDER BY started_at DESC, id DESC`,
    )
    .all(candidateId)
    .map(toScreeningSummary);
}
