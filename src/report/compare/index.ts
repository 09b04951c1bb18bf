/**
 * Comparing run bundles: `compareBundles` matches the runs of a baseline and a current bundle and
 * compares their metrics, params, evaluation rows, metric histories and traces into a
 * JSON-serializable Comparison; `renderMarkdown` (a PR comment or job summary, size-capped),
 * `renderJson` and `renderTable` (a terminal) show it; `compareFiles` does all of it for
 * `mlflow-ts compare`.
 */
export { compareBundles, MAX_CHARTS_PER_RUN, type CompareLinks, type CompareOptions } from './compare.ts';
export { compareFiles, compareFormatSchema, type CompareFilesOptions, type CompareFormat } from './files.ts';
export { renderMarkdown, DEFAULT_MAX_CHARS, GITHUB_COMMENT_LIMIT, MIN_MAX_CHARS, type MarkdownOptions } from './markdown.ts';
export { renderJson, renderTable } from './text.ts';
export { defaultDirection, directionOf } from './direction.ts';
export { ENTRY_POINT_TAG, matchRuns, type RunMatch } from './match.ts';
export { MAX_CHART_POINTS } from './metrics.ts';
export { htmlText, mdText, safeUrl } from './escape.ts';
export {
  COMPARISON_SCHEMA,
  COMPARISON_VERSION,
  ComparisonFormatError,
  comparisonSchema,
  directionSchema,
  gateResultSchema,
  parseComparison,
  type Change,
  type Chart,
  type Comparison,
  type ComparisonWarning,
  type Direction,
  type EvalComparison,
  type FlippedRow,
  type MatchKind,
  type MetricDelta,
  type ParamChange,
  type RunComparison,
  type RunRef,
  type ScorerComparison,
  type SpanComparison,
  type TracesComparison,
} from './schema.ts';
