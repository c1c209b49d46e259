import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { quickCheckInWorker } from '../../main/data/check.ts';
import { sourceCheckWorkerUrl } from '../../main/services/source-layout.ts';
import { openDatabase, type DatabaseKey } from '../../db/open.ts';
import { makeTempDir, type TempDir } from '../import/fixtures.ts';

const dirs: TempDir[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) dir.remove();
});

function store(key: DatabaseKey | null) {
  const dir = makeTempDir('shipped-check-');
  dirs.push(dir);
  const path = join(dir.path, 'shipped.db');
  const db = openDatabase(path, { key });
  for (let index = 0; index < 200; index++) db.prepare('INSERT INTO settings (key, value_json) VALUES (?, ?)').run(`k${index}`, JSON.stringify('v'.repeat(400)));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return path;
}

describe('the start-up check in a worker thread', () => {
  it('finds nothing wrong with a whole store, plain or encrypted', async () => {
    expect(await quickCheckInWorker(sourceCheckWorkerUrl, store(null), null)).toEqual([]);
    const key: DatabaseKey = { kind: 'raw', hex: '9'.repeat(64) };
    expect(await quickCheckInWorker(sourceCheckWorkerUrl, store(key), key)).toEqual([]);
  });

  it('reports damage', async () => {
    const path = store(null);
    const bytes = readFileSync(path);
    bytes.fill(0x7f, bytes.length - 4096 * 6, bytes.length - 4096);
    writeFileSync(path, bytes);
    expect((await quickCheckInWorker(sourceCheckWorkerUrl, path, null)).length).toBeGreaterThan(0);
  });
});
