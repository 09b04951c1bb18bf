/**
 * `init()` and the process-wide tracing runtime: resolved settings (code > env > config file >
 * defaults), the export queue, and the process hooks that flush at exit. Spans created before
 * `init()` use a runtime built from the environment; without a tracking URI there, traces are
 * recorded but not exported (reported once), so library code may trace unconditionally.
 */
import { userInfo } from 'node:os';
import { getActiveRun } from '../client/fluent.ts';
import { TraceMetadataKey } from './constants.ts';
import { loadProjectConfig, resolveTracingSettings, TracingConfigError, type ProjectConfig } from './config.ts';
import { runOutsideContext } from './context.ts';
import { defaultWarn, ExportQueue, type ExportStats, type TraceExporter } from './exporter.ts';
import { MlflowTraceExporter, OtlpTraceExporter } from './exporters.ts';
import { makeConnection } from './http.ts';
import type { Trace, TraceRuntime } from './trace.ts';

export interface InitOptions {
  /** Tracking server URL; default `MLFLOW_TRACKING_URI`. Not needed with a custom exporter. */
  trackingUri?: string;
  /** Default `MLFLOW_EXPERIMENT_ID`. */
  experimentId?: string;
  /** Used when no id is given; default `MLFLOW_EXPERIMENT_NAME`. Looked up (created if missing) at the first export. */
  experimentName?: string;
  /** Basic auth; default `MLFLOW_TRACKING_USERNAME` / `MLFLOW_TRACKING_PASSWORD`. */
  trackingServerUsername?: string;
  trackingServerPassword?: string;
  /** Bearer token; default `MLFLOW_TRACKING_TOKEN`. */
  trackingServerToken?: string;
  /** Per-request timeout; default `MLFLOW_HTTP_REQUEST_TIMEOUT`, then 30 s. */
  requestTimeoutMs?: number;
  /** Fraction of traces exported (0..1), decided at each root. Default: env, config file, then 1. */
  samplingRate?: number;
  /** Sampled-out traces whose root took longer than this are exported anyway, tagged `mlflow.trace.slow`. */
  slowThresholdMs?: number;
  /**
   * `'mlflow'` (default): the MLflow v3 REST API as the official SDK uses it. `'otlp'`: OTLP/HTTP
   * JSON to `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` or `<trackingUri>/v1/traces`. Or your own exporter.
   */
  exporter?: 'mlflow' | 'otlp' | TraceExporter;
  /** Project config file; default `./mlflow-config.yaml` when present. `false`: read none. */
  configFile?: string | false;
  /** Export queue bound (traces); default 2048. */
  maxQueueSize?: number;
  /** Retries of a failed export; default 5. */
  maxExportRetries?: number;
  /** Longest wait to export at process exit; default 2000 ms. */
  exitFlushTimeoutMs?: number;
  /** Flush on SIGTERM before the default action; default true. */
  handleSignals?: boolean;
  /** Nanoseconds since the epoch; for tests that control durations. */
  clock?: () => bigint;
  /** Uniform [0, 1) source for sampling; for tests. */
  random?: () => number;
  /** Where the SDK's few warnings go; default console.warn. */
  warn?: (message: string) => void;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_EXIT_FLUSH_MS = 2_000;
const SIGNAL_FLUSH_MS = 1_000;

/** Nanoseconds since the epoch: the wall clock at load plus a monotonic offset (no jumps mid-trace). */
const epochBaseNs = BigInt(Date.now()) * 1_000_000n - process.hrtime.bigint();
export const systemClockNs = (): bigint => epochBaseNs + process.hrtime.bigint();

const nonEmpty = (v: string | undefined): string | undefined => (v === undefined || v.trim() === '' ? undefined : v);

/**
 * `MLFLOW_HTTP_REQUEST_TIMEOUT` is milliseconds for the official TypeScript SDK and seconds for
 * MLflow's Python client (and this package's REST client). No one means a timeout under a second
 * or over 16 minutes, so small values are read as seconds and large ones as milliseconds.
 */
export function parseRequestTimeoutEnv(raw: string | undefined): number | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new TracingConfigError(`MLFLOW_HTTP_REQUEST_TIMEOUT must be a positive number, got '${raw}'.`);
  return n < 1000 ? n * 1000 : n;
}

