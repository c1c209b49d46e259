import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServiceContext } from '../../main/services/create-context.ts';
import { createHandlers } from '../../main/api/handlers.ts';
import { pathNamesPerson } from '../../db/queries/erasure.ts';
import { countSuppressions } from '../../db/queries/suppression.ts';
import { makeTempDir, resumeToText, syntheticResume, type TempDir } from '../import/fixtures.ts';

const dirs: TempDir[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) dir.remove();
});

// syntheticResume(0) is Avery Okafor; 13 is Jordan Lindqvist, who shares neither name.
const person = syntheticResume(0);
const other = syntheticResume(13);
const email = person.contact[0] ?? '';
const phone = person.contact[1] ?? '';

function setUp() {
  const dir = makeTempDir('shipped-erasure-');
  dirs.push(dir);
  const inbox = join(dir.path, 'inbox');
  dir.file('inbox/Avery Okafor/avery_okafor_cv.txt', resumeToText(person));
  // Two files of hers that fail: their rows would keep her name in their paths.
  dir.file('inbox/Avery Okafor/Avery-Okafor-photo.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]));
  dir.file('inbox/AveryOkafor_empty.txt', '');
  dir.file('inbox/lindqvist.txt', resumeToText(other));
  const databasePath = join(dir.path, 'data', 'shipped.db');
  const ctx = createServiceContext({ databasePath });
  return { dir, inbox, databasePath, ctx, api: createHandlers(ctx) };
}

/** Every needle found in the raw bytes of the database file and its WAL, case-insensitively. */
function grepStore(databasePath: string, needles: string[]): string[] {
  const found: string[] = [];
  for (const file of [databasePath, `${databasePath}-wal`]) {
    if (!existsSync(file)) continue;
    const bytes = readFileSync(file).toString('latin1').toLowerCase();
    for (const needle of needles) if (bytes.includes(needle.toLowerCase())) found.push(`${needle} in ${file.endsWith('-wal') ? 'WAL' : 'database'}`);
  }
  return found;
}

const needles = [email, phone, person.name, 'Okafor', 'Avery'];

describe('erasing a candidate', () => {
  it('leaves neither the database file nor its WAL holding her email, phone or name', async () => {
    const { ctx, api, inbox, databasePath } = setUp();
    // Importing her folder on its own too puts a root named after her into import_runs.
    await api['import.run']({ paths: [inbox] });
    await api['import.run']({ paths: [join(inbox, 'Avery Okafor')] });
    // Found by email, not by position: the two files are read by two workers, in either order.
    const avery = (await api['candidates.list']({})).find((candidate) => candidate.email === email);
    expect(avery?.name).toBe('Avery Okafor');
    await api['candidates.setNotes']({ id: avery?.id ?? 0, notes: `Call ${person.name} on ${phone}` });
    expect(grepStore(databasePath, needles).length).toBeGreaterThan(0);

    await api['candidates.delete']({ id: avery?.id ?? 0, isSuppressing: false });
    expect(grepStore(databasePath, needles)).toEqual([]);
    ctx.db.close();
    expect(grepStore(databasePath, needles)).toEqual([]);

    // The other candidate, his failed-file-free folder and the run counts are intact.
    const reopened = createServiceContext({ databasePath });
    const left = await createHandlers(reopened)['candidates.list']({});
    expect(left.map((candidate) => candidate.name)).toEqual([other.name]);
    const audit = await createHandlers(reopened)['audit.list']({ candidateId: avery?.id ?? 0, limit: 100 });
    expect(audit.map((entry) => entry.action)).toEqual(['delete', 'notes-change', 'import']);
    reopened.db.close();
  });

  it('without suppression, importing the folder again brings her back', async () => {
    const { ctx, api, inbox } = setUp();
    await api['import.run']({ paths: [inbox] });
    const avery = (await api['candidates.list']({})).find((candidate) => candidate.name === person.name);
    await api['candidates.delete']({ id: avery?.id ?? 0, isSuppressing: false });
    const again = await api['import.run']({ paths: [inbox] });
    expect(again).toMatchObject({ imported: 1, skipped: [] });
    expect((await api['candidates.list']({})).map((candidate) => candidate.name).sort()).toEqual([person.name, other.name].sort());
    ctx.db.close();
  });

  it('with "don\'t import again", the same file and a new resume with her email are skipped and stored nowhere', async () => {
    const { ctx, api, inbox, dir, databasePath } = setUp();
    await api['import.run']({ paths: [inbox] });
    const avery = (await api['candidates.list']({})).find((candidate) => candidate.name === person.name);
    expect(await api['candidates.delete']({ id: avery?.id ?? 0, isSuppressing: true })).toEqual({ id: avery?.id, isSuppressed: true });
    // One hash for the file, one for the email: nothing readable.
    expect(countSuppressions(ctx.db)).toBe(2);
    expect(grepStore(databasePath, needles)).toEqual([]);

    // A new version of her resume: different bytes, same email.
    dir.file('inbox/Avery Okafor/avery_okafor_cv_2027.txt', `${resumeToText(person)}\nNow also on call for the feature store.\n`);
    const again = await api['import.run']({ paths: [inbox] });
    expect(again.imported).toBe(0);
    expect(again.skipped.map((skip) => skip.file).sort()).toEqual(
      [join(inbox, 'Avery Okafor', 'avery_okafor_cv.txt'), join(inbox, 'Avery Okafor', 'avery_okafor_cv_2027.txt')].sort(),
    );
    expect(again.skipped[0]?.reason).toMatch(/deleted from Shipped and marked "don't import again"/);
    expect((await api['candidates.list']({})).map((candidate) => candidate.name)).toEqual([other.name]);
    // Her failed files fail again (their rows name her again until the next erasure), but her text is stored nowhere.
    ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(grepStore(databasePath, [email, phone])).toEqual([]);
    ctx.db.close();
  });
});

describe('pathNamesPerson', () => {
  const avery = { name: 'Avery Okafor', email: 'avery.okafor0@example.com', paths: ['/in/cv.txt'] };
  it.each([
    ['/in/Avery Okafor/photo.jpg', true],
    ['/in/okafor-avery.pdf', true],
    ['/in/AveryOkafor_cv.pdf', true],
    ['/in/avery.okafor0-old.docx', true],
    ['/in', false], // holds one of her files but does not name her
    ['/in/cv.txt', true],
    ['/in/Avery Lindqvist.pdf', false],
    ['/elsewhere/okafor.txt', false],
    ['/elsewhere', false],
  ])('%s → %s', (path, expected) => {
    expect(pathNamesPerson(path, avery)).toBe(expected);
  });
});

describe('shipped delete', () => {
  it('erases with --suppress, then the import skips her file and says why', async () => {
    const { runCli } = await import('../../main/cli/main.ts');
    const { ctx, api, inbox, databasePath } = setUp();
    await api['import.run']({ paths: [inbox] });
    const avery = (await api['candidates.list']({})).find((candidate) => candidate.name === person.name);
    ctx.db.close();
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (text: string) => out.push(text), err: (text: string) => err.push(text), isInteractive: false };
    expect(await runCli(['delete', String(avery?.id), '--suppress', '--db', databasePath], io)).toBe(0);
    expect(out.join('\n')).toBe(`Candidate ${avery?.id} erased. Their files and email address will be skipped by future imports.`);
    expect(await runCli(['delete', String(avery?.id), '--db', databasePath], io)).toBe(1);
    expect(err.join('\n')).toContain(`Candidate ${avery?.id} does not exist`);
    expect(await runCli(['delete', 'nobody', '--db', databasePath], io)).toBe(2);
    out.length = 0;
    expect(await runCli(['import', inbox, '--db', databasePath], io)).toBe(0);
    expect(out.join('\n')).toContain('Skipped 1 file: Not imported: this person was deleted from Shipped and marked "don\'t import again".');
  });
});

describe('a store from before secure_delete', () => {
  it('has the deleted rows left in its free pages scrubbed once, on the first open', async () => {
    const { openDatabase } = await import('../../db/open.ts');
    const { driver } = await import('../../db/driver.ts');
    const dir = makeTempDir('shipped-scrub-');
    dirs.push(dir);
    const path = join(dir.path, 'old.db');
    openDatabase(path).close();
    // What an earlier version did: delete without overwriting.
    const old = new (driver().Database)(path);
    old.pragma('secure_delete = OFF');
    old.prepare('DELETE FROM settings').run();
    old.prepare('INSERT INTO settings (key, value_json) VALUES (?, ?)').run('note', JSON.stringify(`${email} `.repeat(400)));
    old.prepare('DELETE FROM settings').run();
    old.pragma('wal_checkpoint(TRUNCATE)');
    old.close();
    expect(grepStore(path, [email])).not.toEqual([]);
    const reopened = openDatabase(path);
    reopened.pragma('wal_checkpoint(TRUNCATE)');
    expect(grepStore(path, [email])).toEqual([]);
    reopened.close();
  });
});
