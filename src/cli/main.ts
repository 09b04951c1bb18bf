#!/usr/bin/env node
/**
 * The `mlflow-ts` command: the tracking server (`server`, alias `ui`), the AI gateway
 * (`gateway start|query|list`) and a few read-only MLflow CLI commands that talk to a server
 * through the client. User mistakes end in one line on stderr and exit code 1; stack traces only
 * with MLFLOW_TS_DEBUG=1.
 */
import './node-check.ts';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { Experiment, MlflowClient, Run, ViewType } from '../client/index.ts';
import type { DeploymentsClient, Endpoint } from '../client/deployments.ts';
import { PACKAGE_VERSION } from '../version.ts';

/** A mistake in how the command was called or configured: reported as one line. */
class CliError extends Error {
  override name = 'CliError';
}

const VIEW_CHOICES = ['active_only', 'deleted_only', 'all'] as const;

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value.trim()) || port > 65535) throw new InvalidArgumentError('must be a whole number from 0 to 65535 (0 picks a free port).');
  return port;
}

function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < 1) throw new InvalidArgumentError('must be a positive whole number.');
  return n;
}

const toViewType = (view: string): ViewType => view.toUpperCase() as ViewType;

/** Hides `user:password@` in URIs we echo back (a PostgreSQL store URI will carry one). */
const redactUri = (uri: string): string => uri.replace(/\/\/[^/@]*@/, '//***@');

/** JSON.stringify would print NaN metrics as null; MLflow's JSON spells them out. */
const toJson = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 2);

