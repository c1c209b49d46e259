// The sandboxed preload: exposes `window.shipped` (ShippedBridge) and nothing
// else. One named function per contract method, events only for the declared
// names, no raw ipcRenderer and no process.env in the page.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { apiEventNames, apiMethods, type ApiClient, type ApiEventName, type ShippedBridge } from '../contract/api.ts';

function namedInvoker(method: string): (args: unknown) => Promise<unknown> {
  const channel = `api:${method}`;
  // An object literal with a computed key gives the function the method's name (for stack traces).
  const holder = { [method]: (args: unknown) => ipcRenderer.invoke(channel, args ?? {}) };
  const invoke = holder[method];
  if (!invoke) throw new Error(`could not build ${method}`);
  return invoke;
}

const api = Object.freeze(Object.fromEntries(apiMethods.map((method) => [method, namedInvoker(method)]))) as unknown as ApiClient;

function isEventName(name: unknown): name is ApiEventName {
  return typeof name === 'string' && (apiEventNames as readonly string[]).includes(name);
}

const bridge = {
  api,
  on(event, listener) {
    if (!isEventName(event)) throw new Error(`Unknown event "${String(event)}"`);
    const channel = `event:${event}`;
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => (listener as (payload: unknown) => void)(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
  pathsForDroppedFiles(files) {
    return Array.from(files, (file) => webUtils.getPathForFile(file)).filter((path) => path !== '');
  },
} satisfies ShippedBridge;

contextBridge.exposeInMainWorld('shipped', bridge);
