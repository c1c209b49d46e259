import { z } from 'zod';
import { parseData } from './validate.ts';

// Alias matching looks aliases up by the ASCII word they start with (see compileAliases).
const aliasText = z.string().regex(/^[A-Za-z0-9]/, 'an alias starts with an ASCII letter or digit');

const aliasSchema = z.union([
  aliasText,
  z.object({
    text: aliasText,
    /** Only match when written exactly like this ("Ray", not "ray"). */
    caseSensitive: z.boolean().default(false),
    /** The surrounding text must look technical (see ToolContext) for this alias to count. */
    needsContext: z.boolean().default(false),
  }),
]);

const contextSchema = z.object({
  /** Word prefixes (case-insensitive); one of them nearby makes an ambiguous alias count. */
  words: z.array(z.string().min(1)).default([]),
  /** Regexes that veto a match on the line ("at the helm", "Triton Digital"). */
  rejectPatterns: z.array(z.string().min(1)).default([]),
});

const categorySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  label: z.string().min(1),
  /** Tools of this category are specific to machine learning (a tool may say otherwise with its own `ml`). */
  ml: z.boolean(),
  /**
   * Counted as a tool in evidence and padding figures. LABELING.md counts every canonical id, languages included;
   * notebooks (Kaggle, Jupyter) are where work was tried, not tools it was built with, and are not counted.
   */
  countsAsTool: z.boolean(),
  /** Building or training models, which proves no production work on its own. */
  modelling: z.boolean(),
});

const toolSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'tool id must be lowercase kebab-case'),
  name: z.string().min(1),
  category: z.string().min(1),
  /** Overrides the category's `ml` for this tool (Evidently is ML-specific monitoring; Grafana is not). */
  ml: z.boolean().optional(),
  /** Ids this tool also counts as, with the same status (EKS is Kubernetes). */
  implies: z.array(z.string()).optional(),
  firstReleaseYear: z.number().int().min(1970).max(2100),
  aliases: z.array(aliasSchema).min(1),
  context: contextSchema.optional(),
});

export const taxonomySchema = z
  .object({ version: z.number().int(), categories: z.array(categorySchema).min(1), tools: z.array(toolSchema).min(1) })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    const ids = new Set(value.tools.map((tool) => tool.id));
    const categories = new Set(value.categories.map((category) => category.id));
    value.tools.forEach((tool, index) => {
      if (!categories.has(tool.category)) ctx.addIssue({ code: 'custom', path: ['tools', index, 'category'], message: `unknown category "${tool.category}"` });
      for (const implied of tool.implies ?? []) {
        if (!ids.has(implied)) ctx.addIssue({ code: 'custom', path: ['tools', index, 'implies'], message: `unknown tool id "${implied}"` });
      }
      if (seen.has(tool.id)) ctx.addIssue({ code: 'custom', path: ['tools', index, 'id'], message: `duplicate tool id "${tool.id}"` });
      seen.add(tool.id);
      for (const pattern of tool.context?.rejectPatterns ?? []) {
        if (!isValidRegex(pattern)) ctx.addIssue({ code: 'custom', path: ['tools', index, 'context', 'rejectPatterns'], message: `invalid regex ${pattern}` });
      }
    });
  });

export type Taxonomy = z.infer<typeof taxonomySchema>;
export type ToolCategory = Taxonomy['categories'][number];
export type TaxonomyTool = Taxonomy['tools'][number];

export interface CompiledAlias {
  toolId: string;
  pattern: RegExp;
  /**
   * Lower-cased ASCII words ([a-z0-9]+) a match can start with: the alias's first word, or its first words run
   * together, since a space in an alias may be left out ("ArgoCD" for "Argo CD").
   */
  leadingWords: string[];
  needsContext: boolean;
}

export interface CompiledTool {
  tool: TaxonomyTool;
  contextWords: RegExp | null;
  rejectPatterns: RegExp[];
}

/**
 * V8 runs case-insensitive patterns far slower with the unicode flag (15x on the cue patterns), so the flag is only
 * added when a pattern needs it: \p{...} classes, \u{...} escapes or characters outside the basic plane.
 */
