/**
 * Run bundles: an experiment's runs as one versioned JSON file. `exportBundle` reads them from a
 * tracking server, `importBundle` loads them into one (idempotently), `readMlruns` reads MLflow's
 * file store, and `writeBundle`/`readBundle` keep them on disk. Talks to servers only through
 * the client (src/client).
 */
export {
  BUNDLE_SCHEMA,
  BUNDLE_VERSION,
  READABLE_BUNDLE_VERSIONS,
  BundleFormatError,
  BundleVersionError,
  bundleSchema,
  emptyTraceSummary,
  parseBundle,
  serializeBundle,
  type ArtifactEntry,
  type Bundle,
  type BundleDatasetInput,
  type BundleExperiment,
  type BundleRun,
  type BundleSource,
  type EvalSection,
  type MetricPoint,
  type ScorerSummary,
  type TraceSummary,
} from './schema.ts';
export { exportBundle, BundleExportError, MAX_ARTIFACT_ENTRIES, type ExportOptions, type ExportSelection } from './export.ts';
export { importBundle, runContentHash, BundleImportError, BundleTag, type ImportResult } from './import.ts';
export { readMlruns, MlrunsError, type ReadMlrunsOptions } from './mlruns.ts';
export { readBundle, writeBundle } from './io.ts';
export { verdict, EVAL_RESULTS_FILE, MAX_EVAL_ARTIFACT_BYTES, MAX_EVAL_ROWS, MAX_EVAL_TABLE_BYTES, evalSection } from './eval.ts';
export { MAX_TRACES_WITH_SPANS, summarizeTraces, type SpanFacts, type TraceFacts } from './traces.ts';
export { scrubber, stripUrlCredentials } from './sanitize.ts';
