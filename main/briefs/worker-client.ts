// Main-process side of the brief worker: one worker thread (main/workers/pool.ts) per
// export, with a time limit that grows with the batch.
import { UserFacingError } from '../api/errors.ts';
import { createLogger } from '../logger.ts';
import { createWorkerPool, WorkerStartError } from '../workers/pool.ts';
import type { BriefProgress, BriefWorkerRequest, BriefWorkerResult } from './types.ts';

const log = createLogger('briefs.worker');

export interface RenderedFile {
  path: string;
  pages: number;
}

export class BriefWriteError extends Error {
  readonly code: string | null;
  readonly path: string | null;

  constructor(message: string, code: string | null, path: string | null) {
    super(message);
    this.name = 'BriefWriteError';
    this.code = code;
    this.path = path;
  }
}

const baseTimeoutMs = 30_000;
const perBriefTimeoutMs = 2_000;

const stoppedUnexpectedly = () => new UserFacingError('The PDF generator stopped unexpectedly. Try again with fewer candidates.');

/** Writes the briefs in a worker thread; rejects with a BriefWriteError for a file that cannot be written. */
export async function renderBriefsInWorker(
  workerUrl: URL,
  request: BriefWorkerRequest,
  onProgress: (progress: BriefProgress) => void,
): Promise<RenderedFile[]> {
  const worker = createWorkerPool<BriefWorkerRequest, BriefWorkerResult, BriefProgress>({ workerUrl, name: 'PDF brief worker', size: 1 });
  const timeLimitMs = baseTimeoutMs + perBriefTimeoutMs * request.outputs.length;
  try {
    const outcome = await worker.run(request, { timeLimitMs, onProgress });
    if (outcome.ok) {
      if (outcome.result.ok) return outcome.result.files;
      const { message, code, path } = outcome.result;
      throw new BriefWriteError(message, code, path);
    }
    switch (outcome.failure) {
      case 'timeout':
        throw new UserFacingError(`Writing the briefs took longer than ${Math.round(timeLimitMs / 1000)} seconds and was stopped.`);
      case 'crashed':
        log.error(`brief worker failed: ${outcome.cause.message}`);
        throw stoppedUnexpectedly();
      case 'internal-error':
        log.error(`brief worker failed: ${outcome.details}`);
        throw stoppedUnexpectedly();
    }
  } catch (error) {
    if (!(error instanceof WorkerStartError)) throw error;
    log.error(error.message);
    throw stoppedUnexpectedly();
  } finally {
    await worker.close();
  }
}
