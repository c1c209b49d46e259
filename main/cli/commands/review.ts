import type { Command } from '../command.ts';
import { describeReading } from '../../../contract/reading.ts';
import { OCR_REVIEW_THRESHOLD, type ReviewItem } from '../../../contract/types.ts';

function describe(items: ReviewItem[]): string {
  if (items.length === 0) return `No candidate to review: every resume read by OCR has a confidence of ${OCR_REVIEW_THRESHOLD}% or more.`;
  const lines = [`${items.length} ${items.length === 1 ? 'candidate' : 'candidates'} read by OCR with a confidence under ${OCR_REVIEW_THRESHOLD}%. Check the contact details against the file:`, ''];
  for (const item of items) {
    lines.push(
      `#${item.candidateId}  ${item.name ?? '(no name found)'}  (${describeReading(item.reading)})`,
      `      e-mail: ${item.email ?? '—'}   phone: ${item.phone ?? '—'}`,
      `      file:   ${item.path}`,
    );
  }
  return lines.join('\n');
}

export const reviewCommand: Command = {
  name: 'review',
  summary: 'List candidates whose resume OCR read with low confidence',
  usage: 'shipped review [--db PATH] [--json]',
  help: [
    `Candidates whose current resume was read from a scan or photo with a mean word confidence under ${OCR_REVIEW_THRESHOLD}%,`,
    'least sure first. Open each file and check the name, e-mail and phone Shipped read.',
  ],
  options: {},
  async run({ open, isJson, io }) {
    const { ctx, api } = open();
    try {
      const items = await api['candidates.reviewList']({});
      io.out(isJson ? JSON.stringify(items, null, 2) : describe(items));
      return 0;
    } finally {
      ctx.db.close();
    }
  },
};
