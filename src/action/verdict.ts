/**
 * The job's gate verdict: the `thresholds` input judged against the current bundle's runs (with
 * each run's baseline partner, as the comparison pairs them), plus the gates each evaluation
 * already judged and recorded on its run; then `fail-on` decides. The verdict is written back as
 * run tags, on the tracking server and in the bundle, before anything is posted anywhere, so a
 * failed comment can never hide a failed gate and the pass criteria stay with the runs.
 */
import type { MlflowClient } from '../client/index.ts';
import type { Bundle, BundleRun } from '../report/bundle/index.ts';
import { ENTRY_POINT_TAG, matchRuns } from '../report/compare/index.ts';
import { comparisonsOf, evaluateGates, gateKind, parseGates, recordedGatesSchema, recordedGatesTag, referencesOf, summarize, type RecordedGates, type FailOn, type Gate, type GateContext, type GateResult, type MetricValue, type RunScope } from '../report/gates/index.ts';
import { EvalTag } from '../evaluate/tags.ts';
import { metricStatsFrom } from '../evaluate/aggregate.ts';

/** Tag with the whole job's verdict, next to the run's own `mlflow_ts.gates.passed`. */
export const JOB_PASSED_TAG = 'mlflow_ts.gates.job_passed';

/** A gate result and the current run it was judged on (undefined: no run had the metrics). */
export interface JudgedGate {
  result: GateResult;
  runId: string | undefined;
}

/** The latest value of each metric (highest step, then newest), as MLflow's run view shows it. */
export function latestValues(run: BundleRun): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, points] of Object.entries(run.metrics)) {
    let best = points[0];
    for (const p of points) if (best === undefined || p.step > best.step || (p.step === best.step && p.timestamp >= best.timestamp)) best = p;
    if (best !== undefined) out[name] = best.value;
  }
  return out;
}

function valueOf(run: BundleRun | undefined, name: string, cache: Map<BundleRun, Record<string, MetricValue>>): MetricValue | undefined {
  if (!run) return undefined;
  let stats = cache.get(run);
  if (!stats) {
    stats = metricStatsFrom(latestValues(run));
    cache.set(run, stats);
  }
  return Object.hasOwn(stats, name) ? stats[name] : undefined;
}

export function matchesScope(run: BundleRun, scope: RunScope): boolean {
  switch (scope.kind) {
    case 'run':
      return run.run_name === scope.name;
    case 'entry_point':
      return run.tags[ENTRY_POINT_TAG] === scope.name;
    case 'eval':
      return scope.name === undefined ? Boolean(run.tags[EvalTag.TARGET]) : run.tags[EvalTag.TARGET] === scope.name;
  }
}

/** `[entry_point=train]`, `[eval=small]` or `[run=name]`: how a report names the run a gate was judged on. */
export function runLabel(run: BundleRun): string {
  const ep = run.tags[ENTRY_POINT_TAG];
  if (ep) return `[entry_point=${ep}]`;
  const target = run.tags[EvalTag.TARGET];
  if (target) return `[eval=${target}]`;
  return `[run=${run.run_name}]`;
}

/**
 * Judges `gates` on the current bundle's runs. A gate whose metrics name no run is judged on each
 * run that logged all of them (and fails, naming the metric, when none did); a gate with run
 * selectors on the runs they select. `baseline` reads the same metric of the run's match in the
 * baseline bundle; without one, regression gates are skipped, as the grammar says.
 */
export function judgeThresholds(gates: readonly Gate[], current: Bundle, baseline: Bundle | undefined): JudgedGate[] {
  const runs = current.runs;
  const partner = new Map<BundleRun, BundleRun>();
  for (const m of matchRuns(baseline?.runs ?? [], runs)) if (m.current && m.baseline) partner.set(m.current, m.baseline);
  const cache = new Map<BundleRun, Record<string, MetricValue>>();
  const judged: JudgedGate[] = [];
  for (const gate of gates) {
    const refs = comparisonsOf(gate.condition)
      .flatMap((c) => [...referencesOf(c.left), ...referencesOf(c.right)])
      .filter((r) => r.type === 'metric');
    const unscoped = refs.filter((r) => r.scope === undefined);
    const first = refs.find((r) => r.scope !== undefined)?.scope;
    const anchors =
      unscoped.length > 0
        ? runs.filter((run) => unscoped.every((r) => valueOf(run, r.name, cache) !== undefined))
        : first !== undefined
          ? runs.filter((run) => matchesScope(run, first))
          : [];
    const label = (anchor: BundleRun): string | undefined => (unscoped.length > 0 ? runLabel(anchor) : anchors.length > 1 ? `[run=${anchor.run_name}]` : undefined);
    for (const anchor of anchors.length > 0 ? anchors : [undefined]) {
      const resolve = (scope: RunScope | undefined): BundleRun | undefined =>
        scope === undefined ? anchor : anchor && matchesScope(anchor, scope) ? anchor : runs.find((r) => matchesScope(r, scope));
      const ctx: GateContext = {
        current: (name, scope) => valueOf(resolve(scope), name, cache),
        baseline: (name, scope) => {
          const run = resolve(scope);
          const base = run ? partner.get(run) : scope && baseline ? baseline.runs.find((r) => matchesScope(r, scope)) : undefined;
          return valueOf(base, name, cache);
        },
      };
      const [result] = evaluateGates([gate], ctx);
      const prefix = anchor ? label(anchor) : undefined;
      judged.push({ result: prefix ? { ...result!, source: `${prefix} ${result!.source}` } : result!, runId: anchor?.run_id });
    }
  }
  return judged;
}

