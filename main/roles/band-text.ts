// The band as plain text: the CLI prints it and the brief reuses its lines.
import type { Band, BandLine, CitedSource } from '../../contract/market.ts';
import { engagementNames, premiumFactorNames } from '../../contract/market.ts';
import { formatRange } from '../../contract/market.ts';

export function sourceLabel(source: Pick<CitedSource, 'publisher' | 'title' | 'month'>): string {
  const [year, month] = source.month.split('-');
  const monthName = new Date(Date.UTC(Number(year), Number(month) - 1, 1)).toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  return `${source.publisher}, "${source.title}", ${monthName} ${year}`;
}

export function bandHeadline(band: Band): string {
  const factors = band.input.factors.map((factor) => premiumFactorNames[factor]);
  return [band.input.level, band.cityName, engagementNames[band.input.engagement], ...factors].join(', ');
}

function figureLine(entry: BandLine, indent: string): string[] {
  const lines = [`${indent}${entry.label}: ${formatRange(entry.low, entry.high, entry.unit)}`];
  if (entry.arithmetic !== 'as reported') lines.push(`${indent}  ${entry.arithmetic}`);
  for (const source of entry.sources) {
    lines.push(`${indent}  source: ${source.publisher} (${source.month})${source.citedAs ? `, citing ${source.citedAs}` : ''}, ${source.title}`);
  }
  return lines;
}

export function formatBandText(band: Band): string {
  const out: string[] = [`Band: ${bandHeadline(band)}`, `Market data: ${band.marketData.origin === 'bundled' ? 'bundled' : 'your copy'}, version ${band.marketData.version} (${band.marketData.label})`];
  for (const section of band.sections) {
    out.push('', `${section.title}`);
    if (section.base) out.push(...figureLine(section.base, '  '));
    for (const total of section.totals) out.push(...figureLine(total, '  '));
    for (const gap of section.gaps) out.push(`  no figure in the guides: ${gap}`);
    if (section.context.length > 0) {
      out.push('  Beside it:');
      for (const entry of section.context) out.push(...figureLine(entry, '    '));
    }
  }
  if (band.context.length > 0 || band.gaps.length > 0 || band.notes.length > 0) {
    out.push('', 'City');
    for (const entry of band.context) out.push(...figureLine(entry, '  '));
    for (const gap of band.gaps) out.push(`  no figure in the guides: ${gap}`);
    for (const note of band.notes) {
      out.push(`  ${note.text}`);
      for (const source of note.sources) out.push(`    source: ${source.publisher} (${source.month}), ${source.title}`);
    }
  }
  out.push('', 'Closing the offer');
  for (const entry of band.closing) out.push(...figureLine(entry, '  '));
  out.push('', 'Sources');
  for (const source of band.sources) out.push(`  ${sourceLabel(source)}`);
  return out.join('\n');
}
