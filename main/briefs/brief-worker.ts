// Worker thread: renders prepared BriefModels (plain JSON) to PDF files so a
// large batch never blocks the main process. One request at a time (serveTasks);
// progress after each brief, then the files written or why writing failed.
import { readFileSync } from 'node:fs';
import { writeAtomically } from './output.ts';
import { serveTasks } from '../workers/serve.ts';
import { renderBriefsPdf, type FontData } from './render-pdf.ts';
import type { BriefProgress, BriefWorkerRequest, BriefWorkerResult, RenderFonts } from './types.ts';

let fontCache: { key: string; data: FontData } | null = null;

function loadFonts(fonts: RenderFonts): FontData {
  const key = `${fonts.regular}\n${fonts.bold}`;
  if (fontCache?.key !== key) fontCache = { key, data: { regular: readFileSync(fonts.regular), bold: readFileSync(fonts.bold) } };
  return fontCache.data;
}

async function writeBriefs(request: BriefWorkerRequest, progress: (value: BriefProgress) => void): Promise<BriefWorkerResult> {
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
            progress({ done, total, candidateId: model.candidateId });
          },
        },
      );
      writeAtomically(request.combined.path, result.bytes);
      return { ok: true, files: [{ path: request.combined.path, pages: result.pages.reduce((a, b) => a + b, 0) }] };
    }
    const files: Array<{ path: string; pages: number }> = [];
    for (const output of request.outputs) {
      currentPath = output.path;
      const result = await renderBriefsPdf([output.model], { pageSize: request.pageSize, fonts, metadata: output.model.metadata });
      writeAtomically(output.path, result.bytes);
      files.push({ path: output.path, pages: result.pages[0] ?? 0 });
      done += 1;
      progress({ done, total, candidateId: output.model.candidateId });
    }
    return { ok: true, files };
  } catch (error) {
    const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : null;
    return { ok: false, message: error instanceof Error ? error.message : String(error), code, path: currentPath };
  }
}

serveTasks(writeBriefs);
