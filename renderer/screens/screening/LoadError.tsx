import type { ReactNode } from 'react';

/** What a screening screen shows when its data could not be loaded: the reason, a retry, and any way out. */
export function LoadError(props: { message: string; onRetry: () => void; children?: ReactNode }) {
  return (
    <div className="sc-root sc-center">
      <div className="sc-banner sc-banner-error" role="alert">
        {props.message}
      </div>
      <div className="sc-row">
        <button type="button" className="sc-button" onClick={props.onRetry}>
          Try again
        </button>
        {props.children}
      </div>
    </div>
  );
}
