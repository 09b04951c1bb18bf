/**
 * The gateway's config file: MLflow's `gateway-config.yaml` read as-is (wire §8.2), plus our
 * extensions (timeouts, retries, fallbacks, caching, pricing, custom provider modules).
 *
 * Everything is checked at start-up so a running gateway never meets a config problem: the YAML
 * is strict (a typo is an error naming the key, not a silent default), each endpoint's
 * `model.config` is validated by its provider module's own schema, and every cross-reference
 * (route destinations, fallbacks) must resolve. Each error names the file, the line, the YAML path
 * and what to change, and never a secret value: provider keys are resolved here from `$VAR`,
 * `${VAR}` or a key file as MLflow does, and collected so the gateway can redact them everywhere.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { watch } from 'chokidar';
import { z } from 'zod';
import { ConfigFileError, YamlConfigFile, didYouMean, formatPath } from '../config/yaml-file.ts';
import type { ConfigProblem, PathPart } from '../config/yaml-file.ts';
import { ENDPOINT_TYPES } from './schemas.ts';
import type { EndpointType } from './schemas.ts';
import type { ProviderModule } from './providers/provider.ts';
import { builtinProvider, builtinProviderNames, normaliseProviderName } from './providers/registry.ts';
import { Redactor, isSecretKey } from './secrets.ts';

export interface LimitConfig {
  calls: number;
  renewal_period: 'second' | 'minute' | 'hour' | 'day';
  /** Accepted for MLflow compatibility; MLflow's limiter ignores it too. */
  key?: string;
  /** Size of the token bucket: calls allowed at once (default `calls`); refills at `calls` per period (our extension). */
  burst?: number;
}

export interface RetryConfig {
  /** Attempts in all, the first included: `retries: 2` in the file means 3 attempts. */
  max_attempts: number;
  /** Delay before the first retry; it doubles per retry up to `max_backoff_ms`. */
  backoff_ms: number;
  max_backoff_ms: number;
}

export interface CacheConfig {
  ttl_seconds: number;
  max_entries: number;
}

export interface EndpointConfig {
  name: string;
  endpoint_type: EndpointType;
  model: {
    /** Normalised (`OpenAI` → `openai`, `mlflow_model_serving` → `mlflow-model-serving`). */
    provider: string;
    name: string;
    /** The provider module's validated `configSchema` output, secrets resolved. */
    config: Record<string, unknown>;
  };
  module: ProviderModule;
  limit?: LimitConfig;
  timeout_seconds?: number;
  retries?: RetryConfig;
  /** Endpoints to try in order when this one fails; same endpoint type, never itself. */
  fallbacks: string[];
  cache?: CacheConfig;
}

export interface TrafficRouteConfig {
  name: string;
  task_type: EndpointType;
  destinations: { name: string; traffic_percentage: number }[];
  routing_strategy: 'TRAFFIC_SPLIT';
}

export interface PricingEntry {
  input_per_million_tokens: number;
  output_per_million_tokens: number;
  currency: string;
}

export interface GatewayConfig {
  file: string | undefined;
  endpoints: EndpointConfig[];
  routes: TrafficRouteConfig[];
  /** Keyed by upstream model name. */
  pricing: Record<string, PricingEntry>;
  /** Every resolved credential, for a Redactor; never print these. */
  secrets: string[];
}

export type GatewayConfigProblem = ConfigProblem;

/** A gateway config that cannot be used. `path` and `line` are those of the first problem. */
export class GatewayConfigError extends ConfigFileError {
  constructor(file: string | undefined, problems: GatewayConfigProblem | GatewayConfigProblem[], options?: ErrorOptions) {
    super(file, problems, { ...options, label: 'gateway config' });
    this.name = 'GatewayConfigError';
  }
}

export const GATEWAY_CONFIG_ENV = 'MLFLOW_GATEWAY_CONFIG';

