/**
 * The action's inputs: one table (name, default, description) that action.yml mirrors (a test
 * holds them equal), and one zod schema that turns the raw strings GitHub passes (`INPUT_<NAME>`)
 * into typed settings. A bad input stops the action before anything starts, with a message naming
 * the input, what was given and what is allowed.
 */
import { existsSync, statSync } from 'node:fs';
import { z } from 'zod';
import { failOnSchema, GateSyntaxError, parseGates, type FailOn, type Gate } from '../report/gates/index.ts';
import type { Direction } from '../report/compare/index.ts';

export interface InputSpec {
  name: string;
  default: string;
  description: string;
}

/** Every input, in the order action.yml lists them. */
export const INPUTS = [
  {
    name: 'mode',
    default: 'run',
    description:
      '`run`: start the tracking server (and gateway), run the entry points and evaluations, compare with the baseline and report, all in this step. ' +
      '`start`: only start the servers and export MLFLOW_TRACKING_URI, MLFLOW_GATEWAY_URI, OPENAI_BASE_URL and ANTHROPIC_BASE_URL for later steps; ' +
      'the comparison, gates and report run in the post step. `comment`: post the report another workflow run uploaded (in a `workflow_run` workflow: the fork-safe pattern).',
  },
  { name: 'project', default: '.', description: 'The MLflow project (a directory with an MLproject file, or a git URL) whose entry points run.' },
  {
    name: 'entry-points',
    default: '',
    description: 'Entry points to run, one a line, in order: `name`, or `name: key=value key2=value2` with parameters (quote a value with spaces). Empty: none.',
  },
  { name: 'gateway-config', default: '', description: 'An AI gateway config file (MLflow\'s gateway YAML): the gateway is served next to the tracking server. Empty: no gateway.' },
  {
    name: 'gateway-replay',
    default: '',
    description: 'A directory of gateway exchanges recorded with `--gateway-record`: upstream answers come from it, offline and with no provider keys. Needs gateway-config.',
  },
  { name: 'eval', default: '', description: 'Evaluation suite files (eval.yaml), one a line, each evaluated after the entry points. Empty: none.' },
  {
    name: 'experiment-name',
    default: '',
    description: 'The experiment the entry points log to (and evaluations without their own experiment_name). Empty: the Default experiment. Required with tracking-uri in mode start.',
  },
  { name: 'tracking-uri', default: '', description: 'An existing MLflow tracking server to log to instead of the ephemeral one started in the runner.' },
  { name: 'tracking-token', default: '', description: 'Bearer token for tracking-uri (MLFLOW_TRACKING_TOKEN). Pass it from a secret; it is masked everywhere.' },
  {
    name: 'baseline',
    default: 'auto',
    description:
      'What to compare with. `auto`: the results artifact of the latest successful run of this workflow and job on the base branch (a pull request) or on the same branch (a push). ' +
      'A bundle file path or https URL. `tracking:<experiment>`: the newest runs of that experiment on tracking-uri. `none`: no comparison.',
  },
  {
    name: 'thresholds',
    default: '',
    description: 'Gates, one a line, in the threshold grammar: `accuracy >= 0.9`, `loss <= baseline + 0.01`, `[eval=gpt-4o] correctness/pass_rate >= 0.8`. Empty: only the evaluation suites\' thresholds.',
  },
  {
    name: 'directions',
    default: '',
    description: 'Which way is better for metrics the name does not tell, one a line: `throughput: higher`, `perplexity: lower`. Names like loss, error, latency, cost default to lower.',
  },
  {
    name: 'comment',
    default: 'update',
    description: '`update`: keep one comment per workflow, job and matrix on the pull request, edited in place. `new`: a new comment each run. `off`: no comment (the job summary is always written).',
  },
  {
    name: 'github-token',
    default: '${{ github.token }}',
    description:
      'Token for comments, commit statuses and the baseline artifact. Needs `pull-requests: write`, `statuses: write`, `actions: read` (and `contents: read`). A read-only token (fork pull requests) degrades to the job summary.',
  },
  { name: 'upload-results', default: 'true', description: 'Upload the bundle and the report as a workflow artifact (the baseline of later runs, and what mode `comment` posts).' },
  {
    name: 'fail-on',
    default: 'threshold',
    description: 'Which failed gates fail the step: `threshold` (any), `regression` (only gates that compare with the baseline), `never`.',
  },
  { name: 'artifact-name', default: 'mlflow-ts-results', description: 'Name of the results artifact; the job id and matrix values are appended, so each job keeps its own.' },
  {
    name: 'matrix',
    default: '${{ toJSON(matrix) }}',
    description: 'The job\'s matrix values, which keep the comment, commit status and artifact of each matrix job apart. The default reads them; leave it.',
  },
] as const satisfies readonly InputSpec[];

