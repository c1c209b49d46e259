// The OCR section of `npm run bench` (also `node bench/ocr.ts`): pages per second for Shipped's
// OCR (the import's worker pool: tesseract.js in WebAssembly, plus analysis) against the native
// `tesseract` command (Debian's English model, tessdata_fast: the one Shipped reads pages with,
// resources/ocr/README.md) on the same 300-dpi page images with the same parallelism, and the peak
// memory of the importing process while it runs. Wall-clock rates depend on what else the
// machine runs, so it also gives CPU seconds per page for each side (every thread of the
// importing process; user + system time of the tesseract processes), which background load
// changes far less.
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sampleTreeRss } from './stats.ts';
import { makeTwin, twinSources } from './ocr-twins.ts';

export interface OcrBenchResult {
  pages: number;
  workers: number;
  shippedPagesPerSecond: number;
  nativePagesPerSecond: number | null;
  ratioToNative: number | null;
  /** CPU seconds per page: all threads of the importing process (workers, tesseract threads, analysis, start-up). */
  shippedCpuSecondsPerPage: number;
  nativeCpuSecondsPerPage: number | null;
  /** Native CPU per page over Shipped's: the speed ratio with the machine's other work taken out. */
  cpuRatioToNative: number | null;
  peakRssMb: number;
  failed: number;
  /** Shipped and native alternated this many times over the same pages; the figures are their totals. */
  rounds: number;
}

export function hasNativeTesseract(): boolean {
  return spawnSync('tesseract', ['--version'], { encoding: 'utf8' }).status === 0;
}

// The shell runs tesseract and then `times`, whose second line is the CPU time of the shell's
// children ("0m1.110000s 0m0.110000s": user, system); Node has no call for a child's CPU time.
const timedTesseract = 'tesseract "$@" >/dev/null 2>&1; status=$?; times; exit $status';

function secondsOf(field: string): number {
  const match = /^(\d+)m([\d.]+)s$/.exec(field);
  return match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
}

/** Runs `tesseract IMAGE stdout` over the images, `parallel` at a time, one thread each; wall and CPU seconds. */
async function runNative(images: readonly string[], parallel: number): Promise<{ seconds: number; cpuSeconds: number }> {
  const queue = [...images];
  let cpuSeconds = 0;
  const started = performance.now();
  const lane = async () => {
    for (let image = queue.shift(); image !== undefined; image = queue.shift()) {
      const args = [image, 'stdout', '-l', 'eng', '--psm', '3'];
      await new Promise<void>((resolve, reject) => {
        const child = spawn('sh', ['-c', timedTesseract, 'tesseract', ...args], { stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, OMP_THREAD_LIMIT: '1' } });
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.on('error', reject);
        child.on('exit', (code) => {
          if (code !== 0) return reject(new Error(`tesseract exited with ${code} on ${image}`));
          const [user = '', system = ''] = output.trim().split('\n').at(-1)?.split(/\s+/) ?? [];
          cpuSeconds += secondsOf(user) + secondsOf(system);
          resolve();
        });
      });
    }
  };
  await Promise.all(Array.from({ length: parallel }, lane));
  return { seconds: (performance.now() - started) / 1000, cpuSeconds };
}

function runShipped(images: readonly string[], workers: number): Promise<{ seconds: number; cpuSeconds: number; peakKb: number; failed: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(new URL('./ocr-child.ts', import.meta.url)), String(workers), ...images], { stdio: ['ignore', 'pipe', 'inherit'] });
    const rss = sampleTreeRss(child.pid ?? 0, 100);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const { peakKb } = rss.stop();
      if (code !== 0) return reject(new Error(`the OCR child exited with ${code}`));
      const result = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as { elapsedMs: number; cpuMs: number; failed: number };
      resolve({ seconds: result.elapsedMs / 1000, cpuSeconds: result.cpuMs / 1000, peakKb, failed: result.failed });
    });
  });
}

/**
 * `rounds` > 1 alternates Shipped and native that many times and adds up each side's seconds: on
 * the shared machine one run's CPU time moved by ±15 % for the same work (bench/README.md, OCR).
 */
export async function runOcrBench(options: { workers?: number; dir?: string; rounds?: number } = {}): Promise<OcrBenchResult> {
  const workers = options.workers ?? Math.min(2, availableParallelism());
  const dir = options.dir ?? join(tmpdir(), 'shipped-ocr-twins');
  const images: string[] = [];
  for (const source of twinSources()) images.push((await makeTwin(source, 300, dir)).png);
  const rounds = Math.max(1, options.rounds ?? 1);
  const shipped = { seconds: 0, cpuSeconds: 0, peakKb: 0, failed: 0 };
  let native: { seconds: number; cpuSeconds: number } | null = hasNativeTesseract() ? { seconds: 0, cpuSeconds: 0 } : null;
  for (let round = 0; round < rounds; round++) {
    const run = await runShipped(images, workers);
    shipped.seconds += run.seconds;
    shipped.cpuSeconds += run.cpuSeconds;
    shipped.peakKb = Math.max(shipped.peakKb, run.peakKb);
    shipped.failed += run.failed;
    if (native) {
      const nativeRun = await runNative(images, workers);
      native = { seconds: native.seconds + nativeRun.seconds, cpuSeconds: native.cpuSeconds + nativeRun.cpuSeconds };
    }
  }
  const pages = images.length * rounds;
  const perSecond = (seconds: number | null) => (seconds === null ? null : Math.round((pages / seconds) * 1000) / 1000);
  const cpuPerPage = (cpuSeconds: number | null) => (cpuSeconds === null ? null : Math.round((cpuSeconds / pages) * 100) / 100);
  const cpuRatio = (nativeCpu: number | null) => (nativeCpu === null ? null : Math.round((nativeCpu / shipped.cpuSeconds) * 100) / 100);
  const shippedRate = perSecond(shipped.seconds) ?? 0;
  const nativeRate = perSecond(native?.seconds ?? null);
  return {
    pages,
    workers,
    shippedPagesPerSecond: shippedRate,
    nativePagesPerSecond: nativeRate,
    ratioToNative: nativeRate ? Math.round((shippedRate / nativeRate) * 100) / 100 : null,
    shippedCpuSecondsPerPage: cpuPerPage(shipped.cpuSeconds) ?? 0,
    nativeCpuSecondsPerPage: cpuPerPage(native?.cpuSeconds ?? null),
    cpuRatioToNative: cpuRatio(native?.cpuSeconds ?? null),
    peakRssMb: Math.round(shipped.peakKb / 1024),
    failed: shipped.failed,
    rounds,
  };
}

// `node bench/ocr.ts [--dir PATH] [--rounds N]`: where the twins are made or found (os.tmpdir()/shipped-ocr-twins
// by default), and how many alternating rounds to add up (1 by default).
if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { dir: { type: 'string' }, rounds: { type: 'string', default: '1' } } });
  console.log(JSON.stringify(await runOcrBench({ ...(values.dir ? { dir: values.dir } : {}), rounds: Number(values.rounds) })));
}
