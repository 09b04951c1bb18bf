/**
 * The two built-in transports.
 *
 * `MlflowTraceExporter` does what the official TypeScript SDK does (wire §7): per trace,
 * `POST /api/3.0/mlflow/traces` with the TraceInfoV3, then `PUT` of `traces.json` under the
 * `mlflow.artifactLocation` the server answers with. Two additions for distributed traces: a
 * fragment (spans under a remote parent) has no trace info of its own and goes to the server's
 * OTLP endpoint, which merges spans by trace id; and the spans of a trace whose context went to
 * another process (or that the server says keeps spans in its store, tag
 * `mlflow.trace.spansLocation=TRACKING_STORE`) are sent there too, whichever side finishes first,
 * so the stored trace holds every process's spans. Like MLflow's Python client, those spans go
 * first, so the trace info posted afterwards has the last word on previews and metadata.
 *
 * `OtlpTraceExporter` sends OTLP/HTTP JSON to `/v1/traces` with `x-mlflow-experiment-id`.
 */
import { MLFLOW_EXPERIMENT_ID_HEADER, TRACES_ARTIFACT_FILE, TraceTagKey } from './constants.ts';
import { TraceExportError, type TraceExporter } from './exporter.ts';
import { HttpSender, httpError, type Connection } from './http.ts';
import { spanToOtlpJson } from './span.ts';
import type { Trace } from './trace.ts';
import { PACKAGE_VERSION } from '../version.ts';
import { mapLimit } from '../client/concurrency.ts';

const CONCURRENCY = 4;

/** Experiment id given, or looked up (and created, as MLflow's set_experiment does) by name once. */
export class ExperimentResolver {
  readonly #id: string | undefined;
  readonly #name: string | undefined;
  #resolved: string | undefined;

  constructor(experimentId: string | undefined, experimentName: string | undefined) {
    this.#id = experimentId;
    this.#name = experimentName;
  }

  get known(): string | undefined {
    return this.#id ?? this.#resolved;
  }

  async resolve(http: HttpSender, signal: AbortSignal, traces: readonly Trace[]): Promise<string | undefined> {
    if (this.#id !== undefined) return this.#id;
    if (this.#resolved !== undefined) return this.#resolved;
    if (this.#name === undefined) return undefined;
    const name = this.#name;
    const lookup = async (): Promise<string | undefined> => {
      const res = await http.send('GET', `/api/2.0/mlflow/experiments/get-by-name?experiment_name=${encodeURIComponent(name)}`, { signal, traces });
      if (res.status === 404) return undefined;
      if (res.status !== 200) throw httpError('GET', '/api/2.0/mlflow/experiments/get-by-name', res, traces);
      return (JSON.parse(res.text) as { experiment?: { experiment_id?: string } }).experiment?.experiment_id;
    };
    let id = await lookup();
    if (id === undefined) {
      const res = await http.send('POST', '/api/2.0/mlflow/experiments/create', { body: JSON.stringify({ name }), signal, traces });
      if (res.status === 200) id = (JSON.parse(res.text) as { experiment_id?: string }).experiment_id;
      else if (res.text.includes('RESOURCE_ALREADY_EXISTS')) id = await lookup();
      else throw httpError('POST', '/api/2.0/mlflow/experiments/create', res, traces);
    }
    if (id === undefined) {
      throw new TraceExportError(`The tracking server returned no id for experiment '${name}'.`, { retryable: false, traces });
    }
    this.#resolved = id;
    return id;
  }
}

/** The OTLP/JSON `ExportTraceServiceRequest` holding every span of `traces` (what `/v1/traces` takes). */
export function otlpBody(traces: readonly Trace[]): string {
  return JSON.stringify({
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: process.env.OTEL_SERVICE_NAME ?? 'mlflow-ts-tracing' } }] },
        scopeSpans: [
          {
            scope: { name: 'mlflow-ts-action/tracing', version: PACKAGE_VERSION },
            spans: traces.flatMap((t) => t.data.spans.map(spanToOtlpJson)),
          },
        ],
      },
    ],
  });
}


function asExportError(err: unknown, trace: Trace): TraceExportError {
  if (err instanceof TraceExportError) return new TraceExportError(err.message, { retryable: err.retryable, traces: [trace], cause: err.cause });
  return new TraceExportError(`Exporting trace ${trace.traceId} failed: ${err instanceof Error ? err.message : String(err)}`, {
    retryable: false,
    traces: [trace],
    cause: err,
  });
}

export interface MlflowExporterOptions {
  connection: Connection;
  experimentId?: string;
  experimentName?: string;
}

/** The artifact service path of `traces.json` for an `mlflow-artifacts:` location. */
export function tracesArtifactPath(artifactLocation: string): string {
  let url: URL;
  try {
    url = new URL(artifactLocation);
  } catch {
    url = new URL('invalid:');
  }
  if (url.protocol !== 'mlflow-artifacts:') {
    throw new TraceExportError(
      `The server stores this trace's artifacts at '${artifactLocation}', which this SDK cannot upload to: ` +
        'only mlflow-artifacts: locations (the server proxying artifacts, `--serve-artifacts`) are supported.',
      { retryable: false },
    );
  }
  const path = url.pathname.replace(/\/+$/, '');
  return `/api/2.0/mlflow-artifacts/artifacts${path.startsWith('/') ? '' : '/'}${path}/${TRACES_ARTIFACT_FILE}`;
}

