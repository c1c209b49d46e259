import { createServiceContext } from '../../main/services/create-context.ts';
import { createHandlers } from '../../main/api/handlers.ts';
import type { ServiceContext } from '../../main/services/context.ts';
import type { ApiHandlers } from '../../contract/api.ts';
import type { ResumeAnalysis, EvidenceLevel, Probe } from '../../contract/analysis.ts';
import { insertCandidate, setLatestResume, type CandidateProfile } from '../../db/queries/candidates.ts';
import { insertImportedFile } from '../../db/queries/resume-files.ts';
import { saveAnalysis } from '../../db/queries/analyses.ts';

export function createTestApi(): { ctx: ServiceContext; api: ApiHandlers; tick(ms?: number): void } {
  let clock = Date.parse('2026-11-20T09:00:00Z');
  const ctx = createServiceContext({ databasePath: ':memory:', now: () => new Date(clock) });
  return {
    ctx,
    api: createHandlers(ctx),
    tick: (ms = 1000) => {
      clock += ms;
    },
  };
}

export function makeAnalysis(options: {
  evidenceLevel?: EvidenceLevel;
  evidenceScore?: number;
  isPadded?: boolean;
  paddingScore?: number;
  probes?: Probe[];
}): ResumeAnalysis {
  return {
    engineVersion: 'test',
    contact: { name: 'Ada Test', email: null, phone: null, location: null, links: [] },
    currentTitle: 'MLOps Engineer',
    roles: [],
    yearsExperience: 6,
    seniority: 'senior',
    subRole: { id: 'applied-mlops', confidence: 0.8, reasons: [] },
    evidence: { level: options.evidenceLevel ?? 'strong', score: options.evidenceScore ?? 82 },
    padding: { detected: options.isPadded ?? false, score: options.paddingScore ?? 10, reasons: [] },
    tools: [],
    signals: { modelsInProduction: 3, postmortemAuthored: true, onCall: true, llmServing: false, clearance: false },
    flags: [],
    probes: options.probes ?? [],
  };
}

let seq = 0;

/** Inserts a candidate (and, when given, a resume file with its analysis) straight into the store. */
export function seedCandidate(ctx: ServiceContext, name: string, analysis?: ResumeAnalysis): number {
  seq += 1;
  const now = ctx.now().toISOString();
  const profile: CandidateProfile = { name, email: null, phone: null, location: null, currentTitle: null, employers: [] };
  const candidateId = insertCandidate(ctx.db, `name:${name.toLowerCase()}-${seq}`, profile, now);
  if (analysis) {
    const runId = Number(
      ctx.db.prepare(`INSERT INTO import_runs (roots_json, started_at) VALUES ('[]', ?)`).run(now).lastInsertRowid,
    );
    const fileId = insertImportedFile(ctx.db, {
      candidateId,
      importRunId: runId,
      path: `/resumes/${seq}.txt`,
      fileName: `${seq}.txt`,
      sha256: `sha-${seq}`,
      sizeBytes: 100,
      mtimeMs: 0,
      detectedType: 'txt',
      text: 'resume text',
      now,
    });
    setLatestResume(ctx.db, candidateId, fileId, profile, now);
    saveAnalysis(ctx.db, fileId, candidateId, analysis, now);
  }
  return candidateId;
}
