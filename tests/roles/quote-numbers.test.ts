import { describe, expect, it } from 'vitest';
import { numbersInQuote } from './quote-numbers.ts';

describe('numbersInQuote (the figure check relies on it)', () => {
  it('reads thousands, shared K in ranges, percents and number words', () => {
    expect(numbersInQuote('| Senior (5-8 yrs) | $200K – $260K |')).toEqual([5, 8, 200000, 260000]);
    expect(numbersInQuote('adds $20-30K base premium')).toEqual([20000, 30000]);
    expect(numbersInQuote('day rates run $1,000-$1,400 (W2)')).toEqual([1000, 1400, 2]);
    expect(numbersInQuote('add 8 to 12 percent')).toEqual([8, 12]);
    expect(numbersInQuote('a response window of three business days')).toEqual([3]);
  });

  it('does not invent a number the quote lacks', () => {
    expect(numbersInQuote('SF leads at ~$215K median')).not.toContain(215);
    expect(numbersInQuote('no figures here')).toEqual([]);
  });
});
