// Entry script of the thread tesseract.js runs OCR in. It cuts the thread off from the network
// before tesseract's worker code loads, so OCR can never download a language file or anything
// else: the English data ships with the app.
//
// It also stands in for tesseract.js's own Node entry (tesseract.js/src/worker-script/node/index.js)
// to fix which WebAssembly core loads. That entry hands its core loader the worker's "LSTM only"
// flag where the loader expects an engine mode, so under Node it always loaded the full core with
// the legacy engine: a larger module to compile and keep in memory, and a slower start (bench/README.md).
import { createRequire } from 'node:module';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { parentPort } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import { networkBlockedMessage } from './ocr.ts';

function refuseNetwork(): never {
  throw new Error(networkBlockedMessage);
}

globalThis.fetch = refuseNetwork;
for (const module of [http, https] as Array<Record<string, unknown>>) {
  module.request = refuseNetwork;
  module.get = refuseNetwork;
}
Object.assign(net, { connect: refuseNetwork, createConnection: refuseNetwork });
Object.assign(tls, { connect: refuseNetwork });

type Reply = (message: unknown) => void;
interface WorkerScript {
  dispatchHandlers(packet: unknown, send: Reply): void;
  setAdapter(adapter: Record<string, unknown>): void;
}
type CoreLoader = (engineMode: number, corePath: unknown, progress: unknown) => Promise<unknown>;

const requireTesseract = createRequire(import.meta.url);
const workerScript = requireTesseract('tesseract.js/src/worker-script/index.js') as WorkerScript;
const loadCore = requireTesseract('tesseract.js/src/worker-script/node/getCore.js') as CoreLoader;
const engineModes = requireTesseract('tesseract.js/src/constants/OEM.js') as { LSTM_ONLY: number; TESSERACT_LSTM_COMBINED: number };
// readCache reads the packaged model (langPath is a folder); nothing is written with cacheMethod 'none'.
const fileAccess = requireTesseract('tesseract.js/src/worker-script/node/cache.js') as Record<string, unknown>;

workerScript.setAdapter({
  // The loader picks the relaxed-SIMD, SIMD or plain build itself; given an engine mode, it picks the LSTM-only one.
  getCore: (lstmOnly: boolean, corePath: unknown, progress: unknown) =>
    loadCore(lstmOnly ? engineModes.LSTM_ONLY : engineModes.TESSERACT_LSTM_COMBINED, corePath, progress),
  gunzip: gunzipSync,
  fetch: refuseNetwork,
  ...fileAccess,
});

parentPort?.on('message', (packet: unknown) => {
  workerScript.dispatchHandlers(packet, (message) => parentPort?.postMessage(message));
});
