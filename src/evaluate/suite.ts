/**
 * The suite file (`eval.yaml`): what to evaluate (targets), on what (dataset), how to ask
 * (prompt or messages), how to judge (scorers) and what counts as good enough (thresholds).
 *
 * Everything that can be checked without calling a model is checked here, so a run never starts
 * on a suite with a typo: keys are strict (an unknown key is an error with "did you mean"), each
 * scorer's options are validated by that scorer's own schema, names are unique, and thresholds
 * must name metrics the suite produces. Each error names the file, the line and the YAML path.
 * What is resolved here: durations to milliseconds, the dataset path to an absolute path and its
 * format, targets to a discriminated union, defaults filled in.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { z } from 'zod';
import { ConfigFileError, YamlConfigFile, didYouMean, formatPath, kindOf } from '../config/yaml-file.ts';
import type { ConfigProblem, PathPart } from '../config/yaml-file.ts';
import { metricThresholdSchema } from '../report/gates/index.ts';
import { DATASET_FORMATS, DatasetRowProblem, formatFromPath, mapRows } from './dataset.ts';
import type { DatasetSpec } from './dataset.ts';
import { promptTemplates, templateVariables } from './prompt.ts';
import { findScorerType, SCORER_TYPES } from './scorers/index.ts';
import type { ChatMessage } from './types.ts';

export interface GatewayTarget {
  kind: 'gateway';
  name: string;
  /** A gateway endpoint (chat, completions or embeddings), resolved when the suite runs. */
  endpoint: string;
  /** Merged into each request (temperature, max_tokens, ...). */
  params: Record<string, unknown>;
}

export interface OpenAiTarget {
  kind: 'openai';
  name: string;
  /** An OpenAI-compatible API root, e.g. `http://127.0.0.1:8080/v1`. */
  baseUrl: string;
  model: string;
  /** The environment variable holding the API key; none sends no key. */
  apiKeyEnv?: string;
  params: Record<string, unknown>;
}

export interface ModelServerTarget {
  kind: 'model_server';
  name: string;
  /** An MLflow scoring server's `/invocations` URL; rows go as `dataframe_records`. */
  url: string;
  /** Sent as the request's `params` (MLflow's inference params). */
  params: Record<string, unknown>;
}

export interface CommandTarget {
  kind: 'command';
  name: string;
  /** A command line (run by a shell) or an argv list (run directly). */
  command: string | string[];
  /** The suite file's directory. */
  cwd: string;
}

export type SuiteTarget = GatewayTarget | OpenAiTarget | ModelServerTarget | CommandTarget;
export type TargetKind = SuiteTarget['kind'];

/** One `scorers:` entry: its type, its unique name and its options as the type's schema output them. */
export interface ScorerEntry {
  type: string;
  name: string;
  /** A per-row scorer, or a dataset-level metric family (accuracy, f1, rmse, ...). */
  kind: 'row' | 'aggregate';
  options: unknown;
}

export type ThresholdSpec = z.output<typeof metricThresholdSchema>;

export interface Suite {
  /** The suite file as given (for messages); undefined for text parsed directly. */
  file: string | undefined;
  /** Where relative paths in the suite resolve: the file's directory. */
  baseDir: string;
  description?: string;
  experimentName?: string;
  gatewayUri?: string;
  targets: SuiteTarget[];
  /** One user message; set when `messages` is not. */
  prompt?: string;
  messages?: ChatMessage[];
  dataset: DatasetSpec;
  scorers: ScorerEntry[];
  /** Metric name → MLflow MetricThreshold. */
  thresholds: Record<string, ThresholdSpec>;
  concurrency: number;
  repeat: number;
  /** Per model call. */
  timeoutMs: number;
  /** Per model call, after the first attempt. */
  retries: number;
  /** Seeds the bootstrap confidence intervals. */
  seed: number;
}

export const SUITE_DEFAULTS = { concurrency: 4, repeat: 1, timeoutMs: 60_000, retries: 2, seed: 0 } as const;

/** A suite file that cannot be used; one `file:line: path: message` line per problem. */
export class SuiteError extends ConfigFileError {
  constructor(file: string | undefined, problems: ConfigProblem | ConfigProblem[], options?: ErrorOptions) {
    super(file, problems, { ...options, label: 'suite' });
    this.name = 'SuiteError';
  }
}

