// Lays out BriefModels with pdfkit. Text is wrapped here, line by line, rather
// than by pdfkit, so every page break is ours: a section that continues on a
// new page repeats its heading (and the tool matrix its column headings), and
// the footer can be written afterwards with "Page i of n" per brief.
import PDFDocument from 'pdfkit';
import type { BriefModel, PageSize } from './types.ts';

export interface FontData {
  regular: Buffer;
  bold: Buffer;
}

export interface RenderOptions {
  pageSize: PageSize;
  fonts: FontData;
  /** Document metadata; for a single brief, its own. */
  metadata: BriefModel['metadata'];
  /** Called after each brief is laid out (for progress). */
  onBrief?: (model: BriefModel) => void;
}

export interface RenderResult {
  bytes: Buffer;
  /** Pages per brief, in order. */
  pages: number[];
}

const pdfPageSize: Record<PageSize, string> = { a4: 'A4', letter: 'LETTER' };

const colors = {
  text: '#1b1f24',
  muted: '#5b6470',
  accent: '#1f4e79',
  rule: '#c9d1da',
  quoteBar: '#8fb3d9',
  good: '#1e7b34',
  bad: '#b3261e',
  warn: '#9a6700',
  box: '#f3f6f9',
} as const;

const margin = { top: 48, bottom: 60, side: 50 };
const regular = 'Regular';
const bold = 'Bold';

interface TextStyle {
  font?: typeof regular | typeof bold;
  size?: number;
  color?: string;
  indent?: number;
  /** Width available, from the indent; defaults to the rest of the line. */
  width?: number;
}

type Doc = PDFKit.PDFDocument;

/** Greedy word wrap using the font's real glyph widths; words wider than a line are split. */
export function wrapText(doc: Doc, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    const words = paragraph.split(/\s+/).filter((word) => word.length > 0);
    if (words.length === 0) {
      lines.push('');
      continue;
    }
    let current = '';
    for (const word of words) {
      const candidate = current === '' ? word : `${current} ${word}`;
      if (doc.widthOfString(candidate) <= width) {
        current = candidate;
        continue;
      }
      if (current !== '') lines.push(current);
      current = '';
      let rest = word;
      while (doc.widthOfString(rest) > width) {
        let cut = rest.length - 1;
        while (cut > 1 && doc.widthOfString(rest.slice(0, cut)) > width) cut -= 1;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      current = rest;
    }
    if (current !== '') lines.push(current);
  }
  return lines;
}

