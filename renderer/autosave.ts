// Debounced autosave for text a recruiter types: the value is saved `delayMs` after
// the last change, or at once on `flush` (the field is left, the view moves on) and
// when the component unmounts, so closing a screen never drops what was typed.
// Free of React so it is tested under Node; components use `useAutosave` (use-autosave.ts).
export interface Autosave<T> {
  /** Remembers `value` as the one to save and restarts the wait. */
  schedule: (value: T) => void;
  /** Saves the remembered value now, if there is one. */
  flush: () => void;
  /** True while a value waits to be saved: typing went on during a save. */
  isPending: () => boolean;
}

/** The autosave itself, apart from React so it can be tested with fake timers. `save` is read at each save. */
export function createAutosave<T>(save: () => (value: T) => void | Promise<void>, delayMs: number): Autosave<T> {
  let pending: { value: T } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const next = pending;
    pending = null;
    if (next) void save()(next.value);
  };
  return {
    schedule(value) {
      pending = { value };
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(flush, delayMs);
    },
    flush,
    isPending: () => pending !== null,
  };
}
