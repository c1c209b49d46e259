// A stand-in extraction worker for the pool tests: it speaks the pool's protocol and does
// what each file's name says, at the step it names ("crash", "hang" and "throw" on reading,
// "crash-on-analyse", "hang-on-analyse", "slow-analyse" when analysing), or echoes the file
// back. The detected type names the thread that read the file; the analysis names the
// thread that analysed it, and whether it did so as it read the file or from another's text.
import { threadId } from 'node:worker_threads';
import { serveTasks } from '../../main/workers/serve.ts';
import type { WorkerAnswer, WorkerRequest } from '../../main/import/protocol.ts';

const thread = `thread-${threadId}`;

async function act(name: string, step: 'read' | 'analyse'): Promise<void> {
  const suffix = step === 'read' ? '' : '-on-analyse';
  if (name.startsWith(`crash${suffix}`)) process.exit(3);
  if (name.startsWith(`hang${suffix}`)) await new Promise(() => {});
  if (name.startsWith(`throw${suffix}`)) throw new Error(`a scripted bug reading ${name}`);
  if (step === 'analyse' && name.startsWith('slow-analyse')) await new Promise((resolve) => setTimeout(resolve, 10));
}

const scriptedAnalysis = (asRead: boolean) => ({ analysedBy: thread, asRead }) as unknown as Extract<WorkerAnswer, { ok: true }>['analysis'];

serveTasks<WorkerRequest, WorkerAnswer>(async (request) => {
  if ('text' in request) {
    await act(request.text.split(':')[0] ?? '', 'analyse');
    return { ok: true, detectedType: request.detectedType, text: request.text, analysis: scriptedAnalysis(false) };
  }
  await act(request.fileName, 'read');
  const text = `${request.fileName}:${request.bytes.length}`;
  if (!request.analyze) return { extractedOnly: true, detectedType: thread, text };
  await act(request.fileName, 'analyse');
  return { ok: true, detectedType: thread, text, analysis: scriptedAnalysis(true) };
});