export class MlflowTraceExporter implements TraceExporter {
  readonly http: HttpSender;
  readonly experiments: ExperimentResolver;
  /** After a trace's info is stored, retries only redo the upload. */
  readonly #stored = new WeakMap<Trace, { artifactPath: string; spansInStore: boolean }>();
  readonly #otlpSent = new WeakSet<Trace>();

  constructor(options: MlflowExporterOptions) {
    this.http = new HttpSender(options.connection);
    this.experiments = new ExperimentResolver(options.experimentId, options.experimentName);
  }

  async export(traces: readonly Trace[], signal: AbortSignal): Promise<void> {
    const experimentId = await this.experiments.resolve(this.http, signal, traces);
    if (experimentId === undefined) {
      throw new TraceExportError('No MLflow experiment: pass init({experimentId}) or set MLFLOW_EXPERIMENT_ID or MLFLOW_EXPERIMENT_NAME.', {
        retryable: false,
      });
    }
    const errors: TraceExportError[] = [];
    const fragments = traces.filter((t) => t.isFragment);
    if (fragments.length > 0) {
      try {
        await this.#sendOtlp(fragments, experimentId, signal);
      } catch (err) {
        errors.push(err instanceof TraceExportError ? err : asExportError(err, fragments[0]!));
      }
    }
    await mapLimit(
      traces.filter((t) => !t.isFragment),
      CONCURRENCY,
      async (trace) => {
        try {
          await this.#exportTrace(trace, experimentId, signal);
        } catch (err) {
          errors.push(asExportError(err, trace));
        }
      },
    );
    if (errors.length === 1) throw errors[0]!;
    if (errors.length > 1) {
      throw new TraceExportError(`${errors.length} exports failed; first: ${errors[0]!.message}`, { retryable: errors.some((e) => e.retryable), errors });
    }
  }

  async #sendOtlp(traces: readonly Trace[], experimentId: string, signal: AbortSignal): Promise<void> {
    await this.http.sendOk('POST', '/v1/traces', {
      body: otlpBody(traces),
      headers: { [MLFLOW_EXPERIMENT_ID_HEADER]: experimentId },
      signal,
      traces,
    });
  }

  async #exportTrace(trace: Trace, experimentId: string, signal: AbortSignal): Promise<void> {
    let stored = this.#stored.get(trace);
    if (!stored && trace.isPropagated && !this.#otlpSent.has(trace)) {
      await this.#sendOtlp([trace], experimentId, signal);
      this.#otlpSent.add(trace);
    }
    if (!stored) {
      const res = await this.http.sendOk('POST', '/api/3.0/mlflow/traces', {
        body: JSON.stringify({ trace: { trace_info: trace.toTraceInfoJson(experimentId) } }),
        signal,
        traces: [trace],
      });
      let tags: Record<string, string> = {};
      try {
        tags = (JSON.parse(res.text) as { trace?: { trace_info?: { tags?: Record<string, string> } } }).trace?.trace_info?.tags ?? {};
      } catch {
        // Judged below: without the tag there is nowhere to upload the spans to.
      }
      const location = tags[TraceTagKey.ARTIFACT_LOCATION];
      if (!location) {
        throw new TraceExportError(`The tracking server stored trace ${trace.traceId} but returned no ${TraceTagKey.ARTIFACT_LOCATION} tag, so its spans cannot be uploaded.`, {
          retryable: false,
        });
      }
      stored = { artifactPath: tracesArtifactPath(location), spansInStore: tags[TraceTagKey.SPANS_LOCATION] === 'TRACKING_STORE' };
      this.#stored.set(trace, stored);
    }
    if (stored.spansInStore && !this.#otlpSent.has(trace)) {
      await this.#sendOtlp([trace], experimentId, signal);
      this.#otlpSent.add(trace);
    }
    await this.http.sendOk('PUT', stored.artifactPath, { body: trace.toSpansJsonText(), signal, traces: [trace] });
  }

  async shutdown(): Promise<void> {
    await this.http.close();
  }
}

export interface OtlpExporterOptions {
  connection: Connection;
  /** Path or absolute URL of the OTLP traces endpoint; default `/v1/traces` on the tracking server. */
  endpoint?: string;
  experimentId?: string;
  experimentName?: string;
}

export class OtlpTraceExporter implements TraceExporter {
  readonly http: HttpSender;
  readonly experiments: ExperimentResolver;
  readonly #path: string;

  constructor(options: OtlpExporterOptions) {
    const endpoint = options.endpoint ?? '/v1/traces';
    if (/^https?:\/\//i.test(endpoint)) {
      const url = new URL(endpoint);
      const sameServer = url.origin === new URL(options.connection.baseUrl).origin;
      // The tracking server's credentials are not for a third-party collector.
      this.http = new HttpSender({ ...options.connection, baseUrl: url.origin, headers: sameServer ? options.connection.headers : {} });
      this.#path = url.pathname + url.search;
    } else {
      this.http = new HttpSender(options.connection);
      this.#path = endpoint.startsWith('/') ? endpoint : `/${endpoint}`;
    }
    this.experiments = new ExperimentResolver(options.experimentId, options.experimentName);
  }

  async export(traces: readonly Trace[], signal: AbortSignal): Promise<void> {
    const experimentId = await this.experiments.resolve(this.http, signal, traces);
    const headers: Record<string, string> = {};
    if (experimentId !== undefined) headers[MLFLOW_EXPERIMENT_ID_HEADER] = experimentId;
    await this.http.sendOk('POST', this.#path, { body: otlpBody(traces), headers, signal });
  }

  async shutdown(): Promise<void> {
    await this.http.close();
  }
}
