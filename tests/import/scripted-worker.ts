// A stand-in extraction worker for the pool tests: it speaks the pool's protocol and does
// what each request's file name says ("crash", "hang"), or echoes the file back and names
// the thread that read it as the detected type.
import { parentPort, threadId } from 'node:worker_threads';
import type { ExtractRequest, WorkerMessage } from '../../main/import/protocol.ts';

const port = parentPort;
if (!port) throw new Error('scripted-worker.ts must run as a worker thread');

let previous = Promise.resolve();
port.on('message', (request: ExtractRequest) => {
  previous = previous.then(async () => {
    if (request.fileName === 'crash') process.exit(3);
    if (request.fileName === 'hang') await new Promise(() => {});
    const text = `${request.fileName}:${request.bytes.length}`;
    port.postMessage({ id: request.id, ok: true, detectedType: `thread-${threadId}`, text, analysis: {} } as unknown as WorkerMessage);
  });
});

port.postMessage({ ready: true } satisfies WorkerMessage);