function currentUser(): string | undefined {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME;
  }
}

/** User, source and (in GitHub Actions) git metadata, as MLflow's clients record them. */
function environmentMetadata(): Record<string, string> {
  const meta: Record<string, string> = { [TraceMetadataKey.SOURCE_TYPE]: 'LOCAL' };
  const user = currentUser();
  if (user) meta[TraceMetadataKey.USER] = user;
  const source = process.argv[1];
  if (source) meta[TraceMetadataKey.SOURCE_NAME] = source;
  const env = process.env;
  if (env.GITHUB_SHA) meta[TraceMetadataKey.GIT_COMMIT] = env.GITHUB_SHA;
  if (env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME) meta[TraceMetadataKey.GIT_BRANCH] = (env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME)!;
  if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY) meta[TraceMetadataKey.GIT_REPO_URL] = `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}`;
  return meta;
}

export class Runtime implements TraceRuntime {
  readonly samplingRate: number;
  readonly slowThresholdMs: number | undefined;
  readonly experimentId: string | undefined;
  readonly baseMetadata: Readonly<Record<string, string>>;
  readonly queue: ExportQueue | undefined;
  readonly exitFlushTimeoutMs: number;
  readonly handleSignals: boolean;
  readonly clock: () => bigint;
  readonly random: () => number;
  readonly warn: (message: string) => void;
  readonly #notConfiguredReason: string | undefined;
  // process.env reads cross into C++; once per runtime keeps them off the per-trace path.
  readonly #envRunId = nonEmpty(process.env.MLFLOW_RUN_ID);
  #warnedNotConfigured = false;

  constructor(settings: {
    samplingRate: number;
    slowThresholdMs: number | undefined;
    experimentId: string | undefined;
    queue: ExportQueue | undefined;
    notConfiguredReason?: string;
    exitFlushTimeoutMs?: number;
    handleSignals?: boolean;
    clock?: () => bigint;
    random?: () => number;
    warn?: (message: string) => void;
  }) {
    this.samplingRate = settings.samplingRate;
    this.slowThresholdMs = settings.slowThresholdMs;
    this.experimentId = settings.experimentId;
    this.queue = settings.queue;
    this.#notConfiguredReason = settings.notConfiguredReason;
    this.exitFlushTimeoutMs = settings.exitFlushTimeoutMs ?? DEFAULT_EXIT_FLUSH_MS;
    this.handleSignals = settings.handleSignals ?? true;
    this.clock = settings.clock ?? systemClockNs;
    this.random = settings.random ?? Math.random;
    this.warn = settings.warn ?? defaultWarn;
    this.baseMetadata = environmentMetadata();
  }

  /** The root's sampling decision. */
  sample(): boolean {
    return this.random() < this.samplingRate;
  }

  /** The run a new trace links to: the enclosing fluent `startRun` callback's, else `MLFLOW_RUN_ID` (read at init). */
  sourceRunId(): string | undefined {
    return getActiveRun()?.runId ?? this.#envRunId;
  }

  deliver(trace: Trace): void {
    // A trace that began before a later init() finishes under the configuration now in force.
    if (this.queue?.closed && current && current !== this) {
      current.deliver(trace);
      return;
    }
    if (this.queue) {
      this.queue.enqueue(trace);
      return;
    }
    if (!this.#warnedNotConfigured) {
      this.#warnedNotConfigured = true;
      this.warn(`Trace ${trace.traceId} was not exported: ${this.#notConfiguredReason ?? 'tracing is not configured'}.`);
    }
  }
}