/** The config file to use: the explicit path, else `$MLFLOW_GATEWAY_CONFIG`. */
export function resolveConfigPath(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit) return explicit;
  const fromEnv = env[GATEWAY_CONFIG_ENV];
  if (fromEnv) return fromEnv;
  throw new GatewayConfigError(undefined, {
    path: '',
    message: `no config file given. Pass --config-path <gateway-config.yaml> or set ${GATEWAY_CONFIG_ENV} to its path.`,
  });
}

// ---------------------------------------------------------------------------------------------
// The file's schema. Field names are MLflow's; extensions are marked.

const NAME_PATTERN = /^[a-zA-Z0-9_\-.]+$/;
const nameSchema = z.string().min(1).regex(NAME_PATTERN, { error: 'may contain only letters, digits, "_", "-" and "."' });

const RENEWAL_PERIODS = ['second', 'minute', 'hour', 'day'] as const;

const DEFAULT_RETRY_BACKOFF_MS = 250;
const DEFAULT_RETRY_MAX_BACKOFF_MS = 4000;
const DEFAULT_CACHE_TTL_SECONDS = 300;
const DEFAULT_CACHE_MAX_ENTRIES = 1000;

const limitSchema = z.strictObject({
  calls: z.int().min(1),
  // MLflow's limiter accepts `Minute` and `minutes` too.
  renewal_period: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase().replace(/s$/, '') : v),
    z.enum(RENEWAL_PERIODS),
  ),
  key: z.string().nullish(),
  burst: z.int().min(1).nullish(), // extension
});

const retriesSchema = z.union(
  [
    z.int().min(0),
    z.strictObject({
      max_attempts: z.int().min(1),
      backoff_ms: z.number().min(0).nullish(),
      max_backoff_ms: z.number().min(0).nullish(),
    }),
  ],
  { error: 'must be a whole number of retries or a mapping {max_attempts, backoff_ms?, max_backoff_ms?}' },
);

const cacheSchema = z.union(
  [z.boolean(), z.strictObject({ ttl_seconds: z.number().gt(0), max_entries: z.int().min(1).nullish() })],
  { error: 'must be true, false or a mapping {ttl_seconds, max_entries?}' },
);

const endpointSchema = z.strictObject({
  name: nameSchema,
  endpoint_type: z.enum(ENDPOINT_TYPES),
  model: z.strictObject({
    provider: z.string().min(1),
    name: z.string().min(1),
    config: z.record(z.string(), z.unknown()).nullish(),
  }),
  limit: limitSchema.nullish(),
  // Extensions:
  timeout: z.number().gt(0).nullish(),
  retries: retriesSchema.nullish(),
  fallbacks: z.array(nameSchema).nullish(),
  cache: cacheSchema.nullish(),
});

const routeSchema = z.strictObject({
  name: nameSchema,
  task_type: z.enum(ENDPOINT_TYPES),
  destinations: z.array(z.strictObject({ name: nameSchema, traffic_percentage: z.int().min(0).max(100) })).min(1),
  routing_strategy: z.literal('TRAFFIC_SPLIT').nullish(),
});

const pricingEntrySchema = z.strictObject({
  input_per_million_tokens: z.number().min(0),
  output_per_million_tokens: z.number().min(0),
  currency: z.string().min(1).nullish(),
});

const fileSchema = z.strictObject({
  endpoints: z.array(endpointSchema).min(1),
  routes: z.array(routeSchema).nullish(),
  pricing: z.record(z.string().min(1), pricingEntrySchema).nullish(), // extension
  providers: z.record(nameSchema, z.string().min(1)).nullish(), // extension
});

type FileEndpoint = z.output<typeof endpointSchema>;

// ---------------------------------------------------------------------------------------------
// Secrets: MLflow's `_resolve_api_key_from_input`, extended to `${VAR}` anywhere in a string.

const WHOLE_VAR = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))$/;
const EMBEDDED_VAR = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
/** Values of variables named like credentials are secrets wherever they are used. */
const SECRET_VAR_NAME = /KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL/i;
/** Longer strings are not paths worth a stat(). */
const MAX_PATH_LENGTH = 4096;

// ---------------------------------------------------------------------------------------------

