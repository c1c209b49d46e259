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
    const paths = Array.from(files, (file) => webUtils.getPathForFile(file)).filter((path) => path !== '');
    // The main process imports only paths it handed out (main/services/path-grants.ts); a drop is
    // granted here, synchronously, so the grant lands before the import.run the page sends next.
    // (The channel name is main/electron/ipc.ts dropGrantChannel; the preload bundle imports no main code.)
    if (paths.length > 0) ipcRenderer.sendSync('grant:dropped-paths', paths);
    return paths;
  },
} satisfies ShippedBridge;

contextBridge.exposeInMainWorld('shipped', bridge);
