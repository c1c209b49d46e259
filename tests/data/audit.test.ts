import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { runCli } from '../../main/cli/main.ts';
import { createTestStore, seedCandidate, type TestStore } from '../briefs/helpers.ts';
import { jane } from '../briefs/fixtures.ts';

const stores: TestStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

function store(): TestStore {
  const created = createTestStore();
  stores.push(created);
  return created;
}

describe('the audit log', () => {
  it('cannot be changed or emptied, not even with SQL', async () => {
    const { ctx, api } = store();
    const id = seedCandidate(ctx, jane);
    await api['candidates.setStatus']({ id, status: 'advanced' });
    expect(() => ctx.db.prepare('UPDATE audit_log SET actor = ?').run('cli')).toThrow('the audit log is append-only');
    expect(() => ctx.db.prepare('DELETE FROM audit_log').run()).toThrow('the audit log is append-only');
    expect((await api['audit.list']({ limit: 10 })).length).toBe(1);
  });

  it('records a brief export with the candidate, blind or not, and where as a hash, never the path or the name', async () => {
    const { ctx, api, dir } = store();
    const id = seedCandidate(ctx, jane);
    const path = join(dir, `${jane.profile.name ?? 'x'} brief.pdf`);
    await api['briefs.export']({ candidateIds: [id], isBlind: true, target: { kind: 'file', path } });
    const [entry] = await api['audit.list']({ candidateId: id, limit: 10 });
    expect(entry).toMatchObject({
      action: 'brief-export',
      actor: 'app',
      candidateId: id,
      details: { isBlind: true, target: 'file', pathSha256: createHash('sha256').update(path).digest('hex') },
    });
    const raw = JSON.stringify(ctx.db.prepare('SELECT * FROM audit_log').all());
    for (const personal of [jane.profile.name ?? '', jane.profile.email ?? '', dir]) expect(raw).not.toContain(personal);
  });

  it('records status and notes changes, a burst of notes autosaves once', async () => {
    const { ctx, api } = store();
    const id = seedCandidate(ctx, jane);
    for (const notes of ['a', 'ab', 'abc']) await api['candidates.setNotes']({ id, notes });
    await api['candidates.setStatus']({ id, status: 'on-hold' });
    const entries = await api['audit.list']({ candidateId: id, limit: 10 });
    expect(entries.map((entry) => [entry.action, entry.details])).toEqual([
      ['status-change', { status: 'on-hold' }],
      ['notes-change', { length: 1 }],
    ]);
  });

  it('shipped audit prints it, filtered by candidate, and as JSON', async () => {
    const { ctx, api } = store();
    const id = seedCandidate(ctx, jane);
    const other = seedCandidate(ctx, jane);
    await api['candidates.setStatus']({ id, status: 'advanced' });
    await api['candidates.setStatus']({ id: other, status: 'declined' });
    const out: string[] = [];
    const io = { out: (text: string) => out.push(text), err: () => {}, isInteractive: false };
    expect(await runCli(['audit', '--candidate', String(id), '--db', ctx.databasePath], io)).toBe(0);
    const table = out.join('\n');
    expect(table).toMatch(/^WHEN \(UTC\)\s+BY\s+ACTION\s+CANDIDATE\s+DETAILS$/m);
    expect(table).toMatch(new RegExp(`2026-11-27 09:30:00\\s+app\\s+status-change\\s+${id}\\s+status=advanced`));
    expect(table).not.toContain('declined');
    out.length = 0;
    expect(await runCli(['audit', '--json', '--db', ctx.databasePath], io)).toBe(0);
    expect((JSON.parse(out.join('\n')) as Array<{ candidateId: number }>).map((entry) => entry.candidateId)).toEqual([other, id]);
    expect(await runCli(['audit', '--limit', '0', '--db', ctx.databasePath], io)).toBe(2);
  });
});