function formatTime(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '';
  const d = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

function printTable(headers: string[], rows: string[][]): void {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  const out = [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
  process.stdout.write(out.join('\n') + '\n');
}

/** The artifacts destination as a local directory; remote stores are not proxied yet. */
function artifactsDirectory(destination: string): string {
  if (destination.startsWith('file:')) return fileURLToPath(destination);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(destination)) {
    throw new CliError(`--artifacts-destination '${redactUri(destination)}' is not supported yet; use a local directory or a file:// URI.`);
  }
  return resolve(destination);
}

interface ServerOptions {
  host: string;
  port: number;
  backendStoreUri: string;
  artifactsDestination: string;
  serveArtifacts: boolean;
  defaultArtifactRoot?: string;
  gatewayConfig?: string;
  gatewayAuthToken?: string;
  gatewayRecord?: string;
  gatewayReplay?: string;
}

async function runServer(options: ServerOptions): Promise<void> {
  if (options.defaultArtifactRoot !== undefined && !/^mlflow-artifacts:\/*$/.test(options.defaultArtifactRoot)) {
    throw new CliError(
      `--default-artifact-root '${redactUri(options.defaultArtifactRoot)}' is not supported yet: mlflow-ts supports only mlflow-artifacts:/ ` +
        '(artifacts proxied by this server into --artifacts-destination).',
    );
  }
  const artifactsDir = artifactsDirectory(options.artifactsDestination);
  // Loaded here so client-only commands start fast and never open the SQLite module.
  const { startTrackingServer } = await import('../tracking/server.ts');
  const gatewayConfigPath = options.gatewayConfig === undefined ? undefined : resolve(options.gatewayConfig);
  let server: Awaited<ReturnType<typeof startTrackingServer>>;
  try {
    server = await startTrackingServer({
      host: options.host,
      port: options.port,
      backendStoreUri: options.backendStoreUri,
      artifactsDestination: artifactsDir,
      serveArtifacts: options.serveArtifacts,
      logger: false,
      gatewayConfigPath,
      gatewayAuthToken: gatewayConfigPath === undefined ? undefined : options.gatewayAuthToken || undefined,
      gatewayLog: stderrLog,
      gatewayAccessLog: stdoutAccessLog,
      ...(options.gatewayRecord !== undefined ? { gatewayRecord: resolve(options.gatewayRecord) } : {}),
      ...(options.gatewayReplay !== undefined ? { gatewayReplay: resolve(options.gatewayReplay) } : {}),
    });
  } catch (err) {
    throw listenError(err, options.host, options.port);
  }

  const artifacts = options.serveArtifacts ? artifactsDir : 'not served (--no-serve-artifacts)';
  const gateway = gatewayConfigPath === undefined ? '' : `, gateway: ${gatewayConfigPath}${options.gatewayAuthToken ? ' (token required)' : ''}`;
  process.stderr.write(`mlflow-ts ${PACKAGE_VERSION} listening on ${server.url} (store: ${redactUri(options.backendStoreUri)}, artifacts: ${artifacts}${gateway})\n`);
  if (gatewayConfigPath !== undefined) warnIfOpenGateway(options.host, options.gatewayAuthToken, '--gateway-auth-token');
  stopOnSignals(() => server.close());
}

/** A listen failure as the user's mistake it usually is; anything else is rethrown. */
function listenError(err: unknown, host: string, port: number): unknown {
  const code = (err as { code?: string }).code;
  if (code === 'EADDRINUSE') {
    return new CliError(`Port ${port} on ${host} is already in use. Stop the process using it or choose another port with --port.`);
  }
  if (code === 'EACCES') {
    return new CliError(`No permission to listen on port ${port} on ${host}. Choose a port above 1023 with --port.`);
  }
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
    return new CliError(`Cannot listen on host '${host}': no such local address. Check --host (e.g. 127.0.0.1 or 0.0.0.0).`);
  }
  return err;
}

/** SIGINT/SIGTERM finish in-flight requests and exit; a second signal exits at once. */
function stopOnSignals(close: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) {
      process.stderr.write(`mlflow-ts: ${signal} again, exiting without waiting\n`);
      process.exit(1);
    }
    stopping = true;
    process.stderr.write(`mlflow-ts: ${signal} received, finishing in-flight requests (send it again to exit at once)\n`);
    close().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`mlflow-ts: error while shutting down: ${(err as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

interface ClientCommandOptions {
  trackingUri?: string;
  json?: boolean;
}

/**
 * Builds a client, runs `fn` with it and closes it. A constructor failure can only come from
 * configuration (a URI, an MLFLOW_* number): a user mistake, reported as one line.
 */
async function withClosing<C extends { close(): Promise<void> }, T>(make: () => C, fn: (client: C) => Promise<T>): Promise<T> {
  let client: C;
  try {
    client = make();
  } catch (err) {
    throw new CliError((err as Error).message);
  }
  try {
    return await fn(client);
  } finally {
    await client.close();
  }
}

async function withClient<T>(options: ClientCommandOptions, fn: (client: MlflowClient) => Promise<T>): Promise<T> {
  // Loaded on demand: the server path never needs the HTTP client, and start-up time is the
  // ephemeral server's main cost in CI.
  const { MlflowClient } = await import('../client/index.ts');
  return withClosing(() => new MlflowClient({ trackingUri: options.trackingUri }), fn);
}

// ---- the AI gateway ----

interface GatewayStartOptions {
  configPath?: string;
  host: string;
  port: number;
  authToken?: string;
  watch: boolean;
  workers?: number;
  trackingUri?: string;
  accessLog: boolean;
  record?: string;
  replay?: string;
}

/**
 * One JSON line per gateway request on stdout (stderr carries the start-up line and problems).
 * Lines written in the same turn of the event loop go out in one write: under load a write per
 * request is a syscall per request.
 */
let accessLines: string[] = [];
const stdoutAccessLog = (line: string): void => {
  if (accessLines.length === 0) setImmediate(flushAccessLog);
  accessLines.push(line);
};
function flushAccessLog(): void {
  if (accessLines.length === 0) return;
  const text = `${accessLines.join('\n')}\n`;
  accessLines = [];
  process.stdout.write(text);
}
process.once('exit', flushAccessLog);

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

/** Provider keys are spent by whoever can reach an open gateway; say so when that is the network. */
function warnIfOpenGateway(host: string, token: string | undefined, flag: string): void {
  if (token || LOOPBACK_HOSTS.has(host) || host.startsWith('127.')) return;
  process.stderr.write(
    `mlflow-ts: warning: the gateway listens on ${host} without ${flag}: anyone who can reach this port can call your providers with your keys. ` +
      `Set ${flag} (or MLFLOW_GATEWAY_AUTH_TOKEN).\n`,
  );
}

/** Gateway reloads and failures are reported on stderr, where the start-up line is. */
const stderrLog = {
  info: (message: string) => void process.stderr.write(`mlflow-ts: ${message}\n`),
  error: (message: string) => void process.stderr.write(`mlflow-ts: ${message}\n`),
};

async function runGateway(options: GatewayStartOptions): Promise<void> {
  // Loaded here so the other commands never pay for the gateway's modules.
  const { resolveConfigPath } = await import('../gateway/config.ts');
  const configPath = resolve(resolveConfigPath(options.configPath, process.env));
  const authToken = options.authToken || undefined;
  const { startGatewayServer } = await import('../gateway/server.ts');
  let running: Awaited<ReturnType<typeof startGatewayServer>>;
  try {
    running = await startGatewayServer({
      configPath,
      host: options.host,
      port: options.port,
      authToken,
      watch: options.watch,
      log: stderrLog,
      ...(options.accessLog ? { accessLog: stdoutAccessLog } : {}),
      ...(options.trackingUri ? { trackingUri: options.trackingUri } : {}),
      ...(options.record ? { record: resolve(options.record) } : {}),
      ...(options.replay ? { replay: resolve(options.replay) } : {}),
    });
  } catch (err) {
    throw listenError(err, options.host, options.port);
  }
  const { endpoints, routes } = running.gateway.config;
  const count = `${endpoints.length} endpoint${endpoints.length === 1 ? '' : 's'}${routes.length ? `, ${routes.length} route${routes.length === 1 ? '' : 's'}` : ''}`;
  process.stderr.write(
    `mlflow-ts ${PACKAGE_VERSION} gateway listening on ${running.url} (config: ${configPath}, ${count}, ` +
      `${options.watch ? 'reloads on change' : 'no reload'}, caller token: ${authToken ? 'required' : 'off'})\n`,
  );
  warnIfOpenGateway(options.host, authToken, '--auth-token');
  stopOnSignals(() => running.close());
}

interface GatewayClientOptions {
  gatewayUri?: string;
  authToken?: string;
}

const DEFAULT_GATEWAY_URI = 'http://127.0.0.1:5000';

async function withDeployments<T>(options: GatewayClientOptions, fn: (client: DeploymentsClient) => Promise<T>): Promise<T> {
  const { DeploymentsClient } = await import('../client/deployments.ts');
  const uri = options.gatewayUri ?? (process.env.MLFLOW_DEPLOYMENTS_TARGET || process.env.MLFLOW_GATEWAY_URI || DEFAULT_GATEWAY_URI);
  return withClosing(() => new DeploymentsClient(uri, { token: options.authToken || undefined }), fn);
}

function gatewayUriOption(): Option {
  return new Option(
    '--gateway-uri <url>',
    `The gateway's URL (default: MLFLOW_DEPLOYMENTS_TARGET, then MLFLOW_GATEWAY_URI, then ${DEFAULT_GATEWAY_URI}).`,
  );
}

