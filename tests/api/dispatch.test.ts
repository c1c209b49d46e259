import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch.ts';
import { combineHandlers, createHandlers } from '../../main/api/handlers.ts';
import { apiContract, apiMethods, type ApiHandlers } from '../../contract/api.ts';
import { createServiceContext } from '../../main/services/create-context.ts';
import type { ServiceContext } from '../../main/services/context.ts';

describe('dispatch', () => {
  let ctx: ServiceContext;
  let handlers: ApiHandlers;

  beforeEach(() => {
    ctx = createServiceContext({ databasePath: ':memory:' });
    handlers = createHandlers(ctx);
  });
  afterEach(() => ctx.db.close());

  it('binds a handler for every method of the contract and nothing else', () => {
    expect(Object.keys(handlers).sort()).toEqual([...apiMethods].sort());
    expect(apiMethods.length).toBe(Object.keys(apiContract).length);
  });

  it('refuses at start-up a method two domains both answer, naming both', () => {
    const all = createHandlers(ctx);
    const { 'app.info': appInfo, ...rest } = all;
    expect(() => combineHandlers({ candidates: rest, settings: { 'app.info': appInfo }, briefs: { 'app.info': appInfo } })).toThrow(
      'API method "app.info" is handled by both settings and briefs.',
    );
  });

  it('refuses at start-up a contract method that no domain answers', () => {
    const { 'app.info': _unused, ...rest } = createHandlers(ctx);
    expect(() => combineHandlers({ candidates: rest })).toThrow('No handler for API method(s): app.info.');
  });

  it('refuses an unknown method, including prototype keys', async () => {
    expect(await dispatch(handlers, 'fs.readFile', {})).toEqual({ ok: false, error: 'Unknown request "fs.readFile".' });
    expect((await dispatch(handlers, 'constructor', {})).ok).toBe(false);
    expect((await dispatch(handlers, '__proto__', {})).ok).toBe(false);
    expect((await dispatch(handlers, 42, {})).ok).toBe(false);
  });

  it('refuses malformed payloads with a message naming the bad field', async () => {
    const wrongType = await dispatch(handlers, 'candidates.get', { id: 'one' });
    expect(wrongType).toEqual({ ok: false, error: expect.stringMatching(/^Invalid request for candidates.get: id: /) });
    const extraField = await dispatch(handlers, 'candidates.get', { id: 1, sql: 'DROP TABLE candidates' });
    expect(extraField.ok).toBe(false);
    const badEnum = await dispatch(handlers, 'candidates.setStatus', { id: 1, status: 'hired!' });
    expect(badEnum).toEqual({ ok: false, error: expect.stringContaining('status') });
    const notAnObject = await dispatch(handlers, 'candidates.list', 'everything');
    expect(notAnObject.ok).toBe(false);
    const nulPath = await dispatch(handlers, 'import.run', { paths: ['/tmp/a\0b'] });
    expect(nulPath).toEqual({ ok: false, error: expect.stringContaining('NUL') });
  });

  it('passes readable service errors through and hides unexpected ones', async () => {
    expect(await dispatch(handlers, 'candidates.get', { id: 77 })).toEqual({
      ok: false,
      error: 'Candidate 77 does not exist (it may have been deleted).',
    });
    const exploding: ApiHandlers = {
      ...handlers,
      'candidates.list': async () => {
        throw new Error('SQLITE_CORRUPT at /home/someone/secret/path');
      },
    };
    const previous = process.env.SHIPPED_LOG_LEVEL;
    process.env.SHIPPED_LOG_LEVEL = 'silent';
    const response = await dispatch(exploding, 'candidates.list', {});
    process.env.SHIPPED_LOG_LEVEL = previous;
    expect(response.ok).toBe(false);
    expect(JSON.stringify(response)).not.toContain('/home/someone');
  });

  it('returns values for valid requests, applying schema defaults', async () => {
    expect(await dispatch(handlers, 'candidates.list', {})).toEqual({ ok: true, value: [] });
    expect(await dispatch(handlers, 'settings.get', undefined)).toEqual({ ok: true, value: { recruiterName: '', pageSize: 'a4' } });
    expect(await dispatch(handlers, 'settings.update', { recruiterName: 'Sam Rivera' })).toEqual({
      ok: true,
      value: { recruiterName: 'Sam Rivera', pageSize: 'a4' },
    });
  });
});
