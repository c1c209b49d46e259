// Small helpers for timing statistics and process memory.
import { readFileSync, readdirSync } from 'node:fs';

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = values.slice().sort((a, b) => a - b);
  // Nearest-rank: the smallest value with at least p% of samples at or below it.
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] as number;
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

function childrenOf(pid: number): number[] {
  const children: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const text = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      if (text) children.push(...text.split(/\s+/).map(Number));
    }
  } catch {
    // The process ended between samples.
  }
  return children;
}

/** Resident memory of a process and all its descendants, in kB (threads share their process's RSS). */
export function treeRssKb(pid: number): number {
  let total = statusKb(pid, 'VmRSS');
  for (const child of childrenOf(pid)) total += treeRssKb(child);
  return total;
}

export interface RssSampler {
  /** Stops sampling; returns the peak (kB) and the RSS at each tenth of the run (kB). */
  stop(): { peakKb: number; byTenth: number[] };
}

/** Polls the RSS of a process tree until stopped; keeps the peak and a coarse time series. */
export function sampleTreeRss(pid: number, intervalMs = 50): RssSampler {
  let peakKb = 0;
  const series: number[] = [];
  const sample = () => {
    const rss = treeRssKb(pid);
    if (rss > 0) series.push(rss);
    peakKb = Math.max(peakKb, rss, statusKb(pid, 'VmHWM'));
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      const byTenth = series.length === 0 ? [] : Array.from({ length: 10 }, (_, index) => series[Math.min(series.length - 1, Math.floor(((index + 1) * series.length) / 10) - 1)] ?? 0);
      return { peakKb, byTenth };
    },
  };
}
