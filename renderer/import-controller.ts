// The import's state lives above the screens so it keeps running (and keeps
// its result) while the recruiter looks at other screens.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportProgress, ImportSummary } from '../contract/types.ts';
import { call, errorMessage, subscribe } from './api.ts';

export type ImportState =
  | { phase: 'idle' }
  | { phase: 'running'; progress: ImportProgress | null; startedAt: number; isCancelling: boolean; source: string }
  | { phase: 'done'; summary: ImportSummary; source: string }
  | { phase: 'error'; message: string };

export interface ImportController {
  state: ImportState;
  isRunning: boolean;
  importPaths(paths: string[]): Promise<void>;
  importSamples(): Promise<void>;
  chooseAndImport(): Promise<void>;
  cancel(): Promise<void>;
  reset(): void;
}

export function useImportController(onImported: (summary: ImportSummary) => void): ImportController {
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const isRunningRef = useRef(false);
  const onImportedRef = useRef(onImported);
  onImportedRef.current = onImported;

  useEffect(
    () =>
      subscribe('import.progress', (progress) => {
        setState((current) => (current.phase === 'running' ? { ...current, progress } : current));
      }),
    [],
  );

  const run = useCallback(async (source: string, start: () => Promise<ImportSummary>) => {
    if (isRunningRef.current) return;
    isRunningRef.current = true;
    setState({ phase: 'running', progress: null, startedAt: Date.now(), isCancelling: false, source });
    try {
      const summary = await start();
      setState({ phase: 'done', summary, source });
      onImportedRef.current(summary);
    } catch (error) {
      setState({ phase: 'error', message: errorMessage(error) });
    } finally {
      isRunningRef.current = false;
    }
  }, []);

  const importPaths = useCallback(
    (paths: string[]) => run(paths.length === 1 ? (paths[0] ?? '') : `${paths.length} folders and files`, () => call('import.run', { paths })),
    [run],
  );
  const importSamples = useCallback(() => run('Sample resumes', () => call('import.samples', {})), [run]);
  const chooseAndImport = useCallback(async () => {
    if (isRunningRef.current) return;
    try {
      const paths = await call('dialog.chooseImportFolders', {});
      if (paths && paths.length > 0) await importPaths(paths);
    } catch (error) {
      setState({ phase: 'error', message: errorMessage(error) });
    }
  }, [importPaths]);
  const cancel = useCallback(async () => {
    setState((current) => (current.phase === 'running' ? { ...current, isCancelling: true } : current));
    try {
      await call('import.cancel', {});
    } catch (error) {
      setState((current) => (current.phase === 'running' ? { ...current, isCancelling: false } : current));
      console.warn('cancel failed', errorMessage(error));
    }
  }, []);
  const reset = useCallback(() => setState({ phase: 'idle' }), []);

  return { state, isRunning: state.phase === 'running', importPaths, importSamples, chooseAndImport, cancel, reset };
}
