import { describe, expect, it } from 'vitest';
import { callKeyAction, fieldErrors, formatClock, type KeyInput } from '../../renderer/screens/screening/keys.ts';

function key(key: string, code: string, shiftKey = false): KeyInput {
  return { key, code, shiftKey, ctrlKey: false, metaKey: false, altKey: false };
}

describe('call screen keys', () => {
  it('ticks good points with 1–9 and red flags with Shift+1–9 on any layout', () => {
    expect(callKeyAction(key('3', 'Digit3'), false)).toEqual({ type: 'toggle-good', index: 2 });
    expect(callKeyAction(key('#', 'Digit3', true), false)).toEqual({ type: 'toggle-red', index: 2 });
    expect(callKeyAction(key('"', 'Digit2', true), false)).toEqual({ type: 'toggle-red', index: 1 });
  });

  it('rates with r then 1–4, clears with r then 0', () => {
    expect(callKeyAction(key('r', 'KeyR'), false)).toEqual({ type: 'arm-rating' });
    expect(callKeyAction(key('4', 'Digit4'), true)).toEqual({ type: 'rate', rating: 4 });
    expect(callKeyAction(key('0', 'Digit0'), true)).toEqual({ type: 'rate', rating: null });
    expect(callKeyAction(key('7', 'Digit7'), true)).toEqual({ type: 'cancel' });
  });

  it('moves, focuses notes, and ignores shortcuts with modifiers', () => {
    expect(callKeyAction(key('PageDown', 'PageDown'), false)).toEqual({ type: 'next' });
    expect(callKeyAction(key('ArrowLeft', 'ArrowLeft'), false)).toEqual({ type: 'previous' });
    expect(callKeyAction(key('n', 'KeyN'), false)).toEqual({ type: 'focus-notes' });
    expect(callKeyAction({ ...key('1', 'Digit1'), ctrlKey: true }, false)).toBeNull();
  });

  it('formats clocks and pulls field errors out of a dispatch message', () => {
    expect(formatClock(65_000)).toBe('1:05');
    expect(formatClock(3_725_000)).toBe('1:02:05');
    const errors = fieldErrors(
      'Invalid request for screening.saveScript: script.questions.2.redFlags.0.text: write at least 3 characters; script.title: Too small.',
    );
    expect(errors.get('questions.2.redFlags.0.text')).toBe('write at least 3 characters');
    expect(errors.get('title')).toBe('Too small');
  });
});
