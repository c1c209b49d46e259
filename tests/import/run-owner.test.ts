import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { abandonedRuns, HEARTBEAT_STALE_MS, isProcessAlive } from '../../main/import/run-owner.ts';
import { importPaths } from '../../main/import/service.ts';
import { makeTempDir, resumeToText, syntheticResume } from './fixtures.ts';
import { makeContext, rows } from './helpers.ts';

const dir = makeTempDir('shipped-run-owner-');
afterAll(() => dir.remove());

/** The id of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  if (child.pid === undefined) throw new Error('could not start a child process');
  return child.pid;
}

describe('which running imports are abandoned', () => {
  const now = new Date('2026-11-27T10:00:00Z');
  const secondsAgo = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();

  it('keeps a run whose process is alive and wrote lately; marks one whose process is gone, silent or unknown', () => {
    const alive = () => true;
    const gone = () => false;
    expect(abandonedRuns([{ id: 1, ownerPid: 10, heartbeatAt: secondsAgo(5) }], now, alive)).toEqual([]);
    expect(abandonedRuns([{ id: 2, ownerPid: 10, heartbeatAt: secondsAgo(5) }], now, gone)).toEqual([2]);
    expect(abandonedRuns([{ id: 3, ownerPid: 10, heartbeatAt: secondsAgo(HEARTBEAT_STALE_MS / 1000 + 1) }], now, alive)).toEqual([3]);
    // Recorded before migration 0006: no owner, no heartbeat.
    expect(abandonedRuns([{ id: 4, ownerPid: null, heartbeatAt: null }], now, alive)).toEqual([4]);
    expect(abandonedRuns([{ id: 5, ownerPid: 10, heartbeatAt: 'not a date' }], now, alive)).toEqual([5]);
  });

  it('tells a live process from one that has exited', () => {
    expect(isProcessAlive(process.pid)).toBe(true);
    expect(isProcessAlive(deadPid())).toBe(false);
  });

  it('an import leaves another live process\'s run alone and marks the run of a process that died', async () => {
    dir.file('owner/a.txt', resumeToText(syntheticResume(1)));
    const { ctx } = makeContext();
    const insertRun = ctx.db.prepare(
      `INSERT INTO import_runs (roots_json, started_at, owner_pid, heartbeat_at) VALUES ('[]', ?, ?, ?)`,
    );
    const stamp = ctx.now().toISOString();
    insertRun.run(stamp, process.pid, stamp);
    insertRun.run(stamp, deadPid(), stamp);
    const summary = await importPaths(ctx, [`${dir.path}/owner`]);
    expect(summary.imported).toBe(1);
    expect(rows<{ status: string; owner_pid: number }>(ctx, 'SELECT status, owner_pid FROM import_runs ORDER BY id')).toEqual([
      { status: 'running', owner_pid: process.pid },
      { status: 'interrupted', owner_pid: expect.any(Number) },
      { status: 'completed', owner_pid: process.pid },
    ]);
    ctx.db.close();
  });
});
