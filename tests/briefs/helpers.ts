// Seeds candidates straight into a fresh store (no import service needed) and
// reads PDFs back with pdf-parse.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFParse } from 'pdf-parse';
import { createServiceContext } from '../../main/services/create-context.ts';
import type { ServiceContext } from '../../main/services/context.ts';
import type { ApiEvents } from '../../contract/api.ts';
import { createHandlers } from '../../main/api/handlers.ts';
import { insertCandidate, setLatestResume, setCandidateStatus } from '../../db/queries/candidates.ts';
import { saveAnalysis, replaceCandidateTools } from '../../db/queries/analyses.ts';
import type { CandidateStatus } from '../../contract/types.ts';
import type { FixtureCandidate } from './fixtures.ts';

const now = '2026-11-20T10:00:00.000Z';

export interface TestStore {
  dir: string;
  ctx: ServiceContext;
  api: ReturnType<typeof createHandlers>;
  events: Array<ApiEvents['briefs.progress']>;
  close(): void;
}

export function createTestStore(): TestStore {
  const dir = mkdtempSync(join(tmpdir(), 'shipped-briefs-'));
  const events: TestStore['events'] = [];
  const ctx = createServiceContext({
    databasePath: join(dir, 'shipped.db'),
    now: () => new Date('2026-11-27T09:30:00.000Z'),
    emit: (event, payload) => {
      if (event === 'briefs.progress') events.push(payload as ApiEvents['briefs.progress']);
    },
  });
  return {
    dir,
    ctx,
    api: createHandlers(ctx),
    events,
    close() {
      ctx.db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let seedCounter = 0;

export function seedCandidate(ctx: ServiceContext, fixture: FixtureCandidate, status: CandidateStatus = 'new'): number {
  seedCounter += 1;
  const { db } = ctx;
  const identity = `email:${fixture.profile.email ?? `none-${seedCounter}-${Math.random()}`}-${seedCounter}`;
  const id = insertCandidate(db, identity, fixture.profile, now);
  const sha = createHash('sha256').update(`${seedCounter}:${fixture.resumeText}:${Math.random()}`).digest('hex');
  const fileId = Number(
    db
      .prepare(
        `INSERT INTO resume_files (candidate_id, path, file_name, sha256, size_bytes, mtime_ms, detected_type, text, status, imported_at)
         VALUES (?, ?, ?, ?, ?, 0, 'txt', ?, 'imported', ?)`,
      )
      .run(id, `/resumes/${id}.txt`, `${id}.txt`, sha, fixture.resumeText.length, fixture.resumeText, now).lastInsertRowid,
  );
  setLatestResume(db, id, fileId, fixture.profile, now);
  if (fixture.analysis) {
    saveAnalysis(db, fileId, id, fixture.analysis, now);
    replaceCandidateTools(db, id, fixture.analysis);
  }
  if (status !== 'new') setCandidateStatus(db, id, status, now);
  return id;
}

export interface SeedAnswer {
  questionId: string;
  rating: 1 | 2 | 3 | 4 | null;
  tickedGood?: string[];
  tickedRed?: string[];
  notes?: string;
}

export const testScript = {
  schemaVersion: 1,
  title: 'Test screen',
  questions: [
    {
      id: 'monitoring-strategy',
      kind: 'core',
      title: 'Monitoring a live recommender',
      skills: ['Monitoring'],
      prompt: 'How would you monitor a live recommender model?',
      goodAnswer: [
        { id: 'three-layers', text: 'Separates data, model and service health' },
        { id: 'drift-tests', text: 'Names PSI or KS tests' },
      ],
      redFlags: [{ id: 'accuracy-only', text: 'Only watches offline accuracy' }],
      followUps: [],
    },
    {
      id: 'incident',
      kind: 'core',
      title: 'A production incident you owned',
      skills: ['Incidents'],
      prompt: 'Tell me about an incident you owned end to end.',
      goodAnswer: [{ id: 'timeline', text: 'Gives a timeline with detection and mitigation' }],
      redFlags: [
        { id: 'blames-others', text: 'Blames another team for the outage' },
        { id: 'no-followup', text: 'No follow-up actions after the incident' },
      ],
      followUps: [],
    },
    {
      id: 'llm-serving',
      kind: 'extra',
      title: 'Serving an LLM',
      skills: ['LLM serving'],
      prompt: 'How did you size GPUs for your LLM endpoint?',
      goodAnswer: [{ id: 'batching', text: 'Mentions continuous batching' }],
      redFlags: [{ id: 'no-numbers', text: 'Cannot give any throughput numbers' }],
      followUps: [],
    },
  ],
};

export function seedScreening(
  ctx: ServiceContext,
  candidateId: number,
  options: {
    label: string;
    isFinished: boolean;
    startedAt: string;
    recommendation?: 'advance' | 'hold' | 'decline';
    summaryNotes?: string;
    answers: SeedAnswer[];
  },
): number {
  const { db } = ctx;
  db.prepare(
    `INSERT INTO screening_scripts (version, script_json, created_at, change_note) VALUES (1, ?, ?, '')
     ON CONFLICT (version) DO NOTHING`,
  ).run(JSON.stringify(testScript), now);
  const id = Number(
    db
      .prepare(
        `INSERT INTO screenings (candidate_id, script_version, label, status, started_at, updated_at, finished_at, recommendation,
           suggested_json, summary_notes)
         VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        candidateId,
        options.label,
        options.isFinished ? 'finished' : 'in-progress',
        options.startedAt,
        options.startedAt,
        options.isFinished ? options.startedAt : null,
        options.recommendation ?? null,
        options.isFinished ? JSON.stringify({ recommendation: options.recommendation ?? 'hold', confidence: 'medium', reasons: ['Rated 3 or better on both core questions'] }) : null,
        options.summaryNotes ?? '',
      ).lastInsertRowid,
  );
  const insert = db.prepare(
    `INSERT INTO screening_answers (screening_id, question_id, ticked_good_json, ticked_red_json, notes, rating, elapsed_ms, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 60000, ?)`,
  );
  for (const answer of options.answers) {
    insert.run(id, answer.questionId, JSON.stringify(answer.tickedGood ?? []), JSON.stringify(answer.tickedRed ?? []), answer.notes ?? '', answer.rating, now);
  }
  return id;
}

export interface ParsedPdf {
  text: string;
  pages: number;
  info: Record<string, unknown>;
}

export async function readPdf(path: string): Promise<ParsedPdf> {
  const parser = new PDFParse({ data: readFileSync(path) });
  try {
    const { text, total } = await parser.getText();
    const info = await parser.getInfo();
    return { text, pages: total, info: (info.info ?? {}) as Record<string, unknown> };
  } finally {
    await parser.destroy();
  }
}

/** Collapses whitespace so wrapped lines compare with the source text. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
