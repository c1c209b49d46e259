// OCR accuracy on scanned twins (bench/ocr-twins.ts): word recall against the text layer, and
// whether contact fields, sub-role and evidence level come out as they do from the original.
// `node bench/ocr-accuracy.ts [--dpi 300,150] [--dir PATH] [--only NAME,NAME] [--more] [--held-out] [--dump DIR]`;
// prints a table and a JSON line. --more adds the second set of corpus resumes (moreTwinSources),
// reported with the first nine and on its own; --held-out adds the resumes no clean-up rule was
// written from (heldOutTwinSources), reported on their own; --dump writes both readings of every file to DIR.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeResume } from '../main/analysis/index.ts';
import { extractText } from '../main/import/extract.ts';
import { closeOcrEngine } from '../main/import/readers/scanned.ts';
import { heldOutTwinSources, makeTwin, moreTwinSources, twinSources } from './ocr-twins.ts';

const { values } = parseArgs({ options: { dpi: { type: 'string', default: '300,150' }, dir: { type: 'string' }, only: { type: 'string' }, dump: { type: 'string' }, more: { type: 'boolean', default: false }, 'held-out': { type: 'boolean', default: false } } });
const dir = values.dir ?? join(tmpdir(), 'shipped-ocr-twins');
const now = new Date('2026-12-01T00:00:00Z');

function words(text: string): string[] {
  return text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').match(/[\p{L}\p{N}][\p{L}\p{N}@.+-]*[\p{L}\p{N}]/gu) ?? [];
}

/** Share of the original's words (counted with repeats) that the OCR text holds too. */
function wordRecall(original: string, read: string): { found: number; total: number } {
  const available = new Map<string, number>();
  for (const word of words(read)) available.set(word, (available.get(word) ?? 0) + 1);
  let found = 0;
  const all = words(original);
  for (const word of all) {
    const left = available.get(word) ?? 0;
    if (left > 0) {
      found += 1;
      available.set(word, left - 1);
    }
  }
  return { found, total: all.length };
}

/** The same number however OCR spaced it: "+49 15730249290" and "+4915730249290". */
const digitsOf = (phone: string | null) => phone?.replace(/\D/g, '') ?? null;
const fold = (value: string | null) => value?.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim() ?? null;

interface Row {
  file: string;
  /** 'first nine' (twinSources), 'more' (moreTwinSources) or 'held out' (heldOutTwinSources). */
  set: string;
  dpi: number;
  variant: string;
  recall: number;
  confidence: number | null;
  contactEqual: boolean;
  contactStrict: boolean;
  subRoleEqual: boolean;
  evidenceEqual: boolean;
  seconds: number;
}

