// Three bundles: the main process (ESM, plus the import extraction worker as a
// second entry), the sandboxed preload (must be CommonJS: out/preload/index.cjs),
// and the React renderer (out/renderer, loaded from file://).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = import.meta.dirname;
const extractWorker = resolve(root, 'main/import/extract-worker.ts');
const briefWorker = resolve(root, 'main/briefs/brief-worker.ts');
const checkWorker = resolve(root, 'main/data/check-worker.ts');
const ocrThread = resolve(root, 'main/import/readers/ocr-thread.ts');

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // zod as ~30 ES modules from node_modules took each import worker ~30 ms to load;
      // bundled, a worker is ready in ~75 ms instead of ~105 (bench/README.md).
      externalizeDeps: { exclude: ['zod'] },
      rollupOptions: {
        input: {
          index: resolve(root, 'main/electron/main.ts'),
          // The import service's worker thread (main/import/extract-worker.ts → out/main/extract-worker.js).
          ...(existsSync(extractWorker) ? { 'extract-worker': extractWorker } : {}),
          // The PDF brief writer's worker thread (main/briefs/brief-worker.ts → out/main/brief-worker.js).
          ...(existsSync(briefWorker) ? { 'brief-worker': briefWorker } : {}),
          // The start-up database check's worker thread (main/data/check-worker.ts → out/main/check-worker.js).
          ...(existsSync(checkWorker) ? { 'check-worker': checkWorker } : {}),
          // The OCR thread an extraction worker starts (main/import/readers/ocr-thread.ts → out/main/ocr-thread.js).
          ...(existsSync(ocrThread) ? { 'ocr-thread': ocrThread } : {}),
        },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Sandboxed preloads cannot require node_modules: bundle zod and the contract in.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      modulePreload: { polyfill: false },
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
