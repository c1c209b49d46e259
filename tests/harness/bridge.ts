// The test harness's `window.shipped`: ShippedBridge over fetch (POST /api/<method>)
// and Server-Sent Events (GET /events). Served as a classic script with its types
// stripped (node:module stripTypeScriptTypes), injected before the app's script.
// Keep this file erasable-only and free of runtime imports and exports.
import type { ApiClient, ApiEventName, ApiResponse, ShippedBridge } from '../../contract/api.ts';

interface HarnessConfig {
  methods: string[];
  events: string[];
  dropFolder: string;
}

interface PageGlobals {
  shipped?: ShippedBridge;
  __shippedHarness: HarnessConfig;
  EventSource: new (url: string) => { addEventListener(name: string, listener: (event: { data: string }) => void): void };
}

(() => {
  const page = globalThis as unknown as PageGlobals;
  const config = page.__shippedHarness;

  async function invoke(method: string, args: unknown): Promise<ApiResponse<unknown>> {
    try {
      const response = await fetch(`/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(args ?? {}),
      });
      return (await response.json()) as ApiResponse<unknown>;
    } catch {
      return { ok: false, error: 'The test harness did not answer.' };
    }
  }

  const api = Object.fromEntries(config.methods.map((method) => [method, (args: unknown) => invoke(method, args)])) as unknown as ApiClient;

  type Listener = (payload: unknown) => void;
  const listeners = new Map<string, Set<Listener>>();
  const source = new page.EventSource('/events');
  for (const name of config.events) {
    source.addEventListener(name, (event) => {
      const payload: unknown = JSON.parse(event.data);
      for (const listener of listeners.get(name) ?? []) listener(payload);
    });
  }

  const bridge: ShippedBridge = {
    api,
    on(event: ApiEventName, listener: (payload: never) => void) {
      if (!config.events.includes(event)) throw new Error(`Unknown event "${String(event)}"`);
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      set.add(listener as Listener);
      return () => {
        set.delete(listener as Listener);
      };
    },
    pathsForDroppedFiles(files: readonly File[]) {
      // The harness stands in for Electron's webUtils: a dropped file's name, resolved in the test's folder.
      return Array.from(files, (file) => `${config.dropFolder.replace(/\/+$/, '')}/${file.name}`);
    },
  } as ShippedBridge;

  page.shipped = Object.freeze(bridge);
})();
