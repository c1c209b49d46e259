import { afterAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServiceContext } from '../../main/services/create-context.ts';
import { createHandlers } from '../../main/api/handlers.ts';
import { monthsBefore } from '../../main/retention/handlers.ts';
import { insertCandidate, setCandidateStatus } from '../../db/queries/candidates.ts';
import { insertScreening, insertScriptVersion } from '../../db/queries/screenings.ts';
import { runCli } from '../../main/cli/main.ts';
import type { ServiceContext } from '../../main/services/context.ts';

const dir = mkdtempSync(join(tmpdir(), 'shipped-retention-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const now = new Date('2026-12-07T12:00:00.000Z');

function profile(name: string) {
  return { name, email: null, phone: null, location: null, currentTitle: null, employers: [] };
}

/** Four candidates, all imported 8 months ago: one untouched since, one with a status change 2 months ago, one kept, one screened last month. */
const daysBefore = (at: Date, days: number) => new Date(at.getTime() - days * 86_400_000).toISOString();

function seed(ctx: ServiceContext, at: Date) {
  const old = daysBefore(at, 250);
  const ids = {
    untouched: insertCandidate(ctx.db, 'a', profile('Ada Untouched'), old),
    recentStatus: insertCandidate(ctx.db, 'b', profile('Ben Recent'), old),
    kept: insertCandidate(ctx.db, 'c', profile('Cy Kept'), old),
    screened: insertCandidate(ctx.db, 'd', profile('Di Screened'), old),
  };
  setCandidateStatus(ctx.db, ids.recentStatus, 'on-hold', daysBefore(at, 60));
  const version = insertScriptVersion(ctx.db, '{}', '', old);
  insertScreening(ctx.db, ids.screened, version, 'Call 1', daysBefore(at, 15));
  return ids;
}

/** `at`: the store's clock; the CLI runs on the real one, so its store is seeded relative to that. */
function store(name: string, at = now) {
  const ctx = createServiceContext({ databasePath: join(dir, `${name}.db`), now: () => at });
  return { ctx, api: createHandlers(ctx), ids: seed(ctx, at) };
}

describe('retention', () => {
  test('is off by default: nobody is listed', async () => {
    const { ctx, api } = store('off');
    expect(await api['retention.review']({})).toEqual({ months: null, cutoff: null, due: [] });
    ctx.db.close();
  });

  test('lists only candidates untouched for N months and not kept; erases only those still due', async () => {
    const { ctx, api, ids } = store('on');
    await api['retention.setMonths']({ months: 6 });
    await api['candidates.setKept']({ id: ids.kept, isKept: true });
    const review = await api['retention.review']({});
    expect(review).toEqual({
      months: 6,
      cutoff: '2026-06-07T12:00:00.000Z',
      due: [{ id: ids.untouched, name: 'Ada Untouched', status: 'new', lastTouchedAt: '2026-04-01T12:00:00.000Z' }],
    });
    // Asking to erase everyone erases only who is due: kept and recently touched candidates stay.
    const { erased } = await api['retention.erase']({ ids: Object.values(ids) });
    expect(erased).toEqual([ids.untouched]);
    expect((await api['candidates.list']({})).map((candidate) => candidate.id).sort()).toEqual([ids.recentStatus, ids.kept, ids.screened].sort());
    // Un-keeping lists the kept candidate again.
    await api['candidates.setKept']({ id: ids.kept, isKept: false });
    expect((await api['retention.review']({})).due.map((candidate) => candidate.id)).toEqual([ids.kept]);
    await expect(api['candidates.setKept']({ id: 999, isKept: true })).rejects.toThrow(/Candidate 999 does not exist/);
    ctx.db.close();
  });

  test('months are calendar months, the day clamped to the shorter month', () => {
    expect(monthsBefore(new Date('2026-03-31T10:00:00Z'), 1).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(monthsBefore(new Date('2026-01-15T00:00:00Z'), 13).toISOString()).toBe('2024-12-15T00:00:00.000Z');
  });
});

describe('shipped retention', () => {
  async function cli(db: string, ...args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['retention', ...args, '--db', db], { out: (text) => out.push(text), err: (text) => err.push(text), isInteractive: false }, {});
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  test('--dry-run lists who is due and changes nothing; without it they are erased', async () => {
    const { ctx, ids } = store('cli', new Date());
    const db = ctx.databasePath;
    ctx.db.close();
    expect((await cli(db, '--dry-run')).out).toContain('Retention is off');
    expect((await cli(db, '--set', '6', '--keep', String(ids.kept))).code).toBe(0);

    const dry = await cli(db, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(/^Candidates untouched for 6 months \(last touched before \d{4}-\d\d-\d\d\), not marked to keep: 1$/m);
    expect(dry.out).toMatch(new RegExp(`^${ids.untouched}\\s+Ada Untouched\\s+new\\s+\\d{4}-\\d\\d-\\d\\d$`, 'm'));
    expect((await cli(db, '--dry-run', '--json')).out).toContain('"Ada Untouched"');
    expect((await cli(db, '--dry-run')).out).toContain('Ada Untouched'); // still there

    const real = await cli(db);
    expect(real.out).toContain('Erased 1 candidate.');
    expect((await cli(db, '--dry-run')).out).toContain('not marked to keep: 0');
  });

  test('refuses a bad number of months and --dry-run mixed with a change', async () => {
    const db = join(dir, 'cli-bad.db');
    expect(await cli(db, '--set', '0')).toMatchObject({ code: 2, err: expect.stringContaining('--set must be a number of months from 1 to 240, or off') });
    expect((await cli(db, '--set', '6', '--dry-run')).code).toBe(2);
  });
});
