// Keyboard map of the call screen, as a pure function so it can be unit-tested
// and so the hints shown on screen and the handler cannot drift apart.

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

function digitOf(input: KeyInput): number | null {
  const match = /^(?:Digit|Numpad)([0-9])$/.exec(input.code);
  if (match) return Number(match[1]);
  return /^[0-9]$/.test(input.key) ? Number(input.key) : null;
}

/**
 * Maps a key press (outside the notes field) to an action. `isRatingArmed` is true
 * right after `r`: the next 1–4 sets the rating (0 clears it) instead of ticking.
 */
export function callKeyAction(input: KeyInput, isRatingArmed: boolean): CallAction | null {
  if (input.ctrlKey || input.metaKey || input.altKey) return null;
  const digit = digitOf(input);
  if (isRatingArmed && digit !== null && !input.shiftKey) {
    if (digit === 0) return { type: 'rate', rating: null };
    if (digit >= 1 && digit <= 4) return { type: 'rate', rating: digit as 1 | 2 | 3 | 4 };
    return { type: 'cancel' };
  }
  if (digit !== null && digit >= 1) {
    return input.shiftKey ? { type: 'toggle-red', index: digit - 1 } : { type: 'toggle-good', index: digit - 1 };
  }
  switch (input.key) {
    case 'r':
    case 'R':
      return { type: 'arm-rating' };
    case 'n':
    case 'N':
      return { type: 'focus-notes' };
    case 'ArrowRight':
    case 'PageDown':
      return { type: 'next' };
    case 'ArrowLeft':
    case 'PageUp':
      return { type: 'previous' };
    case 'Enter':
      return { type: 'enter' };
    case 'Escape':
      return { type: 'cancel' };
    default:
      return null;
  }
}

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