export type InputName = (typeof INPUTS)[number]['name'];

/** An input that cannot be used: the message names it, says what was given and what is allowed. */
export class ActionInputError extends Error {
  override name = 'ActionInputError';
  readonly input: string;
  constructor(input: string, message: string) {
    super(`Input \`${input}\`: ${message}`);
    this.input = input;
  }
}

export interface EntryPointSpec {
  name: string;
  params: Record<string, string>;
}

export type BaselineSpec =
  | { kind: 'auto' }
  | { kind: 'none' }
  | { kind: 'path'; path: string }
  | { kind: 'url'; url: string }
  | { kind: 'tracking'; experiment: string };

export interface ActionInputs {
  mode: 'run' | 'start' | 'comment';
  project: string;
  entryPoints: EntryPointSpec[];
  gatewayConfig: string | undefined;
  gatewayReplay: string | undefined;
  evalSuites: string[];
  experimentName: string | undefined;
  trackingUri: string | undefined;
  trackingToken: string | undefined;
  baseline: BaselineSpec;
  thresholds: Gate[];
  /** The thresholds input as written, for the report. */
  thresholdsText: string;
  directions: Record<string, Direction>;
  comment: 'update' | 'new' | 'off';
  githubToken: string | undefined;
  uploadResults: boolean;
  failOn: FailOn;
  artifactName: string;
  /** Parsed `toJSON(matrix)`; undefined outside a matrix. */
  matrix: unknown;
}

const lines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));

const ENTRY_NAME = /^[A-Za-z0-9_.-]+$/;
const PARAM = /([A-Za-z_][A-Za-z0-9_.-]*)=(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S*))/y;

/** `train` or `train: lr=0.1 note="two words"` → name and params. */
export function parseEntryPointLine(line: string): EntryPointSpec {
  const colon = line.indexOf(':');
  const name = (colon === -1 ? line : line.slice(0, colon)).trim();
  if (!ENTRY_NAME.test(name)) {
    throw new ActionInputError('entry-points', `"${line}" does not start with an entry point name (letters, digits, _ . -). Write \`name\` or \`name: key=value key2=value2\`.`);
  }
  const params: Record<string, string> = {};
  const rest = colon === -1 ? '' : line.slice(colon + 1);
  let at = 0;
  while (at < rest.length) {
    if (/\s/.test(rest[at]!)) {
      at++;
      continue;
    }
    PARAM.lastIndex = at;
    const m = PARAM.exec(rest);
    if (!m) {
      throw new ActionInputError('entry-points', `in "${line}", "${rest.slice(at).split(/\s/)[0]}" is not a \`key=value\` parameter. Quote values with spaces: key="two words".`);
    }
    params[m[1]!] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? m[4] ?? '');
    at = PARAM.lastIndex;
  }
  return { name, params };
}

function parseBaseline(text: string): BaselineSpec {
  const value = text.trim();
  if (value === '' || value === 'auto') return { kind: 'auto' };
  if (value === 'none') return { kind: 'none' };
  if (value.startsWith('tracking:')) {
    const experiment = value.slice('tracking:'.length).trim();
    if (experiment === '') throw new ActionInputError('baseline', 'name the experiment after `tracking:`, e.g. `tracking:my-model`.');
    return { kind: 'tracking', experiment };
  }
  if (/^https?:\/\//i.test(value)) {
    if (!URL.canParse(value)) throw new ActionInputError('baseline', 'the URL does not parse.');
    if (/^http:/i.test(value) && !/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/i.test(value)) {
      throw new ActionInputError('baseline', 'a bundle URL must use https:// (plain http is accepted only for localhost).');
    }
    return { kind: 'url', url: value };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    throw new ActionInputError('baseline', `"${value.replace(/\/\/[^/@]*@/, '//***@')}" is not supported: use \`auto\`, \`none\`, a bundle path, an https:// URL or \`tracking:<experiment>\`.`);
  }
  return { kind: 'path', path: value };
}

