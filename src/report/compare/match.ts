/**
 * Which baseline run a current run is compared with. Runs are matched in three passes, by MLproject
 * entry point (tag `mlflow.project.entryPoint`), then by evaluation target (tag
 * `mlflow_ts.eval.target`), then by run name; each pass only sees the runs earlier passes left
 * unmatched. The entry-point pass also requires equal evaluation targets, so two evaluation runs
 * started from one entry point are told apart by their targets. When several runs share a key on
 * both sides they are paired in start-time order. A current run without a match is new; a baseline
 * run without one is missing.
 */
import type { BundleRun } from '../bundle/index.ts';
import { EvalTag } from '../../evaluate/tags.ts';
import type { MatchKind } from './schema.ts';

export const ENTRY_POINT_TAG = 'mlflow.project.entryPoint';

export interface RunMatch {
  kind: MatchKind;
  /** The key's value: the entry point, target or name. */
  value: string;
  baseline?: BundleRun;
  current?: BundleRun;
}

function keyOf(run: BundleRun, kind: MatchKind): string | undefined {
  switch (kind) {
    case 'entry_point': {
      const ep = run.tags[ENTRY_POINT_TAG];
      return ep ? JSON.stringify([ep, run.tags[EvalTag.TARGET] ?? null]) : undefined;
    }
    case 'eval_target':
      return run.tags[EvalTag.TARGET] || undefined;
    case 'run_name':
      return run.run_name;
  }
}

/** What a run is known by in a report: its most specific key. */
export function identity(run: BundleRun): { kind: MatchKind; value: string } {
  const ep = run.tags[ENTRY_POINT_TAG];
  if (ep) return { kind: 'entry_point', value: ep };
  const target = run.tags[EvalTag.TARGET];
  if (target) return { kind: 'eval_target', value: target };
  return { kind: 'run_name', value: run.run_name };
}

const PASSES: readonly MatchKind[] = ['entry_point', 'eval_target', 'run_name'];

const byStart = (a: BundleRun, b: BundleRun): number => a.start_time - b.start_time || (a.run_id < b.run_id ? -1 : a.run_id > b.run_id ? 1 : 0);

/** Matched pairs in the current bundle's order, then new runs, then missing runs (each in bundle order). */
export function matchRuns(baseline: readonly BundleRun[], current: readonly BundleRun[]): RunMatch[] {
  const pairOf = new Map<BundleRun, { kind: MatchKind; baseline: BundleRun }>();
  const taken = new Set<BundleRun>();
  for (const kind of PASSES) {
    const waiting = new Map<string, BundleRun[]>();
    for (const run of [...baseline].sort(byStart)) {
      const key = taken.has(run) ? undefined : keyOf(run, kind);
      if (key === undefined) continue;
      const list = waiting.get(key);
      if (list) list.push(run);
      else waiting.set(key, [run]);
    }
    for (const run of [...current].sort(byStart)) {
      if (pairOf.has(run)) continue;
      const key = keyOf(run, kind);
      const partner = key === undefined ? undefined : waiting.get(key)?.shift();
      if (!partner) continue;
      pairOf.set(run, { kind, baseline: partner });
      taken.add(partner);
    }
  }
  const matches: RunMatch[] = [];
  for (const run of current) {
    const pair = pairOf.get(run);
    if (pair) {
      const value = pair.kind === 'entry_point' ? identity(run).value : keyOf(run, pair.kind)!;
      matches.push({ kind: pair.kind, value, baseline: pair.baseline, current: run });
    }
  }
  for (const run of current) if (!pairOf.has(run)) matches.push({ ...identity(run), current: run });
  for (const run of baseline) if (!taken.has(run)) matches.push({ ...identity(run), baseline: run });
  return matches;
}
