/**
 * Trace summaries side by side: trace latency, tokens, LLM cost and the gateway cache hit rate of
 * the baseline and current runs, and per-span latency percentiles, so a change that doubles cost
 * or latency shows in the report. A side with no traces counts as absent, not as zero.
 */
import type { BundleRun, TraceSummary } from '../bundle/index.ts';
import { defaultDirection } from './direction.ts';
import { metricDelta } from './metrics.ts';
import type { MetricDelta, SpanComparison, TracesComparison } from './schema.ts';

type Figures = Record<string, number | undefined>;

function figures(t: TraceSummary): Figures {
  const looked = t.cache_hits + t.cache_misses;
  return {
    'latency_ms/p50': t.latency_ms.p50 ?? undefined,
    'latency_ms/p95': t.latency_ms.p95 ?? undefined,
    'tokens/input': t.tokens.input,
    'tokens/output': t.tokens.output,
    'tokens/total': t.tokens.total,
    cost_usd: t.cost_usd,
    cache_hit_rate: looked > 0 ? t.cache_hits / looked : undefined,
  };
}

const FIGURE_NAMES = ['latency_ms/p50', 'latency_ms/p95', 'tokens/input', 'tokens/output', 'tokens/total', 'cost_usd', 'cache_hit_rate'];

const stat = (v: number | undefined): { value: number } | undefined => (v === undefined ? undefined : { value: v });

/** A figure's direction comes from its name alone: a project's metric directions are about its metrics, not these. */
const delta = (name: string, b: number | undefined, c: number | undefined): MetricDelta => metricDelta(name, defaultDirection(name), stat(b), stat(c));

function withTraces(run: BundleRun | undefined): TraceSummary | undefined {
  return run && run.traces.count > 0 ? run.traces : undefined;
}

export function compareTraces(baseline: BundleRun | undefined, current: BundleRun | undefined): TracesComparison | undefined {
  const b = withTraces(baseline);
  const c = withTraces(current);
  if (!b && !c) return undefined;
  const fb = b ? figures(b) : {};
  const fc = c ? figures(c) : {};
  const spanNames = [...new Set([...Object.keys(b?.spans ?? {}), ...Object.keys(c?.spans ?? {})])].sort();
  const spans: SpanComparison[] = spanNames.map((name) => {
    const sb = b?.spans[name];
    const sc = c?.spans[name];
    return {
      name,
      ...(sb ? { baselineCount: sb.count } : {}),
      ...(sc ? { currentCount: sc.count } : {}),
      p50: delta('latency_ms/p50', sb?.p50_ms, sc?.p50_ms),
      p95: delta('latency_ms/p95', sb?.p95_ms, sc?.p95_ms),
    };
  });
  return {
    count: { ...(b ? { baseline: b.count } : {}), ...(c ? { current: c.count } : {}) },
    figures: FIGURE_NAMES.filter((n) => fb[n] !== undefined || fc[n] !== undefined).map((n) => delta(n, fb[n], fc[n])),
    spans,
  };
}
