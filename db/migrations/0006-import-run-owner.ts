// An import left 'running' was marked interrupted by the next import, even when another
// process (the app and the CLI share the store) was still running it. A run now records
// the process that runs it and when that process last wrote to it, so the next import
// marks only runs whose process is gone or has gone quiet (main/import/run-owner.ts).
// Runs from before this migration have neither and count as gone.
export const sql = `
ALTER TABLE import_runs ADD COLUMN owner_pid INTEGER;
ALTER TABLE import_runs ADD COLUMN heartbeat_at TEXT;
`;
