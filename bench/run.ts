/**
 * `npm run bench`: speed and memory targets, measured on the bundled CLI (dist/cli/index.js)
 * against fresh databases, printed as JSON. Targets are reported, not asserted: timing belongs
 * here, never in unit tests. `--smoke` runs tiny sizes so CI proves the harness works without
 * spending minutes; `--only=a,b` runs a subset (cold_start, log_batch, search, artifacts,
 * sdk_overhead, otlp_ingest, gateway, evaluate, action, lint), e.g. while profiling.
 */
import { agent, smoke, startServer, stopServer } from './lib.ts';
import { benchArtifactMemory, benchColdStart, benchLogBatch, benchSearch } from './tracking.ts';
import { benchOtlpIngest, benchSdkOverhead } from './tracing.ts';
import { benchGateway, GATEWAY_TARGETS } from './gateway.ts';
import { benchEvaluate, EVAL_TARGET_ROWS_PER_S } from './evaluate.ts';
import { ACTION_TARGETS, benchAction } from './action.ts';
import { benchLint } from '../eslint-plugin/bench/lint-time.ts';

const onlyArg = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const want = (name: string): boolean => !onlyArg || onlyArg.split(',').includes(name);

const results: Record<string, unknown> = { smoke, node: process.version };
// First, so the other benches' servers do not share its CPU.
if (want('lint')) {
  const { lint_targets_met: _met, ...lint } = await benchLint({ smoke });
  Object.assign(results, lint);
}
if (want('cold_start')) Object.assign(results, await benchColdStart());
if (want('log_batch') || want('search')) {
  const s = await startServer();
  try {
    if (want('log_batch')) Object.assign(results, await benchLogBatch(s));
    if (want('search')) Object.assign(results, await benchSearch(s));
  } finally {
    await stopServer(s);
  }
}
if (want('artifacts')) Object.assign(results, await benchArtifactMemory());
if (want('sdk_overhead') || want('otlp_ingest')) {
  const s = await startServer();
  try {
    if (want('sdk_overhead')) Object.assign(results, await benchSdkOverhead(s));
    if (want('otlp_ingest')) Object.assign(results, await benchOtlpIngest(s));
  } finally {
    await stopServer(s);
  }
}
if (want('gateway')) Object.assign(results, await benchGateway());
if (want('evaluate')) Object.assign(results, await benchEvaluate());
if (want('action')) Object.assign(results, await benchAction({ smoke }));
const r = results as Record<string, number>;
const met = (value: number | undefined, ok: (v: number) => boolean): boolean | null => (value === undefined ? null : ok(value));
results.targets_met = {
  cold_start: met(r.cold_start_ms_p50, (v) => v < 300),
  log_batch: met(r.log_batch_metrics_per_s, (v) => v >= 200_000),
  search_runs: met(r.search_runs_ms_p50, (v) => v < 50),
  artifact_memory: met(r.artifact_peak_over_idle_mb, (v) => v < 64),
  sdk_overhead: met(r.sdk_overhead_us_per_span, (v) => v < 5),
  otlp_ingest: met(r.otlp_ingest_spans_per_s, (v) => v >= 50_000),
  gateway_cpu: met(r.gateway_cpu_ratio, (v) => v <= GATEWAY_TARGETS.cpuRatio),
  gateway_added_p50: met(r.gateway_added_p50_ratio, (v) => v <= GATEWAY_TARGETS.addedP50Ratio),
  gateway_rps: met(r.gateway_rps_ratio, (v) => v >= GATEWAY_TARGETS.rpsRatio),
  gateway_stream_cpu: met(r.gateway_stream_cpu_ratio, (v) => v <= GATEWAY_TARGETS.cpuRatio),
  gateway_stream_rps: met(r.gateway_stream_rps_ratio, (v) => v >= GATEWAY_TARGETS.rpsRatio),
  gateway_stream_ttfc: met(r.gateway_stream_ttfc_over_floor_ms, (v) => v <= GATEWAY_TARGETS.ttfcOverFloorMs),
  gateway_rss: met(r.gateway_rss_mb, (v) => v <= GATEWAY_TARGETS.rssMb),
  eval_rows_per_s: met(r.eval_rows_per_s, (v) => v >= EVAL_TARGET_ROWS_PER_S),
  action_ready: met(r.action_ready_ms, (v) => v < ACTION_TARGETS.readyMs),
  action_report: met(r.action_report_ms, (v) => v < ACTION_TARGETS.reportMs),
  lint_plugin_overhead: met(r.lint_plugin_overhead_ratio, (v) => v <= 0.2),
};
console.log(JSON.stringify(results, null, 2));
await agent.close();
