/**
 * `mlflow-ts compare` in one call: read the bundles, compare, render. A baseline path that is
 * given must be readable; leaving it out is the "no baseline yet" case, reported in the output.
 */
import { z } from 'zod';
import { readBundle } from '../bundle/index.ts';
import { compareBundles, type CompareOptions } from './compare.ts';
import { renderMarkdown, type MarkdownOptions } from './markdown.ts';
import { renderJson, renderTable } from './text.ts';
import type { Direction } from './schema.ts';

export const compareFormatSchema = z.enum(['markdown', 'json', 'table']);
export type CompareFormat = z.output<typeof compareFormatSchema>;

export interface CompareFilesOptions {
  /** Baseline bundle path; without it every current run is reported as new. */
  baseline?: string;
  /** Current bundle path. */
  current: string;
  format: CompareFormat;
  directions?: Readonly<Record<string, Direction>>;
  /** Everything else compareBundles takes (gates, links, …). */
  compare?: Omit<CompareOptions, 'directions'>;
  /** For `format: 'markdown'`. */
  markdown?: MarkdownOptions;
}

/** Reads both bundles (readBundle: BundleFormatError / BundleVersionError on a bad one), compares them and renders the result. */
export async function compareFiles(options: CompareFilesOptions): Promise<string> {
  const [baseline, current] = await Promise.all([options.baseline === undefined ? undefined : readBundle(options.baseline), readBundle(options.current)]);
  const comparison = compareBundles(baseline, current, { ...options.compare, ...(options.directions ? { directions: options.directions } : {}) });
  switch (options.format) {
    case 'markdown':
      return renderMarkdown(comparison, options.markdown);
    case 'json':
      return renderJson(comparison);
    case 'table':
      return renderTable(comparison);
  }
}
