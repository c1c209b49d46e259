// Worker thread: renders prepared BriefModels (plain JSON) to PDF files so a
// large batch never blocks the main process. One numbered request at a time;
// answers progress, done or error messages carrying the same request id.
import { parentPort } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { writeAtomically } from './output.ts';
import { renderBriefsPdf, type FontData } from './render-pdf.ts';
import type { BriefWorkerMessage, BriefWorkerRequest, RenderFonts } from './types.ts';

const port = parentPort;
if (port === null) throw new Error('brief-worker.ts must run as a worker thread');

let fontCache: { key: string; data: FontData } | null = null;

function loadFonts(fonts: RenderFonts): FontData {
  const key = `${fonts.regular}\n${fonts.bold}`;
  if (fontCache?.key !== key) fontCache = { key, data: { regular: readFileSync(fonts.regular), bold: readFileSync(fonts.bold) } };
  return fontCache.data;
}

async function handle(request: BriefWorkerRequest): Promise<void> {
  const send = (message: BriefWorkerMessage) => port?.postMessage(message);
  const fonts = loadFonts(request.fonts);
  const total = request.outputs.length;
  let done = 0;
  let currentPath: string | null = null;
  try {
    if (request.combined !== null) {
      currentPath = request.combined.path;
      const result = await renderBriefsPdf(
        request.outputs.map((output) => output.model),
        {
          pageSize: request.pageSize,
          fonts,
          metadata: request.combined.metadata,
          onBrief: (model) => {
            done += 1;
            send({ requestId: request.requestId, type: 'progress', done, total, candidateId: model.candidateId });
          },
        },
      );
      writeAtomically(request.combined.path, result.bytes);
      send({ requestId: request.requestId, type: 'done', files: [{ path: request.combined.path, pages: result.pages.reduce((a, b) => a + b, 0) }] });
      return;
    }
    const files: Array<{ path: string; pages: number }> = [];
    for (const output of request.outputs) {
      currentPath = output.path;
      const result = await renderBriefsPdf([output.model], { pageSize: request.pageSize, fonts, metadata: output.model.metadata });
      writeAtomically(output.path, result.bytes);
      files.push({ path: output.path, pages: result.pages[0] ?? 0 });
      done += 1;
      send({ requestId: request.requestId, type: 'progress', done, total, candidateId: output.model.candidateId });
    }
    send({ requestId: request.requestId, type: 'done', files });
  } catch (error) {
    const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : null;
    send({
      requestId: request.requestId,
      type: 'error',
      message: error instanceof Error ? error.message : String(error),
      code,
      path: currentPath,
    });
  }
}

// Requests are handled strictly one after another.
let queue = Promise.resolve();
port.on('message', (request: BriefWorkerRequest) => {
  queue = queue.then(() => handle(request));
});
