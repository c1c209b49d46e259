// The renderer's only door to the app: `window.shipped` (ShippedBridge), given by
// the preload in Electron and by an HTTP shim in the test harness. `call` unwraps
// `{ ok, value } | { ok, error }` into a value or an ApiError the UI can show.
import type { ApiArgs, ApiEventName, ApiEvents, ApiMethod, ApiResponse, ApiResult, ShippedBridge } from '../contract/api.ts';

declare global {
  interface Window {
    shipped?: ShippedBridge;
  }
}

export class ApiError extends Error {
  readonly method: ApiMethod;
  constructor(method: ApiMethod, message: string) {
    super(message);
    this.name = 'ApiError';
    this.method = method;
  }
}

function bridge(): ShippedBridge {
  const found = window.shipped;
  if (!found) throw new Error('Shipped could not connect to its data. Restart the app.');
  return found;
}

export async function call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResult<M>> {
  let response: ApiResponse<ApiResult<M>>;
  try {
    // TypeScript cannot correlate a generic key with its own entry of the mapped type.
    const invoke = bridge().api[method] as unknown as (args: ApiArgs<M>) => Promise<ApiResponse<ApiResult<M>>>;
    response = await invoke(args);
  } catch (error) {
    throw new ApiError(method, error instanceof Error ? error.message : 'The request could not be sent.');
  }
  if (!response.ok) throw new ApiError(method, response.error);
  return response.value;
}

export function subscribe<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void {
  return bridge().on(event, listener);
}

export function droppedPaths(files: FileList | readonly File[]): string[] {
  return bridge().pathsForDroppedFiles(Array.from(files));
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
