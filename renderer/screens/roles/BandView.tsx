import type { Band, BandLine, CitedSource } from '../../../contract/market.ts';
import { formatRange } from '../../../contract/market.ts';

function sourceText(source: CitedSource): string {
  const [year, month] = source.month.split('-');
  const monthName = new Date(Date.UTC(Number(year), Number(month) - 1, 1)).toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  return `${source.publisher}, ${monthName} ${year}${source.citedAs ? ` (citing ${source.citedAs})` : ''}`;
}

function Line({ entry, isTotal = false }: { entry: BandLine; isTotal?: boolean }) {
  return (
    <div className="rl-band-line">
      <div className="rl-band-label">{entry.label}</div>
      <div className={isTotal ? 'rl-band-total' : 'rl-band-value'}>{formatRange(entry.low, entry.high, entry.unit)}</div>
      {entry.arithmetic !== 'as reported' && <div className="rl-arith">{entry.arithmetic}</div>}
      {entry.sources.map((source, index) => (
        <div className="rl-source" key={index}>
          Source: {sourceText(source)}, {source.title}
        </div>
      ))}
    </div>
  );
}

/** The band with its arithmetic, every figure's source line, and what the guides do not cover. */
export function BandView({ band, isCompact = false }: { band: Band; isCompact?: boolean }) {
  return (
    <div className="rl-band" aria-label="Band figures and sources">
      <p className="rl-help">
        From {band.marketData.origin === 'bundled' ? 'the bundled guide figures' : `your market data, version ${band.marketData.version}`} ({band.marketData.label}).
        The guides are never averaged: where they differ, each gets its own line.
      </p>
      {band.sections.map((section) => (
        <div className="rl-band-section" key={section.kind + section.title}>
          <h4>{section.title}</h4>
          {section.base && <Line entry={section.base} isTotal={section.totals.length === 0} />}
          {section.totals.map((total) => (
            <Line key={total.label} entry={total} isTotal />
          ))}
          {section.gaps.map((gap) => (
            <div className="rl-gap" key={gap}>No figure in the guides: {gap}</div>
          ))}
          {!isCompact && section.context.map((entry) => <Line key={entry.label} entry={entry} />)}
        </div>
      ))}
      <div className="rl-band-section">
        <h4>{band.cityName}</h4>
        {band.context.map((entry) => (
          <Line key={entry.label} entry={entry} />
        ))}
        {band.gaps.map((gap) => (
          <div className="rl-gap" key={gap}>No figure in the guides: {gap}</div>
        ))}
        {band.notes.map((note) => (
          <div className="rl-band-line" key={note.text}>
            <div className="rl-band-label">{note.text}</div>
            {note.sources.map((source, index) => (
              <div className="rl-source" key={index}>Source: {sourceText(source)}, {source.title}</div>
            ))}
          </div>
        ))}
      </div>
      {!isCompact && (
        <div className="rl-band-section">
          <h4>Closing the offer</h4>
          {band.closing.map((entry) => (
            <Line key={entry.label} entry={entry} />
          ))}
        </div>
      )}
      <div className="rl-source" style={{ marginTop: 8 }}>
        Guides: {band.sources.map((source) => `${source.publisher}, “${source.title}”`).join('; ')}
      </div>
    </div>
  );
}
