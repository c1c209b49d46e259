// How each line of an extracted text looked on the page, kept beside the text (resume_files.layout)
// so the analysis can read a resume as a reader sees it: the name is the largest line near the top
// of page 1, headings are bold or larger, a sidebar is a column of its own. Line numbers are those
// of the stored text; plain-text files have no layout.
import { z } from 'zod';

export const lineStyleSchema = z.object({
  /** 1-based page (PDF) or 1 for a Word document. */
  page: z.number().int().min(1),
  /** Left edge of the line's first character and its baseline, in points from the page's top left (PDF); 0 for Word. */
  x: z.number(),
  y: z.number(),
  /** Largest font size on the line, in points as drawn. */
  size: z.number().min(0),
  /** Largest font size of each tab-separated cell of the line, when it has more than one. */
  cellSizes: z.array(z.number().min(0)).optional(),
  bold: z.boolean(),
  italic: z.boolean(),
  /**
   * 0 for the left or only column, 1 for the right one where the page has two (a sidebar beside the
   * main text: a gutter no line crosses over several rows). A full-width line is 0.
   */
  column: z.number().int().min(0),
  /** Word paragraph style ("Title", "Heading1"), when the document names one. */
  style: z.string().optional(),
  /** The line came from a Word text box or table cell. */
  box: z.boolean().optional(),
});
export type LineStyle = z.infer<typeof lineStyleSchema>;

export const textLayoutSchema = z.object({
  /** One entry per line of the stored text (index = line number - 1); null for blank lines and lines without a style. */
  lines: z.array(lineStyleSchema.nullable()),
});
export type TextLayout = z.infer<typeof textLayoutSchema>;

/** The stored JSON read back; a layout that does not parse is treated as absent, as for plain text. */
export function parseTextLayout(json: string | null): TextLayout | undefined {
  if (json === null) return undefined;
  try {
    const parsed = textLayoutSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
