import type { ApiHandlers } from '../../contract/api.ts';
import type { ServiceContext } from '../services/context.ts';
import { UserFacingError } from '../api/errors.ts';
import { createExtractPool, type ExtractPool } from './pool.ts';
import { analyzePaths, importPaths, type ExtractLimits } from './service.ts';

type ImportHandlers = Pick<ApiHandlers, 'import.run' | 'import.samples' | 'import.cancel' | 'analysis.analyzeFiles'>;

export interface ImportHandlerOptions extends Omit<ExtractLimits, 'pool'> {
  batchSize?: number;
}

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
      return await importPaths(ctx, paths, { ...options, pool: sharedPool(), signal: controller.signal });
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