function buildExporter(
  options: InitOptions,
  env: NodeJS.ProcessEnv,
  explicit: boolean,
): { exporter?: TraceExporter; experimentId?: string; reason?: string } {
  const choice = options.exporter ?? 'mlflow';
  const experimentId = nonEmpty(options.experimentId) ?? nonEmpty(env.MLFLOW_EXPERIMENT_ID);
  if (typeof choice === 'object') {
    if (typeof choice.export !== 'function') throw new TracingConfigError('init({exporter}) must be "mlflow", "otlp" or an object with an export(traces, signal) method.');
    return { exporter: choice, experimentId };
  }
  if (choice !== 'mlflow' && choice !== 'otlp') {
    throw new TracingConfigError(`init({exporter}) must be "mlflow", "otlp" or an exporter object, got ${JSON.stringify(choice)}.`);
  }
  const experimentName = experimentId === undefined ? (nonEmpty(options.experimentName) ?? nonEmpty(env.MLFLOW_EXPERIMENT_NAME)) : undefined;
  const otlpBase = nonEmpty(env.OTEL_EXPORTER_OTLP_ENDPOINT)?.replace(/\/+$/, '');
  const otlpEndpoint =
    choice === 'otlp' ? (nonEmpty(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) ?? (otlpBase !== undefined ? `${otlpBase}/v1/traces` : undefined)) : undefined;
  const trackingUri = nonEmpty(options.trackingUri) ?? nonEmpty(env.MLFLOW_TRACKING_URI) ?? (otlpEndpoint?.startsWith('http') ? new URL(otlpEndpoint).origin : undefined);
  if (trackingUri === undefined) {
    const reason = 'no tracking server is configured: pass init({trackingUri, experimentId}) or set MLFLOW_TRACKING_URI (and MLFLOW_EXPERIMENT_ID)';
    // An explicit init() is told at once, as by the official SDK; implicit set-up only warns, at the first trace.
    if (explicit) throw new TracingConfigError(`Cannot export traces: ${reason}.`);
    return { experimentId, reason };
  }
  if (choice === 'mlflow' && experimentId === undefined && experimentName === undefined) {
    throw new TracingConfigError(
      'An MLflow experiment is required for tracing: pass init({experimentId}) or set MLFLOW_EXPERIMENT_ID (or MLFLOW_EXPERIMENT_NAME).',
    );
  }
  const connection = makeConnection({
    trackingUri,
    username: nonEmpty(options.trackingServerUsername) ?? nonEmpty(env.MLFLOW_TRACKING_USERNAME),
    password: nonEmpty(options.trackingServerPassword) ?? nonEmpty(env.MLFLOW_TRACKING_PASSWORD),
    token: nonEmpty(options.trackingServerToken) ?? nonEmpty(env.MLFLOW_TRACKING_TOKEN),
    timeoutMs: options.requestTimeoutMs ?? parseRequestTimeoutEnv(env.MLFLOW_HTTP_REQUEST_TIMEOUT) ?? DEFAULT_TIMEOUT_MS,
  });
  const exporter =
    choice === 'mlflow'
      ? new MlflowTraceExporter({ connection, experimentId, experimentName })
      : new OtlpTraceExporter({ connection, endpoint: otlpEndpoint, experimentId, experimentName });
  return { exporter, experimentId };
}

/** Builds a runtime; throws TracingConfigError / ProjectConfigError for bad settings. */
export function createRuntime(options: InitOptions = {}, env: NodeJS.ProcessEnv = process.env, explicit = true): Runtime {
  let file: ProjectConfig | undefined;
  if (options.configFile !== false) file = loadProjectConfig({ path: options.configFile })?.config;
  const settings = resolveTracingSettings({ code: { samplingRate: options.samplingRate, slowThresholdMs: options.slowThresholdMs }, env, file });
  const built = buildExporter(options, env, explicit);
  const warn = options.warn ?? defaultWarn;
  const queue = built.exporter
    ? new ExportQueue(built.exporter, { maxQueueSize: options.maxQueueSize, maxRetries: options.maxExportRetries, warn })
    : undefined;
  return new Runtime({
    samplingRate: settings.samplingRate,
    slowThresholdMs: settings.slowThresholdMs,
    experimentId: built.experimentId,
    queue,
    notConfiguredReason: built.reason,
    exitFlushTimeoutMs: options.exitFlushTimeoutMs,
    handleSignals: options.handleSignals,
    clock: options.clock,
    random: options.random,
    warn,
  });
}

