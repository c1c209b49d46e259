import { useEffect, useRef, useState } from 'react';
import { createAutosave, type Autosave } from './autosave.ts';

/** `createAutosave` for a component: always saves with the latest `save`, and flushes on unmount. */
export function useAutosave<T>(save: (value: T) => void | Promise<void>, delayMs: number): Autosave<T> {
  const saveRef = useRef(save);
  saveRef.current = save;
  const [autosave] = useState(() => createAutosave<T>(() => saveRef.current, delayMs));
  useEffect(() => autosave.flush, [autosave]);
  return autosave;
}