export interface ParseGatewayConfigOptions {
  /** The file name used in messages. */
  file?: string;
  env?: NodeJS.ProcessEnv;
  /** Where relative `providers:` module paths resolve; default the file's directory, else cwd. */
  baseDir?: string;
  /**
   * Replay mode: no provider is called, so a key variable that is not set (CI without secrets,
   * a fork's pull request) stands in as a placeholder instead of failing start-up.
   */
  offline?: boolean;
}

/** What an unset key variable becomes offline; never sent anywhere (replay opens no sockets). */
export const OFFLINE_KEY_PLACEHOLDER = 'offline-replay-no-key';

/** Parses and validates config text. Throws GatewayConfigError. */
export async function parseGatewayConfig(text: string, options: ParseGatewayConfigOptions = {}): Promise<GatewayConfig> {
  return new ConfigReader(text, options).read();
}

/** Reads and validates a config file. Throws GatewayConfigError. */
export async function loadGatewayConfig(path: string, options: { env?: NodeJS.ProcessEnv; offline?: boolean } = {}): Promise<GatewayConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new GatewayConfigError(path, { path: '', message: unreadable(err) }, { cause: err });
  }
  return parseGatewayConfig(text, { file: path, env: options.env, baseDir: dirname(resolve(path)), offline: options.offline });
}

function unreadable(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `file not found. Pass the path of an existing gateway config (--config-path or ${GATEWAY_CONFIG_ENV}).`;
  return `cannot read the file (${code ?? 'error'}). Check that it is a readable file.`;
}

class ConfigReader {
  readonly #yaml: YamlConfigFile;
  readonly #file: string | undefined;
  readonly #env: NodeJS.ProcessEnv;
  readonly #offline: boolean;
  readonly #baseDir: string;
  readonly #secrets = new Set<string>();
  readonly #custom = new Map<string, ProviderModule>();

