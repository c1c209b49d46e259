// Remembers the window's size and position in a small JSON file in userData.
// The file is untrusted input: it is validated, and the bounds are clamped so
// the window always comes back on a display that still exists.
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { z } from 'zod';
import { createLogger } from '../logger.ts';

const log = createLogger('window-state');

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const themeSources = ['system', 'light', 'dark'] as const;
export type ThemeSource = (typeof themeSources)[number];

const int = z.number().int().min(-100_000).max(100_000);
const stateSchema = z.object({
  bounds: z.object({ x: int, y: int, width: int.min(200), height: int.min(200) }).optional(),
  isMaximized: z.boolean().default(false),
  theme: z.enum(themeSources).default('system'),
});
export type WindowState = z.output<typeof stateSchema>;

export const defaultSize = { width: 1280, height: 800 } as const;
export const minimumSize = { width: 960, height: 600 } as const;

export function parseWindowState(raw: string | null): WindowState {
  if (raw === null) return { isMaximized: false, theme: 'system' };
  try {
    const parsed = stateSchema.safeParse(JSON.parse(raw));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through: a corrupt file means defaults
  }
  log.warn('ignoring an invalid window state file');
  return { isMaximized: false, theme: 'system' };
}

function overlapArea(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

/**
 * Fits saved bounds into the work area of the display they overlap most; if
 * they overlap none (a monitor was unplugged), centres a default-sized window on
 * the primary display. Returns null position parts when Electron should centre.
 */
export function clampBounds(saved: Rect | undefined, workAreas: readonly Rect[]): Rect | { width: number; height: number } {
  const primary = workAreas[0];
  if (!primary) return saved ? { width: saved.width, height: saved.height } : { ...defaultSize };
  const fitSize = (area: Rect, width: number, height: number) => ({
    width: Math.max(Math.min(width, area.width), Math.min(minimumSize.width, area.width)),
    height: Math.max(Math.min(height, area.height), Math.min(minimumSize.height, area.height)),
  });
  if (!saved) return fitSize(primary, defaultSize.width, defaultSize.height);
  let best: Rect | null = null;
  let bestArea = 0;
  for (const area of workAreas) {
    const overlap = overlapArea(saved, area);
    if (overlap > bestArea) {
      best = area;
      bestArea = overlap;
    }
  }
  if (!best) return fitSize(primary, saved.width, saved.height);
  const { width, height } = fitSize(best, saved.width, saved.height);
  const x = Math.min(Math.max(saved.x, best.x), best.x + best.width - width);
  const y = Math.min(Math.max(saved.y, best.y), best.y + best.height - height);
  return { x, y, width, height };
}

export function readWindowState(file: string): WindowState {
  let raw: string | null = null;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    raw = null;
  }
  return parseWindowState(raw);
}

export function writeWindowState(file: string, state: WindowState): void {
  try {
    const temporary = `${file}.tmp`;
    writeFileSync(temporary, JSON.stringify(state, null, 2));
    renameSync(temporary, file);
  } catch (error) {
    log.warn('could not save the window state', error);
  }
}
