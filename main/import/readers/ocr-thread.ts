// Entry script of the thread tesseract.js runs OCR in. It cuts the thread off from the network
// before tesseract's own worker script loads (that script keeps a reference to `fetch`), so OCR
// can never download a language file or anything else: the English data ships with the app.
import { createRequire } from 'node:module';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
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

createRequire(import.meta.url)('tesseract.js/src/worker-script/node/index.js');