// ---------------------------------------------------------------------------------------------
// The file's schema.

const NAME_PATTERN = /^[A-Za-z0-9_.-]+$/;
const NAME_RULE = 'may contain only letters, digits, "_", "-" and "."';
const nameSchema = z.string().min(1).regex(NAME_PATTERN, { error: NAME_RULE });
/** What a `{{name}}` placeholder may be called (prompt.ts). */
const VARIABLE_PATTERN = /^[\p{L}\p{N}_.-]+$/u;
const ENV_VAR_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === 'http:' || protocol === 'https:';
}
const httpUrl = z.string().refine(isHttpUrl, { error: 'must be an http:// or https:// URL' });

/** A YAML mapping of `value`s, saying "a mapping" rather than zod's "record" when it is not one. */
function mapping<T extends z.ZodType>(value: T) {
  return z.record(z.string(), value, {
    error: (issue) => {
      if (issue.code !== 'invalid_type') return undefined;
      return issue.input === undefined ? 'is missing; add it (a mapping of key: value pairs)' : `must be a mapping (key: value pairs), not ${kindOf(issue.input)}`;
    },
  });
}

const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)$/;
const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/** setTimeout's limit. */
const MAX_DURATION_MS = 2 ** 31 - 1;
const DURATION_RULE = 'must be a number of seconds or a duration such as "500ms", "30s" or "2m"';

/** `timeout:` as milliseconds: a number of seconds, or a number with a unit (ms, s, m, h). */
export function parseDuration(value: number | string): number | undefined {
  let ms: number;
  if (typeof value === 'number') ms = value * 1000;
  else {
    const m = DURATION.exec(value.trim());
    if (!m) return undefined;
    ms = Number(m[1]) * UNIT_MS[m[2]!]!;
  }
  return Number.isFinite(ms) ? Math.round(ms) : undefined;
}

const durationSchema = z.union([z.number(), z.string()], { error: DURATION_RULE }).transform((value, ctx) => {
  const ms = parseDuration(value);
  if (ms === undefined) ctx.issues.push({ code: 'custom', message: DURATION_RULE, input: value });
  else if (ms < 1) ctx.issues.push({ code: 'custom', message: 'must be at least 1ms', input: value });
  else if (ms > MAX_DURATION_MS) ctx.issues.push({ code: 'custom', message: 'must be at most 24 days (2147483647ms)', input: value });
  return ms ?? 0;
});

const TARGET_KINDS = ['gateway', 'openai', 'model_server', 'command'] as const;

const targetSchema = z.strictObject({
  name: nameSchema.optional(),
  gateway: nameSchema.optional(),
  openai: z
    .strictObject({
      base_url: httpUrl,
      model: z.string().min(1),
      api_key_env: z.string().regex(ENV_VAR_PATTERN, { error: 'must be an environment variable name (letters, digits and "_")' }).optional(),
    })
    .optional(),
  model_server: z.strictObject({ url: httpUrl }).optional(),
  command: z
    .union([z.string().trim().min(1), z.array(z.string()).min(1).refine((argv) => argv[0] !== '', { error: 'must start with the program to run' })], {
      error: 'must be a command line (a string) or an argv list of strings',
    })
    .optional(),
  params: mapping(z.unknown()).optional(),
});

type FileTarget = z.output<typeof targetSchema>;

const datasetSchema = z.strictObject({
  path: z.string().min(1).optional(),
  rows: z.array(mapping(z.unknown())).min(1).optional(),
  format: z.enum(DATASET_FORMATS).optional(),
  columns: mapping(z.string().min(1)).optional(),
  limit: z.int().min(1).optional(),
  name: z.string().min(1).max(500).optional(), // extension: the dataset's name in MLflow
});

const fileSchema = z.strictObject({
  description: z.string().optional(),
  experiment_name: z.string().min(1).optional(),
  gateway_uri: httpUrl.optional(),
  targets: z.array(targetSchema).min(1),
  prompt: z.string().min(1).optional(),
  messages: z.array(z.strictObject({ role: z.enum(['system', 'user', 'assistant']), content: z.string() })).min(1).optional(),
  dataset: datasetSchema,
  scorers: z.array(mapping(z.unknown())).optional(),
  thresholds: mapping(metricThresholdSchema).optional(),
  concurrency: z.int().min(1).max(1024).optional(),
  repeat: z.int().min(1).max(1000).optional(),
  timeout: durationSchema.optional(),
  retries: z.int().min(0).max(10).optional(),
  seed: z.int().optional(),
});