  constructor(text: string, options: ParseGatewayConfigOptions) {
    this.#file = options.file;
    // Every secret seen so far is masked, in case a provider's schema message echoes a value.
    this.#yaml = new YamlConfigFile(text, {
      file: options.file,
      error: (file, problems, errorOptions) => new GatewayConfigError(file, problems, errorOptions),
      redact: (message) => new Redactor(this.#secrets).redact(message),
    });
    this.#env = options.env ?? process.env;
    this.#offline = options.offline ?? false;
    this.#baseDir = options.baseDir ?? (options.file ? dirname(resolve(options.file)) : process.cwd());
  }

  async read(): Promise<GatewayConfig> {
    const raw = this.#parseYaml();
    this.#checkMlflowRenames(raw);
    const file = this.#yaml.validate(fileSchema, raw);

    const routes = file.routes ?? [];
    this.#checkUniqueNames(file.endpoints, routes);
    for (const [name, modulePath] of Object.entries(file.providers ?? {})) await this.#loadCustomProvider(name, modulePath);

    const endpoints: EndpointConfig[] = [];
    for (const [i, endpoint] of file.endpoints.entries()) endpoints.push(await this.#endpoint(endpoint, i));
    this.#checkFallbacks(endpoints);
    this.#checkRoutes(endpoints, routes);

    const pricing: Record<string, PricingEntry> = {};
    for (const [model, p] of Object.entries(file.pricing ?? {})) {
      pricing[model] = { input_per_million_tokens: p.input_per_million_tokens, output_per_million_tokens: p.output_per_million_tokens, currency: p.currency ?? 'USD' };
    }
    return {
      file: this.#file,
      endpoints,
      routes: routes.map((r) => ({ name: r.name, task_type: r.task_type, destinations: r.destinations, routing_strategy: 'TRAFFIC_SPLIT' })),
      pricing,
      secrets: [...this.#secrets],
    };
  }

  #parseYaml(): unknown {
    const raw = this.#yaml.parse();
    if (raw === null || raw === undefined) this.#fail([], 'the file is empty. Add an "endpoints:" list (see docs/gateway-config.md).');
    if (typeof raw !== 'object' || Array.isArray(raw)) this.#fail([], 'the file must be a mapping with an "endpoints:" list.');
    const top = raw as Record<string, unknown>;
    const noEndpoints = top.endpoints === undefined || top.endpoints === null || (Array.isArray(top.endpoints) && top.endpoints.length === 0);
    // With an unknown top-level key (`endpoint:`), the schema's "did you mean" says more.
    if (noEndpoints && Object.keys(top).every((k) => k in fileSchema.shape)) {
      this.#fail(['endpoints'], 'no endpoints defined. Add at least one endpoint with name, endpoint_type and model.');
    }
    return raw;
  }

  /** MLflow 2.x's `route_type`: say what it is called now instead of "unknown key". */
  #checkMlflowRenames(raw: unknown): void {
    const top = raw as Record<string, unknown>;
    for (const section of ['endpoints', 'routes'] as const) {
      const list = top[section];
      if (!Array.isArray(list)) continue;
      for (const [i, item] of list.entries()) {
        if (item === null || typeof item !== 'object' || !('route_type' in item)) continue;
        this.#fail(
          [section, i, 'route_type'],
          section === 'endpoints'
            ? 'MLflow renamed "route_type" to "endpoint_type". Rename the key.'
            : 'this is an MLflow 2.x route definition. Move it under "endpoints:" and rename "route_type" to "endpoint_type"; "routes:" now holds traffic-split routes.',
        );
      }
    }
  }

  #checkUniqueNames(endpoints: readonly FileEndpoint[], routes: readonly { name: string }[]): void {
    const seen = new Map<string, string>();
    const entries: [PathPart[], string][] = [
      ...endpoints.map((e, i): [PathPart[], string] => [['endpoints', i], e.name]),
      ...routes.map((r, i): [PathPart[], string] => [['routes', i], r.name]),
    ];
    for (const [path, name] of entries) {
      const first = seen.get(name);
      if (first) this.#fail([...path, 'name'], `"${name}" is already the name of ${first}. Names must be unique across endpoints and routes; rename one.`);
      seen.set(name, formatPath(path));
    }
  }

  async #loadCustomProvider(rawName: string, modulePath: string): Promise<void> {
    const path: PathPart[] = ['providers', rawName];
    const name = normaliseProviderName(rawName);
    if (builtinProvider(name)) this.#fail(path, `"${rawName}" is a built-in provider name. Give your module another name.`);
    if (this.#custom.has(name)) this.#fail(path, `"${rawName}" is listed twice (names ignore case and "-"/"_"). Remove one.`);
    const file = isAbsolute(modulePath) ? modulePath : resolve(this.#baseDir, modulePath);
    let mtime: number;
    try {
      const st = await stat(file);
      if (!st.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
      mtime = st.mtimeMs;
    } catch {
      this.#fail(path, `provider module ${file} does not exist or is not a file. Relative paths resolve against ${this.#baseDir}.`);
    }
    let exports: Record<string, unknown>;
    try {
      // The mtime in the URL makes a hot reload pick up an edited module instead of the cached one.
      exports = (await import(`${pathToFileURL(file).href}?mtime=${mtime}`)) as Record<string, unknown>;
    } catch (err) {
      this.#fail(path, `cannot load provider module ${file}: ${String((err as Error).message ?? err).split('\n')[0]}`, undefined, err);
    }
    const candidate = isProviderModule(exports.default) ? exports.default : (exports.provider ?? exports.default);
    const problem = providerModuleProblem(candidate);
    if (problem) {
      this.#fail(path, `${file} does not export a provider module: ${problem}. Export default defineProvider({ name, configSchema, endpointTypes, create }) (src/gateway/providers/provider.ts).`);
    }
    this.#custom.set(name, candidate as ProviderModule);
  }

  #lookupProvider(rawName: string, path: PathPart[]): [string, ProviderModule] {
    const name = normaliseProviderName(rawName);
    const builtin = builtinProvider(name);
    if (builtin) return [normaliseProviderName(builtin.name), builtin];
    const custom = this.#custom.get(name);
    if (custom) return [name, custom];
    const valid = [...new Set([...builtinProviderNames(), ...this.#custom.keys()])].sort();
    return this.#fail(
      path,
      `unknown provider "${rawName}".${didYouMean(name, valid)} Use one of: ${valid.join(', ')}; or add your own module under "providers:".`,
    );
  }

  async #endpoint(e: FileEndpoint, i: number): Promise<EndpointConfig> {
    const at = (...rest: PathPart[]): PathPart[] => ['endpoints', i, ...rest];
    const [provider, module] = this.#lookupProvider(e.model.provider, at('model', 'provider'));
    if (!module.endpointTypes.includes(e.endpoint_type)) {
      const supported = module.endpointTypes.length ? module.endpointTypes.join(', ') : 'none yet';
      this.#fail(at('endpoint_type'), `provider "${provider}" does not serve ${e.endpoint_type} (it serves: ${supported}). Pick another endpoint_type or provider.`);
    }
    const resolved = await this.#resolveSecrets(e.model.config ?? {}, at('model', 'config'));
    const config = this.#yaml.validate(module.configSchema, resolved, at('model', 'config'));
    if (config === null || typeof config !== 'object' || Array.isArray(config)) {
      this.#fail(at('model', 'config'), `provider "${provider}"'s configSchema must produce a mapping. Fix the provider module.`);
    }

    const out: EndpointConfig = {
      name: e.name,
      endpoint_type: e.endpoint_type,
      model: { provider, name: e.model.name, config: config as Record<string, unknown> },
      module,
      fallbacks: e.fallbacks ?? [],
    };
    if (e.limit) {
      out.limit = { calls: e.limit.calls, renewal_period: e.limit.renewal_period };
      if (e.limit.key != null) out.limit.key = e.limit.key;
      if (e.limit.burst != null) out.limit.burst = e.limit.burst;
    }
    if (e.timeout != null) out.timeout_seconds = e.timeout;
    if (e.retries != null) out.retries = this.#retries(e.retries, at('retries'));
    if (e.cache === true) out.cache = { ttl_seconds: DEFAULT_CACHE_TTL_SECONDS, max_entries: DEFAULT_CACHE_MAX_ENTRIES };
    else if (e.cache) out.cache = { ttl_seconds: e.cache.ttl_seconds, max_entries: e.cache.max_entries ?? DEFAULT_CACHE_MAX_ENTRIES };
    return out;
  }

  #retries(r: NonNullable<FileEndpoint['retries']>, path: PathPart[]): RetryConfig {
    if (typeof r === 'number') return { max_attempts: r + 1, backoff_ms: DEFAULT_RETRY_BACKOFF_MS, max_backoff_ms: DEFAULT_RETRY_MAX_BACKOFF_MS };
    const maxBackoff = r.max_backoff_ms ?? Math.max(DEFAULT_RETRY_MAX_BACKOFF_MS, r.backoff_ms ?? 0);
    const backoff = r.backoff_ms ?? Math.min(DEFAULT_RETRY_BACKOFF_MS, maxBackoff);
    if (maxBackoff < backoff) this.#fail([...path, 'max_backoff_ms'], 'must be at least backoff_ms. Raise it or lower backoff_ms.');
    return { max_attempts: r.max_attempts, backoff_ms: backoff, max_backoff_ms: maxBackoff };
  }

  async #resolveSecrets(value: unknown, path: PathPart[]): Promise<unknown> {
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      for (const [i, v] of value.entries()) out.push(await this.#resolveSecrets(v, [...path, i]));
      return out;
    }
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = await this.#resolveSecrets(v, [...path, k]);
      return out;
    }
    if (typeof value !== 'string') return value;

    const last = path.at(-1);
    const secretKey = typeof last === 'string' && isSecretKey(last);
    const lookup = (name: string): string => {
      const v = this.#env[name] ?? (this.#offline && secretKey ? OFFLINE_KEY_PLACEHOLDER : undefined);
      if (v === undefined) {
        this.#fail(path, `environment variable ${name} is not set. Set it in the gateway's environment, or change this value.`);
      }
      if (v !== '' && (secretKey || SECRET_VAR_NAME.test(name))) this.#secrets.add(v);
      return v;
    };
    const whole = WHOLE_VAR.exec(value);
    let resolved = whole ? lookup(whole[1] ?? whole[2]!) : value.replace(EMBEDDED_VAR, (_, name: string) => lookup(name));
    if (!secretKey) return resolved;

    // MLflow: a key that names an existing file is read from it (less one trailing line break, below).
    if (resolved.length > 0 && resolved.length <= MAX_PATH_LENGTH && !resolved.includes('\0')) {
      let isFile = false;
      try {
        isFile = (await stat(resolved)).isFile();
      } catch {
        // Not a path: the value is the key itself.
      }
      if (isFile) {
        try {
          // One trailing line break (`echo $KEY > key.txt`) is never part of a key, and as a header
          // it would fail every request; MLflow keeps it, we drop it (documented).
          resolved = (await readFile(resolved, 'utf8')).replace(/\r?\n$/, '');
        } catch (err) {
          this.#fail(path, `names a key file that cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'}). Fix its permissions.`);
        }
      }
    }
    if (resolved !== '') this.#secrets.add(resolved);
    return resolved;
  }

  #checkFallbacks(endpoints: readonly EndpointConfig[]): void {
    const byName = new Map(endpoints.map((e) => [e.name, e]));
    for (const [i, e] of endpoints.entries()) {
      const seen = new Set<string>();
      for (const [j, name] of e.fallbacks.entries()) {
        const path: PathPart[] = ['endpoints', i, 'fallbacks', j];
        const target = byName.get(name);
        if (name === e.name) this.#fail(path, 'an endpoint cannot fall back to itself. Remove it.');
        if (seen.has(name)) this.#fail(path, `"${name}" is listed twice. Remove one.`);
        seen.add(name);
        if (!target) this.#fail(path, `no endpoint named "${name}".${didYouMean(name, byName.keys())} Fallbacks must name endpoints defined under "endpoints:".`);
        if (target.endpoint_type !== e.endpoint_type) {
          this.#fail(path, `"${name}" is ${target.endpoint_type} but this endpoint is ${e.endpoint_type}. A fallback must have the same endpoint_type.`);
        }
      }
    }
  }

  #checkRoutes(endpoints: readonly EndpointConfig[], routes: readonly z.output<typeof routeSchema>[]): void {
    const byName = new Map(endpoints.map((e) => [e.name, e]));
    for (const [i, route] of routes.entries()) {
      const seen = new Set<string>();
      for (const [j, d] of route.destinations.entries()) {
        const path: PathPart[] = ['routes', i, 'destinations', j, 'name'];
        const target = byName.get(d.name);
        if (!target) this.#fail(path, `no endpoint named "${d.name}".${didYouMean(d.name, byName.keys())} Destinations must name endpoints defined under "endpoints:".`);
        if (seen.has(d.name)) this.#fail(path, `"${d.name}" is listed twice. Merge the two into one destination.`);
        seen.add(d.name);
        if (target.endpoint_type !== route.task_type) {
          this.#fail(path, `endpoint "${d.name}" is ${target.endpoint_type} but the route's task_type is ${route.task_type}. Destinations must match the task_type.`);
        }
      }
      const sum = route.destinations.reduce((total, d) => total + d.traffic_percentage, 0);
      if (sum !== 100) this.#fail(['routes', i, 'destinations'], `traffic_percentage values add up to ${sum}. Make them add up to 100.`);
    }
  }

  #fail(path: readonly PathPart[], message: string, line?: number, cause?: unknown): never {
    return this.#yaml.fail(path, message, line, cause);
  }
}

