// Entry script of an extraction worker thread: detects the type, extracts and
// normalises the text, and analyses exactly the normalised string, or does one of the two
// steps when the pool splits them between workers. The pool enforces the time limit by
// terminating the thread.
// In the packaged app this file is bundled to .js; it must depend on nothing but its own imports.
import type { TextLayout } from '../../contract/layout.ts';
import { analyzeResume } from '../analysis/index.ts';
import { serveTasks } from '../workers/serve.ts';
import { extractText } from './extract.ts';
import type { ExtractProgress, WorkerAnswer, WorkerRequest } from './protocol.ts';

const analyse = (text: string, layout: TextLayout | undefined, nowMs: number) => analyzeResume(text, { now: new Date(nowMs), layout });

// An analysis bug must not take the import down: serveTasks reports the throw and the pool fails the file.
serveTasks<WorkerRequest, WorkerAnswer, ExtractProgress>(async (request, progress) => {
  if ('text' in request) {
    // Written by the worker that read the file, from a TextLayout (protocol.ts).
    const layout = request.layoutJson === undefined ? undefined : (JSON.parse(request.layoutJson) as TextLayout);
    return { analysedOnly: true, analysis: analyse(request.text, layout, request.nowMs) };
  }
  const outcome = await extractText(request.bytes, request.fileName, {
    ocrStarting: (ocrPages) => progress({ ocrPages }),
    detail: (detail) => progress({ detail }),
  });
  if (!outcome.ok) return { ok: false, detectedType: outcome.detectedType, ...outcome.failure };
  const { detectedType, text, layout, reading } = outcome;
  const layoutJson = layout === undefined ? undefined : JSON.stringify(layout);
  if (!request.analyze) return { extractedOnly: true, detectedType, text, layoutJson, reading };
  return { ok: true, detectedType, text, layoutJson, reading, analysis: analyse(text, layout, request.nowMs) };
});
