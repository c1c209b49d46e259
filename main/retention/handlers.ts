// Retention: candidates untouched for N months (a setting, off by default) are listed for
// review, then erased on the recruiter's say-so; a candidate marked to keep is never listed.
import type { ApiHandlers } from '../../contract/api.ts';
import type { RetentionReview } from '../../contract/types.ts';
import type { ServiceContext } from '../services/context.ts';
import type { Db } from '../../db/open.ts';
import { notFound } from '../api/errors.ts';
import { readSetting, writeSetting } from '../../db/queries/settings.ts';
import { checkpointAfterErase, eraseWithinTransaction } from '../../db/queries/erasure.ts';
import type { AuditActor } from '../../contract/types.ts';
import { listUntouchedSince, setCandidateKept } from '../../db/queries/retention.ts';

const settingKey = 'retention';

export function readRetentionMonths(db: Db): number | null {
  const value = readSetting(db, settingKey) as { months?: unknown } | undefined;
  return typeof value?.months === 'number' && Number.isInteger(value.months) && value.months > 0 ? value.months : null;
}

/** `months` calendar months before `now` (day clamped: 31 March minus one month is 28/29 February). */
export function monthsBefore(now: Date, months: number): Date {
  const day = now.getUTCDate();
  const cutoff = new Date(now);
  cutoff.setUTCDate(1);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(cutoff.getUTCFullYear(), cutoff.getUTCMonth() + 1, 0)).getUTCDate();
  cutoff.setUTCDate(Math.min(day, lastDay));
  return cutoff;
}

/** Who is due under `months` (the setting unless given), as of now. */
export function reviewRetention(db: Db, now: Date, months: number | null = readRetentionMonths(db)): RetentionReview {
  if (months === null) return { months: null, cutoff: null, due: [] };
  const cutoff = monthsBefore(now, months).toISOString();
  return { months, cutoff, due: listUntouchedSince(db, cutoff) };
}

/**
 * Erases those of `ids` still due now, in one write transaction (a candidate touched or kept
 * meanwhile stays), as a delete erases: secure delete, the audit entry, then the WAL emptied.
 */
export function eraseDue(db: Db, now: Date, ids: readonly number[], actor: AuditActor, months: number | null = readRetentionMonths(db)): number[] {
  const erased = db
    .transaction(() => {
      const due = new Set(reviewRetention(db, now, months).due.map((candidate) => candidate.id));
      const dueIds = ids.filter((id) => due.has(id));
      for (const id of dueIds) eraseWithinTransaction(db, id, { isSuppressing: false, now: now.toISOString(), actor });
      return dueIds;
    })
    .immediate();
  if (erased.length > 0) checkpointAfterErase(db);
  return erased;
}

type RetentionHandlers = Pick<ApiHandlers, 'retention.review' | 'retention.setMonths' | 'retention.erase' | 'candidates.setKept'>;

export function createRetentionHandlers(ctx: ServiceContext): RetentionHandlers {
  return {
    'retention.review': async () => reviewRetention(ctx.db, ctx.now()),
    'retention.setMonths': async ({ months }) => {
      writeSetting(ctx.db, settingKey, { months });
      return { months };
    },
    'retention.erase': async ({ ids }) => ({ erased: eraseDue(ctx.db, ctx.now(), [...new Set(ids)], ctx.actor) }),
    'candidates.setKept': async ({ id, isKept }) => {
      if (!setCandidateKept(ctx.db, id, isKept)) throw notFound('Candidate', id);
      return { id, isKept };
    },
  };
}
