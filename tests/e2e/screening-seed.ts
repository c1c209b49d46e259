// Seeds a candidate with an analysis (so the call screen shows resume probes)
// straight into a harness database, and opens that candidate's page.
import type { Page } from 'playwright-core';
import type { ServiceContext } from '../../main/services/context.ts';
import { insertCandidate, setLatestResume, type CandidateProfile } from '../../db/queries/candidates.ts';
import { insertImportedFile } from '../../db/queries/resume-files.ts';
import { saveAnalysis } from '../../db/queries/analyses.ts';
import type { ResumeAnalysis } from '../../contract/analysis.ts';

export const seededName = 'Dana Okafor';

export function seedScreeningCandidate(ctx: ServiceContext): number {
  const now = ctx.now().toISOString();
  const profile: CandidateProfile = {
    name: seededName,
    email: 'dana@example.com',
    phone: null,
    location: 'Austin, TX',
    currentTitle: 'Senior MLOps Engineer',
    employers: ['Northwind Retail'],
  };
  const candidateId = insertCandidate(ctx.db, 'email:dana@example.com', profile, now);
  const runId = Number(ctx.db.prepare(`INSERT INTO import_runs (roots_json, started_at) VALUES ('[]', ?)`).run(now).lastInsertRowid);
  const fileId = insertImportedFile(ctx.db, {
    candidateId,
    importRunId: runId,
    path: '/resumes/dana-okafor.pdf',
    fileName: 'dana-okafor.pdf',
    sha256: 'seeded-dana',
    sizeBytes: 2048,
    mtimeMs: 0,
    detectedType: 'pdf',
    text: 'Dana Okafor\nSenior MLOps Engineer',
    now,
  });
  setLatestResume(ctx.db, candidateId, fileId, profile, now);
  const analysis: ResumeAnalysis = {
    engineVersion: 'seed',
    contact: { name: seededName, email: 'dana@example.com', phone: null, location: 'Austin, TX', links: [] },
    currentTitle: 'Senior MLOps Engineer',
    roles: [],
    yearsExperience: 7,
    seniority: 'senior',
    subRole: { id: 'applied-mlops', confidence: 0.82, reasons: [] },
    evidence: { level: 'strong', score: 81 },
    padding: { detected: false, score: 12, reasons: [] },
    tools: [],
    signals: { modelsInProduction: 4, postmortemAuthored: true, onCall: true, llmServing: false, clearance: false },
    flags: [],
    probes: [
      {
        questionId: 'monitoring-strategy',
        text: 'Ask how the drift alerts on the ranking model were tuned, and who got paged.',
        because: 'The resume says "cut false drift alerts by 60%" without naming the method.',
      },
      {
        questionId: 'silent-failure',
        text: 'Ask for the story behind the 2024 recommendation outage.',
        because: 'Line 14 mentions a post-mortem but not what broke.',
      },
      { questionId: null, text: 'Ask about the eight-month gap in 2022.', because: 'No role covers 2022.' },
    ],
  };
  saveAnalysis(ctx.db, fileId, candidateId, analysis, now);
  return candidateId;
}

/** From the candidate list (after a fresh load) to the candidate's page. */
export async function openCandidate(page: Page, baseUrl: string): Promise<void> {
  await page.goto(baseUrl);
  await page.getByText(seededName, { exact: true }).first().click();
  await page.getByRole('heading', { name: 'Screenings' }).waitFor();
}
