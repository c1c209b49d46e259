// Entry script of an extraction worker thread: detects the type, extracts and
// normalises the text, and analyses exactly the normalised string, or does one of the two
// steps when the pool splits them between workers. The pool enforces the time limit by
// terminating the thread.
// In the packaged app this file is bundled to .js; it must depend on nothing but its own imports.
import { parentPort, type MessagePort } from 'node:worker_threads';
import { analyzeResume } from '../analysis/index.ts';
import { extractText } from './extract.ts';
import type { ResumeReading } from '../../contract/types.ts';
import type { ExtractedText, ExtractResponse, WorkerMessage, WorkerRequest } from './protocol.ts';

const port = parentPort;
if (!port) throw new Error('extract-worker.ts must run as a worker thread');
const output: MessagePort = port;

function analysed(id: number, detectedType: string, text: string, reading: ResumeReading, nowMs: number): ExtractResponse {
  return { id, ok: true, detectedType, text, reading, analysis: analyzeResume(text, { now: new Date(nowMs) }) };
}

async function handle(request: WorkerRequest): Promise<ExtractResponse | ExtractedText> {
  if ('text' in request) return analysed(request.id, request.detectedType, request.text, request.reading, request.nowMs);
  const { id } = request;
  const outcome = await extractText(request.bytes, request.fileName, {
    ocrStarting: (pages) => output.postMessage({ id, progress: true, ocrPages: pages } satisfies WorkerMessage),
    detail: (detail) => output.postMessage({ id, progress: true, detail } satisfies WorkerMessage),
  });
  if (!outcome.ok) {
    return { id, ok: false, detectedType: outcome.detectedType, ...outcome.failure };
  }
  if (!request.analyze) return { id, extractedOnly: true, detectedType: outcome.detectedType, text: outcome.text, reading: outcome.reading };
  return analysed(id, outcome.detectedType, outcome.text, outcome.reading, request.nowMs);
}

// The pool sends the next request while this one is read; they are answered in order,
// one at a time, so the pool's time limit applies to the request being read.
let previous = Promise.resolve();
port.on('message', (request: WorkerRequest) => {
  previous = previous.then(() =>
    handle(request).then(
      (response) => port.postMessage(response satisfies WorkerMessage),
      // An analysis bug must not take the import down; the pool reports the file as failed.
      (error: unknown) => {
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        port.postMessage({ id: request.id, internalError: message });
      },
    ),
  );
});

port.postMessage({ ready: true } satisfies WorkerMessage);
