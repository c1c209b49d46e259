// The reference: poppler's pdftotext over the same PDFs, one process per file,
// as many at once as there are cores (xargs -P), text thrown away.
import { spawn, spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';

/** CPU time (ms) of this process's waited-for descendants: /proc/self/stat cutime + cstime. */
function childrenCpuMs(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  // Fields after the parenthesised command name; cutime and cstime are fields 16 and 17.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[13]) + Number(fields[14]);
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

export function hasPdftotext(): boolean {
  return spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;
}

export async function runPdftotext(files: readonly string[], parallelism: number): Promise<{ elapsedMs: number; cpuMs: number; failed: number }> {
  const started = performance.now();
  const cpuBefore = childrenCpuMs();
  const exitCode = await new Promise<number>((resolve, reject) => {
    const child = spawn('xargs', ['-0', '-P', String(parallelism), '-I', '{}', 'pdftotext', '-q', '-enc', 'UTF-8', '{}', '/dev/null'], {
      stdio: ['pipe', 'ignore', 'inherit'],
    });
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
    child.stdin.end(files.map((file) => `${file}\0`).join(''));
  });
  const elapsedMs = performance.now() - started;
  // xargs exits 123 when some invocation failed; count failures separately only if needed.
  return { elapsedMs, cpuMs: childrenCpuMs() - cpuBefore, failed: exitCode === 0 ? 0 : -1 };
}
