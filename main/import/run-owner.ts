// Which 'running' import runs are really running. The app and the CLI share one store, so
// a run may belong to another live process; one whose process is gone (killed, crashed,
// the machine lost power) stays 'running' until the next import marks it interrupted.
import type { RunningImport } from '../../db/queries/imports.ts';
import { errnoCode } from '../errno.ts';

/** A running import writes its heartbeat at least this often… */
export const HEARTBEAT_INTERVAL_MS = 10_000;
/** …so one silent for this long has hung, or its process id now belongs to another program. */
export const HEARTBEAT_STALE_MS = 120_000;

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return errnoCode(error) === 'EPERM';
  }
}

export function abandonedRuns(
  running: readonly RunningImport[],
  now: Date,
  isAlive: (pid: number) => boolean = isProcessAlive,
): number[] {
  return running
    .filter(({ ownerPid, heartbeatAt }) => {
      if (ownerPid === null || heartbeatAt === null) return true;
      const silentMs = now.getTime() - Date.parse(heartbeatAt);
      // Written so that an unreadable heartbeat (NaN) also counts as silent.
      return !isAlive(ownerPid) || !(silentMs < HEARTBEAT_STALE_MS);
    })
    .map((run) => run.id);
}