/** Shortens text with an ellipsis until it fits the width. */
function fit(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let end = text.length;
  while (end > 1 && doc.widthOfString(`${text.slice(0, end)}…`) > width) end -= 1;
  return `${text.slice(0, end)}…`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The layout state for one document; briefs are appended one after another. */
function createLayout(doc: Doc) {
  const left = margin.side;
  const contentWidth = () => doc.page.width - margin.side * 2;
  const bottom = () => doc.page.height - margin.bottom;
  let y = margin.top;
  let section: { title: string; repeat: (() => void) | null } | null = null;
  let pageHeader: string | null = null;

  const setStyle = (style: TextStyle) => {
    doc.font(style.font ?? regular).fontSize(style.size ?? 9.5).fillColor(style.color ?? colors.text);
  };
  const lineHeight = (style: TextStyle) => (style.size ?? 9.5) * 1.32;

  const drawHeading = (title: string) => {
    setStyle({ font: bold, size: 11.5, color: colors.accent });
    doc.text(title, left, y, { lineBreak: false });
    y += 15;
    doc.moveTo(left, y).lineTo(left + contentWidth(), y).lineWidth(0.6).strokeColor(colors.rule).stroke();
    y += 6;
  };

  const newPage = () => {
    doc.addPage();
    y = margin.top;
    if (pageHeader !== null) {
      setStyle({ size: 8, color: colors.muted });
      doc.text(fit(doc, pageHeader, contentWidth()), left, y - 22, { lineBreak: false });
    }
    if (section !== null) {
      drawHeading(`${section.title} (continued)`);
      section.repeat?.();
    }
  };

  const ensure = (height: number) => {
    if (y + height > bottom()) newPage();
  };

  /** Wrapped text; returns the number of lines drawn. */
  const paragraph = (text: string, style: TextStyle = {}, before?: (lineTop: number, height: number) => void) => {
    setStyle(style);
    const indent = style.indent ?? 0;
    const width = style.width ?? contentWidth() - indent;
    const height = lineHeight(style);
    const lines = wrapText(doc, text, width);
    for (const line of lines) {
      ensure(height);
      before?.(y, height);
      setStyle(style);
      doc.text(line, left + indent, y, { lineBreak: false });
      y += height;
    }
    return lines.length;
  };

  return {
    doc,
    left,
    contentWidth,
    get y() {
      return y;
    },
    set y(value: number) {
      y = value;
    },
    setStyle,
    lineHeight,
    ensure,
    paragraph,
    newPage,
    gap(points: number) {
      y += points;
    },
    /** Starts a section; `minBody` keeps the heading from being stranded at a page foot. */
    section(title: string, minBody = 40, repeat: (() => void) | null = null) {
      section = null;
      y += 8;
      ensure(21 + minBody);
      drawHeading(title);
      section = { title, repeat };
    },
    setRepeat(repeat: (() => void) | null) {
      if (section !== null) section.repeat = repeat;
    },
    endSection() {
      section = null;
    },
    startBrief(header: string) {
      section = null;
      pageHeader = null;
      y = margin.top;
      pageHeader = header;
    },
    bullet(text: string, style: TextStyle = {}) {
      const indent = (style.indent ?? 0) + 11;
      let isFirst = true;
      paragraph(text, { ...style, indent }, (lineTop) => {
        if (!isFirst) return;
        isFirst = false;
        setStyle({ ...style });
        doc.text('•', left + indent - 9, lineTop, { lineBreak: false });
      });
    },
  };
}

type Layout = ReturnType<typeof createLayout>;

function drawHeader(layout: Layout, model: BriefModel) {
  const { doc, left } = layout;
  const width = layout.contentWidth();
  // Top line: document kind on the left, date and recruiter on the right.
  layout.setStyle({ size: 8, color: colors.muted });
  const kind = model.isBlind ? 'BLIND CANDIDATE BRIEF' : 'CANDIDATE BRIEF';
  doc.text(kind, left, layout.y, { lineBreak: false });
  const prepared = `Prepared ${model.generatedOn}${model.recruiterName ? ` by ${model.recruiterName}` : ''}`;
  const preparedText = fit(doc, prepared, width * 0.6);
  doc.text(preparedText, left + width - doc.widthOfString(preparedText), layout.y, { lineBreak: false });
  layout.gap(14);

  // Long names step down a size rather than taking half the page.
  layout.setStyle({ font: bold, size: 18 });
  const nameSize = wrapText(doc, model.displayName, width).length > 2 ? 13 : 18;
  layout.paragraph(model.displayName, { font: bold, size: nameSize, color: colors.text });
  layout.gap(1);
  const facts = [
    model.currentTitle,
    model.location,
    model.yearsExperience === null ? null : `${formatYears(model.yearsExperience)} of experience`,
  ].filter((item): item is string => item !== null && item.trim() !== '');
  layout.paragraph(facts.length > 0 ? facts.join('  ·  ') : 'No title, location or experience found in the resume', {
    size: 10.5,
    color: facts.length > 0 ? colors.text : colors.muted,
  });
  if (model.readingNote) layout.paragraph(model.readingNote, { size: 9, color: colors.muted });
  layout.gap(4);

  const analysis = model.analysis;
  if (analysis === null) {
    layout.paragraph('Not analysed yet: no sub-role, evidence level or tool matrix is available.', { font: bold, color: colors.warn });
    return;
  }
  // Three cells: a small label above a bold value, each wrapped inside its cell.
  const cells = [
    { label: 'SUB-ROLE', value: `${analysis.subRole} (${analysis.correctedFields.includes('subRole') ? 'set by the recruiter' : `${analysis.subRoleConfidence}% confidence`})` },
    { label: 'SENIORITY', value: capitalise(analysis.seniority) },
    { label: 'EVIDENCE', value: analysis.correctedFields.includes('evidence') ? `${capitalise(analysis.evidenceLevel)} (set by the recruiter)` : `${capitalise(analysis.evidenceLevel)}, ${analysis.evidenceScore}/100` },
  ];
  const cellWidths = [width * 0.5, width * 0.2, width * 0.3];
  layout.setStyle({ font: bold, size: 10 });
  const wrapped = cells.map((cell, index) => wrapText(doc, cell.value, (cellWidths[index] ?? 100) - 16));
  const valueHeight = Math.max(...wrapped.map((lines) => lines.length)) * layout.lineHeight({ size: 10 });
  const boxHeight = 8 + 10 + valueHeight + 6;
  layout.ensure(boxHeight);
  const top = layout.y;
  doc.rect(left, top, width, boxHeight).fillColor(colors.box).fill();
  let x = left;
  cells.forEach((cell, index) => {
    layout.setStyle({ size: 7, color: colors.muted });
    doc.text(cell.label, x + 8, top + 6, { lineBreak: false });
    (wrapped[index] ?? []).forEach((line, lineIndex) => {
      layout.setStyle({ font: bold, size: 10, color: colors.accent });
      doc.text(line, x + 8, top + 16 + lineIndex * layout.lineHeight({ size: 10 }), { lineBreak: false });
    });
    x += cellWidths[index] ?? 0;
  });
  layout.y = top + boxHeight;
}

function formatYears(years: number): string {
  const rounded = Math.round(years * 10) / 10;
  return `${rounded} year${rounded === 1 ? '' : 's'}`;
}

function drawEvidence(layout: Layout, model: BriefModel) {
  const analysis = model.analysis;
  layout.section('Evidence summary', 50);
  if (analysis === null) {
    layout.paragraph(
      'This resume has not been analysed yet, so there is no evidence summary, padding check, tool matrix or list of open questions. Run the analysis and export the brief again.',
      { color: colors.muted },
    );
    layout.endSection();
    return;
  }
  layout.paragraph(
    `Evidence ${analysis.evidenceLevel} (${analysis.evidenceScore}/100): ${analysis.toolsShipped.length} tool${analysis.toolsShipped.length === 1 ? '' : 's'} backed by a line of work history, ${analysis.toolsListed.length} only listed.${analysis.subRoleReasons.length > 0 ? ` Why ${analysis.subRole}:` : ''}`,
  );
  for (const reason of analysis.subRoleReasons.slice(0, 4)) layout.bullet(reason, { color: colors.muted, size: 9 });
  for (const correction of analysis.corrections) layout.bullet(correction, { font: bold, size: 9 });
  layout.gap(4);
  if (analysis.quotes.length === 0) {
    layout.paragraph('No resume line shows production work with a named tool; every tool found is only listed.', {
      color: colors.warn,
    });
  } else {
    layout.paragraph(`Strongest evidence lines, quoted from the resume (${analysis.quotes.length}):`, { font: bold, size: 9.5 });
    layout.gap(2);
    for (const quote of analysis.quotes) {
      layout.ensure(30);
      const bar = (lineTop: number, height: number) => {
        layout.doc.rect(layout.left + 2, lineTop - 1, 2, height).fillColor(colors.quoteBar).fill();
      };
      layout.paragraph(`“${quote.text}”`, { size: 9.5, indent: 12 }, bar);
      layout.paragraph(`${quote.lastLine > quote.line ? `lines ${quote.line}–${quote.lastLine}` : `line ${quote.line}`}, ${quote.where}  —  supports: ${quote.why}`, { size: 8, color: colors.muted, indent: 12 }, bar);
      layout.gap(4);
    }
  }
  layout.endSection();
}

function drawPadding(layout: Layout, model: BriefModel) {
  const analysis = model.analysis;
  if (analysis === null) return;
  const { padding } = analysis;
  layout.section('Padding findings', 30);
  layout.paragraph(
    padding.isDetected
      ? `Keyword padding detected (padding score ${padding.score}/100).`
      : `No keyword padding detected (padding score ${padding.score}/100).`,
    { font: bold, color: padding.isDetected ? colors.bad : colors.good },
  );
  for (const reason of padding.reasons) layout.bullet(reason);
  for (const flag of padding.flags) {
    layout.bullet(`${flag.message} — line ${flag.line}: “${flag.excerpt}”`, { size: 9 });
  }
  if (analysis.riskFlags.length > 0) {
    layout.gap(3);
    layout.paragraph('Other things to check', { font: bold, size: 9.5 });
    for (const flag of analysis.riskFlags) layout.bullet(`${flag.message} — line ${flag.line}: “${flag.excerpt}”`, { size: 9 });
  }
  layout.endSection();
}

function drawTools(layout: Layout, model: BriefModel) {
  const analysis = model.analysis;
  if (analysis === null) return;
  const { toolsShipped, toolsListed } = analysis;
  const { doc, left } = layout;
  const width = layout.contentWidth();
  const columnGap = 16;
  const columnWidth = (width - columnGap) / 2;
  const rowHeight = 12.5;

  const columnHeadings = () => {
    layout.setStyle({ font: bold, size: 9, color: colors.good });
    doc.text(`Shipped: evidence in work history (${toolsShipped.length})`, left, layout.y, { lineBreak: false });
    layout.setStyle({ font: bold, size: 9, color: colors.warn });
    doc.text(`Listed only: no supporting line (${toolsListed.length})`, left + columnWidth + columnGap, layout.y, {
      lineBreak: false,
    });
    layout.gap(13);
  };

  layout.section('Tool matrix', 40);
  if (toolsShipped.length === 0 && toolsListed.length === 0) {
    layout.paragraph('No tools from the MLOps taxonomy were found in this resume.', { color: colors.muted });
    layout.endSection();
    return;
  }
  columnHeadings();
  layout.setRepeat(columnHeadings);
  const cell = (tool: (typeof toolsShipped)[number] | undefined, x: number, y: number, isShipped: boolean) => {
    if (!tool) return;
    layout.setStyle({ font: bold, size: 9, color: colors.text });
    const name = fit(doc, tool.name, columnWidth * 0.55);
    doc.text(name, x, y, { lineBreak: false });
    const nameWidth = doc.widthOfString(name);
    layout.setStyle({ size: 7.5, color: colors.muted });
    const lines = tool.lines.length === 0 ? '' : ` · line${tool.lines.length === 1 ? '' : 's'} ${tool.lines.slice(0, 6).join(', ')}${tool.lines.length > 6 ? '…' : ''}`;
    const detail = fit(doc, `${tool.category}${isShipped ? lines : ''}`, columnWidth - nameWidth - 8);
    doc.text(detail, x + nameWidth + 6, y + 1.2, { lineBreak: false });
  };
  const rows = Math.max(toolsShipped.length, toolsListed.length);
  for (let row = 0; row < rows; row += 1) {
    layout.ensure(rowHeight);
    if (row % 2 === 1) doc.rect(left - 3, layout.y - 2, width + 6, rowHeight).fillColor('#f7f9fb').fill();
    cell(toolsShipped[row], left, layout.y, true);
    cell(toolsListed[row], left + columnWidth + columnGap, layout.y, false);
    layout.gap(rowHeight);
  }
  layout.endSection();
}

function drawSignals(layout: Layout, model: BriefModel) {
  const analysis = model.analysis;
  if (analysis === null) return;
  const { doc, left } = layout;
  const width = layout.contentWidth();
  layout.section('Production signals', 40);
  const columnWidth = width / 2;
  analysis.signals.forEach((signal, index) => {
    const column = index % 2;
    if (column === 0) layout.ensure(13);
    const x = left + column * columnWidth;
    doc.circle(x + 3, layout.y + 4.5, 2.6).fillColor(signal.isPositive ? colors.good : colors.rule).fill();
    layout.setStyle({ size: 9.5 });
    doc.text(`${signal.label}: `, x + 10, layout.y, { lineBreak: false });
    const labelWidth = doc.widthOfString(`${signal.label}: `);
    layout.setStyle({ font: bold, size: 9.5, color: signal.isPositive ? colors.good : colors.muted });
    doc.text(signal.value, x + 10 + labelWidth, layout.y, { lineBreak: false });
    if (column === 1 || index === analysis.signals.length - 1) layout.gap(13);
  });
  if (analysis.market !== null) {
    layout.gap(3);
    layout.paragraph(`Market reference: ${analysis.market}`, { size: 8, color: colors.muted });
  }
  layout.endSection();
}

function drawRole(layout: Layout, model: BriefModel) {
  const role = model.role;
  if (!role) return;
  layout.section(`Fit for the role: ${role.title}`, 60);
  layout.paragraph(role.summary, { size: 9, color: colors.muted });
  layout.paragraph(
    `Fit ${role.fitScore}/100 · ${role.hasAllMustHaves ? 'every must-have backed by evidence' : 'not every must-have backed by evidence'}`,
    { font: bold, size: 10.5 },
  );
  layout.gap(2);
  for (const part of role.parts) {
    layout.bullet(`${part.label} (${part.points}): ${part.verdict}`, { size: 9 });
    if (part.line !== null) layout.paragraph(part.line, { size: 8, color: colors.muted, indent: 22 });
  }
  layout.gap(4);
  layout.paragraph('Pay band', { font: bold, size: 10 });
  for (const row of role.band) {
    layout.bullet(`${row.label}: ${row.range}`, { size: 9 });
    if (row.arithmetic !== null) layout.paragraph(row.arithmetic, { size: 8, indent: 22 });
    layout.paragraph(`Source: ${row.source}`, { size: 7.5, color: colors.muted, indent: 22 });
  }
  for (const gap of role.bandGaps) layout.paragraph(`No figure in the guides: ${gap}`, { size: 8, color: colors.muted });
  layout.paragraph(`Guides: ${role.sources.join('; ')}`, { size: 7.5, color: colors.muted });
  layout.endSection();
}

const recommendationColor = { advance: colors.good, hold: colors.warn, decline: colors.bad } as const;

function drawScorecard(layout: Layout, model: BriefModel) {
  const card = model.scorecard;
  layout.section('Screening scorecard', 80);
  if (card === null) {
    layout.paragraph(model.scorecardAbsence ?? 'No screening call has been recorded yet.', { color: colors.muted });
    layout.endSection();
    return;
  }
  const status = card.isFinished ? `finished ${card.date}` : `IN PROGRESS, started ${card.date}; not finished`;
  layout.paragraph(`${card.label} (${status})`, { font: bold, color: card.isFinished ? colors.text : colors.warn });
  if (card.recommendation !== null) {
    layout.paragraph(`Recruiter's recommendation: ${capitalise(card.recommendation)}`, {
      font: bold,
      size: 10.5,
      color: recommendationColor[card.recommendation],
    });
  } else {
    layout.paragraph('No recommendation recorded yet.', { color: colors.muted });
  }
  if (card.suggested !== null) {
    layout.paragraph(`Scorecard suggests: ${card.suggested.recommendation}`, { size: 9, color: colors.muted });
    for (const reason of card.suggested.reasons.slice(0, 5)) layout.bullet(reason, { size: 8.5, color: colors.muted });
  }
  if (card.summaryNotes !== '') {
    layout.gap(2);
    layout.paragraph('Summary notes', { font: bold, size: 9 });
    layout.paragraph(card.summaryNotes, { size: 9 });
  }
  layout.gap(4);
  layout.paragraph(`${card.items.length} of ${card.questionsTotal} questions scored or noted.`, { size: 8.5, color: colors.muted });
  for (const item of card.items) {
    layout.ensure(28);
    layout.gap(3);
    const { doc, left } = layout;
    const width = layout.contentWidth();
    const rating = item.rating ?? 'not rated';
    layout.setStyle({ font: bold, size: 9.5 });
    const ratingWidth = doc.widthOfString(rating);
    const titleTop = layout.y;
    layout.paragraph(item.title, { font: bold, size: 9.5, width: width - ratingWidth - 12 });
    layout.setStyle({ font: bold, size: 9.5, color: item.rating === null ? colors.muted : colors.accent });
    doc.text(rating, left + width - ratingWidth, titleTop, { lineBreak: false });
    layout.paragraph(item.goodPoints, { size: 8.5, color: colors.muted, indent: 8 });
    for (const flag of item.redFlags) layout.bullet(`Red flag: ${flag}`, { size: 8.5, color: colors.bad, indent: 8 });
    if (item.notes !== '') layout.paragraph(`Notes: ${item.notes}`, { size: 8.5, indent: 8 });
  }
  layout.endSection();
}

function drawProbes(layout: Layout, model: BriefModel) {
  const analysis = model.analysis;
  if (analysis === null) return;
  layout.section('Open questions to verify', 30);
  if (analysis.probes.length === 0) {
    layout.paragraph('The analysis left no open questions.', { color: colors.muted });
  }
  analysis.probes.forEach((probe, index) => {
    layout.ensure(24);
    layout.paragraph(`${index + 1}. ${probe.text}`, { size: 9.5 });
    if (probe.because) layout.paragraph(`Why: ${probe.because}`, { size: 8.5, color: colors.muted, indent: 12 });
    layout.gap(2);
  });
  layout.endSection();
}

function drawFooter(doc: Doc, model: BriefModel, pageIndex: number, pageCount: number) {
  const left = margin.side;
  const width = doc.page.width - margin.side * 2;
  const top = doc.page.height - margin.bottom + 16;
  // Writing below the bottom margin would make pdfkit start a new page.
  const savedBottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  doc.moveTo(left, top - 5).lineTo(left + width, top - 5).lineWidth(0.5).strokeColor(colors.rule).stroke();
  doc.font(regular).fontSize(7.5).fillColor(colors.muted);
  const pageLabel = `Page ${pageIndex + 1} of ${pageCount}`;
  const pageWidth = doc.widthOfString(pageLabel);
  doc.text(pageLabel, left + width - pageWidth, top, { lineBreak: false });
  const confidentiality = model.isBlind
    ? 'Confidential: for the hiring panel only. Blind brief: names, contact details, employers and schools are replaced by neutral labels.'
    : 'Confidential: contains personal data, for the hiring panel only. Do not forward or keep beyond this hiring decision.';
  const lines = wrapText(doc, confidentiality, width - pageWidth - 20);
  lines.forEach((line, index) => doc.text(line, left, top + index * 9.5, { lineBreak: false }));
  doc.page.margins.bottom = savedBottom;
}

/** Renders one or more briefs into one PDF; each brief starts on a new page and is numbered on its own. */
export function renderBriefsPdf(models: BriefModel[], options: RenderOptions): Promise<RenderResult> {
  const doc = new PDFDocument({
    size: pdfPageSize[options.pageSize],
    margins: { top: margin.top, bottom: margin.bottom, left: margin.side, right: margin.side },
    bufferPages: true,
    autoFirstPage: false,
    info: {
      Title: options.metadata.title,
      Author: options.metadata.author,
      Subject: options.metadata.subject,
      Keywords: options.metadata.keywords,
      Creator: 'Shipped',
      Producer: 'Shipped',
    },
    lang: 'en',
    displayTitle: true,
  });
  doc.registerFont(regular, options.fonts.regular);
  doc.registerFont(bold, options.fonts.bold);

  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const layout = createLayout(doc);
  const ranges: Array<{ model: BriefModel; first: number; count: number }> = [];
  for (const model of models) {
    const first = doc.bufferedPageRange().count;
    layout.startBrief(`${model.displayName} · candidate brief`);
    doc.addPage();
    if (models.length > 1) doc.outline.addItem(model.displayName);
    drawHeader(layout, model);
    drawEvidence(layout, model);
    drawPadding(layout, model);
    drawTools(layout, model);
    drawSignals(layout, model);
    drawRole(layout, model);
    drawScorecard(layout, model);
    drawProbes(layout, model);
    ranges.push({ model, first, count: doc.bufferedPageRange().count - first });
    options.onBrief?.(model);
  }
  for (const range of ranges) {
    for (let index = 0; index < range.count; index += 1) {
      doc.switchToPage(range.first + index);
      drawFooter(doc, range.model, index, range.count);
    }
  }
  doc.end();
  return finished.then((bytes) => ({ bytes, pages: ranges.map((range) => range.count) }));
}