type SuiteFile = z.output<typeof fileSchema>;

/** Metric families every target's run logs besides the scorers' own (aggregate.ts). */
const BUILTIN_METRIC_FAMILIES = ['latency_ms', 'tokens', 'cost_usd', 'rows'] as const;

// ---------------------------------------------------------------------------------------------

export interface ParseSuiteOptions {
  /** The file name used in messages. */
  file?: string;
  /** Where relative paths resolve; default the file's directory, else the working directory. */
  baseDir?: string;
  /** Check that the dataset file exists (default true). */
  checkFiles?: boolean;
}

/** Parses and validates suite text. Throws SuiteError. */
export async function parseSuite(text: string, options: ParseSuiteOptions = {}): Promise<Suite> {
  return new SuiteReader(text, options).read();
}

/** Reads and validates a suite file. Throws SuiteError. */
export async function loadSuite(path: string, options: { checkFiles?: boolean } = {}): Promise<Suite> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT' ? 'file not found. Pass the path of an existing suite file (--config eval.yaml).' : `cannot read the file (${code ?? 'error'}). Check that it is a readable file.`;
    throw new SuiteError(path, { path: '', message }, { cause: err });
  }
  return parseSuite(text, { file: path, baseDir: dirname(resolve(path)), ...options });
}

/** A default target name made of what the target points at, in the characters names allow. */
function defaultTargetName(t: FileTarget, kind: TargetKind): string {
  const raw =
    kind === 'gateway'
      ? t.gateway!
      : kind === 'openai'
        ? t.openai!.model
        : kind === 'model_server'
          ? 'model_server'
          : basename((Array.isArray(t.command) ? t.command[0]! : t.command!.split(/\s+/)[0]!) || 'command');
  return raw.replace(/[^A-Za-z0-9_.-]+/g, '_') || kind;
}

class SuiteReader {
  readonly #yaml: YamlConfigFile;
  readonly #file: string | undefined;
  readonly #baseDir: string;
  readonly #checkFiles: boolean;

  constructor(text: string, options: ParseSuiteOptions) {
    this.#file = options.file;
    this.#baseDir = options.baseDir ?? (options.file ? dirname(resolve(options.file)) : process.cwd());
    this.#checkFiles = options.checkFiles ?? true;
    this.#yaml = new YamlConfigFile(text, { file: options.file, error: (file, problems, errorOptions) => new SuiteError(file, problems, errorOptions) });
  }

  async read(): Promise<Suite> {
    const raw = this.#yaml.parse();
    if (raw === null || raw === undefined) this.#fail([], 'the file is empty. Add targets, a dataset and scorers.');
    if (typeof raw !== 'object' || Array.isArray(raw)) this.#fail([], `the file must be a mapping with targets, dataset and scorers, not ${kindOf(raw)}.`);
    const top = raw as Record<string, unknown>;
    const noTargets = top.targets === undefined || top.targets === null || (Array.isArray(top.targets) && top.targets.length === 0);
    // With an unknown top-level key (`target:`), the schema's "did you mean" says more.
    if (noTargets && Object.keys(top).every((k) => k in fileSchema.shape)) {
      this.#fail(['targets'], `no targets. Add a list of targets, each with one of ${TARGET_KINDS.join(', ')}.`);
    }
    const file = this.#yaml.validate(fileSchema, raw);

    const targets = this.#targets(file.targets);
    const chatTargets = targets.flatMap((t, i) => (t.kind === 'gateway' || t.kind === 'openai' ? [{ target: t, index: i }] : []));
    if (file.prompt !== undefined && file.messages !== undefined) this.#fail(['messages'], 'the suite sets both prompt and messages. Keep one of them.');
    const chat = chatTargets[0];
    if (chat && file.prompt === undefined && file.messages === undefined) {
      this.#fail(
        ['targets', chat.index, chat.target.kind],
        `target "${chat.target.name}" sends chat requests, but the suite has no prompt. Add prompt: "..." (with {{column}} placeholders) or a messages list.`,
      );
    }
    const placeholders = chat
      ? promptTemplates({ ...(file.prompt !== undefined ? { prompt: file.prompt } : {}), ...(file.messages ? { messages: file.messages } : {}) }).flatMap(
          ({ where, template }) => templateVariables(template).map((name) => ({ name, where })),
        )
      : [];
    const dataset = await this.#dataset(file.dataset, placeholders);
    const scorers = this.#scorers(file.scorers ?? []);
    const thresholds = file.thresholds ?? {};
    this.#checkThresholds(thresholds, scorers);