function gatewayTokenOption(): Option {
  return new Option('--auth-token <token>', "The gateway's caller token, sent as a bearer token.").env('MLFLOW_GATEWAY_AUTH_TOKEN');
}

interface GatewayQueryOptions extends GatewayClientOptions {
  endpoint: string;
  data?: string;
  prompt?: string;
  stream?: boolean;
}

function parseData(data: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch (err) {
    throw new CliError(`--data is not valid JSON (${(err as Error).message}). Quote it for your shell, e.g. --data '{"messages":[{"role":"user","content":"Hi"}]}'.`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new CliError('--data must be a JSON object, e.g. \'{"prompt":"Hi"}\'.');
  return value as Record<string, unknown>;
}

/** The endpoint's type, to shape a --prompt; a traffic-split route is not listed, and routes are chat far more often. */
async function endpointTypeOf(client: DeploymentsClient, name: string): Promise<string | undefined> {
  try {
    return (await client.getEndpoint(name)).endpoint_type;
  } catch (err) {
    if ((err as { status?: number }).status === 404) return undefined;
    throw err;
  }
}

function promptInputs(type: string | undefined, prompt: string): Record<string, unknown> {
  if (type === 'llm/v1/completions') return { prompt };
  if (type === 'llm/v1/embeddings') return { input: prompt };
  return { messages: [{ role: 'user', content: prompt }] };
}

/** Reads the text a streamed chat or completions chunk adds (zod loaded only for --stream). */
async function chunkTextReader(): Promise<(chunk: Record<string, unknown>) => string> {
  const { z } = await import('zod');
  const schema = z.looseObject({
    choices: z.array(z.looseObject({ delta: z.looseObject({ content: z.string().nullish() }).optional(), text: z.string().nullish() })),
  });
  return (chunk) => {
    const parsed = schema.safeParse(chunk);
    const choice = parsed.success ? parsed.data.choices[0] : undefined;
    return choice?.delta?.content ?? choice?.text ?? '';
  };
}

async function runGatewayQuery(options: GatewayQueryOptions): Promise<void> {
  if (options.data !== undefined && options.prompt !== undefined) throw new CliError('Give either --data or --prompt, not both.');
  if (options.data === undefined && options.prompt === undefined) {
    throw new CliError(`Give the request as --data '<json>' (the endpoint's MLflow request body) or --prompt <text>.`);
  }
  const given = options.data !== undefined ? parseData(options.data) : undefined;
  await withDeployments(options, async (client) => {
    let inputs = given;
    if (inputs === undefined) {
      const type = await endpointTypeOf(client, options.endpoint);
      if (options.stream && type === 'llm/v1/embeddings') throw new CliError(`Endpoint '${options.endpoint}' is an embeddings endpoint; --stream works with chat and completions endpoints.`);
      inputs = promptInputs(type, options.prompt!);
    }
    if (!options.stream) {
      process.stdout.write(toJson(await client.predict({ endpoint: options.endpoint, inputs })) + '\n');
      return;
    }
    const textOf = await chunkTextReader();
    let wrote = false;
    for await (const chunk of client.predictStream({ endpoint: options.endpoint, inputs })) {
      const text = textOf(chunk);
      if (text === '') continue;
      process.stdout.write(text);
      wrote = true;
    }
    if (wrote) process.stdout.write('\n');
  });
}

function printEndpoints(endpoints: Endpoint[], json: boolean | undefined): void {
  if (json) process.stdout.write(toJson(endpoints) + '\n');
  else if (endpoints.length === 0) process.stdout.write('No endpoints.\n');
  else {
    printTable(
      ['Name', 'Type', 'Provider', 'Model', 'URL'],
      endpoints.map((e) => [e.name, e.endpoint_type, e.model.provider, e.model.name, e.endpoint_url]),
    );
  }
}

function addGatewayCommands(program: Command): void {
  const gateway = program
    .command('gateway')
    .summary('Run the AI gateway, or query and list its endpoints.')
    .description(
      "MLflow's AI gateway: one endpoint per model in a YAML config file, served under MLflow's, OpenAI's, " +
        "Anthropic's and Gemini's APIs, with the provider keys kept on the server. See docs/gateway.md.",
    );
  gateway
    .command('start')
    .description(
      'Start the AI gateway server (MLflow\'s `mlflow gateway start`). It listens on http://127.0.0.1:5000 by default and ' +
        'reloads the config file when it changes; a bad edit keeps the running config and is reported on stderr.',
    )
    .option('--config-path <file>', 'The gateway config file (YAML). Default: the MLFLOW_GATEWAY_CONFIG environment variable.')
    .option('--host <host>', 'The network address to listen on. Use 0.0.0.0 for other machines (and set --auth-token).', '127.0.0.1')
    .addOption(new Option('--port <port>', 'The port to listen on (0 picks a free port; the start-up line shows it).').default(5000).argParser(parsePort))
    .addOption(
      new Option('--auth-token <token>', 'Callers must send this token (Authorization: Bearer, x-api-key, x-goog-api-key or api-key).').env('MLFLOW_GATEWAY_AUTH_TOKEN'),
    )
    .option('--no-watch', 'Do not reload the config file when it changes.')
    .addOption(new Option('--workers <n>', "Accepted for MLflow compatibility and ignored: one Node process serves every request.").argParser(parsePositiveInt))
    .addOption(
      new Option('--tracking-uri <uri>', 'Trace every request into this tracking server, in experiment gateway/<endpoint> (sampled by tracing.sampling_rate).').env(
        'MLFLOW_TRACKING_URI',
      ),
    )
    .option('--no-access-log', 'Do not print the access log (one JSON line per request on stdout, never prompt text).')
    .addOption(new Option('--record <dir>', 'Store every upstream exchange in <dir> (keys never written), to replay later with --replay.').conflicts('replay'))
    .option('--replay <dir>', 'Serve upstream answers from exchanges recorded with --record; no network. A request not recorded fails, naming its hash.')
    .action(async (options: GatewayStartOptions) => runGateway(options));
  gateway
    .command('query')
    .description("Send one request to a gateway endpoint (the deployments client's predict) and print the answer as JSON.")
    .requiredOption('--endpoint <name>', 'The endpoint (or traffic-split route) to call.')
    .option('--data <json>', 'The request body in MLflow\'s schema, e.g. \'{"messages":[{"role":"user","content":"Hi"}]}\'.')
    .option('--prompt <text>', 'A text to send: as a user message (chat), a prompt (completions) or an input (embeddings), by endpoint type.')
    .option('--stream', 'Stream the answer and print the text as it arrives.')
    .addOption(gatewayUriOption())
    .addOption(gatewayTokenOption())
    .action(async (options: GatewayQueryOptions) => runGatewayQuery(options));
  gateway
    .command('list')
    .description("List the gateway's endpoints.")
    .option('--json', 'Print JSON instead of a table.')
    .addOption(gatewayUriOption())
    .addOption(gatewayTokenOption())
    .action(async (options: GatewayClientOptions & { json?: boolean }) => {
      printEndpoints(await withDeployments(options, (client) => client.listEndpoints()), options.json);
    });
}

function trackingUriOption(): Option {
  return new Option('--tracking-uri <uri>', 'Tracking server URL (default: http://127.0.0.1:5000).').env('MLFLOW_TRACKING_URI');
}

function viewOption(description: string): Option {
  return new Option('--view <view>', description).choices(VIEW_CHOICES).default('active_only');
}

interface RunCommandOptions {
  entryPoint?: string[];
  paramList?: string[];
  steps?: string;
  experimentName?: string;
  experimentId?: string;
  runName?: string;
  envManager?: 'local' | 'virtualenv';
  version?: string;
  timeout?: number;
  continueOnFailure?: boolean;
}

function parseParams(list: string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of list) {
    const i = item.indexOf('=');
    if (i <= 0) throw new CliError(`-P '${item}' is not key=value. Pass parameters as -P name=value.`);
    out[item.slice(0, i)] = item.slice(i + 1);
  }
  return out;
}

/** A steps file: `steps:` lists entry point names or `{entry_point, parameters}` items. */
async function readSteps(file: string): Promise<{ entryPoints: string[]; params: Record<string, string> }> {
  const [{ readFile }, { parse }, { z }] = await Promise.all([import('node:fs/promises'), import('yaml'), import('zod')]);
  const schema = z.strictObject({
    steps: z
      .array(z.union([z.string().min(1), z.strictObject({ entry_point: z.string().min(1), parameters: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional() })]))
      .min(1),
  });
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new CliError(`--steps ${file}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  const parsed = schema.safeParse(parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CliError(`--steps ${file}: ${issue.path.join('.') || '(top level)'}: ${issue.message}. Write \`steps: [prepare, train]\` or {entry_point, parameters} items.`);
  }
  const entryPoints: string[] = [];
  const params: Record<string, string> = {};
  for (const step of parsed.data.steps) {
    if (typeof step === 'string') {
      entryPoints.push(step);
      continue;
    }
    entryPoints.push(step.entry_point);
    for (const [k, v] of Object.entries(step.parameters ?? {})) params[`${step.entry_point}:${k}`] = String(v);
  }
  return { entryPoints, params };
}