function parseDirections(text: string): Record<string, Direction> {
  const out: Record<string, Direction> = {};
  for (const line of lines(text)) {
    const m = /^(.+?)\s*[:=]\s*(higher|lower)$/i.exec(line);
    if (!m) throw new ActionInputError('directions', `"${line}" is not \`metric: higher\` or \`metric: lower\`.`);
    out[m[1]!.trim().replace(/^`(.*)`$/, '$1')] = m[2]!.toLowerCase() as Direction;
  }
  return out;
}

function parseMatrix(text: string): unknown {
  const value = text.trim();
  if (value === '' || value === 'null') return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    // A hand-written key (e.g. `node-24`) is as good as the JSON the default gives.
    return value;
  }
}

const choice = <T extends string>(input: string, allowed: readonly [T, ...T[]]) =>
  z.string().transform((raw, ctx) => {
    const value = raw.trim() === '' ? undefined : raw.trim();
    if (value !== undefined && (allowed as readonly string[]).includes(value)) return value as T;
    ctx.addIssue({ code: 'custom', message: `got "${raw}"; allowed: ${allowed.map((a) => `\`${a}\``).join(', ')}.`, path: [input] });
    return z.NEVER;
  });

const BOOLEAN_TRUE = ['true', 'True', 'TRUE'];
const BOOLEAN_FALSE = ['false', 'False', 'FALSE'];

const optional = z.string().transform((s) => (s.trim() === '' ? undefined : s.trim()));

/** Raw input strings → typed inputs; issue paths name the input. */
const rawSchema = z.object({
  mode: choice('mode', ['run', 'start', 'comment']),
  project: z.string().transform((s) => s.trim() || '.'),
  'entry-points': z.string().transform((s) => lines(s).map(parseEntryPointLine)),
  'gateway-config': optional,
  'gateway-replay': optional,
  eval: z.string().transform(lines),
  'experiment-name': optional,
  'tracking-uri': optional,
  'tracking-token': optional,
  baseline: z.string().transform(parseBaseline),
  thresholds: z.string(),
  directions: z.string().transform(parseDirections),
  comment: choice('comment', ['update', 'new', 'off']),
  'github-token': optional,
  'upload-results': z.string().transform((raw, ctx) => {
    const value = raw.trim();
    if (BOOLEAN_TRUE.includes(value)) return true;
    if (BOOLEAN_FALSE.includes(value)) return false;
    ctx.addIssue({ code: 'custom', message: `got "${raw}"; allowed: \`true\`, \`false\`.`, path: ['upload-results'] });
    return z.NEVER;
  }),
  'fail-on': z.string().transform((raw, ctx) => {
    const parsed = failOnSchema.safeParse(raw.trim());
    if (parsed.success) return parsed.data;
    ctx.addIssue({ code: 'custom', message: `got "${raw}"; allowed: ${failOnSchema.options.map((o) => `\`${o}\``).join(', ')}.`, path: ['fail-on'] });
    return z.NEVER;
  }),
  'artifact-name': z.string().transform((raw, ctx) => {
    const value = raw.trim();
    if (value !== '' && !/["\\/:<>|*?\r\n]/.test(value)) return value;
    ctx.addIssue({ code: 'custom', message: `got "${raw}"; an artifact name is not empty and has none of " \\ / : < > | * ?.`, path: ['artifact-name'] });
    return z.NEVER;
  }),
  matrix: z.string().transform(parseMatrix),
});

/**
 * Reads every input through `get` (core.getInput in the action) and checks each and their
 * combinations. Relative paths are checked against the working directory (the workspace).
 */