    const suite: Suite = {
      file: this.#file,
      baseDir: this.#baseDir,
      targets,
      dataset,
      scorers,
      thresholds,
      concurrency: file.concurrency ?? SUITE_DEFAULTS.concurrency,
      repeat: file.repeat ?? SUITE_DEFAULTS.repeat,
      timeoutMs: file.timeout ?? SUITE_DEFAULTS.timeoutMs,
      retries: file.retries ?? SUITE_DEFAULTS.retries,
      seed: file.seed ?? SUITE_DEFAULTS.seed,
    };
    if (file.description !== undefined) suite.description = file.description;
    if (file.experiment_name !== undefined) suite.experimentName = file.experiment_name;
    if (file.gateway_uri !== undefined) suite.gatewayUri = file.gateway_uri;
    if (file.prompt !== undefined) suite.prompt = file.prompt;
    if (file.messages !== undefined) suite.messages = file.messages;
    return suite;
  }

  #targets(list: readonly FileTarget[]): SuiteTarget[] {
    const out: SuiteTarget[] = [];
    const seen = new Map<string, string>();
    for (const [i, t] of list.entries()) {
      const at = (...rest: PathPart[]): PathPart[] => ['targets', i, ...rest];
      const kinds = TARGET_KINDS.filter((k) => t[k] !== undefined);
      if (kinds.length === 0) {
        this.#fail(at(), 'names no target. Set one of gateway (an endpoint name), openai ({base_url, model}), model_server ({url}) or command.');
      }
      if (kinds.length > 1) this.#fail(at(kinds[1]!), `a target is one of ${TARGET_KINDS.join(', ')}, and this one also sets ${kinds[0]}. Split it into two targets.`);
      const kind = kinds[0]!;
      if (kind === 'command' && t.params !== undefined) {
        this.#fail(at('params'), 'a command target takes no params. Pass options on its command line instead.');
      }
      const name = t.name ?? defaultTargetName(t, kind);
      const first = seen.get(name);
      if (first) {
        this.#fail(
          at(t.name !== undefined ? 'name' : kind),
          `"${name}" is already the name of ${first}. Target names must be unique; ${t.name !== undefined ? 'rename one' : 'add name: to tell them apart'}.`,
        );
      }
      seen.set(name, formatPath(at()));
      const params = t.params ?? {};
      switch (kind) {
        case 'gateway':
          out.push({ kind, name, endpoint: t.gateway!, params });
          break;
        case 'openai': {
          const o = t.openai!;
          out.push({ kind, name, baseUrl: o.base_url, model: o.model, ...(o.api_key_env !== undefined ? { apiKeyEnv: o.api_key_env } : {}), params });
          break;
        }
        case 'model_server':
          out.push({ kind, name, url: t.model_server!.url, params });
          break;
        case 'command':
          out.push({ kind, name, command: t.command!, cwd: this.#baseDir });
          break;
      }
    }
    return out;
  }

  async #dataset(d: SuiteFile['dataset'], placeholders: DatasetSpec['placeholders']): Promise<DatasetSpec> {
    if (d.path === undefined && d.rows === undefined) this.#fail(['dataset'], 'set path (a JSONL, CSV or JSON file) or rows (a list of mappings).');
    if (d.path !== undefined && d.rows !== undefined) this.#fail(['dataset', 'rows'], 'the dataset sets both path and rows. Keep one of them.');
    const columns = d.columns ?? {};
    for (const ours of Object.keys(columns)) {
      if (!VARIABLE_PATTERN.test(ours)) {
        this.#fail(['dataset', 'columns', ours], 'names a column for {{placeholders}}, so it may contain only letters, digits, "_", "." and "-". Rename it.');
      }
    }
    const common = {
      columns,
      ...(d.limit !== undefined ? { limit: d.limit } : {}),
      ...(d.name !== undefined ? { name: d.name } : {}),
      ...(placeholders && placeholders.length > 0 ? { placeholders } : {}),
    };
    if (d.rows !== undefined) {
      if (d.format !== undefined) this.#fail(['dataset', 'format'], 'applies to dataset files only. Remove it: inline rows need no format.');
      // Inline rows are checked now, where a problem can point at its line in the suite.
      try {
        mapRows(d.limit === undefined ? d.rows : d.rows.slice(0, d.limit), common);
      } catch (err) {
        if (err instanceof DatasetRowProblem) this.#fail(['dataset', 'rows', err.index], err.message);
        throw err;
      }
      return { source: 'inline', rows: d.rows, ...(this.#file !== undefined ? { origin: this.#file } : {}), ...common };
    }
    const path = resolve(this.#baseDir, d.path!);
    const format = d.format ?? formatFromPath(path);
    if (format === undefined) {
      this.#fail(['dataset', 'path'], `cannot tell the file's format from its name. Add format: with one of ${DATASET_FORMATS.join(', ')}.`);
    }
    if (this.#checkFiles) {
      let isFile = false;
      try {
        isFile = (await stat(path)).isFile();
      } catch {
        // Reported below.
      }
      if (!isFile) this.#fail(['dataset', 'path'], `${path} does not exist or is not a file. Relative paths start at ${this.#baseDir}.`);
    }
    return { source: 'file', path, format, ...common };
  }

  #scorers(list: readonly Record<string, unknown>[]): ScorerEntry[] {
    const out: ScorerEntry[] = [];
    const seen = new Map<string, string>();
    for (const [i, entry] of list.entries()) {
      const at = (...rest: PathPart[]): PathPart[] => ['scorers', i, ...rest];
      const { type, name, ...options } = entry;
      if (type === undefined || type === null) this.#fail(at('type'), `is missing; add it (one of: ${SCORER_TYPES.join(', ')}).`);
      if (typeof type !== 'string') this.#fail(at('type'), `must be a string, not ${kindOf(type)}.`);
      const found = findScorerType(type);
      if (!found) this.#fail(at('type'), `unknown scorer type "${type}".${didYouMean(type, SCORER_TYPES)} Known types: ${SCORER_TYPES.join(', ')}.`);
      const scorerName = name === undefined ? type : this.#yaml.validate(nameSchema, name, at('name'));
      const first = seen.get(scorerName);
      if (first) {
        this.#fail(
          at(name !== undefined ? 'name' : 'type'),
          `"${scorerName}" is already the name of ${first}. Scorer names must be unique; ${name !== undefined ? 'rename one' : 'add name: to tell them apart'}.`,
        );
      }
      seen.set(scorerName, formatPath(at()));
      const schema = found.kind === 'row' ? found.module.optionsSchema : found.metric.optionsSchema;
      const parsed: unknown = this.#yaml.validate(schema, options, at(), keysWithCommon(schema));
      out.push({ type, name: scorerName, kind: found.kind, options: parsed });
    }
    return out;
  }

  /** A threshold on a metric the suite never logs would fail every run; say so now. */
  #checkThresholds(thresholds: Readonly<Record<string, unknown>>, scorers: readonly ScorerEntry[]): void {
    const families = new Set<string>(BUILTIN_METRIC_FAMILIES);
    // Row scorers log `<name>/...`; metric families log under their type whatever their name.
    for (const s of scorers) families.add(s.kind === 'row' ? s.name : s.type);
    for (const metric of Object.keys(thresholds)) {
      const family = metric.split('/')[0]!;
      if (families.has(family)) continue;
      this.#fail(
        ['thresholds', metric],
        `no scorer or metric of this suite is called "${family}".${didYouMean(family, families)} Threshold keys are metric names: <scorer name>/mean or /pass_rate, a metric family's name (accuracy, f1/macro, rmse), or one of ${BUILTIN_METRIC_FAMILIES.map((f) => `${f}/...`).join(', ')}.`,
      );
    }
  }

  #fail(path: readonly PathPart[], message: string): never {
    return this.#yaml.fail(path, message);
  }
}

/** For unknown-key messages: the keys of an options schema plus the `type` and `name` beside them. */
function keysWithCommon(schema: z.ZodType): unknown {
  return schema instanceof z.ZodObject ? z.object({ type: z.string(), name: z.string(), ...schema.shape }) : schema;
}
