import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { walkFiles, type WalkEntry } from '../../main/import/walk.ts';
import { makeTempDir } from './fixtures.ts';

const dir = makeTempDir('shipped-walk-');
afterAll(() => dir.remove());

async function walk(roots: string[]): Promise<WalkEntry[]> {
  const entries: WalkEntry[] = [];
  for await (const entry of walkFiles(roots)) entries.push(entry);
  return entries;
}

const name = (index: number) => `r${String(index).padStart(3, '0')}.txt`;

describe('walking a folder', () => {
  // More entries than the walk asks the file system about at once, with a subfolder, a
  // dangling link and junk among them, so the batches must not change the order or drop any.
  it('yields every file depth-first in name order, sizes included, with broken links in their place', async () => {
    const root = join(dir.path, 'many');
    for (let index = 0; index < 75; index++) dir.file(`many/${name(index)}`, 'x'.repeat(index + 1));
    dir.file('many/r040-folder/inner-b.txt', 'bb');
    dir.file('many/r040-folder/inner-a.txt', 'a');
    mkdirSync(join(root, 'r041-empty'));
    dir.file('many/.DS_Store', 'junk');
    dir.file('many/~$r001.docx', 'lock file');
    symlinkSync(join(root, 'gone.txt'), join(root, 'r050-dangling.txt'));

    const entries = await walk([root]);
    const expected: string[] = [];
    for (let index = 0; index < 75; index++) {
      // '-' sorts before '.'
      if (index === 40) expected.push('r040-folder/inner-a.txt', 'r040-folder/inner-b.txt');
      if (index === 50) expected.push('r050-dangling.txt');
      expected.push(name(index));
    }
    expect(entries.map((entry) => entry.path)).toEqual(expected.map((relative) => join(root, relative)));
    expect(entries.find((entry) => entry.path.endsWith('r050-dangling.txt'))).toMatchObject({ kind: 'error', isFolder: false, errorCode: 'ENOENT' });
    const sizes = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);
    expect(entries.filter((entry) => entry.kind === 'file').map((entry) => entry.sizeBytes)).toEqual([...sizes(1, 40), 1, 2, ...sizes(41, 75)]);
  });

  it('reports a missing root and still walks the others', async () => {
    const other = dir.file('other/only.txt', 'resume');
    const missing = join(dir.path, 'no-such-folder');
    expect(await walk([missing, join(dir.path, 'other')])).toEqual([
      { kind: 'error', path: missing, isFolder: false, errorCode: 'ENOENT' },
      { kind: 'file', path: other, sizeBytes: 6, mtimeMs: expect.any(Number) },
    ]);
  });

  it('does not follow links out of the chosen folder, but follows those that stay inside it', async () => {
    const outside = dir.file('private/Documents/tax-return.txt', 'not a resume');
    dir.file('unzipped/cv.txt', 'resume');
    dir.file('unzipped/projects/p.txt', 'project');
    const root = join(dir.path, 'unzipped');
    symlinkSync(join(dir.path, 'private', 'Documents'), join(root, 'portfolio')); // folder outside
    symlinkSync(outside, join(root, 'letter.txt')); // file outside
    symlinkSync(join(root, 'projects'), join(root, 'work')); // folder inside: followed, once
    symlinkSync(join(root, 'cv.txt'), join(root, 'resume.txt')); // file inside
    symlinkSync(join(dir.path, 'unzipped-sibling'), join(root, 'sibling')); // a name sharing the root's prefix
    dir.file('unzipped-sibling/s.txt', 'sibling');

    const paths = (await walk([root])).map((entry) => entry.path);
    expect(paths).toEqual([join(root, 'cv.txt'), join(root, 'projects', 'p.txt'), join(root, 'resume.txt')]);
  });

  it('a root that is itself a link is walked; its real folder is the boundary', async () => {
    dir.file('real-root/a.txt', 'a');
    const linkedRoot = join(dir.path, 'linked-root');
    symlinkSync(join(dir.path, 'real-root'), linkedRoot);
    expect((await walk([linkedRoot])).map((entry) => entry.path)).toEqual([join(linkedRoot, 'a.txt')]);
  });
});