function isProviderModule(value: unknown): boolean {
  return providerModuleProblem(value) === undefined;
}

function providerModuleProblem(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return 'there is no default export (or export named "provider") holding an object';
  const m = value as Record<string, unknown>;
  if (typeof m.name !== 'string' || m.name === '') return '"name" must be a non-empty string';
  const schema = m.configSchema as { safeParse?: unknown } | null | undefined;
  if (typeof schema?.safeParse !== 'function') return '"configSchema" must be a zod schema (an object with safeParse)';
  if (!Array.isArray(m.endpointTypes) || !m.endpointTypes.every((t) => (ENDPOINT_TYPES as readonly unknown[]).includes(t))) {
    return `"endpointTypes" must be a list of ${ENDPOINT_TYPES.join(', ')}`;
  }
  if (typeof m.create !== 'function') return '"create" must be a function';
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Hot reload

export interface GatewayConfigWatcher {
  /** Settles once the watcher is watching; edits before that may be missed. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Reloads the config when the file changes. Editors and deploy tools replace files by rename,
 * and Kubernetes swaps a symlinked directory, so the file's directory is watched: events on the
 * file itself always reload, other events reload only if the file's text changed. `onReload`
 * gets only a fully validated config; a bad edit goes to `onError` and the caller keeps the
 * config it has.
 */
export function watchGatewayConfig(
  path: string,
  handlers: { onReload(config: GatewayConfig): void; onError(error: Error): void },
  options: { env?: NodeJS.ProcessEnv; debounceMs?: number; offline?: boolean } = {},
): GatewayConfigWatcher {
  const target = resolve(path);
  const dir = dirname(target);
  const debounceMs = options.debounceMs ?? 100;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  // What the events since the timer was set call for, and what the fired timer still owes.
  let pending: 'direct' | 'maybe' | undefined;
  let due: 'direct' | 'maybe' | undefined;
  let draining: Promise<void> | undefined;
  let lastText: string | undefined;

  const report = (error: Error): void => {
    if (!closed) handlers.onError(error);
  };

  const check = async (direct: boolean): Promise<void> => {
    let text: string;
    try {
      text = await readFile(target, 'utf8');
    } catch (err) {
      lastText = undefined;
      report(new GatewayConfigError(path, { path: '', message: `${unreadable(err)} Keeping the current config.` }, { cause: err }));
      return;
    }
    if (!direct && text === lastText) return;
    lastText = text;
    let config: GatewayConfig;
    try {
      config = await parseGatewayConfig(text, { file: path, env: options.env, baseDir: dir, offline: options.offline });
    } catch (err) {
      report(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    if (closed) return;
    try {
      handlers.onReload(config);
    } catch (err) {
      report(err instanceof Error ? err : new Error(String(err)));
    }
  };

  const drain = async (): Promise<void> => {
    try {
      while (due && !closed) {
        const direct = due === 'direct';
        due = undefined;
        await check(direct);
      }
    } finally {
      draining = undefined;
    }
  };

  const fire = (): void => {
    timer = undefined;
    due = due === 'direct' || pending === 'direct' ? 'direct' : (due ?? pending);
    pending = undefined;
    draining ??= drain();
  };

  const schedule = (direct: boolean): void => {
    if (closed) return;
    pending = direct ? 'direct' : (pending ?? 'maybe');
    // Only the file's own events restart the debounce, so a busy neighbour cannot starve it.
    if (direct || !timer) {
      clearTimeout(timer);
      timer = setTimeout(fire, debounceMs);
      timer.unref();
    }
  };

  const watcher = watch(dir, { depth: 0, ignoreInitial: true, persistent: false, atomic: true });
  watcher.on('all', (_event, p) => schedule(resolve(p) === target));
  // chokidar drops a file's 'change' events within 50 ms of the previous one, which loses the
  // second of two quick saves; its raw fs.watch events are not throttled.
  watcher.on('raw', (_event, name, details) => {
    const watched = (details as { watchedPath?: unknown } | undefined)?.watchedPath;
    if (typeof watched !== 'string') return schedule(false);
    const p = resolve(watched);
    schedule(p === target || (p === dir && name === basename(target)));
  });
  watcher.on('error', (err) => report(err instanceof Error ? err : new Error(String(err))));

  let markReady: () => void = () => {};
  const watching = new Promise<void>((res) => {
    markReady = res;
    watcher.once('ready', res);
  });
  const ready = (async () => {
    lastText = await readFile(target, 'utf8').catch(() => undefined);
    await watching;
  })();

  return {
    ready,
    async close() {
      closed = true;
      clearTimeout(timer);
      timer = undefined;
      markReady();
      await watcher.close();
      await draining;
    },
  };
}
