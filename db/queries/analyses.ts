import type { Db } from '../open.ts';
import { cachedStatement } from '../statements.ts';
import type { ResumeAnalysis } from '../../contract/analysis.ts';

export function saveAnalysis(db: Db, resumeFileId: number, candidateId: number, analysis: ResumeAnalysis, now: string): void {
  cachedStatement(
    db,
    `INSERT INTO analyses (resume_file_id, candidate_id, engine_version, sub_role, sub_role_confidence, evidence_level,
       evidence_score, is_padded, padding_score, seniority, years_experience, analyzed_at)
     VALUES (@resumeFileId, @candidateId, @engineVersion, @subRole, @subRoleConfidence, @evidenceLevel,
       @evidenceScore, @isPadded, @paddingScore, @seniority, @yearsExperience, @now)
     ON CONFLICT (resume_file_id) DO UPDATE SET
       engine_version = excluded.engine_version, sub_role = excluded.sub_role,
       sub_role_confidence = excluded.sub_role_confidence, evidence_level = excluded.evidence_level,
       evidence_score = excluded.evidence_score, is_padded = excluded.is_padded,
       padding_score = excluded.padding_score, seniority = excluded.seniority,
       years_experience = excluded.years_experience,
       analyzed_at = excluded.analyzed_at`,
  ).run({
    resumeFileId,
    candidateId,
    engineVersion: analysis.engineVersion,
    subRole: analysis.subRole.id,
    subRoleConfidence: analysis.subRole.confidence,
    evidenceLevel: analysis.evidence.level,
    evidenceScore: Math.round(analysis.evidence.score),
    isPadded: analysis.padding.detected ? 1 : 0,
    paddingScore: Math.round(analysis.padding.score),
    seniority: analysis.seniority,
    yearsExperience: analysis.yearsExperience,
    now,
  });
  cachedStatement(
    db,
    `INSERT INTO analysis_results (resume_file_id, result_json) VALUES (?, ?)
     ON CONFLICT (resume_file_id) DO UPDATE SET result_json = excluded.result_json`,
  ).run(resumeFileId, JSON.stringify(analysis));
}

/**
 * Replaces the candidate's tool rows, and the tool lists the candidate list shows (JSON arrays
 * in tool-id order, migration 0007), with those of its latest analysis.
 */
export function replaceCandidateTools(db: Db, candidateId: number, analysis: ResumeAnalysis): void {
  cachedStatement(db, 'DELETE FROM candidate_tools WHERE candidate_id = ?').run(candidateId);
  const insert = cachedStatement(db, 'INSERT INTO candidate_tools (candidate_id, tool_id, status) VALUES (?, ?, ?)');
  for (const tool of analysis.tools) insert.run(candidateId, tool.id, tool.status);
  cachedStatement(
    db,
    `UPDATE candidates SET
       tools_shipped_json = (SELECT json_group_array(tool_id ORDER BY tool_id) FILTER (WHERE status = 'evidence')
                             FROM candidate_tools t WHERE t.candidate_id = candidates.id),
       tools_listed_json = (SELECT json_group_array(tool_id ORDER BY tool_id) FILTER (WHERE status = 'listed')
                            FROM candidate_tools t WHERE t.candidate_id = candidates.id)
     WHERE id = ?`,
  ).run(candidateId);
}

export function getAnalysis(db: Db, resumeFileId: number): ResumeAnalysis | null {
  const row = db
    .prepare<[number], { result_json: string }>('SELECT result_json FROM analysis_results WHERE resume_file_id = ?')
    .get(resumeFileId);
  // Written only by saveAnalysis from a ResumeAnalysis value.
  return row ? (JSON.parse(row.result_json) as ResumeAnalysis) : null;
}
