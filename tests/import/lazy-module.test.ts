import { describe, expect, it } from 'vitest';
import { lazyModule } from '../../main/import/lazy-module.ts';

describe('lazyModule', () => {
  it('loads on the first call only and hands every call the same module', async () => {
    let loads = 0;
    const load = lazyModule(async () => ({ loaded: ++loads }));
    expect(loads).toBe(0);
    const [first, second] = await Promise.all([load(), load()]);
    expect(await load()).toBe(first);
    expect(second).toBe(first);
    expect(loads).toBe(1);
  });

  it('tries again after a failed load instead of failing every later file', async () => {
    let attempts = 0;
    const load = lazyModule(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('module not found');
      return { attempts };
    });
    await expect(load()).rejects.toThrow('module not found');
    await expect(load()).resolves.toEqual({ attempts: 2 });
    expect(attempts).toBe(2);
  });
});
