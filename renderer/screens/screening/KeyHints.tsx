import { Fragment, type ReactNode } from 'react';
import type { KeyHint } from './keys.ts';

/** The footer of keyboard shortcuts, from the hints in keys.ts; `children` follow them (the call view puts the rating there). */
export function KeyHints({ hints, children }: { hints: KeyHint[]; children?: ReactNode }) {
  return (
    <footer className="sc-keys" aria-label="Keyboard shortcuts">
      {hints.map((hint, hintIndex) => (
        <span key={hintIndex}>
          {hint.map((part, partIndex) => (
            <Fragment key={partIndex}>{typeof part === 'string' ? part : <kbd>{part.key}</kbd>}</Fragment>
          ))}
        </span>
      ))}
      {children}
    </footer>
  );
}
