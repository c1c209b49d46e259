// The numbers a guide's sentence states, as the market data stores them: "$200K – $260K"
// → 200000, 260000; "$20-30K" → 20000, 30000 (a range shares its K); "25-40%" → 25, 40;
// "three business days" → 3.
const numberWords: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, 'twenty-four': 24,
};

export function numbersInQuote(quote: string): number[] {
  const found: number[] = [];
  const pattern = /\$?(\d[\d,]*(?:\.\d+)?)(K?)(?:\s*(?:-|–|to)\s*\$?(\d[\d,]*(?:\.\d+)?)(K?))?/g;
  for (const match of quote.matchAll(pattern)) {
    const first = Number(match[1]!.replace(/,/g, ''));
    const second = match[3] === undefined ? null : Number(match[3].replace(/,/g, ''));
    const isSecondThousands = match[4] === 'K';
    const isFirstThousands = match[2] === 'K' || (second !== null && isSecondThousands);
    found.push(isFirstThousands ? first * 1000 : first);
    if (second !== null) found.push(isSecondThousands ? second * 1000 : second);
  }
  for (const [word, value] of Object.entries(numberWords)) {
    if (new RegExp(`\\b${word}\\b`, 'i').test(quote)) found.push(value);
  }
  return found;
}