async function runProjectCommand(uri: string, options: RunCommandOptions): Promise<void> {
  const fromFile = options.steps ? await readSteps(options.steps) : { entryPoints: [], params: {} };
  const entryPoints = [...fromFile.entryPoints, ...(options.entryPoint ?? [])];
  const params = { ...fromFile.params, ...parseParams(options.paramList) };
  const [{ runProject }, { forwardSignals }] = await Promise.all([import('../projects/index.ts'), import('../projects/process.ts')]);
  const { client, close } = await trackingClient(process.env.MLFLOW_TRACKING_URI);
  const abort = new AbortController();
  const unsubscribe = forwardSignals(abort);
  try {
    const result = await runProject({
      uri,
      entryPoints,
      params,
      client,
      signal: abort.signal,
      ...(options.experimentName ? { experimentName: options.experimentName } : {}),
      ...(options.experimentId ? { experimentId: options.experimentId } : {}),
      ...(options.runName ? { runName: options.runName } : {}),
      ...(options.envManager ? { envManager: options.envManager } : {}),
      ...(options.version ? { version: options.version } : {}),
      ...(options.timeout ? { timeoutMs: options.timeout * 1000 } : {}),
      ...(options.continueOnFailure ? { continueOnFailure: true } : {}),
    });
    const steps = result.steps.length > 1 ? ` (${result.steps.map((s) => `${s.entryPoint}: ${s.status}`).join(', ')})` : '';
    process.stderr.write(`mlflow-ts: run ${result.runId} in experiment ${result.experimentId} ${result.status}${steps}\n`);
    if (result.status !== 'FINISHED') process.exitCode = 1;
  } finally {
    unsubscribe();
    await close();
  }
}

