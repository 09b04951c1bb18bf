/**
 * Serving the gateway: `createGatewayApp` for the standalone server (`mlflow-ts gateway start`),
 * `mountGateway` for the tracking server (`mlflow-ts server --gateway-config`), both loading the
 * config file, watching it, and swapping the running config atomically on a good edit. A bad edit
 * keeps the old config and logs why.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { loadGatewayConfig, watchGatewayConfig } from './config.ts';
import { Gateway, type GatewayOptions } from './gateway.ts';
import { AccessLog } from './observe/access-log.ts';
import { GatewayMetrics } from './observe/metrics.ts';
import { GatewayTracer } from './observe/tracing.ts';
import { loadProjectConfig, resolveTracingSettings } from '../tracing/config.ts';
import type { GatewayObserver } from './observe/record.ts';
import { gatewayRoutes } from './routes.ts';
import type { Upstream } from './upstream.ts';
import type { Redactor } from './secrets.ts';
import { RecordingUpstream, ReplayUpstream } from './governance/record-replay.ts';

/** Where reloads and failures are reported; the CLI writes them to stderr. */
export interface GatewayLog {
  info(message: string): void;
  error(message: string): void;
}

export interface GatewayServeOptions {
  configPath: string;
  /** Callers must present this token; unset means no caller auth (bind to loopback). */
  authToken?: string;
  /** Reload the config file when it changes (default true). */
  watch?: boolean;
  env?: NodeJS.ProcessEnv;
  upstream?: Upstream;
  /** Default: the Fastify app's logger. */
  log?: GatewayLog;
  /** One JSON line per request (no prompt text); unset means no access log. */
  accessLog?: (line: string) => void;
  /** More observers. */
  observers?: GatewayObserver[];
  /**
   * Trace every request into this tracking server (experiment `gateway/<endpoint>`), sampled by
   * `tracing.sampling_rate` / `slow_threshold_ms` from mlflow-config.yaml or MLFLOW_TRACE_* env.
   */
  trackingUri?: string;
  /** Store every upstream exchange in this directory (`--record`). */
  record?: string;
  /** Serve upstream answers from this directory, no network (`--replay`). */
  replay?: string;
  /** Clock, randomness and backoff sleep, for tests that need them deterministic. */
  runtime?: Pick<GatewayOptions, 'now' | 'random' | 'sleep'>;
}

/** Server-side tracing of gateway requests, sampled by the project's tracing settings. */
export function gatewayTracer(trackingUri: string, log: GatewayLog, env: NodeJS.ProcessEnv = process.env): GatewayTracer {
  const settings = resolveTracingSettings({ env, file: loadProjectConfig()?.config });
  return new GatewayTracer({ trackingUri, sampling: { rate: settings.samplingRate, slowThresholdMs: settings.slowThresholdMs }, log });
}

export interface MountedGateway {
  gateway: Gateway;
  metrics: GatewayMetrics;
  close(): Promise<void>;
}

/** Loads the config and registers the gateway's routes on `app` in their own scope. */
export async function mountGateway(app: FastifyInstance, options: GatewayServeOptions & { standalone?: boolean }): Promise<MountedGateway> {
  const offline = options.replay !== undefined;
  const config = await loadGatewayConfig(options.configPath, { env: options.env, offline });
  const log: GatewayLog = options.log ?? { info: (m) => app.log.info(m), error: (m) => app.log.error(m) };
  // Metrics label unknown names as one value (no cardinality from callers); the gateway knows the names.
  const known = { knows: (_name: string): boolean => false };
  const metrics = new GatewayMetrics({ isKnownEndpoint: (name) => known.knows(name) });
  const observers: GatewayObserver[] = [
    metrics,
    ...(options.accessLog ? [new AccessLog(options.accessLog)] : []),
    ...(options.trackingUri ? [gatewayTracer(options.trackingUri, log, options.env)] : []),
    ...(options.observers ?? []),
  ];
  // The redactor follows reloads: a key added by an edit is kept out of recordings too.
  const redactor = (): Redactor => gateway.redactor;
  const ownUpstream: Upstream | undefined =
    options.upstream === undefined && options.replay ? new ReplayUpstream(options.replay, { redactor }) : options.upstream === undefined && options.record ? new RecordingUpstream(options.record, { redactor }) : undefined;
  const gateway: Gateway = new Gateway(config, { ...options.runtime, upstream: options.upstream ?? ownUpstream, observers });
  known.knows = (name) => gateway.knows(name);
  const watcher =
    options.watch === false
      ? undefined
      : watchGatewayConfig(
          options.configPath,
          {
            onReload(next) {
              try {
                gateway.reload(next);
                log.info(`gateway config reloaded from ${options.configPath} (${next.endpoints.length} endpoints)`);
              } catch (err) {
                log.error(`gateway config ${options.configPath} not applied, keeping the running one: ${gateway.redactor.redact((err as Error).message)}`);
              }
            },
            onError(err) {
              log.error(`gateway config ${options.configPath} not applied, keeping the running one: ${gateway.redactor.redact(err.message)}`);
            },
          },
          { env: options.env, offline },
        );
  // An edit made right after start-up must not slip past a watcher that is still scanning.
  await watcher?.ready;
  await app.register(gatewayRoutes, { gateway, authToken: options.authToken, standalone: options.standalone, configPath: options.configPath, log, metrics });
  return {
    gateway,
    metrics,
    async close() {
      await watcher?.close();
      await gateway.close();
      await ownUpstream?.close();
    },
  };
}

export interface StandaloneGateway extends MountedGateway {
  app: FastifyInstance;
}

export async function createGatewayApp(options: GatewayServeOptions & { logger?: boolean }): Promise<StandaloneGateway> {
  // Idle sockets close at once on shutdown; busy ones finish their request (streams included).
  const app = Fastify({ logger: options.logger ?? false, requestTimeout: 0, return503OnClosing: false, forceCloseConnections: 'idle' });
  let closing = false;
  app.addHook('onSend', async (_request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    // Keep-alive clients would otherwise hold shutdown open after their last answer.
    if (closing) reply.header('Connection', 'close');
  });
  app.addHook('preClose', async () => {
    closing = true;
  });
  const mounted = await mountGateway(app, { ...options, standalone: true });
  app.addHook('onClose', async () => mounted.close());
  return { app, ...mounted };
}

export interface RunningGateway {
  url: string;
  app: FastifyInstance;
  gateway: Gateway;
  close(): Promise<void>;
}

export async function startGatewayServer(options: GatewayServeOptions & { host?: string; port?: number; logger?: boolean }): Promise<RunningGateway> {
  const { app, gateway } = await createGatewayApp(options);
  const host = options.host ?? '127.0.0.1';
  try {
    await app.listen({ host, port: options.port ?? 5000 });
  } catch (err) {
    await app.close();
    throw err;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  let closing: Promise<void> | undefined;
  return { url: `http://${urlHost}:${port}`, app, gateway, close: () => (closing ??= app.close()) };
}
