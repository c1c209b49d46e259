// Writes of a screening call, one after another so they reach the store in the order
// they were made, with the state the header shows ("Saving…", "✓ Saved", "Not saved").
import { useCallback, useRef, useState } from 'react';
import type { ScreeningDetail } from '../../../contract/screening.ts';
import { errorMessage } from '../../api.ts';

export type SaveStatus =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved' }
  | { state: 'error'; message: string; retry: () => void };

/**
 * `enqueue(run, isSilent)`: a silent write (time, position) does not show "Saving…".
 * `onSettled` gets the store's answer once no write is left in the queue.
 */
export function useSaveQueue(onSettled: (detail: ScreeningDetail) => void) {
  const chain = useRef<Promise<void>>(Promise.resolve());
  const pending = useRef(0);
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });
  const onSettledRef = useRef(onSettled);
  onSettledRef.current = onSettled;

  const enqueue = useCallback((run: () => Promise<ScreeningDetail>, isSilent = false) => {
    pending.current += 1;
    if (!isSilent) setStatus({ state: 'saving' });
    chain.current = chain.current.then(async () => {
      try {
        const detail = await run();
        pending.current -= 1;
        if (pending.current === 0) {
          setStatus((previous) => (isSilent && previous.state === 'idle' ? previous : { state: 'saved' }));
          onSettledRef.current(detail);
        }
      } catch (error) {
        pending.current -= 1;
        setStatus({ state: 'error', message: errorMessage(error), retry: () => enqueue(run) });
      }
    });
    return chain.current;
  }, []);

  const flush = useCallback(() => chain.current, []);
  return { status, enqueue, flush };
}
