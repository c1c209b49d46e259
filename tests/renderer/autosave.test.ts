// The debounced autosave behind every typed field (candidate notes, call notes), on fake timers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutosave } from '../../renderer/autosave.ts';

describe('autosave', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function recorder() {
    const saved: string[] = [];
    const autosave = createAutosave<string>(() => (value) => void saved.push(value), 500);
    return { saved, autosave };
  }

  it('saves the last value once typing has paused for the delay', () => {
    const { saved, autosave } = recorder();
    autosave.schedule('a');
    vi.advanceTimersByTime(400);
    autosave.schedule('ab');
    vi.advanceTimersByTime(499);
    expect(saved).toEqual([]);
    expect(autosave.isPending()).toBe(true);
    vi.advanceTimersByTime(1);
    expect(saved).toEqual(['ab']);
    expect(autosave.isPending()).toBe(false);
  });

  it('saves at once on flush, and not again when the delay runs out', () => {
    const { saved, autosave } = recorder();
    autosave.schedule('left the field');
    autosave.flush();
    expect(saved).toEqual(['left the field']);
    vi.advanceTimersByTime(1000);
    autosave.flush();
    expect(saved).toEqual(['left the field']);
  });

  it('saves with the save function current at the time of saving', () => {
    let target: string[] = [];
    const autosave = createAutosave<string>(() => (value) => void target.push(value), 500);
    autosave.schedule('x');
    const later: string[] = [];
    target = later;
    vi.advanceTimersByTime(500);
    expect(later).toEqual(['x']);
  });

  it('reports a value typed while a slow save is on its way as still pending', async () => {
    let finishSave = () => {};
    const states: boolean[] = [];
    const autosave = createAutosave<string>(
      () => async () => {
        await new Promise<void>((resolve) => {
          finishSave = resolve;
        });
        states.push(autosave.isPending());
      },
      500,
    );
    autosave.schedule('first');
    autosave.flush();
    autosave.schedule('second');
    finishSave();
    await vi.waitFor(() => expect(states).toEqual([true]));
  });
});