const rows: Row[] = [];
for (const dpi of values.dpi.split(',').map(Number)) {
  // --only NAME,NAME: just the sources whose file names contain one of these.
  const only = values.only?.split(',') ?? null;
  const sources = [
    ...twinSources().map((path) => ({ path, set: 'first nine' })),
    ...(values.more ? moreTwinSources().map((path) => ({ path, set: 'more' })) : []),
    ...(values['held-out'] ? heldOutTwinSources().map((path) => ({ path, set: 'held out' })) : []),
  ];
  for (const { path: source, set } of sources.filter(({ path }) => !only || only.some((part) => basename(path).includes(part)))) {
    const original = await extractText(new Uint8Array(readFileSync(source)), basename(source));
    if (!original.ok) continue;
    const twin = await makeTwin(source, dpi, dir);
    const originalPages = original.text;
    const before = analyzeResume(originalPages, { now });
    for (const [variant, path] of [['pdf', twin.pdf], ['jpeg p1', twin.jpeg]] as const) {
      const started = performance.now();
      const read = await extractText(new Uint8Array(readFileSync(path)), basename(path));
      const seconds = (performance.now() - started) / 1000;
      if (!read.ok) {
        rows.push({ file: basename(source), set, dpi, variant, recall: 0, confidence: null, contactEqual: false, contactStrict: false, subRoleEqual: false, evidenceEqual: false, seconds });
        continue;
      }
      const after = analyzeResume(read.text, { now });
      if (values.dump) {
        mkdirSync(values.dump, { recursive: true });
        const stem = join(values.dump, `${basename(source, '.pdf')}-${dpi}`);
        writeFileSync(`${stem}-original.txt`, originalPages);
        writeFileSync(`${stem}-${variant.replace(' ', '-')}.txt`, read.text);
      }
      // Word recall is measured on the whole documents; a first-page image is judged by its contact fields.
      const { found, total } = wordRecall(originalPages, read.text);
      const contactStrict = before.contact.email === after.contact.email && before.contact.phone === after.contact.phone && before.contact.name === after.contact.name;
      const contactEqual =
        before.contact.email === after.contact.email && digitsOf(before.contact.phone) === digitsOf(after.contact.phone) && fold(before.contact.name) === fold(after.contact.name);
      rows.push({
        file: basename(source),
        set,
        dpi,
        variant,
        recall: variant === 'pdf' ? found / Math.max(1, total) : Number.NaN,
        confidence: read.reading.ocrConfidence,
        contactEqual,
        contactStrict,
        subRoleEqual: before.subRole.id === after.subRole.id,
        evidenceEqual: before.evidence.level === after.evidence.level,
        seconds,
      });
      const row = rows.at(-1);
      if (row && !row.contactEqual) {
        const pick = (contact: typeof before.contact) => JSON.stringify({ name: contact.name, email: contact.email, phone: contact.phone });
        console.log(`  contact from the text layer ${pick(before.contact)}, from OCR ${pick(after.contact)}`);
      }
      if (row && !row.subRoleEqual) {
        const pick = (subRole: typeof before.subRole) => `${subRole.id} (${subRole.confidence}): ${subRole.reasons.join('; ')}`;
        console.log(`  sub-role from the text layer ${pick(before.subRole)}\n  from OCR ${pick(after.subRole)}`);
      }
      if (row) console.log(`${row.file.padEnd(40)} ${dpi} ${variant.padEnd(8)} recall ${Number.isNaN(row.recall) ? '  -  ' : (row.recall * 100).toFixed(1)}% conf ${row.confidence} contact ${row.contactEqual ? 'same' : 'DIFF'} sub-role ${row.subRoleEqual ? 'same' : 'DIFF'} evidence ${row.evidenceEqual ? 'same' : 'DIFF'} ${row.seconds.toFixed(1)} s`);
    }
  }
}
await closeOcrEngine();

const share = (items: Row[], test: (row: Row) => boolean) => (items.length === 0 ? 0 : Math.round((items.filter(test).length / items.length) * 1000) / 10);
const summary: Record<string, unknown> = {};
function summarize(subset: Row[]) {
  const pdfs = subset.filter((row) => row.variant === 'pdf');
  const recallTotal = pdfs.reduce((sum, row) => sum + row.recall, 0) / Math.max(1, pdfs.length);
  return {
    files: pdfs.length,
    meanWordRecallPct: Math.round(recallTotal * 1000) / 10,
    contactEqualPct: share(pdfs, (row) => row.contactEqual),
    contactEqualStrictPct: share(pdfs, (row) => row.contactStrict),
    subRoleEqualPct: share(pdfs, (row) => row.subRoleEqual),
    evidenceEqualPct: share(pdfs, (row) => row.evidenceEqual),
    firstPageJpegContactEqualPct: share(subset.filter((row) => row.variant === 'jpeg p1'), (row) => row.contactEqual),
    meanConfidence: Math.round(pdfs.reduce((sum, row) => sum + (row.confidence ?? 0), 0) / Math.max(1, pdfs.length)),
  };
}
for (const dpi of new Set(rows.map((row) => row.dpi))) {
  const atDpi = rows.filter((row) => row.dpi === dpi);
  summary[`${dpi}dpi`] = summarize(atDpi);
  const sets = new Set(atDpi.map((row) => row.set));
  if (sets.size > 1) for (const set of sets) summary[`${dpi}dpi ${set}`] = summarize(atDpi.filter((row) => row.set === set));
}
console.log(JSON.stringify(summary));
