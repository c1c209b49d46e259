// Keyboard map of the call screen as data: which key does what in each mode, and the
// hints the footers show, side by side so a change to one is seen next to the other.
// Pure, so it is unit-tested without a browser.
import type { Recommendation } from '../../../contract/types.ts';
import type { CallMode } from './call-state.ts';

export interface KeyInput {
  key: string;
  /** Physical key (`Digit1`…), so Shift+1 works whatever the layout prints. */
  code: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

export type CallAction =
  | { type: 'toggle-good'; index: number }
  | { type: 'toggle-red'; index: number }
  | { type: 'arm-rating' }
  | { type: 'rate'; rating: 1 | 2 | 3 | 4 | null }
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'enter' }
  | { type: 'focus-notes' }
  | { type: 'cancel' };

type FinishAction = { type: 'choose'; recommendation: Recommendation } | { type: 'back-to-call' } | { type: 'finish' };

/** Escape in a text field: leave the field (saving what was typed) so the keys work again. */
export type ScreenAction = CallAction | FinishAction | { type: 'leave-field' };

/** Where the key was pressed: in a text field, on a button, or elsewhere. */
export type KeyTarget = 'field' | 'button' | 'other';

/** Call mode, outside the notes field and with no modifier: keys other than digits. */
const callKeys = new Map<string, CallAction>([
  ['r', { type: 'arm-rating' }],
  ['R', { type: 'arm-rating' }],
  ['n', { type: 'focus-notes' }],
  ['N', { type: 'focus-notes' }],
  ['ArrowRight', { type: 'next' }],
  ['PageDown', { type: 'next' }],
  ['ArrowLeft', { type: 'previous' }],
  ['PageUp', { type: 'previous' }],
  ['Enter', { type: 'enter' }],
  ['Escape', { type: 'cancel' }],
]);

/** Finish mode, either case, with no modifier. */
const recommendationKeys = new Map<string, Recommendation>([
  ['a', 'advance'],
  ['h', 'hold'],
  ['d', 'decline'],
]);

function digitOf(input: KeyInput): number | null {
  const match = /^(?:Digit|Numpad)([0-9])$/.exec(input.code);
  if (match) return Number(match[1]);
  return /^[0-9]$/.test(input.key) ? Number(input.key) : null;
}

function hasModifier(input: KeyInput): boolean {
  return input.ctrlKey || input.metaKey || input.altKey;
}

/**
 * Maps a key press (outside the notes field) to an action. `isRatingArmed` is true
 * right after `r`: the next 1–4 sets the rating (0 clears it) instead of ticking.
 */
export function callKeyAction(input: KeyInput, isRatingArmed: boolean): CallAction | null {
  if (hasModifier(input)) return null;
  const digit = digitOf(input);
  if (isRatingArmed && digit !== null && !input.shiftKey) {
    if (digit === 0) return { type: 'rate', rating: null };
    if (digit >= 1 && digit <= 4) return { type: 'rate', rating: digit as 1 | 2 | 3 | 4 };
    return { type: 'cancel' };
  }
  if (digit !== null && digit >= 1) {
    return input.shiftKey ? { type: 'toggle-red', index: digit - 1 } : { type: 'toggle-good', index: digit - 1 };
  }
  return callKeys.get(input.key) ?? null;
}

/** Maps a key press on the finish view (outside the summary field) to an action. */
function finishKeyAction(input: KeyInput, target: KeyTarget): FinishAction | null {
  const recommendation = recommendationKeys.get(input.key.toLowerCase());
  if (recommendation && !hasModifier(input)) return { type: 'choose', recommendation };
  if (input.key === 'Escape') return { type: 'back-to-call' };
  // A button's own Enter presses it. Focus moves to the Finish button a tick after a choice;
  // Enter pressed in that tick still finishes.
  if (input.key === 'Enter' && target !== 'button') return { type: 'finish' };
  return null;
}

/** The whole screen's keymap: what a key press does in `mode`, or null to leave it to the browser. */
export function screenKeyAction(input: KeyInput, target: KeyTarget, mode: CallMode, isRatingArmed: boolean): ScreenAction | null {
  if (mode === 'scorecard') return null;
  if (target === 'field') return input.key === 'Escape' ? { type: 'leave-field' } : null;
  if (mode === 'finish') return finishKeyAction(input, target);
  if (target === 'button' && (input.key === 'Enter' || input.key === ' ')) return null;
  return callKeyAction(input, isRatingArmed);
}

/** A footer hint: keys shown as keycaps between plain words. */
export type KeyHint = ReadonlyArray<{ key: string } | string>;

export function callKeyHints(isLastQuestion: boolean): KeyHint[] {
  return [
    [{ key: '1' }, '–', { key: '9' }, ' good point'],
    [{ key: '⇧' }, '+', { key: '1' }, '–', { key: '9' }, ' red flag'],
    [{ key: 'R' }, ' then ', { key: '1' }, '–', { key: '4' }, ' rate'],
    [{ key: '←' }, ' ', { key: '→' }, ' question'],
    [{ key: 'N' }, ' notes, ', { key: 'Esc' }, ' leave notes'],
    [{ key: 'Enter' }, isLastQuestion ? ' finish' : ' next'],
  ];
}

export const finishKeyHints: KeyHint[] = [
  [{ key: 'A' }, ' ', { key: 'H' }, ' ', { key: 'D' }, ' choose'],
  [{ key: 'Enter' }, ' finish (once chosen)'],
  [{ key: 'Esc' }, ' back to questions'],
];

export function formatClock(ms: number): string {
  const totalSeconds = Math.floor(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const mmss = `${String(minutes).padStart(hours > 0 ? 2 : 1, '0')}:${String(seconds).padStart(2, '0')}`;
  return hours > 0 ? `${hours}:${mmss}` : mmss;
}

/** Pulls `path: message` pairs out of a dispatch validation error for a field of `screening.saveScript`. */
export function fieldErrors(message: string): Map<string, string> {
  const errors = new Map<string, string>();
  const body = message.replace(/^Invalid request for [\w.]+: /, '').replace(/\.$/, '');
  for (const part of body.split('; ')) {
    const match = /^script\.([\w.]+): (.+)$/.exec(part) ?? /^(script|changeNote): (.+)$/.exec(part);
    if (match?.[1] && match[2]) errors.set(match[1], match[2]);
  }
  return errors;
}
