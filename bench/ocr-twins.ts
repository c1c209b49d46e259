// Scanned twins for the OCR benchmark, deterministic: each page of a source PDF rendered by
// PDFium at 150 or 300 dpi, turned 0.4–1.2° (alternating direction) and speckled with seeded
// noise, then wrapped as an image-only PDF, and its first page also saved as PNG and JPEG.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pdfPageCount } from '../main/import/pdf-text.ts';
import { imagePdf, renderPage, scanLike, toJpeg, toPng } from '../tests/fixtures/scanned.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

const inCorpus = (names: readonly string[]) => names.map((name) => join(repoRoot, '../shared/corpus/real', name)).filter((path) => existsSync(path));

/** The sample PDFs and a fixed choice of English resumes from the shared corpus (when it is there). */
export function twinSources(): string[] {
  const samples = ['01-maya-lindqvist-applied-mlops.pdf', '02-tomas-okafor-ml-platform.pdf', '06-anika-haddad-research.pdf'].map((name) =>
    join(repoRoot, 'resources/samples', name),
  );
  const corpus = [
    '017-armin-ziaei-mlops.pdf',
    '019-alex-rudy-ml-platform.pdf',
    '020-fahim-shahreer-ml-infra.pdf',
    '024-phoebe-ly-mle.pdf',
    '025-arnab-dey-sre.pdf',
    '042-aishwarya-sharma-ds.pdf',
  ];
  return [...samples, ...inCorpus(corpus)];
}

/**
 * More English resumes of the corpus, for the accuracy measure only: with nine files one file is
 * eleven points. Short ones (one or two pages) of other makers and layouts: LaTeX, Word, Typst,
 * wkhtmltopdf, a two-column export, icon glyphs in headers. The first nine are reported on their own too.
 */
export function moreTwinSources(): string[] {
  return inCorpus([
    '022-furkan-aldemir-ml.pdf',
    '027-kausik-amancherla-infra.pdf',
    '028-edunham-devops.pdf',
    '032-santosh-katageri-cloud.pdf',
    '034-rahul-barik-devops.pdf',
    '041-philip-stevens-ds.pdf',
    '043-saikiran-tharimena-ds.pdf',
    '044-jerad-williams-ds.pdf',
    '047-isabel-body-ds.pdf',
  ]);
}

export interface Twin {
  source: string;
  dpi: number;
  pdf: string;
  png: string;
  jpeg: string;
  pages: number;
}

/** Writes the twins of `source` at `dpi` into `dir` (reused when already there) and says where. */
export async function makeTwin(source: string, dpi: number, dir: string, maxPages = 8): Promise<Twin> {
  mkdirSync(dir, { recursive: true });
  const stem = `${basename(source, '.pdf')}-${dpi}dpi`;
  const twin = { source, dpi, pdf: join(dir, `${stem}.pdf`), png: join(dir, `${stem}-p1.png`), jpeg: join(dir, `${stem}-p1.jpg`), pages: 0 };
  const bytes = new Uint8Array(readFileSync(source));
  const pageCount = Math.min(maxPages, (await pdfPageCount(bytes)) ?? 0);
  twin.pages = pageCount;
  if (existsSync(twin.pdf) && existsSync(twin.png) && existsSync(twin.jpeg)) return twin;
  const pages = [];
  for (let index = 0; index < pageCount; index++) {
    const seed = [...stem].reduce((sum, char) => sum * 31 + char.charCodeAt(0), index) >>> 0;
    const angle = (index % 2 === 0 ? 1 : -1) * (0.4 + (seed % 9) / 10);
    pages.push({ image: scanLike(await renderPage(bytes, index, dpi), { angleDegrees: angle, noise: 10, seed }), dpi });
  }
  const first = pages[0];
  if (!first) throw new Error(`${source} has no pages`);
  writeFileSync(twin.pdf, await imagePdf(pages));
  writeFileSync(twin.png, toPng(first.image));
  writeFileSync(twin.jpeg, toJpeg(first.image, 88));
  return twin;
}

/**
 * English resumes no clean-up rule was written from (the first nine and the nine more were read
 * line by line to find the rules): how well the rules carry over to files nobody looked at.
 */
export function heldOutTwinSources(): string[] {
  return inCorpus([
    '033-shivshankar-gawali-devops.pdf',
    '039-shivansh-singh-de.pdf',
    '048-willian-vervalem-ds-template.pdf',
    '051-jan-kuester-latexcv-twocol.pdf',
    '052-leo-leopard-word-template.pdf',
    'tpl-04-deedy-resume.pdf',
    'tpl-07-sb2nov-resume.pdf',
    'tpl-12-rendercv-harvard.pdf',
  ]);
}