/**
 * A client for `trackingUri`; without one, a server on ./mlruns.db started for the command's
 * duration, as `mlflow run` writes ./mlruns when no tracking URI is set.
 */
async function trackingClient(trackingUri: string | undefined): Promise<{ client: MlflowClient; trackingUri: string; close: () => Promise<void> }> {
  const { MlflowClient } = await import('../client/index.ts');
  let local: { url: string; close(): Promise<void> } | undefined;
  if (!trackingUri) {
    const { startTrackingServer } = await import('../tracking/server.ts');
    local = await startTrackingServer({ port: 0, backendStoreUri: 'sqlite:///mlruns.db', artifactsDestination: './mlartifacts' });
    process.stderr.write(`mlflow-ts: MLFLOW_TRACKING_URI is not set: logging to ./mlruns.db (view with \`mlflow-ts server\`)\n`);
  }
  const uri = local?.url ?? trackingUri!;
  const client = new MlflowClient({ trackingUri: uri });
  return {
    client,
    trackingUri: uri,
    close: async () => {
      await client.close();
      await local?.close();
    },
  };
}

interface EvaluateCommandOptions {
  config: string;
  experimentName?: string;
  gatewayUri?: string;
  baselineRunId?: string;
  runName?: string;
  trackingUri?: string;
  tracing: boolean;
  json?: boolean;
}

async function evaluateCommand(options: EvaluateCommandOptions): Promise<void> {
  const [{ evaluate, loadSuite, formatEvaluation }, { forwardSignals }] = await Promise.all([import('../evaluate/index.ts'), import('../projects/process.ts')]);
  const suite = await loadSuite(options.config);
  const { client, trackingUri, close } = await trackingClient(options.trackingUri);
  const abort = new AbortController();
  const unsubscribe = forwardSignals(abort);
  try {
    const report = await evaluate({
      suite,
      client,
      trackingUri,
      tracing: options.tracing,
      signal: abort.signal,
      ...(options.experimentName ? { experimentName: options.experimentName } : {}),
      ...(options.gatewayUri ? { gatewayUri: options.gatewayUri } : {}),
      ...(options.baselineRunId ? { baselineRunId: options.baselineRunId } : {}),
      ...(options.runName ? { runName: options.runName } : {}),
    });
    process.stdout.write(options.json ? toJson(report) + '\n' : formatEvaluation(report));
    if (!report.passed) process.exitCode = 1;
  } finally {
    unsubscribe();
    await close();
  }
}

