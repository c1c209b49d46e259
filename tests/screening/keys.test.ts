import { describe, expect, it } from 'vitest';
import { callKeyAction, callKeyHints, fieldErrors, formatClock, screenKeyAction, type KeyInput } from '../../renderer/screens/screening/keys.ts';

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

describe('screen keymap by mode and target', () => {
  it('leaves a text field on Escape and lets every other key type', () => {
    expect(screenKeyAction(key('Escape', 'Escape'), 'field', 'call', false)).toEqual({ type: 'leave-field' });
    expect(screenKeyAction(key('Escape', 'Escape'), 'field', 'finish', false)).toEqual({ type: 'leave-field' });
    expect(screenKeyAction(key('1', 'Digit1'), 'field', 'call', false)).toBeNull();
    expect(screenKeyAction(key('a', 'KeyA'), 'field', 'finish', false)).toBeNull();
  });

  it('leaves Enter and Space on a button to the button during the call', () => {
    expect(screenKeyAction(key('Enter', 'Enter'), 'button', 'call', false)).toBeNull();
    expect(screenKeyAction(key(' ', 'Space'), 'button', 'call', false)).toBeNull();
    expect(screenKeyAction(key('2', 'Digit2'), 'button', 'call', false)).toEqual({ type: 'toggle-good', index: 1 });
  });

  it('chooses with A, H, D in either case, goes back with Escape, finishes with Enter off a button', () => {
    expect(screenKeyAction(key('A', 'KeyA', true), 'other', 'finish', false)).toEqual({ type: 'choose', recommendation: 'advance' });
    expect(screenKeyAction(key('h', 'KeyH'), 'other', 'finish', false)).toEqual({ type: 'choose', recommendation: 'hold' });
    expect(screenKeyAction(key('d', 'KeyD'), 'button', 'finish', false)).toEqual({ type: 'choose', recommendation: 'decline' });
    expect(screenKeyAction({ ...key('a', 'KeyA'), metaKey: true }, 'other', 'finish', false)).toBeNull();
    expect(screenKeyAction(key('Escape', 'Escape'), 'other', 'finish', false)).toEqual({ type: 'back-to-call' });
    expect(screenKeyAction(key('Enter', 'Enter'), 'other', 'finish', false)).toEqual({ type: 'finish' });
    expect(screenKeyAction(key('Enter', 'Enter'), 'button', 'finish', false)).toBeNull();
    expect(screenKeyAction(key('1', 'Digit1'), 'other', 'finish', false)).toBeNull();
  });

  it('ignores every key on a finished scorecard', () => {
    expect(screenKeyAction(key('Enter', 'Enter'), 'other', 'scorecard', false)).toBeNull();
    expect(screenKeyAction(key('a', 'KeyA'), 'other', 'scorecard', false)).toBeNull();
  });

  it('shows finish or next for Enter depending on the question', () => {
    expect(callKeyHints(true).at(-1)).toEqual([{ key: 'Enter' }, ' finish']);
    expect(callKeyHints(false).at(-1)).toEqual([{ key: 'Enter' }, ' next']);
  });

  it('maps no key to an inherited object property', () => {
    expect(callKeyAction(key('constructor', ''), false)).toBeNull();
    expect(screenKeyAction(key('toString', ''), 'other', 'finish', false)).toBeNull();
  });
});
