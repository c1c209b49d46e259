// A stand-in extraction worker for the pool tests: it speaks the pool's protocol and does
// what each file's name says, at the step it names ("crash" and "hang" on reading,
// "crash-on-analyse", "hang-on-analyse", "slow-analyse" when analysing), or echoes the file
// back. "ocr-hang" says it reads 2 pages by OCR, reports the first, then hangs. The detected type names the thread that read the file; the analysis names the
// thread that analysed it, and whether it did so as it read the file or from another's text.
import { parentPort, threadId } from 'node:worker_threads';
import type { ResumeReading } from '../../contract/types.ts';
import type { WorkerMessage, WorkerRequest } from '../../main/import/protocol.ts';

const port = parentPort;
if (!port) throw new Error('scripted-worker.ts must run as a worker thread');

const thread = `thread-${threadId}`;
const reading: ResumeReading = { reader: 'plain-text', ocrConfidence: null, ocrPages: 0, note: null, lowConfidenceWords: [] };

async function act(name: string, step: 'read' | 'analyse'): Promise<void> {
  const suffix = step === 'read' ? '' : '-on-analyse';
  if (name.startsWith(`crash${suffix}`)) process.exit(3);
  if (name.startsWith(`hang${suffix}`)) await new Promise(() => {});
  if (step === 'analyse' && name.startsWith('slow-analyse')) await new Promise((resolve) => setTimeout(resolve, 10));
}

let previous = Promise.resolve();
port.on('message', (request: WorkerRequest) => {
  previous = previous.then(async () => {
    if ('text' in request) {
      await act(request.text.split(':')[0] ?? '', 'analyse');
      const answer = { id: request.id, ok: true, detectedType: request.detectedType, text: request.text, analysis: { analysedBy: thread, asRead: false } };
      port.postMessage(answer as unknown as WorkerMessage);
      return;
    }
    if (request.fileName.startsWith('ocr-hang')) {
      port.postMessage({ id: request.id, progress: true, ocrPages: 2 } satisfies WorkerMessage);
      port.postMessage({ id: request.id, progress: true, detail: 'reading scanned page 1 of 2' } satisfies WorkerMessage);
      await new Promise(() => {});
    }
    await act(request.fileName, 'read');
    const text = `${request.fileName}:${request.bytes.length}`;
    if (!request.analyze) {
      port.postMessage({ id: request.id, extractedOnly: true, detectedType: thread, text, reading } satisfies WorkerMessage);
      return;
    }
    await act(request.fileName, 'analyse');
    port.postMessage({ id: request.id, ok: true, detectedType: thread, text, analysis: { analysedBy: thread, asRead: true } } as unknown as WorkerMessage);
  });
});

port.postMessage({ ready: true } satisfies WorkerMessage);
