// A stand-in extraction worker for the pool tests: it speaks the pool's protocol and does
// what each file's name says, at the step it names ("crash", "hang" and "throw" on reading,
// "crash-on-analyse", "hang-on-analyse", "slow-analyse" when analysing), or echoes the file
// back. "ocr-hang" says it reads 2 pages by OCR, reports the first, then hangs. The detected type names the thread that read the file; the analysis names the
// thread that analysed it, and whether it did so as it read the file or from another's text.
import { threadId } from 'node:worker_threads';
import { serveTasks } from '../../main/workers/serve.ts';
import type { ResumeReading } from '../../contract/types.ts';
import type { ExtractProgress, WorkerAnswer, WorkerRequest } from '../../main/import/protocol.ts';

const thread = `thread-${threadId}`;
const reading: ResumeReading = { reader: 'plain-text', ocrConfidence: null, ocrPages: 0, note: null, lowConfidenceWords: [] };

async function act(name: string, step: 'read' | 'analyse'): Promise<void> {
  const suffix = step === 'read' ? '' : '-on-analyse';
  if (name.startsWith(`crash${suffix}`)) process.exit(3);
  if (name.startsWith(`hang${suffix}`)) await new Promise(() => {});
  if (name.startsWith(`throw${suffix}`)) throw new Error(`a scripted bug reading ${name}`);
  if (step === 'analyse' && name.startsWith('slow-analyse')) await new Promise((resolve) => setTimeout(resolve, 10));
}

const scriptedAnalysis = (asRead: boolean) => ({ analysedBy: thread, asRead }) as unknown as Extract<WorkerAnswer, { ok: true }>['analysis'];

serveTasks<WorkerRequest, WorkerAnswer, ExtractProgress>(async (request, progress) => {
  if ('text' in request) {
    await act(request.text.split(':')[0] ?? '', 'analyse');
    return { analysedOnly: true, analysis: scriptedAnalysis(false) };
  }
  if (request.fileName.startsWith('ocr-hang')) {
    progress({ ocrPages: 2 });
    progress({ detail: 'reading scanned page 1 of 2' });
    await new Promise(() => {});
  }
  await act(request.fileName, 'read');
  const text = `${request.fileName}:${request.bytes.length}`;
  if (!request.analyze) return { extractedOnly: true, detectedType: thread, text, reading };
  await act(request.fileName, 'analyse');
  return { ok: true, detectedType: thread, text, reading, analysis: scriptedAnalysis(true) };
});
