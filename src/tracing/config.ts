/**
 * The project config file `mlflow-config.yaml` and the tracing settings resolved from code, the
 * environment and that file (in that order of precedence, then defaults). The loader is shared:
 * the server and the gateway read their own sections of the same file, so unknown top-level
 * sections are allowed while each known section is strict (a typo is an error, not a silent
 * default). Every error names the file, the line and the YAML path of the offending value.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LineCounter, parseDocument, isNode } from 'yaml';
import { z } from 'zod';

export const PROJECT_CONFIG_FILE = 'mlflow-config.yaml';

const between0and1 = { error: 'must be a number between 0 and 1' };
const nonNegativeMs = { error: 'must be a non-negative number of milliseconds' };

export const tracingConfigSchema = z.strictObject({
  /** Fraction of traces exported, decided once per trace at its root. */
  sampling_rate: z.number(between0and1).min(0, between0and1).max(1, between0and1).optional(),
  /** A sampled-out trace whose root took longer than this is exported anyway, tagged slow. */
  slow_threshold_ms: z.number(nonNegativeMs).min(0, nonNegativeMs).optional(),
});

export const projectConfigSchema = z.looseObject({
  tracing: tracingConfigSchema.optional(),
});

export type TracingFileConfig = z.infer<typeof tracingConfigSchema>;
export type ProjectConfig = z.infer<typeof projectConfigSchema>;

export interface ConfigIssue {
  /** Dotted YAML path (`tracing.sampling_rate`, `routes[2].name`); empty for the document itself. */
  path: string;
  /** 1-based line of the offending value, when known. */
  line?: number;
  message: string;
}

/** A config file that cannot be used; `issues` lists every problem found. */
export class ProjectConfigError extends Error {
  readonly file: string;
  readonly issues: readonly ConfigIssue[];
  constructor(file: string, issues: ConfigIssue[]) {
    const lines = issues.map((i) => `  ${file}${i.line ? `:${i.line}` : ''}: ${i.path ? `${i.path}: ` : ''}${i.message}`);
    super(`Invalid project config ${file}:\n${lines.join('\n')}\nFix the file (see the tracing section of the README for the schema) or remove it.`);
    this.name = 'ProjectConfigError';
    this.file = file;
    this.issues = issues;
  }
}

/** A bad tracing setting given in code or in the environment. */
export class TracingConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TracingConfigError';
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/**
 * Parses and validates config text. `file` is only used in messages. An empty file is an empty
 * config. Throws ProjectConfigError.
 */
export function parseProjectConfig(text: string, file = PROJECT_CONFIG_FILE): ProjectConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new ProjectConfigError(
      file,
      doc.errors.map((e) => ({ path: '', line: e.linePos?.[0].line, message: `YAML syntax: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}` })),
    );
  }
  const data: unknown = doc.toJS() ?? {};
  const result = projectConfigSchema.safeParse(data);
  if (result.success) return result.data;

  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    const node: unknown = doc.getIn(path as unknown[], true);
    if (!isNode(node) || !node.range) return undefined;
    return lineCounter.linePos(node.range[0]).line;
  };
  const issues: ConfigIssue[] = result.error.issues.map((issue) => {
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') {
      const where = issue.path.length ? formatPath(issue.path) : 'the top level';
      const known = issue.path[0] === 'tracing' ? ` (expected ${Object.keys(tracingConfigSchema.shape).join(', ')})` : '';
      message = `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')} in ${where}${known}`;
      return { path: formatPath(issue.path), line: lineOf([...issue.path, issue.keys[0]!]) ?? lineOf(issue.path), message };
    }
    if (issue.code === 'invalid_type' && issue.path.length === 0) message = 'the file must be a YAML mapping (key: value pairs)';
    else if (issue.code === 'invalid_type' && issue.expected === 'object') message = 'must be a mapping (key: value pairs)';
    const got: unknown = issue.path.length ? doc.getIn(issue.path as unknown[]) : undefined;
    if (got !== undefined && (typeof got !== 'object' || got === null)) message += ` (got ${JSON.stringify(got)})`;
    return { path: formatPath(issue.path), line: lineOf(issue.path), message };
  });
  throw new ProjectConfigError(file, issues);
}

