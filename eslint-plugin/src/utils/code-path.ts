/**
 * "Must happen on every path" checks (a span's or a run's end) on ESLint's code-path analysis,
 * in the way Go's lostcancel pass (and go-spancheck after it) does: from the segment where a
 * resource is acquired, search the control-flow graph for a path to the function's exit that
 * passes no segment where it is released.
 *
 * ESLint visits the statements of a `finally` once while several parallel segments (normal exit,
 * return, throw) are current, so the tracker records every current segment for a node.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

export type CodePath = TSESLint.CodePath;
export type Segment = TSESLint.CodePathSegment;

/** Where a node was visited: the segments current then, and its offset to order it within them. */
export interface PathPoint {
  segments: readonly Segment[];
  offset: number;
  node: TSESTree.Node;
}

type Listener = (...args: never[]) => void;
export type Listeners = Record<string, Listener | undefined>;

/** Merges rule listeners; handlers for the same selector run in the given order. */
export function mergeListeners(...all: Listeners[]): TSESLint.RuleListener {
  const merged: Record<string, Listener[]> = {};
  for (const listeners of all) {
    for (const [key, fn] of Object.entries(listeners)) if (fn) (merged[key] ??= []).push(fn);
  }
  const out: Record<string, Listener> = {};
  for (const [key, fns] of Object.entries(merged)) {
    out[key] = fns.length === 1 ? fns[0]! : (...args: never[]) => fns.forEach((fn) => fn(...args));
  }
  return out;
}

export interface CodePathTracker {
  /** Listeners to merge into the rule's (they must see every code-path event). */
  listeners: Listeners;
  /** The point of `node` in the code path being traversed; call it from a node listener. */
  pointOf(node: TSESTree.Node): PathPoint;
}

/**
 * Tracks current segments; `onCodePathEnd(codePath, node)` is called after each function (and the
 * program) is fully traversed, when its graph is complete and the recorded points can be queried.
 */
export function createCodePathTracker(onCodePathEnd: (codePath: CodePath, node: TSESTree.Node) => void): CodePathTracker {
  const stack: Set<Segment>[] = [];
  const top = (): Set<Segment> => stack[stack.length - 1] ?? new Set();
  const enter = (segment: Segment): void => void top().add(segment);
  const leave = (segment: Segment): void => void top().delete(segment);
  return {
    listeners: {
      onCodePathStart: () => void stack.push(new Set()),
      onCodePathEnd: ((codePath: CodePath, node: TSESTree.Node) => {
        onCodePathEnd(codePath, node);
        stack.pop();
      }),
      onCodePathSegmentStart: enter,
      onCodePathSegmentEnd: leave,
      onUnreachableCodePathSegmentStart: enter,
      onUnreachableCodePathSegmentEnd: leave,
    },
    pointOf: (node) => ({ segments: [...top()], offset: node.range[0], node }),
  };
}

export type Exit = { kind: 'return' | 'throw'; segment: Segment } | { kind: 'loop'; segment: Segment };

/**
 * A way out of the code path from `start` that passes none of `releases`: a return or a throw
 * out of the function, or a loop back to `start` (acquiring again before releasing). Undefined when
 * every path is released. Releases and starts in unreachable segments are ignored.
 */
export function findUnreleasedExit(codePath: CodePath, start: PathPoint, releases: readonly PathPoint[]): Exit | undefined {
  const releasedAt = new Map<Segment, number[]>();
  for (const r of releases) for (const s of r.segments) (releasedAt.get(s) ?? releasedAt.set(s, []).get(s)!).push(r.offset);
  const returned = new Set(codePath.returnedSegments);
  const thrown = new Set(codePath.thrownSegments);
  const startSet = new Set(start.segments);

  for (const first of start.segments) {
    if (!first.reachable) continue;
    // Released later in the segment the acquisition is in.
    if ((releasedAt.get(first) ?? []).some((o) => o > start.offset)) continue;
    const exitOf = (s: Segment): Exit | undefined =>
      returned.has(s) ? { kind: 'return', segment: s } : thrown.has(s) ? { kind: 'throw', segment: s } : undefined;
    const direct = exitOf(first);
    if (direct) return direct;
    const seen = new Set<Segment>();
    const queue = [...first.nextSegments];
    while (queue.length > 0) {
      const s = queue.shift()!;
      if (seen.has(s) || !s.reachable) continue;
      seen.add(s);
      const offsets = releasedAt.get(s);
      if (startSet.has(s)) {
        // Back at the acquisition: only a release before it in the segment ends the old one.
        if (offsets?.some((o) => o < start.offset)) continue;
        return { kind: 'loop', segment: s };
      }
      if (offsets && offsets.length > 0) continue;
      const exit = exitOf(s);
      if (exit) return exit;
      queue.push(...s.nextSegments);
    }
  }
  return undefined;
}

/** Records the exit statements (`return`, `throw`) by segment, to say where an exit is. */
export function createExitRecorder(tracker: CodePathTracker): { listeners: Listeners; nodeOf(segment: Segment): TSESTree.Node | undefined } {
  const bySegment = new Map<Segment, TSESTree.Node>();
  const record = (node: TSESTree.Node): void => {
    for (const s of tracker.pointOf(node).segments) bySegment.set(s, node);
  };
  return {
    listeners: { ReturnStatement: record, ThrowStatement: record },
    nodeOf: (segment) => bySegment.get(segment),
  };
}

/**
 * Whether `to` can run after `from` on some path that passes none of `blockers` (e.g. the
 * variable being assigned a new span). Both points must belong to the same code path.
 */
export function canReachAfter(from: PathPoint, to: PathPoint, blockers: readonly PathPoint[] = []): boolean {
  const targets = new Set(to.segments);
  const blockedAt = new Map<Segment, number[]>();
  for (const b of blockers) for (const s of b.segments) (blockedAt.get(s) ?? blockedAt.set(s, []).get(s)!).push(b.offset);
  for (const first of from.segments) {
    if (!first.reachable) continue;
    const firstBlocks = blockedAt.get(first) ?? [];
    if (targets.has(first) && to.offset > from.offset && !firstBlocks.some((o) => o > from.offset && o < to.offset)) return true;
    if (firstBlocks.some((o) => o > from.offset)) continue;
    const seen = new Set<Segment>();
    const queue = [...first.nextSegments];
    while (queue.length > 0) {
      const s = queue.shift()!;
      if (seen.has(s) || !s.reachable) continue;
      seen.add(s);
      const blocks = blockedAt.get(s) ?? [];
      // Entering a segment from its start: `to` runs unless a blocker comes first.
      if (targets.has(s) && !blocks.some((o) => o < to.offset)) return true;
      if (blocks.length > 0) continue;
      queue.push(...s.nextSegments);
    }
  }
  return false;
}
