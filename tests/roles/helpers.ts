import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServiceContext } from '../../main/services/create-context.ts';
import { createHandlers } from '../../main/api/handlers.ts';
import type { ApiHandlers } from '../../contract/api.ts';
import type { ServiceContext } from '../../main/services/context.ts';
import type { RoleFields } from '../../contract/roles.ts';

export const seattleApplied: RoleFields = {
  title: 'Senior applied MLOps contractor',
  subRole: 'applied-mlops',
  level: 'senior',
  city: 'Seattle',
  engagement: 'c2c',
  mustHave: ['sagemaker', 'kubernetes'],
  niceToHave: ['mlflow', 'prometheus'],
  factors: ['llm'],
  notes: '',
  status: 'open',
  intake: { alerts: [], readiness: {} },
};

/** A store in a temporary folder (the import's workers need a file, not :memory:). */
export function tempStore(): { dir: string; databasePath: string; ctx: ServiceContext; api: ApiHandlers; close(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'shipped-roles-'));
  const databasePath = join(dir, 'shipped.db');
  let clock = Date.parse('2026-12-01T09:00:00Z');
  const ctx = createServiceContext({ databasePath, now: () => new Date((clock += 1000)) });
  return {
    dir,
    databasePath,
    ctx,
    api: createHandlers(ctx),
    close: () => {
      ctx.db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