let current: Runtime | undefined;
/** Runtimes replaced by a later init() that may still hold traces. */
const retired = new Set<Runtime>();

/** The runtime new traces use; built from the environment on first use when init() was not called. */
export function getRuntime(): Runtime {
  if (!current) {
    try {
      current = createRuntime({}, process.env, false);
    } catch (err) {
      // Library code traces unconditionally; a bad environment must not break it. Say so once.
      const reason = err instanceof Error ? err.message : String(err);
      current = new Runtime({ samplingRate: 1, slowThresholdMs: undefined, experimentId: undefined, queue: undefined, notConfiguredReason: reason });
    }
    installProcessHooks(current);
  }
  return current;
}

/**
 * Configures tracing (the official SDK's `init`). Call once at start-up; calling again replaces
 * the configuration for new traces while traces already finished still export. Throws
 * TracingConfigError or ProjectConfigError for invalid settings.
 */
export function init(options: InitOptions = {}): void {
  const next = createRuntime(options);
  if (current?.queue) {
    const previous = current;
    retired.add(previous);
    void runOutsideContext(() => previous.queue!.shutdown()).finally(() => retired.delete(previous));
  }
  current = next;
  installProcessHooks(next);
}

function allQueues(): ExportQueue[] {
  const queues: ExportQueue[] = [];
  for (const r of [...retired, current]) if (r?.queue) queues.push(r.queue);
  return queues;
}

/** Waits until every finished trace is exported (or dropped after retries). `timeoutMs` bounds the wait. */
export async function flushTraces(timeoutMs?: number): Promise<void> {
  await Promise.all(allQueues().map((q) => q.flush(timeoutMs)));
}

/** Flushes (bounded), closes connections, and stops exporting; spans after this are recorded but dropped. */
export async function shutdown(timeoutMs?: number): Promise<void> {
  await Promise.all(allQueues().map((q) => q.shutdown(timeoutMs)));
}

/** Counters of the current exporter (exported, dropped by cause, retries). */
export function exportStats(): ExportStats {
  return current?.queue?.stats ?? { exported: 0, droppedQueueFull: 0, droppedFailed: 0, droppedAtExit: 0, retries: 0 };
}

// ------------------------------------------------------------------------------ process hooks

let hooksInstalled = false;
let signalHookInstalled = false;

const pendingTotal = (): number => allQueues().reduce((n, q) => n + q.pending, 0);

async function flushAllForExit(timeoutMs: number): Promise<void> {
  await Promise.all(allQueues().map((q) => q.flushForExit(timeoutMs).catch(() => undefined)));
}

function installProcessHooks(runtime: Runtime): void {
  if (!hooksInstalled) {
    hooksInstalled = true;
    let flushing = false;
    // beforeExit fires whenever the loop empties; a pending flush keeps it alive (bounded), and
    // an empty queue makes the next beforeExit a no-op, so the process then exits.
    process.on('beforeExit', () => {
      if (flushing || pendingTotal() === 0) return;
      flushing = true;
      void runOutsideContext(() => flushAllForExit(current?.exitFlushTimeoutMs ?? DEFAULT_EXIT_FLUSH_MS)).finally(() => {
        flushing = false;
      });
    });
    process.on('exit', () => {
      for (const q of allQueues()) q.reportUnexported();
    });
  }
  if (runtime.handleSignals && runtime.queue && !signalHookInstalled) {
    signalHookInstalled = true;
    const onSigterm = (): void => {
      // Alone, our listener would cancel Node's default exit; with other listeners, they decide.
      const othersDecide = process.listenerCount('SIGTERM') > 1;
      void runOutsideContext(() => flushAllForExit(SIGNAL_FLUSH_MS)).finally(() => {
        if (othersDecide) return;
        process.removeListener('SIGTERM', onSigterm);
        process.kill(process.pid, 'SIGTERM');
      });
    };
    process.on('SIGTERM', onSigterm);
  }
}
