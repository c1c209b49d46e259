// Main-process side of the brief worker: numbered requests, one worker thread
// per export, a time limit that grows with the batch.
import { Worker } from 'node:worker_threads';
import { UserFacingError } from '../api/errors.ts';
import { createLogger } from '../logger.ts';
import type { BriefWorkerMessage, BriefWorkerRequest } from './types.ts';

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

export interface BriefWorkerClient {
  render(request: Omit<BriefWorkerRequest, 'requestId'>, onProgress: (done: number, candidateId: number) => void): Promise<RenderedFile[]>;
  close(): Promise<void>;
}

const baseTimeoutMs = 30_000;
const perBriefTimeoutMs = 2_000;

export function startBriefWorker(url: URL): BriefWorkerClient {
  const worker = new Worker(url);
  let nextId = 1;
  let failure: Error | null = null;
  const pending = new Map<
    number,
    { resolve: (files: RenderedFile[]) => void; reject: (error: Error) => void; onProgress: (done: number, id: number) => void; timer: NodeJS.Timeout }
  >();

  const failAll = (error: Error) => {
    failure = error;
    for (const [id, request] of pending) {
      clearTimeout(request.timer);
      request.reject(error);
      pending.delete(id);
    }
  };

  worker.on('message', (message: BriefWorkerMessage) => {
    const request = pending.get(message.requestId);
    if (!request) return;
    switch (message.type) {
      case 'progress':
        request.onProgress(message.done, message.candidateId);
        return;
      case 'done':
        clearTimeout(request.timer);
        pending.delete(message.requestId);
        request.resolve(message.files);
        return;
      case 'error':
        clearTimeout(request.timer);
        pending.delete(message.requestId);
        request.reject(new BriefWriteError(message.message, message.code, message.path));
        return;
      default: {
        const unexpected: never = message;
        log.warn(`unexpected worker message ${JSON.stringify(unexpected)}`);
      }
    }
  });
  worker.on('error', (error) => {
    log.error(`brief worker failed: ${error.message}`);
    failAll(new UserFacingError('The PDF generator stopped unexpectedly. Try again with fewer candidates.'));
  });
  worker.on('exit', (code) => {
    if (pending.size > 0) failAll(new UserFacingError(`The PDF generator stopped unexpectedly (exit code ${code}).`));
  });

  return {
    render(request, onProgress) {
      if (failure) return Promise.reject(failure);
      const requestId = nextId;
      nextId += 1;
      return new Promise<RenderedFile[]>((resolve, reject) => {
        const limit = baseTimeoutMs + perBriefTimeoutMs * request.outputs.length;
        const timer = setTimeout(() => {
          pending.delete(requestId);
          reject(new UserFacingError(`Writing the briefs took longer than ${Math.round(limit / 1000)} seconds and was stopped.`));
          void worker.terminate();
        }, limit);
        pending.set(requestId, { resolve, reject, onProgress, timer });
        worker.postMessage({ ...request, requestId } satisfies BriefWorkerRequest);
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
