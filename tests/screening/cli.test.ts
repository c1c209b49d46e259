import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../main/cli/main.ts';
import { createServiceContext } from '../../main/services/create-context.ts';
import { createHandlers } from '../../main/api/handlers.ts';
import { makeAnalysis, seedCandidate } from './helpers.ts';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shipped-screening-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (text) => out.push(text), err: (text) => err.push(text), isInteractive: false }, {});
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('shipped screening', () => {
  it('prints scorecards with ratings in words, ticked items by text, notes and the suggestion', async () => {
    const databasePath = join(dir, 'shipped.db');
    const ctx = createServiceContext({ databasePath });
    const api = createHandlers(ctx);
    const candidateId = seedCandidate(ctx, 'Cli Person', makeAnalysis({ evidenceLevel: 'moderate', evidenceScore: 60 }));
    const { screening } = await api['screening.start']({ candidateId, label: 'Phone screen' });
    await api['screening.updateAnswer']({
      screeningId: screening.id,
      questionId: 'training-costs',
      tickedGood: ['measure-first'],
      tickedRed: ['gpu-binary'],
      notes: 'Talked about A100s only.',
      rating: 2,
      elapsedMs: 95_000,
    });
    await api['screening.finish']({ screeningId: screening.id, recommendation: 'hold', summaryNotes: 'Ask the hiring manager.' });
    ctx.db.close();

    const text = await run(['screening', String(candidateId), '--db', databasePath]);
    expect(text.code).toBe(0);
    expect(text.out).toContain('4. Training costs tripled: no  (1:35)');
    expect(text.out).toContain('   + Measures before acting');
    expect(text.out).toContain('   ! Treats the GPU choice as top-tier or nothing');
    expect(text.out).toContain('   > Talked about A100s only.');
    expect(text.out).toContain('1. Monitoring a live recommender: not asked');
    expect(text.out).toContain('Recommendation: hold');
    expect(text.out).toMatch(/Suggested: +hold \(low confidence\)/);
    expect(text.out).toContain('   - 1 of 1 rated questions got no or strong no');

    const json = await run(['screening', String(candidateId), '--db', databasePath, '--json']);
    const parsed = JSON.parse(json.out) as Array<{ screening: { recommendation: string } }>;
    expect(parsed[0]!.screening.recommendation).toBe('hold');
  });

  it('fails readably for an unknown candidate and a bad id', async () => {
    const databasePath = join(dir, 'shipped.db');
    const missing = await run(['screening', '42', '--db', databasePath]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('Candidate 42 does not exist');
    const bad = await run(['screening', 'abc', '--db', databasePath]);
    expect(bad.code).toBe(2);
  });
});
