// Entry script of an extraction worker thread: detects the type, extracts and
// normalises the text, and analyses exactly the normalised string, or does one of the two
// steps when the pool splits them between workers. The pool enforces the time limit by
// terminating the thread.
// In the packaged app this file is bundled to .js; it must depend on nothing but its own imports.
import type { TextLayout } from '../../contract/layout.ts';
import { analyzeResume } from '../analysis/index.ts';
import { serveTasks } from '../workers/serve.ts';
import { extractText } from './extract.ts';
import type { ExtractSuccess, WorkerAnswer, WorkerRequest } from './protocol.ts';

function analysed(detectedType: string, text: string, layout: TextLayout | undefined, nowMs: number): ExtractSuccess {
  return { ok: true, detectedType, text, layout, analysis: analyzeResume(text, { now: new Date(nowMs), layout }) };
}

// An analysis bug must not take the import down: serveTasks reports the throw and the pool fails the file.
serveTasks<WorkerRequest, WorkerAnswer>(async (request) => {
  if ('text' in request) return analysed(request.detectedType, request.text, request.layout, request.nowMs);
  const outcome = await extractText(request.bytes, request.fileName);
  if (!outcome.ok) return { ok: false, detectedType: outcome.detectedType, ...outcome.failure };
  if (!request.analyze) return { extractedOnly: true, detectedType: outcome.detectedType, text: outcome.text, layout: outcome.layout };
  return analysed(outcome.detectedType, outcome.text, outcome.layout, request.nowMs);
});