export function ruleRegex(source: string, flags: string): RegExp {
  const needsUnicode = /\\[pP]\{|\\u\{|[\u{10000}-\u{10FFFF}]/u.test(source);
  return new RegExp(source, needsUnicode ? `${flags}u` : flags);
}

/**
 * Whether any of the rule patterns matches the text, as fast as one regex: patterns that need no flag beyond
 * `flags` and have no capturing group (so group numbers and backreferences keep their meaning) are tested together
 * as one alternation, which scans the text once; the others are tested one by one.
 */
export function anyPatternTest(sources: readonly string[], flags: string): (text: string) => boolean {
  const combinable = (source: string): boolean => ruleRegex(source, flags).flags === new RegExp('', flags).flags && captureCount(source) === 0;
  const combined = sources.filter(combinable);
  const separate = sources.filter((source) => !combinable(source)).map((source) => ruleRegex(source, flags));
  const alternation = combined.length > 0 ? new RegExp(combined.map((source) => `(?:${source})`).join('|'), flags) : null;
  return (text) => (alternation?.test(text) ?? false) || separate.some((pattern) => pattern.test(text));
}

function captureCount(source: string): number {
  return (new RegExp(`${source}|`).exec('')?.length ?? 1) - 1;
}

/** Letters and digits of the scripts resumes are written in, for word edges without the slow unicode flag. */
export const WORD_CHAR = 'A-Za-z0-9_\\u00C0-\\u024F\\u0370-\\u03FF\\u0400-\\u04FF';
export const LETTER_CHAR = 'A-Za-z\\u00C0-\\u024F\\u0370-\\u03FF\\u0400-\\u04FF';

export function isValidRegex(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}

/** Validates raw taxonomy data; the error names the offending path (e.g. `tools.3.firstReleaseYear`). */
export function parseTaxonomy(raw: unknown): Taxonomy {
  return parseData(taxonomySchema, raw, 'taxonomy');
}

// Letters/digits on either side mean the alias is part of a longer word ("sparked", "Rayleigh"). Sticky: an alias is
// tried only where one of its leading words starts (see findToolHits).
function aliasPattern(text: string, caseSensitive: boolean): RegExp {
  const body = text.split(' ').map(RegExp.escape).join('[\\s-]?');
  return new RegExp(`(?<![${WORD_CHAR}])${body}(?![${WORD_CHAR}]|\\.[${LETTER_CHAR}])`, caseSensitive ? 'y' : 'yi');
}

function leadingWords(text: string): string[] {
  // Only ASCII letters are lower-cased: without the unicode flag, other letters never match an ASCII one.
  const words = text.replace(/[A-Z]/g, (letter) => letter.toLowerCase()).split(' ');
  const runTogether = words.map((_, index) => words.slice(0, index + 1).join(''));
  return [...new Set(runTogether.map((joined) => /^[a-z0-9]*/.exec(joined)?.[0] ?? ''))];
}

export function compileAliases(taxonomy: Taxonomy): CompiledAlias[] {
  return taxonomy.tools.flatMap((tool) =>
    tool.aliases.map((alias) => {
      const normalized = typeof alias === 'string' ? { text: alias, caseSensitive: false, needsContext: false } : alias;
      return {
        toolId: tool.id,
        pattern: aliasPattern(normalized.text, normalized.caseSensitive),
        leadingWords: leadingWords(normalized.text),
        needsContext: normalized.needsContext,
      };
    }),
  );
}

export function compileTools(taxonomy: Taxonomy): Map<string, CompiledTool> {
  return new Map(
    taxonomy.tools.map((tool) => {
      const words = tool.context?.words ?? [];
      const contextWords = words.length > 0 ? new RegExp(`(?<![${LETTER_CHAR}])(?:${words.map(RegExp.escape).join('|')})`, 'i') : null;
      const rejectPatterns = (tool.context?.rejectPatterns ?? []).map((source) => ruleRegex(source, 'i'));
      return [tool.id, { tool, contextWords, rejectPatterns }];
    }),
  );
}

/** A validated taxonomy with its lookups and alias patterns compiled, as the engine uses it. */
export interface ToolIndex {
  taxonomy: Taxonomy;
  aliases: CompiledAlias[];
  toolById(id: string): CompiledTool;
  toolCategory(id: string): ToolCategory;
  /** Whether a tool is specific to machine learning (its own `ml`, else its category's). */
  isMlTool(id: string): boolean;
}

export function indexTaxonomy(taxonomy: Taxonomy): ToolIndex {
  const compiledTools = compileTools(taxonomy);
  const categoriesById = new Map(taxonomy.categories.map((category) => [category.id, category]));
  const toolCategory = (id: string): ToolCategory => {
    const category = categoriesById.get(id);
    if (!category) throw new Error(`unknown tool category ${id}`);
    return category;
  };
  const mlToolIds = new Set(taxonomy.tools.filter((tool) => tool.ml ?? toolCategory(tool.category).ml).map((tool) => tool.id));
  return {
    taxonomy,
    aliases: compileAliases(taxonomy),
    toolById: (id) => {
      const compiled = compiledTools.get(id);
      if (!compiled) throw new Error(`unknown tool id ${id}`);
      return compiled;
    },
    toolCategory,
    isMlTool: (id) => mlToolIds.has(id),
  };
}