export function readInputs(get: (name: InputName) => string): ActionInputs {
  const raw: Record<string, string> = {};
  for (const spec of INPUTS) {
    const value = get(spec.name);
    // The runner always passes the default; outside it (a local run, the demo) an empty input means it.
    raw[spec.name] = value === '' && !spec.default.startsWith('${{') ? spec.default : value;
  }
  const result = rawSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ActionInputError(String(issue.path[0] ?? 'unknown'), issue.message);
  }
  const parsed = result.data;

  let thresholds: Gate[];
  try {
    thresholds = parseGates(parsed.thresholds);
  } catch (error) {
    if (error instanceof GateSyntaxError) throw new ActionInputError('thresholds', `${error.message}\nOne gate a line, e.g. \`accuracy >= 0.9\` or \`loss <= baseline + 0.01\` (the README describes the grammar).`);
    throw error;
  }

  const inputs: ActionInputs = {
    mode: parsed.mode,
    project: parsed.project,
    entryPoints: parsed['entry-points'],
    gatewayConfig: parsed['gateway-config'],
    gatewayReplay: parsed['gateway-replay'],
    evalSuites: parsed.eval,
    experimentName: parsed['experiment-name'],
    trackingUri: parsed['tracking-uri'],
    trackingToken: parsed['tracking-token'],
    baseline: parsed.baseline,
    thresholds,
    thresholdsText: parsed.thresholds,
    directions: parsed.directions,
    comment: parsed.comment,
    githubToken: parsed['github-token'],
    uploadResults: parsed['upload-results'],
    failOn: parsed['fail-on'],
    artifactName: parsed['artifact-name'],
    matrix: parsed.matrix,
  };
  checkCombinations(inputs);
  return inputs;
}

function checkCombinations(inputs: ActionInputs): void {
  if (inputs.trackingUri !== undefined) {
    if (!/^https?:\/\//i.test(inputs.trackingUri) || !URL.canParse(inputs.trackingUri)) {
      throw new ActionInputError('tracking-uri', 'must be the http:// or https:// URL of an MLflow tracking server.');
    }
  }
  if (inputs.trackingToken !== undefined && inputs.trackingUri === undefined) {
    throw new ActionInputError('tracking-token', 'is only used with `tracking-uri`; the ephemeral server needs no token.');
  }
  if (inputs.gatewayReplay !== undefined && inputs.gatewayConfig === undefined) {
    throw new ActionInputError('gateway-replay', 'needs `gateway-config`: the recordings answer for the endpoints the config declares.');
  }
  if (inputs.baseline.kind === 'tracking' && inputs.trackingUri === undefined) {
    throw new ActionInputError('baseline', '`tracking:<experiment>` reads the experiment from `tracking-uri`; set that input too.');
  }
  if (inputs.mode === 'start' && inputs.trackingUri !== undefined && inputs.experimentName === undefined) {
    throw new ActionInputError('experiment-name', 'is required with `tracking-uri` in mode `start`: the post step compares the runs of that experiment.');
  }
  if (inputs.mode === 'comment') {
    if (inputs.githubToken === undefined) throw new ActionInputError('github-token', 'mode `comment` posts with it; it must not be empty.');
    return;
  }
  if (inputs.mode === 'start' && (inputs.entryPoints.length > 0 || inputs.evalSuites.length > 0)) {
    const which = inputs.entryPoints.length > 0 ? 'entry-points' : 'eval';
    throw new ActionInputError(which, 'is run by mode `run` only. In mode `start` later steps run them (`npx mlflow-ts run`, `npx mlflow-ts evaluate`) against the exported MLFLOW_TRACKING_URI.');
  }
  const file = (input: string, path: string, kind: 'file' | 'directory'): void => {
    if (!existsSync(path)) throw new ActionInputError(input, `${kind} "${path}" does not exist (paths are relative to the workspace).`);
    const isDir = statSync(path).isDirectory();
    if (kind === 'file' && isDir) throw new ActionInputError(input, `"${path}" is a directory; name a file.`);
    if (kind === 'directory' && !isDir) throw new ActionInputError(input, `"${path}" is a file; name a directory.`);
  };
  if (inputs.gatewayConfig !== undefined) file('gateway-config', inputs.gatewayConfig, 'file');
  if (inputs.gatewayReplay !== undefined) file('gateway-replay', inputs.gatewayReplay, 'directory');
  for (const suite of inputs.evalSuites) file('eval', suite, 'file');
  if (inputs.entryPoints.length > 0 && !/^[a-z][a-z0-9+.-]*:\/\/|^git@/i.test(inputs.project)) file('project', inputs.project, 'directory');
  if (inputs.baseline.kind === 'path' && !existsSync(inputs.baseline.path)) {
    throw new ActionInputError('baseline', `"${inputs.baseline.path}" does not exist. Use \`auto\`, \`none\`, a bundle path, an https:// URL or \`tracking:<experiment>\`.`);
  }
}