function buildProgram(): Command {
  const program = new Command('mlflow-ts')
    .description('MLflow-compatible experiment tracking in TypeScript: the tracking server and MLflow CLI commands.')
    .version(PACKAGE_VERSION, '-V, --version', 'Show the mlflow-ts version and exit.')
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({ outputError: (text, write) => write(`mlflow-ts: ${text.replace(/^error: /, '')}`) });

  program
    .command('server')
    .alias('ui')
    .summary('Run the MLflow tracking server (`ui` is an alias).')
    .description(
      'Run the MLflow tracking server. The server listens on http://127.0.0.1:5000 by default and only accepts ' +
        'connections from the local machine. To let it accept connections from other machines, pass --host 0.0.0.0 ' +
        'to listen on all network interfaces (or a specific interface address). `ui` is an alias.',
    )
    .addOption(
      new Option(
        '--host <host>',
        'The network address to listen on. Use 0.0.0.0 to bind to all addresses if you want to access the tracking server from other machines.',
      )
        .env('MLFLOW_HOST')
        .default('127.0.0.1'),
    )
    .addOption(
      new Option('-p, --port <port>', 'The port to listen on (0 picks a free port; the log line shows it).').env('MLFLOW_PORT').default(5000).argParser(parsePort),
    )
    .addOption(
      new Option(
        '--backend-store-uri <uri>',
        "URI to which to persist experiment and run data: a SQLite file path or 'sqlite:///path/to/file.db' " +
          "(four slashes for an absolute path).",
      )
        .env('MLFLOW_BACKEND_STORE_URI')
        .default('sqlite:///mlruns.db'),
    )
    .addOption(
      new Option(
        '--default-artifact-root <uri>',
        'Directory in which to store artifacts for any new experiments created. Only mlflow-artifacts:/ (the default) is supported for now.',
      ).env('MLFLOW_DEFAULT_ARTIFACT_ROOT'),
    )
    .addOption(
      new Option(
        '--serve-artifacts',
        "Enables serving of artifact uploads, downloads, and list requests by routing these requests to the storage location " +
          "that is specified by '--artifacts-destination' directly through a proxy. On by default.",
      ).default(true),
    )
    .addOption(new Option('--no-serve-artifacts', 'Disables artifact serving: the artifact routes answer 503.'))
    .addOption(
      new Option(
        '--artifacts-destination <dir>',
        'The base artifact location from which to resolve artifact upload/download/list requests: a local directory or file:// URI.',
      )
        .env('MLFLOW_ARTIFACTS_DESTINATION')
        .default('./mlartifacts'),
    )
    .option('--gateway-config <file>', 'Also serve the AI gateway from this config file, at /gateway/... (see docs/gateway.md).')
    .addOption(
      new Option('--gateway-auth-token <token>', 'Gateway callers must send this token (the tracking API is not affected).').env('MLFLOW_GATEWAY_AUTH_TOKEN'),
    )
    .option('--gateway-record <dir>', 'Store every gateway upstream exchange in this directory (for offline replay in CI).')
    .option('--gateway-replay <dir>', 'Answer gateway requests from recorded exchanges in this directory: no network, no provider keys.')
    .action(async (options: ServerOptions, command: Command) => {
      if (options.gatewayConfig === undefined && command.getOptionValueSource('gatewayAuthToken') === 'cli') {
        throw new CliError('--gateway-auth-token needs --gateway-config <file>: there is no gateway to protect without it.');
      }
      if (options.gatewayConfig === undefined && (options.gatewayRecord !== undefined || options.gatewayReplay !== undefined)) {
        throw new CliError('--gateway-record and --gateway-replay need --gateway-config <file>.');
      }
      if (options.gatewayRecord !== undefined && options.gatewayReplay !== undefined) throw new CliError('use either --gateway-record or --gateway-replay, not both.');
      return runServer(options);
    });

  addGatewayCommands(program);

  program
    .command('run')
    .summary('Run an MLflow project (an MLproject entry point) as a tracked run.')
    .description(
      "Run an MLflow project from a directory or a git URL (`#subdirectory` allowed): each entry point's command runs with " +
        'MLFLOW_TRACKING_URI, MLFLOW_RUN_ID and MLFLOW_EXPERIMENT_ID set, so its own MLflow client logs into the run. Several ' +
        '-e options run as child runs of one parent run, in order. Without MLFLOW_TRACKING_URI the runs go to a local ' +
        'mlruns.db through a server started for the duration.',
    )
    .argument('<uri>', 'Project directory or git URL.')
    .option('-e, --entry-point <name>', "Entry point to run (repeatable, in order). Default: 'main'.", (v: string, prev: string[] = []) => [...prev, v])
    .option(
      '-P, --param-list <key=value>',
      'A parameter (repeatable). With several entry points it goes to those that declare it; <step>:<key>=<value> targets one.',
      (v: string, prev: string[] = []) => [...prev, v],
    )
    .option('--steps <file>', 'A YAML file listing the entry points to run: `steps: [prepare, train]` or `{entry_point, parameters}` items.')
    .addOption(new Option('--experiment-name <name>', 'Experiment to run in (created if missing).').env('MLFLOW_EXPERIMENT_NAME'))
    .addOption(new Option('--experiment-id <id>', 'Experiment id to run in.').env('MLFLOW_EXPERIMENT_ID'))
    .option('--run-name <name>', 'Name of the run (the parent run with several entry points).')
    .addOption(new Option('--env-manager <manager>', "How to build the project's environment; default virtualenv for a python_env project, else local.").choices(['local', 'virtualenv']))
    .option('-v, --version <ref>', 'Git commit, branch or tag to run (git URIs only).')
    .option('--timeout <seconds>', "Kill an entry point's whole process tree after this many seconds; its run ends KILLED.", parsePositiveInt)
    .option('--continue-on-failure', 'With several entry points, run the rest after one fails.')
    .action(async (uri: string, options: RunCommandOptions) => runProjectCommand(uri, options));

  program
    .command('evaluate')
    .summary('Evaluate model or LLM endpoints on a dataset with scorers (an eval.yaml suite).')
    .description(
      'Run every dataset row through each target of the suite (gateway endpoints, OpenAI-compatible servers, MLflow model ' +
        'servers, commands), score the answers, and log one run per target under a parent run: aggregate metrics with ' +
        'confidence intervals, the per-row table (eval_results.json/.csv), the dataset with its digest, and each row\'s ' +
        'trace with its scores as assessments. Exits 1 when a threshold fails. Without MLFLOW_TRACKING_URI the runs go to ./mlruns.db.',
    )
    .requiredOption('-c, --config <file>', 'The suite file (eval.yaml).')
    .addOption(new Option('--experiment-name <name>', "Experiment to log into (default: the suite's experiment_name, then eval/<suite>).").env('MLFLOW_EXPERIMENT_NAME'))
    .addOption(new Option('--gateway-uri <uri>', 'The AI gateway for gateway targets and judge scorers.').env('MLFLOW_GATEWAY_URI'))
    .option('--baseline-run-id <id>', 'Judge min_absolute_change/min_relative_change thresholds against this run (or its per-target child runs).')
    .option('--run-name <name>', 'Name of the parent run.')
    .option('--no-tracing', 'Do not trace row calls (and so attach no assessments).')
    .option('--json', 'Print the report as JSON instead of tables.')
    .addOption(new Option('--tracking-uri <uri>', 'Tracking server URL (default: a local ./mlruns.db).').env('MLFLOW_TRACKING_URI'))
    .action(async (options: EvaluateCommandOptions) => evaluateCommand(options));

  program
    .command('export')
    .summary("Write an experiment's runs to one versioned JSON bundle.")
    .description(
      'Export runs (params, full metric histories, tags, dataset inputs, artifact listings, evaluation tables and trace ' +
        'summaries) to a run bundle: what the GitHub Action uploads so the next pull request has a baseline.',
    )
    .requiredOption('--experiment-name <name>', 'Experiment to export (repeatable).', (v: string, prev: string[] = []) => [...prev, v])
    .option('--filter <filter>', "Only runs matching this MLflow search filter, e.g. \"tags.`mlflow.project.entryPoint` = 'train'\".")
    .requiredOption('-o, --output <file>', 'Bundle file to write.')
    .addOption(trackingUriOption())
    .action(async (options: ClientCommandOptions & { experimentName: string[]; filter?: string; output: string }) => {
      const { exportBundle, writeBundle } = await import('../report/bundle/index.ts');
      const bundle = await withClient(options, (client) =>
        exportBundle(client, { experimentNames: options.experimentName, ...(options.filter ? { runFilter: options.filter } : {}) }),
      );
      await writeBundle(options.output, bundle);
      for (const w of bundle.warnings ?? []) process.stderr.write(`mlflow-ts: warning: ${w}\n`);
      process.stderr.write(`mlflow-ts: wrote ${bundle.runs.length} run(s) to ${options.output}\n`);
    });

  program
    .command('import')
    .summary('Load a run bundle (or an MLflow mlruns/ directory) into a tracking server.')
    .description('Import runs from a bundle written by `mlflow-ts export`, or with --mlruns from an MLflow file store. Importing the same runs twice creates no duplicates.')
    .argument('[bundle]', 'Bundle file to import.')
    .option('--mlruns <dir>', "Read an MLflow file store (mlruns/) instead of a bundle.")
    .addOption(trackingUriOption())
    .action(async (bundlePath: string | undefined, options: ClientCommandOptions & { mlruns?: string }) => {
      if ((bundlePath === undefined) === (options.mlruns === undefined)) throw new CliError('give either a bundle file or --mlruns <dir>.');
      const { importBundle, readBundle, readMlruns } = await import('../report/bundle/index.ts');
      const bundle = options.mlruns !== undefined ? await readMlruns(options.mlruns) : await readBundle(bundlePath!);
      for (const w of bundle.warnings ?? []) process.stderr.write(`mlflow-ts: warning: ${w}\n`);
      const result = await withClient(options, (client) => importBundle(client, bundle));
      process.stderr.write(`mlflow-ts: imported ${result.created} run(s), ${result.skipped} already present, ${result.replaced} replaced\n`);
    });

  program
    .command('compare')
    .summary('Compare two run bundles: metric deltas, params, evaluation flips, traces.')
    .description(
      'Compare the runs of a current bundle with a baseline bundle (both from `mlflow-ts export`), as the GitHub Action does ' +
        'in its pull-request comment: runs matched by entry point, eval target or run name; every metric with its delta judged ' +
        'by its direction; changed params; evaluation rows that flipped; trace latency, tokens and cost.',
    )
    .option('--baseline <file>', 'Baseline bundle (omit to report on the current bundle alone).')
    .requiredOption('--current <file>', 'Current bundle.')
    .addOption(new Option('--format <format>', 'Output format.').choices(['markdown', 'json', 'table']).default('table'))
    .option('--direction <metric=higher|lower>', 'Which way is better for a metric (repeatable); defaults go by name (loss, error, latency: lower).', (v: string, prev: string[] = []) => [...prev, v])
    .action(async (options: { baseline?: string; current: string; format: 'markdown' | 'json' | 'table'; direction?: string[] }) => {
      const directions: Record<string, 'higher' | 'lower'> = {};
      for (const item of options.direction ?? []) {
        const m = /^(.+)=(higher|lower)$/.exec(item);
        if (!m) throw new CliError(`--direction '${item}' is not <metric>=higher or <metric>=lower.`);
        directions[m[1]!] = m[2] as 'higher' | 'lower';
      }
      const { compareFiles } = await import('../report/compare/index.ts');
      const out = await compareFiles({ current: options.current, format: options.format, directions, ...(options.baseline ? { baseline: options.baseline } : {}) });
      process.stdout.write(out.endsWith('\n') ? out : out + '\n');
    });

  const experiments = program.command('experiments').summary('Search experiments on a tracking server.').description('Manage experiments. To manage experiments associated with a tracking server, set the MLFLOW_TRACKING_URI environment variable to the URL of the desired server.');
  experiments
    .command('search')
    .description('Search for experiments in the configured tracking server.')
    .addOption(viewOption("Select view type for experiments. Valid view types are 'active_only' (default), 'deleted_only', and 'all'."))
    .option('--filter <filter>', "Filter string, e.g. \"name LIKE 'train%'\" or \"tags.team = 'ml'\".")
    .option('--max-results <n>', 'Maximum number of experiments to return (default: all).', parsePositiveInt)
    .option('--json', 'Print JSON instead of a table.')
    .addOption(trackingUriOption())
    .action(async (options: ClientCommandOptions & { view: string; filter?: string; maxResults?: number }) => {
      const found = await withClient(options, async (client) => {
        const query = { viewType: toViewType(options.view), filter: options.filter };
        if (options.maxResults !== undefined) return (await client.searchExperimentsPage({ ...query, maxResults: options.maxResults })).experiments;
        const all: Experiment[] = [];
        for await (const experiment of client.searchExperiments(query)) all.push(experiment);
        return all;
      });
      if (options.json) {
        process.stdout.write(toJson(found) + '\n');
      } else if (found.length === 0) {
        process.stdout.write('No experiments found.\n');
      } else {
        const withStage = options.view !== 'active_only';
        printTable(
          ['Experiment Id', 'Name', 'Artifact Location', ...(withStage ? ['Lifecycle Stage'] : [])],
          found.map((e) => [e.experiment_id, e.name, e.artifact_location, ...(withStage ? [e.lifecycle_stage] : [])]),
        );
      }
    });

  const runs = program.command('runs').summary('List and describe runs on a tracking server.').description('Manage runs. To manage runs of experiments associated with a tracking server, set the MLFLOW_TRACKING_URI environment variable to the URL of the desired server.');
  runs
    .command('list')
    .description('List all runs of the specified experiment in the configured tracking server.')
    .requiredOption('--experiment-id <id>', 'Specify the experiment ID for list of runs.')
    .addOption(viewOption("Select view type for list experiments. Valid view types are 'active_only' (default), 'deleted_only', and 'all'."))
    .option('--json', 'Print JSON instead of a table.')
    .addOption(trackingUriOption())
    .action(async (options: ClientCommandOptions & { experimentId: string; view: string }) => {
      const found = await withClient(options, async (client) => {
        const all: Run[] = [];
        for await (const run of client.searchRuns({ experimentIds: [options.experimentId], runViewType: toViewType(options.view) })) all.push(run);
        return all;
      });
      if (options.json) {
        process.stdout.write(toJson(found) + '\n');
      } else if (found.length === 0) {
        process.stdout.write(`No runs found in experiment ${options.experimentId}.\n`);
      } else {
        printTable(
          ['Date', 'Name', 'ID', 'Status'],
          found.map((r) => [formatTime(r.info.start_time), r.info.run_name, r.info.run_id, r.info.status]),
        );
      }
    });
  runs
    .command('describe')
    .description('All of run details will print to the stdout as JSON format.')
    .requiredOption('--run-id <id>', 'Specify the run ID.')
    .addOption(trackingUriOption())
    .action(async (options: ClientCommandOptions & { runId: string }) => {
      const run = await withClient(options, (client) => client.getRun(options.runId));
      // MLflow's Run.to_dictionary shape: metrics, params and tags as key → value maps.
      const entries = (list: { key: string; value: unknown }[]): Record<string, unknown> => Object.fromEntries(list.map((kv) => [kv.key, kv.value]));
      const described = {
        info: run.info,
        data: { metrics: entries(run.data.metrics), params: entries(run.data.params), tags: entries(run.data.tags) },
        inputs: run.inputs,
      };
      process.stdout.write(toJson(described) + '\n');
    });

  const traces = program.command('traces').summary('Search traces and print a trace as a span tree.').description('Inspect traces on a tracking server (MLFLOW_TRACKING_URI).');
  traces
    .command('search')
    .description('Search traces in an experiment.')
    .requiredOption('--experiment-id <id>', 'Experiment to search (repeat the option for several).', (v: string, prev: string[] = []) => [...prev, v])
    .option('--filter <filter>', "Trace filter, e.g. \"status = 'ERROR'\" or \"tags.env = 'ci'\" or \"execution_time_ms > 1000\".")
    .option('--order-by <clause>', "Order, e.g. 'timestamp_ms DESC' (repeatable).", (v: string, prev: string[] = []) => [...prev, v])
    .option('--max-results <n>', 'Maximum number of traces to list (default: all).', parsePositiveInt)
    .option('--json', 'Print JSON instead of a table.')
    .addOption(trackingUriOption())
    .action(async (options: ClientCommandOptions & { experimentId: string[]; filter?: string; orderBy?: string[]; maxResults?: number }) => {
      const found = await withClient(options, async (client) => {
        const query = { experimentIds: options.experimentId, filter: options.filter, orderBy: options.orderBy };
        if (options.maxResults !== undefined) return (await client.searchTracesPage({ ...query, maxResults: options.maxResults })).traces;
        const all = [];
        for await (const trace of client.searchTraces(query)) all.push(trace);
        return all;
      });
      if (options.json) process.stdout.write(toJson(found) + '\n');
      else if (found.length === 0) process.stdout.write('No traces found.\n');
      else {
        printTable(
          ['Trace Id', 'Name', 'State', 'Duration', 'Request Time'],
          found.map((t) => [t.trace_id, t.tags?.['mlflow.traceName'] ?? '', t.state ?? '', t.execution_duration ?? '', t.request_time ?? '']),
        );
      }
    });
  traces
    .command('get')
    .description('Print a trace as a tree of spans with durations and status.')
    .argument('<trace-id>', "The trace id ('tr-...').")
    .option('--json', 'Print the trace (info and spans) as JSON.')
    .addOption(trackingUriOption())
    .action(async (traceId: string, options: ClientCommandOptions) => {
      const trace = await withClient(options, (client) => client.getTrace(traceId));
      if (options.json) process.stdout.write(toJson(trace) + '\n');
      else {
        const { renderTraceTree } = await import('./trace-tree.ts');
        process.stdout.write(renderTraceTree(trace) + '\n');
      }
    });

  return program;
}

const USER_FACING_ERRORS = new Set([
  'CliError',
  'MlflowApiError',
  'MlflowConnectionError',
  'MlflowError',
  'GatewayConfigError',
  'DeploymentsConnectionError',
  'ProjectError',
  'ProjectSourceError',
  'EnvironmentError',
  'SuiteError',
  'DatasetError',
  'TemplateError',
  'ScorerConfigError',
  'EvaluationSetupError',
  'BundleVersionError',
  'BundleFormatError',
  'BundleImportError',
  'BundleExportError',
  'MlrunsError',
  'ComparisonFormatError',
  'GateSyntaxError',
  'GateDefinitionError',
]);

function reportAndExit(err: unknown): never {
  const debug = process.env.MLFLOW_TS_DEBUG === '1' || process.env.MLFLOW_TS_DEBUG === 'true';
  // By name, so reporting an error never loads the client or store modules just to compare classes.
  const known = err instanceof Error && USER_FACING_ERRORS.has(err.name);
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`mlflow-ts: ${message}\n`);
  if (debug && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  else if (!known) process.stderr.write('(set MLFLOW_TS_DEBUG=1 to see the stack trace)\n');
  process.exit(1);
}

buildProgram().parseAsync(process.argv).catch(reportAndExit);
