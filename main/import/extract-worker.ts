// Entry script of an extraction worker thread: detects the type, extracts and
// normalises the text, and analyses exactly the normalised string, or does one of the two
// steps when the pool splits them between workers. The pool enforces the time limit by
// terminating the thread.
// In the packaged app this file is bundled to .js; it must depend on nothing but its own imports.
import type { TextLayout } from '../../contract/layout.ts';
import type { ResumeReading } from '../../contract/types.ts';
import { analyzeResume } from '../analysis/index.ts';
import { serveTasks } from '../workers/serve.ts';
import { extractText } from './extract.ts';
import type { ExtractProgress, ExtractSuccess, WorkerAnswer, WorkerRequest } from './protocol.ts';

function analysed(detectedType: string, text: string, layout: TextLayout | undefined, reading: ResumeReading, nowMs: number): ExtractSuccess {
  return { ok: true, detectedType, text, layout, reading, analysis: analyzeResume(text, { now: new Date(nowMs), layout }) };
}

// An analysis bug must not take the import down: serveTasks reports the throw and the pool fails the file.
serveTasks<WorkerRequest, WorkerAnswer, ExtractProgress>(async (request, progress) => {
  if ('text' in request) return analysed(request.detectedType, request.text, request.layout, request.reading, request.nowMs);
  const outcome = await extractText(request.bytes, request.fileName, {
    ocrStarting: (ocrPages) => progress({ ocrPages }),
    detail: (detail) => progress({ detail }),
  });
  if (!outcome.ok) return { ok: false, detectedType: outcome.detectedType, ...outcome.failure };
  if (!request.analyze) return { extractedOnly: true, detectedType: outcome.detectedType, text: outcome.text, layout: outcome.layout, reading: outcome.reading };
  return analysed(outcome.detectedType, outcome.text, outcome.layout, outcome.reading, request.nowMs);
});