export interface LoadProjectConfigOptions {
  /** Explicit file; it must exist. Default: `mlflow-config.yaml` in `cwd`, used only if present. */
  path?: string;
  cwd?: string;
}

export interface LoadedProjectConfig {
  file: string;
  config: ProjectConfig;
}

/** Reads the project config file; undefined when none is given and none exists. Throws ProjectConfigError. */
export function loadProjectConfig(options: LoadProjectConfigOptions = {}): LoadedProjectConfig | undefined {
  const file = options.path !== undefined ? resolve(options.cwd ?? process.cwd(), options.path) : join(options.cwd ?? process.cwd(), PROJECT_CONFIG_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if (options.path === undefined && (err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ProjectConfigError(file, [{ path: '', message: `cannot read the file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` }]);
  }
  return { file, config: parseProjectConfig(text, file) };
}

// ------------------------------------------------------------------------------ settings

export interface TracingSettings {
  samplingRate: number;
  slowThresholdMs: number | undefined;
  /** Where each value came from, for diagnostics. */
  sources: { samplingRate: SettingSource; slowThresholdMs: SettingSource };
}

export type SettingSource = 'code' | 'env' | 'file' | 'default';

export interface TracingSettingsInput {
  /** Values given in code (init options). */
  code?: { samplingRate?: number; slowThresholdMs?: number };
  env?: NodeJS.ProcessEnv;
  file?: ProjectConfig;
}

function checkRate(value: number, where: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new TracingConfigError(`${where} must be a number between 0 and 1, got ${JSON.stringify(value)}.`);
  }
  return value;
}

function checkThreshold(value: number, where: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new TracingConfigError(`${where} must be a non-negative number of milliseconds, got ${JSON.stringify(value)}.`);
  }
  return value;
}

function envNumber(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n)) throw new TracingConfigError(`Environment variable ${name} must be a number, got '${raw}'.`);
  return n;
}

/** Sampling settings by precedence: code, then `MLFLOW_TRACE_*` env, then the file, then rate 1 and no threshold. */
export function resolveTracingSettings(input: TracingSettingsInput = {}): TracingSettings {
  const env = input.env ?? process.env;
  const fileTracing = input.file?.tracing;

  let samplingRate = 1;
  let rateSource: SettingSource = 'default';
  const envRate = envNumber(env, 'MLFLOW_TRACE_SAMPLING_RATE');
  if (input.code?.samplingRate !== undefined) {
    samplingRate = checkRate(input.code.samplingRate, 'init({samplingRate})');
    rateSource = 'code';
  } else if (envRate !== undefined) {
    samplingRate = checkRate(envRate, 'MLFLOW_TRACE_SAMPLING_RATE');
    rateSource = 'env';
  } else if (fileTracing?.sampling_rate !== undefined) {
    samplingRate = fileTracing.sampling_rate;
    rateSource = 'file';
  }

  let slowThresholdMs: number | undefined;
  let slowSource: SettingSource = 'default';
  const envSlow = envNumber(env, 'MLFLOW_TRACE_SLOW_THRESHOLD_MS');
  if (input.code?.slowThresholdMs !== undefined) {
    slowThresholdMs = checkThreshold(input.code.slowThresholdMs, 'init({slowThresholdMs})');
    slowSource = 'code';
  } else if (envSlow !== undefined) {
    slowThresholdMs = checkThreshold(envSlow, 'MLFLOW_TRACE_SLOW_THRESHOLD_MS');
    slowSource = 'env';
  } else if (fileTracing?.slow_threshold_ms !== undefined) {
    slowThresholdMs = fileTracing.slow_threshold_ms;
    slowSource = 'file';
  }

  return { samplingRate, slowThresholdMs, sources: { samplingRate: rateSource, slowThresholdMs: slowSource } };
}
