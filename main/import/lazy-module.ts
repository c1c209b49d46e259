// Readers that a worker needs only for some files are loaded on first use (extract.ts). Each
// `import()` goes through Node's module loader again even once the module is loaded (~0.1 ms
// a call, paid per file by an import of thousands), so the first load's promise is kept.

/** Loads the module on the first call and hands every later call the same module; a failed load is tried again. */
export function lazyModule<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}
