/**
 * The tracking server: MLflow's REST API over a TrackingStore, as an encapsulated Fastify app.
 * `createTrackingApp` builds it (tests use it in-process); `startTrackingServer` listens and
 * owns the store's lifetime, closing it after in-flight requests finish.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { resolve } from 'node:path';
import { COMPATIBLE_MLFLOW_VERSION } from '../mlflow/limits.ts';
import { openTrackingStore } from '../store/index.ts';
import type { TrackingStore } from '../store/contract.ts';
import { LocalArtifactRepository } from '../store/artifacts/local.ts';
import { errorHandler, notFoundHandler, registerRawBodyParser } from './http.ts';
import { experimentRoutes } from './routes/experiments.ts';
import { runRoutes } from './routes/runs.ts';
import { loggedModelRoutes } from './routes/logged-models.ts';
import { artifactRoutes } from './routes/artifacts.ts';
import { traceRoutes } from './routes/traces.ts';
import { otlpRoutes } from './otlp/routes.ts';
import { PACKAGE_VERSION } from '../version.ts';
import type { GatewayLog } from '../gateway/server.ts';

/** Largest JSON body the API accepts; log-batch has its own 1 MB rule inside. Trace payloads need room. */
const API_BODY_LIMIT = 32 * 1024 * 1024;

export interface TrackingAppOptions {
  store: TrackingStore;
  /** Directory proxied artifacts are written to (`--artifacts-destination`). */
  artifactsDestination: string;
  /** `--serve-artifacts` (default on). Off: artifact routes answer 503 as MLflow does. */
  serveArtifacts?: boolean;
  logger?: boolean;
  /** Serve the AI gateway from this config file at `/gateway/...` too (`--gateway-config`). */
  gatewayConfigPath?: string;
  /** Token gateway callers must present (`--gateway-auth-token`). */
  gatewayAuthToken?: string;
  /** Where gateway reloads and failures are reported (default: the app's logger). */
  gatewayLog?: GatewayLog;
  /** One JSON line per gateway request (no prompt text). */
  gatewayAccessLog?: (line: string) => void;
  /** Store every gateway upstream exchange in this directory (`--gateway-record`). */
  gatewayRecord?: string;
  /** Serve gateway upstream answers from this directory, offline (`--gateway-replay`). */
  gatewayReplay?: string;
}

export async function createTrackingApp(options: TrackingAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    // Large artifact uploads stream for minutes; only the idle socket timeout applies.
    requestTimeout: 0,
    return503OnClosing: false,
    forceCloseConnections: 'idle',
  });
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  app.addHook('onSend', async (_request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'SAMEORIGIN');
  });

  app.get('/health', async (_req, reply) => reply.type('text/plain; charset=utf-8').send('OK'));
  // Flask's default mimetype, as MLflow answers it (transcript #201); the body is a constant, never markup.
  app.get('/version', async (_req, reply) => reply.type('text/html; charset=utf-8').send(COMPATIBLE_MLFLOW_VERSION));
  for (const prefix of ['/api', '/ajax-api']) {
    app.get(`${prefix}/3.0/mlflow/server-info`, async () => ({ store_type: 'SqlStore', workspaces_enabled: false, server: 'mlflow-ts', version: PACKAGE_VERSION }));
  }

  const repository = new LocalArtifactRepository(resolve(options.artifactsDestination));
  await app.register(async (api) => {
    registerRawBodyParser(api, API_BODY_LIMIT);
    experimentRoutes(api, options.store);
    runRoutes(api, options.store);
    loggedModelRoutes(api, options.store);
    traceRoutes(api, { store: options.store, repository });
  });
  // OTLP/HTTP ingestion: its own scope, as it reads protobuf bytes and answers FastAPI-style errors.
  await app.register(async (otlp) => otlpRoutes(otlp, { store: options.store }));
  await app.register(async (artifacts) => {
    artifactRoutes(artifacts, { store: options.store, repository, enabled: options.serveArtifacts ?? true });
  });
  if (options.gatewayConfigPath !== undefined) {
    const configPath = options.gatewayConfigPath;
    // Loaded only when asked for: a plain tracking server should not pay for the gateway's modules.
    const { mountGateway } = await import('../gateway/server.ts');
    let mounted: Awaited<ReturnType<typeof mountGateway>> | undefined;
    await app.register(async (gatewayScope) => {
      mounted = await mountGateway(gatewayScope, {
        configPath,
        authToken: options.gatewayAuthToken,
        log: options.gatewayLog,
        accessLog: options.gatewayAccessLog,
        ...(options.gatewayRecord !== undefined ? { record: options.gatewayRecord } : {}),
        ...(options.gatewayReplay !== undefined ? { replay: options.gatewayReplay } : {}),
      });
    });
    // Before the server stops listening: the tracer's last flush goes to this very server.
    app.addHook('preClose', async () => mounted?.close());
    // Every gateway request is traced into this very server, through its public API, once it listens.
    app.addHook('onListen', async () => {
      const address = app.server.address();
      if (!mounted || typeof address !== 'object' || !address) return;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address === '0.0.0.0' ? '127.0.0.1' : address.address;
      const { gatewayTracer } = await import('../gateway/server.ts');
      mounted.gateway.addObserver(gatewayTracer(`http://${host}:${address.port}`, options.gatewayLog ?? { info: (m) => app.log.info(m), error: (m) => app.log.error(m) }));
    });
  }
  return app;
}

export interface StartServerOptions {
  host?: string;
  port?: number;
  backendStoreUri?: string;
  artifactsDestination?: string;
  serveArtifacts?: boolean;
  logger?: boolean;
  gatewayConfigPath?: string;
  gatewayAuthToken?: string;
  gatewayLog?: GatewayLog;
  gatewayAccessLog?: (line: string) => void;
  gatewayRecord?: string;
  gatewayReplay?: string;
}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  store: TrackingStore;
  close(): Promise<void>;
}

export async function startTrackingServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const store = await openTrackingStore(options.backendStoreUri ?? 'mlruns.db');
  let app: FastifyInstance;
  try {
    app = await createTrackingApp({
      store,
      artifactsDestination: options.artifactsDestination ?? 'mlartifacts',
      serveArtifacts: options.serveArtifacts,
      logger: options.logger,
      gatewayConfigPath: options.gatewayConfigPath,
      gatewayAuthToken: options.gatewayAuthToken,
      gatewayLog: options.gatewayLog,
      gatewayAccessLog: options.gatewayAccessLog,
      gatewayRecord: options.gatewayRecord,
      gatewayReplay: options.gatewayReplay,
    });
  } catch (err) {
    // A bad gateway config must not leave the database open.
    await store.close();
    throw err;
  }
  let closing: Promise<void> | undefined;
  // app.close() sweeps only the connections idle at that moment; a keep-alive connection whose
  // request finishes later would hold shutdown open until the client lets go (Python's requests
  // never does). Answering `Connection: close` while closing makes Node end those sockets.
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('Connection', 'close');
  });
  try {
    await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 5000 });
  } catch (err) {
    await store.close();
    throw err;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host ?? '127.0.0.1';
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return {
    url: `http://${urlHost}:${port}`,
    app,
    store,
    close() {
      // app.close() waits for in-flight requests, so the database closes only after they finish.
      closing ??= app.close().then(() => store.close());
      return closing;
    },
  };
}
