import type { ApiHandlers } from '../../contract/api.ts';
import type { ServiceContext } from '../services/context.ts';
import { UserFacingError } from '../api/errors.ts';
import { createExtractPool, type ExtractPool } from './pool.ts';
import { analyzePaths, importPaths, type ImportOptions } from './service.ts';
import { appendAudit } from '../../db/queries/audit.ts';
import type { ImportSummary } from '../../contract/types.ts';

/** One audit entry for the run, and one per candidate it created or updated (so a candidate's history shows it). */
function auditImport(ctx: ServiceContext, summary: ImportSummary): void {
  const at = ctx.now().toISOString();
  ctx.db
    .transaction(() => {
      appendAudit(ctx.db, {
        at,
        actor: ctx.actor,
        action: 'import',
        candidateId: null,
        details: {
          runId: summary.runId,
          status: summary.status,
          total: summary.total,
          imported: summary.imported,
          duplicates: summary.duplicates,
          failed: summary.failed.length,
          skipped: summary.skipped.length,
        },
      });
      for (const candidateId of summary.candidateIds) {
        appendAudit(ctx.db, { at, actor: ctx.actor, action: 'import', candidateId, details: { runId: summary.runId } });
      }
    })
    .immediate();
}

type ImportHandlers = Pick<ApiHandlers, 'import.run' | 'import.samples' | 'import.cancel' | 'analysis.analyzeFiles'>;

/** The import's limits and pacing; the handlers own the pool and the cancel signal. */
export type ImportHandlerOptions = Omit<ImportOptions, 'pool' | 'signal'>;

/**
 * One extraction pool per context, started on first use and shared by imports and
 * analyze requests; its idle workers do not keep the process alive. One import at a time.
 */
export function createImportHandlers(ctx: ServiceContext, options: ImportHandlerOptions = {}): ImportHandlers {
  let pool: ExtractPool | null = null;
  let activeImport: AbortController | null = null;
  const sharedPool = () =>
    (pool ??= createExtractPool({ workerUrl: ctx.extractWorkerUrl, ...(options.workerCount ? { size: options.workerCount } : {}) }));

  const run = async (paths: readonly string[]) => {
    if (activeImport) throw new UserFacingError('An import is already running. Wait for it to finish or cancel it first.');
    const controller = new AbortController();
    activeImport = controller;
    try {
      const summary = await importPaths(ctx, paths, { ...options, pool: sharedPool(), signal: controller.signal });
      auditImport(ctx, summary);
      return summary;
    } finally {
      activeImport = null;
    }
  };

  return {
    'import.run': async ({ paths }) => {
      for (const path of paths) ctx.pathGrants.require(path, 'read');
      return run(paths);
    },
    'import.samples': () => run([ctx.samplesFolder]),
    'import.cancel': async () => {
      if (!activeImport) return { isCancelling: false };
      activeImport.abort();
      return { isCancelling: true };
    },
    'analysis.analyzeFiles': async ({ paths }) => {
      for (const path of paths) ctx.pathGrants.require(path, 'read');
      return analyzePaths(ctx, paths, { ...options, pool: sharedPool() });
    },
  };
}