function kindOf(source: string): GateResult['kind'] {
  try {
    const [gate] = parseGates(source);
    if (gate) return gateKind(gate);
  } catch {
    // A recorded gate this build cannot parse: judge by the word.
  }
  return /\bbaseline\b/.test(source) ? 'regression' : 'threshold';
}

/**
 * The gates each evaluation run judged (its suite's thresholds), labelled with its target. Results
 * held in memory (mode `run`) are preferred; otherwise the run's `mlflow_ts.gates` tag is read.
 * A tag that was cut at MLflow's length limit cannot be read back and is reported as a warning.
 */
export function recordedEvalGates(current: Bundle, inMemory: ReadonlyMap<string, readonly GateResult[]> = new Map()): { judged: JudgedGate[]; warnings: string[] } {
  const judged: JudgedGate[] = [];
  const warnings: string[] = [];
  for (const run of current.runs) {
    const target = run.tags[EvalTag.TARGET];
    if (!target) continue;
    const label = `[eval=${target}]`;
    const held = inMemory.get(run.run_id);
    if (held) {
      for (const r of held) judged.push({ result: { ...r, source: `${label} ${r.source}` }, runId: run.run_id });
      continue;
    }
    const tag = run.tags[EvalTag.GATES];
    if (!tag) continue;
    let recorded: RecordedGates;
    try {
      recorded = recordedGatesSchema.parse(JSON.parse(tag));
    } catch {
      warnings.push(`The gates recorded on evaluation run ${run.run_id} (${target}) could not be read (tag ${EvalTag.GATES} cut at MLflow's length limit?); its verdict tag ${EvalTag.GATES_PASSED}=${run.tags[EvalTag.GATES_PASSED] ?? '?'} is used alone.`);
      if (run.tags[EvalTag.GATES_PASSED] === 'false') {
        judged.push({ result: { source: `${label} (recorded gates)`, kind: 'threshold', status: 'fail', reason: 'the evaluation recorded a failed gate', comparisons: [] }, runId: run.run_id });
      }
      continue;
    }
    for (const g of recorded) {
      const result: GateResult = {
        source: `${label} ${g.gate}`,
        kind: g.kind ?? kindOf(g.gate),
        status: g.status,
        ...(typeof g.left === 'number' ? { left: g.left } : {}),
        ...(typeof g.right === 'number' ? { right: g.right } : {}),
        ...(g.status === 'fail' ? { reason: 'failed when the evaluation ran' } : {}),
        comparisons: [],
      };
      judged.push({ result, runId: run.run_id });
    }
  }
  return { judged, warnings };
}


export interface Verdict {
  passed: boolean;
  results: GateResult[];
  failed: GateResult[];
}

export function decide(judged: readonly JudgedGate[], failOn: FailOn): Verdict {
  const results = judged.map((j) => j.result);
  const { passed, failed } = summarize(results, failOn);
  return { passed, results, failed };
}

/**
 * Writes the verdict to every current run, on the server and in `bundle`: the run's own gates
 * (`mlflow_ts.gates`, `mlflow_ts.gates.passed` under `fail-on`) and the job's verdict
 * (`mlflow_ts.gates.job_passed`).
 */
export async function recordVerdict(client: MlflowClient, bundle: Bundle, judged: readonly JudgedGate[], verdict: Verdict, failOn: FailOn): Promise<void> {
  const byRun = new Map<string, GateResult[]>();
  for (const j of judged) {
    if (j.runId === undefined) continue;
    const list = byRun.get(j.runId);
    if (list) list.push(j.result);
    else byRun.set(j.runId, [j.result]);
  }
  await Promise.all(
    bundle.runs.map(async (run) => {
      const own = byRun.get(run.run_id) ?? [];
      const tags: Record<string, string> = { [JOB_PASSED_TAG]: String(verdict.passed) };
      if (own.length > 0) {
        tags[EvalTag.GATES_PASSED] = String(summarize(own, failOn).passed);
        tags[EvalTag.GATES] = recordedGatesTag(own);
      }
      await client.logBatch(run.run_id, { tags });
      Object.assign(run.tags, tags);
    }),
  );
}
