// The OCR section of `npm run bench` (also `node bench/ocr.ts`): pages per second for Shipped's
// OCR (the import's worker pool: tesseract.js in WebAssembly, plus analysis) against the native
// `tesseract` command on the same 300-dpi page images with the same parallelism, and the peak
// memory of the importing process while it runs.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { packagedLanguagePath } from '../main/import/readers/ocr.ts';
import { sampleTreeRss } from './stats.ts';
import { makeTwin, twinSources } from './ocr-twins.ts';

export interface OcrBenchResult {
  pages: number;
  workers: number;
  shippedPagesPerSecond: number;
  nativePagesPerSecond: number | null;
  /** Native tesseract with the same model as Shipped (tessdata best_int from @tesseract.js-data/eng). */
  nativeSameModelPagesPerSecond: number | null;
  ratioToNative: number | null;
  ratioToNativeSameModel: number | null;
  peakRssMb: number;
  failed: number;
}

export function hasNativeTesseract(): boolean {
  return spawnSync('tesseract', ['--version'], { encoding: 'utf8' }).status === 0;
}

/** Runs `tesseract IMAGE stdout` over the images, `parallel` at a time, one thread each. */
async function runNative(images: readonly string[], parallel: number, tessdataDir: string | null): Promise<number> {
  const queue = [...images];
  const started = performance.now();
  const lane = async () => {
    for (let image = queue.shift(); image !== undefined; image = queue.shift()) {
      const args = [image, 'stdout', '-l', 'eng', '--psm', '3', ...(tessdataDir ? ['--tessdata-dir', tessdataDir] : [])];
      await new Promise<void>((resolve, reject) => {
        const child = spawn('tesseract', args, { stdio: ['ignore', 'ignore', 'ignore'], env: { ...process.env, OMP_THREAD_LIMIT: '1' } });
        child.on('error', reject);
        child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`tesseract exited with ${code} on ${image}`))));
      });
    }
  };
  await Promise.all(Array.from({ length: parallel }, lane));
  return (performance.now() - started) / 1000;
}

function runShipped(images: readonly string[], workers: number): Promise<{ seconds: number; peakKb: number; failed: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(new URL('./ocr-child.ts', import.meta.url)), String(workers), ...images], { stdio: ['ignore', 'pipe', 'inherit'] });
    const rss = sampleTreeRss(child.pid ?? 0, 100);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const { peakKb } = rss.stop();
      if (code !== 0) return reject(new Error(`the OCR child exited with ${code}`));
      const result = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as { elapsedMs: number; failed: number };
      resolve({ seconds: result.elapsedMs / 1000, peakKb, failed: result.failed });
    });
  });
}

export async function runOcrBench(options: { workers?: number; dir?: string } = {}): Promise<OcrBenchResult> {
  const workers = options.workers ?? Math.min(2, availableParallelism());
  const dir = options.dir ?? join(tmpdir(), 'shipped-ocr-twins');
  const images: string[] = [];
  for (const source of twinSources()) images.push((await makeTwin(source, 300, dir)).png);
  // The model Shipped ships, decompressed, so native tesseract can be timed with it too.
  const sameModel = join(dir, 'tessdata-best-int');
  mkdirSync(sameModel, { recursive: true });
  writeFileSync(join(sameModel, 'eng.traineddata'), gunzipSync(readFileSync(join(packagedLanguagePath(), 'eng.traineddata.gz'))));

  const shipped = await runShipped(images, workers);
  const native = hasNativeTesseract() ? await runNative(images, workers, null) : null;
  const nativeSame = hasNativeTesseract() ? await runNative(images, workers, sameModel) : null;
  const perSecond = (seconds: number | null) => (seconds === null ? null : Math.round((images.length / seconds) * 1000) / 1000);
  const shippedRate = perSecond(shipped.seconds) ?? 0;
  const nativeRate = perSecond(native);
  const nativeSameRate = perSecond(nativeSame);
  return {
    pages: images.length,
    workers,
    shippedPagesPerSecond: shippedRate,
    nativePagesPerSecond: nativeRate,
    nativeSameModelPagesPerSecond: nativeSameRate,
    ratioToNative: nativeRate ? Math.round((shippedRate / nativeRate) * 100) / 100 : null,
    ratioToNativeSameModel: nativeSameRate ? Math.round((shippedRate / nativeSameRate) * 100) / 100 : null,
    peakRssMb: Math.round(shipped.peakKb / 1024),
    failed: shipped.failed,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await runOcrBench()));
}
