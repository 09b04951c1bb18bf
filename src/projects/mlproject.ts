/**
 * The MLproject model: reading a project directory the way MLflow Projects does, and turning an
 * entry point plus `-P` values into one shell command line that is safe to hand to `sh -c`.
 *
 * Where we follow MLflow (`mlflow/projects/_project_spec.py`):
 * - the file is the one whose name is `mlproject` in any case (`MLproject` by convention);
 * - parameters are `name: type` or `name: {type, default}`, type `string` when left out, required
 *   when there is no default (or the default is null);
 * - at most one of `python_env`, `conda_env`, `docker_env`; without any, a `python_env.yaml` and
 *   then a `conda.yaml` next to the MLproject are used, else the current environment;
 * - an entry point that is not declared may name a script in the project (`.py` runs with
 *   `python`, `.sh` with `bash`; we add `.js`/`.ts` etc., run by the Node running us);
 * - the command is a Python `str.format` template: `{name}` is a declared parameter, `{{` and `}}`
 *   are literal braces, and any other `{...}` is an error (MLflow fails with a KeyError);
 * - undeclared `-P` parameters are appended as `--key value`, in the order given;
 * - `path` values must exist locally and become absolute; `uri` values keep their scheme, and
 *   local paths become absolute (as MLflow's documentation describes).
 *
 * Where we are stricter or safer than MLflow, on purpose:
 * - unknown keys inside an entry point, a parameter, `docker_env` or python_env.yaml are errors
 *   (a typo such as `paramters:` would otherwise turn every parameter into an undeclared one);
 *   unknown top-level keys are ignored, as MLflow does, so files made for other tools still load;
 * - a parameter type outside float/int/string/path/uri is an error (MLflow passes it through);
 * - float and int values (given or default) must parse; a relative `path`/`uri` *default* is
 *   resolved against the project directory (its author wrote it relative to the project), a given
 *   value against the caller's working directory (the user typed it from there);
 * - a value is quoted for the shell context its placeholder sits in (plain, inside '...' or
 *   inside "..."), so even a template such as `echo "{msg}"` cannot run `$(...)` from a value;
 *   placeholders where no quoting is reliable (after a backslash or `$`, inside backticks, `$(...)`,
 *   `${...}`, comments or here-documents) are rejected with a message saying how to write it;
 * - undeclared parameter names are quoted too (MLflow quotes only their values);
 * - the logged values are the raw final values, not MLflow's shell-quoted ones.
 */

import { existsSync, statSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument, visit } from 'yaml';
import { z } from 'zod';
import { ProjectError } from './errors.ts';

export type ParameterType = 'float' | 'int' | 'string' | 'path' | 'uri';
const PARAMETER_TYPES = ['float', 'int', 'string', 'path', 'uri'] as const satisfies readonly ParameterType[];

/** `default` is kept as written in the file (`0.10` stays `0.10`); absent means required. */
export interface ParameterSpec {
  name: string;
  type: ParameterType;
  default?: string;
}

/** How a script entry point (no MLproject declaration) is started. */
export interface ScriptEntry {
  runner: 'python' | 'bash' | 'node';
  /** Relative to the project directory, POSIX separators. */
  file: string;
}

export interface EntryPoint {
  name: string;
  parameters: ParameterSpec[];
  /** The MLproject command template; for a script entry point, a readable stand-in. */
  command: string;
  /** Set for script entry points: buildCommand starts the file itself (Node needs `nodePath`). */
  script?: ScriptEntry;
}

export type EnvSpec =
  | { kind: 'local' }
  | { kind: 'python_env'; file: string; python?: string; buildDependencies: string[]; dependencies: string[] }
  | { kind: 'docker_env'; image: string; volumes: string[]; environment: (string | [string, string])[] }
  | { kind: 'conda_env'; file: string };

export interface ProjectSpec {
  name: string | undefined;
  dir: string;
  entryPoints: Map<string, EntryPoint>;
  env: EnvSpec;
  hasMLproject: boolean;
}

export interface BuiltCommand {
  /** One command line for `sh -c`, run with the project directory as working directory. */
  command: string;
  /** Every declared parameter's final value, then the undeclared ones, as logged to the run. */
  params: Record<string, string>;
}

export interface BuildOptions {
  /** Absolute project directory: relative `path`/`uri` defaults are resolved against it. */
  projectDir: string;
  /** The Node that runs `.js`/`.ts` script entry points (`process.execPath`). */
  nodePath: string;
  /** Where relative `path`/`uri` values given with -P are resolved; `process.cwd()` by default. */
  cwd?: string;
}

const MLPROJECT_NAME = 'mlproject';
const DEFAULT_PYTHON_ENV = 'python_env.yaml';
const DEFAULT_CONDA_ENV = 'conda.yaml';

const SCRIPT_RUNNERS: Record<string, ScriptEntry['runner']> = {
  '.py': 'python',
  '.sh': 'bash',
  '.js': 'node',
  '.mjs': 'node',
  '.cjs': 'node',
  '.ts': 'node',
  '.mts': 'node',
  '.cts': 'node',
};

// ---------------------------------------------------------------------------------------------
// File format

/** A YAML scalar as text; numbers and booleans arrive as their source text (see readYaml). */
const Text = z
  .union([z.string(), z.number(), z.boolean()], { error: 'expected a single value (text or a number), not a list or mapping' })
  .transform((v) => String(v));

function strictMapping<T extends z.ZodRawShape>(shape: T, hint: string) {
  const allowed = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') {
        const keys = issue.keys.map((k) => `'${k}'`).join(', ');
        return `unknown key${issue.keys.length > 1 ? 's' : ''} ${keys} (allowed: ${allowed})`;
      }
      if (issue.code === 'invalid_type') return `expected a mapping; ${hint}`;
      return undefined;
    },
  });
}

const ParameterSchema = z.preprocess(
  (v) => (typeof v === 'string' ? { type: v } : v),
  strictMapping(
    {
      type: z
        .enum(PARAMETER_TYPES, {
          error: (issue) => `type must be one of ${PARAMETER_TYPES.join(', ')}, not ${JSON.stringify(issue.input)}`,
        })
        .optional(),
      default: Text.nullish(),
    },
    'write `lr: float` or `lr: {type: float, default: 0.1}`',
  ),
);

const EntryPointSchema = strictMapping(
  {
    parameters: z.record(z.string(), ParameterSchema).nullish(),
    command: z
      .string({ error: 'every entry point needs a `command`: the shell command to run, e.g. `python train.py --lr {lr}`' })
      .refine((c) => c.trim() !== '', 'the command is empty'),
  },
  'write `train: {command: "python train.py --lr {lr}", parameters: {lr: float}}`',
);

const DockerEnvSchema = strictMapping(
  {
    image: z
      .string({ error: 'docker_env needs an `image` (a name, tag or ID that `docker run` accepts)' })
      .refine((s) => s.trim() !== '', 'docker_env needs a non-empty `image`'),
    volumes: z.array(Text).nullish(),
    environment: z
      .array(
        z.union([Text, z.tuple([Text, Text])], {
          error: 'each entry is a variable name to copy from the host (`- HOME`) or a [name, value] pair (`- [MODE, test]`)',
        }),
      )
      .nullish(),
  },
  'write `docker_env: {image: my-image:latest}`',
);

const MLprojectSchema = z.looseObject(
  {
    name: Text.nullish(),
    entry_points: z.record(z.string(), EntryPointSchema, { error: 'expected a mapping from entry point names to {parameters, command}' }).nullish(),
    python_env: z.string({ error: 'expected the path of a python_env.yaml file, relative to the project' }).nullish(),
    conda_env: z.string({ error: 'expected the path of a conda environment file, relative to the project' }).nullish(),
    docker_env: DockerEnvSchema.nullish(),
  },
  { error: 'expected a mapping with `name`, `entry_points` and an environment' },
);

const PythonEnvSchema = strictMapping(
  {
    python: Text.nullish(),
    build_dependencies: z.array(Text).nullish(),
    dependencies: z.array(Text).nullish(),
  },
  'write `python: "3.12"` and `dependencies: [numpy]`',
);

/**
 * Parses YAML with every number and boolean kept as its source text, so `python: 3.10` stays
 * "3.10" and `default: 0.10` stays "0.10" instead of passing through a float.
 */
async function readYaml(file: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new ProjectError(`Cannot read ${what} ${file}: ${(err as Error).message}`, { cause: err });
  }
  const doc = parseDocument(text);
  const first = doc.errors[0];
  if (first) throw new ProjectError(`${what} ${file} is not valid YAML: ${first.message}`, { cause: first });
  visit(doc, {
    Scalar(_key, node) {
      if ((typeof node.value === 'number' || typeof node.value === 'boolean') && node.source !== undefined) node.value = node.source;
    },
  });
  return doc.toJS({ maxAliasCount: 100 });
}

function invalidFile(what: string, file: string, error: z.ZodError): ProjectError {
  const lines = error.issues.map((issue) => {
    const where = issue.path.map(String).join('.');
    return `  - ${where ? `${where}: ` : ''}${issue.message}`;
  });
  return new ProjectError(`${what} ${file} is invalid:\n${lines.join('\n')}`);
}

async function isFile(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}

async function findMLproject(dir: string): Promise<string | undefined> {
  const names = (await readdir(dir)).filter((n) => n.toLowerCase() === MLPROJECT_NAME);
  const files: string[] = [];
  for (const n of names) if (await isFile(path.join(dir, n))) files.push(n);
  if (files.length > 1) {
    throw new ProjectError(`${dir} holds ${files.join(' and ')}; MLflow reads only one MLproject file. Keep one of them.`);
  }
  return files[0] === undefined ? undefined : path.join(dir, files[0]);
}

async function loadPythonEnv(file: string): Promise<EnvSpec> {
  const parsed = PythonEnvSchema.safeParse((await readYaml(file, 'python_env file')) ?? {});
  if (!parsed.success) throw invalidFile('python_env file', file, parsed.error);
  const { python, build_dependencies, dependencies } = parsed.data;
  return {
    kind: 'python_env',
    file,
    ...(python != null && python !== '' ? { python } : {}),
    buildDependencies: build_dependencies ?? [],
    dependencies: dependencies ?? [],
  };
}

async function referencedFile(dir: string, mlproject: string, key: string, value: string): Promise<string> {
  const file = path.resolve(dir, value);
  if (!(await isFile(file))) {
    throw new ProjectError(`${mlproject} sets ${key}: ${value}, but ${file} does not exist. Add the file or fix the path (it is relative to the project directory).`);
  }
  return file;
}

/** Reads `dir` as an MLflow project; a directory without an MLproject file is a valid project. */
export async function loadProject(dir: string): Promise<ProjectSpec> {
  const absDir = path.resolve(dir);
  let dirStat;
  try {
    dirStat = await stat(absDir);
  } catch {
    throw new ProjectError(`Project directory ${absDir} does not exist. Pass an existing directory or a git URL.`);
  }
  if (!dirStat.isDirectory()) throw new ProjectError(`${absDir} is not a directory. Pass the project's directory, not a file in it.`);

  const mlproject = await findMLproject(absDir);
  let data: z.infer<typeof MLprojectSchema> = {};
  if (mlproject !== undefined) {
    const parsed = MLprojectSchema.safeParse((await readYaml(mlproject, 'MLproject')) ?? {});
    if (!parsed.success) throw invalidFile('MLproject', mlproject, parsed.error);
    data = parsed.data;
  }
  const where = mlproject ?? absDir;

  const entryPoints = new Map<string, EntryPoint>();
  const problems: string[] = [];
  for (const [name, ep] of Object.entries(data.entry_points ?? {})) {
    const parameters: ParameterSpec[] = [];
    for (const [pname, p] of Object.entries(ep.parameters ?? {})) {
      const type = p.type ?? 'string';
      const spec: ParameterSpec = { name: pname, type };
      if (p.default != null) {
        spec.default = p.default;
        const bad = numberProblem(type, p.default);
        if (bad) problems.push(`  - entry_points.${name}.parameters.${pname}.default: ${bad}`);
      }
      parameters.push(spec);
    }
    entryPoints.set(name, { name, parameters, command: ep.command });
  }
  if (problems.length > 0) throw new ProjectError(`MLproject ${where} is invalid:\n${problems.join('\n')}`);

  const envKeys = (['python_env', 'conda_env', 'docker_env'] as const).filter((k) => data[k] != null);
  if (envKeys.length > 1) {
    throw new ProjectError(`MLproject ${where} sets ${envKeys.join(' and ')}, but a project has at most one environment. Keep one of them.`);
  }

  let env: EnvSpec = { kind: 'local' };
  if (data.docker_env != null) {
    env = {
      kind: 'docker_env',
      image: data.docker_env.image,
      volumes: data.docker_env.volumes ?? [],
      environment: data.docker_env.environment ?? [],
    };
  } else if (data.python_env != null) {
    env = await loadPythonEnv(await referencedFile(absDir, where, 'python_env', data.python_env));
  } else if (data.conda_env != null) {
    env = { kind: 'conda_env', file: await referencedFile(absDir, where, 'conda_env', data.conda_env) };
  } else if (await isFile(path.join(absDir, DEFAULT_PYTHON_ENV))) {
    env = await loadPythonEnv(path.join(absDir, DEFAULT_PYTHON_ENV));
  } else if (await isFile(path.join(absDir, DEFAULT_CONDA_ENV))) {
    env = { kind: 'conda_env', file: path.join(absDir, DEFAULT_CONDA_ENV) };
  }

  return { name: data.name ?? undefined, dir: absDir, entryPoints, env, hasMLproject: mlproject !== undefined };
}

/** A declared entry point, else a script file in the project named by `name` (as MLflow allows). */
export function resolveEntryPoint(project: ProjectSpec, name: string): EntryPoint {
  const declared = project.entryPoints.get(name);
  if (declared) return declared;

  const ext = path.extname(name).toLowerCase();
  const runner = SCRIPT_RUNNERS[ext];
  const declaredNames = [...project.entryPoints.keys()];
  const known = project.hasMLproject
    ? `The MLproject declares ${declaredNames.length > 0 ? declaredNames.map((n) => `'${n}'`).join(', ') : 'no entry points'}`
    : `${project.dir} has no MLproject file`;
  const scripts = Object.keys(SCRIPT_RUNNERS).join(', ');
  if (runner === undefined) {
    throw new ProjectError(`Entry point '${name}' not found. ${known}, and '${name}' is not a script (${scripts}). Pass a declared entry point with -e, or a script file in the project.`);
  }
  const abs = path.resolve(project.dir, name);
  const rel = path.relative(project.dir, abs);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new ProjectError(`Entry point '${name}' points outside the project ${project.dir}. Name a script inside the project, relative to it.`);
  }
  if (!existsSync(abs) || !statSync(abs).isFile()) {
    throw new ProjectError(`Entry point '${name}' not found. ${known}, and there is no file ${abs}.`);
  }
  const file = rel.split(path.sep).join('/');
  return { name, parameters: [], command: `${runner} ${shellQuote(file)}`, script: { runner, file } };
}

// ---------------------------------------------------------------------------------------------
// Values

const FLOAT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const FLOAT_WORDS = /^[+-]?(?:inf|infinity|nan)$/i;
const INT = /^[+-]?\d+$/;
const URI_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

function numberProblem(type: ParameterType, value: string): string | undefined {
  if (type === 'float' && !FLOAT.test(value) && !FLOAT_WORDS.test(value)) return `must be a float such as 0.1 or 1e-3, not '${value}'`;
  if (type === 'int' && !INT.test(value)) return `must be an integer such as 10, not '${value}'`;
  return undefined;
}

/** A local path (plain or `file:` URI without a host), or undefined for any other URI. */
function localPath(value: string): string | undefined {
  if (!URI_SCHEME.test(value)) return value;
  if (!value.toLowerCase().startsWith('file:')) return undefined;
  try {
    const url = new URL(value);
    if (url.host !== '') return undefined;
    return fileURLToPath(url);
  } catch {
    return undefined;
  }
}

function finalValue(
  entry: EntryPoint,
  spec: ParameterSpec,
  value: string,
  fromDefault: boolean,
  options: BuildOptions,
): { value: string } | { problem: string } {
  const what = `Parameter '${spec.name}' of entry point '${entry.name}'${fromDefault ? ' (its default)' : ''}`;
  const bad = numberProblem(spec.type, value);
  if (bad) return { problem: `${what} ${bad}.` };
  if (spec.type !== 'path' && spec.type !== 'uri') return { value };
  if (value === '') return { problem: `${what} is a ${spec.type} and cannot be empty.` };
  const base = fromDefault ? options.projectDir : (options.cwd ?? process.cwd());
  const local = localPath(value);
  if (spec.type === 'uri') return { value: local === undefined ? value : path.resolve(base, local) };
  if (local === undefined) {
    return { problem: `${what} is a path and needs a local file or directory, but '${value}' is a remote URI. Download it first, or declare the parameter as type uri to pass it on unchanged.` };
  }
  const abs = path.resolve(base, local);
  if (!existsSync(abs)) {
    return { problem: `${what} is a path, but '${value}' does not exist (looked for ${abs}${fromDefault ? ', relative to the project' : ''}).` };
  }
  return { value: abs };
}

// ---------------------------------------------------------------------------------------------
// Shell quoting

// Characters with no meaning to a POSIX shell in any quoting context; `=` is left out so a value
// in command position can never become a variable assignment, `~` so it is never expanded.
const SHELL_SAFE = /^[A-Za-z0-9_@%+:,./-]+$/;

/** One POSIX shell word that the shell turns back into exactly `value`. */
export function shellQuote(value: string): string {
  if (SHELL_SAFE.test(value)) return value;
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

type PlaceholderContext = 'plain' | 'single' | 'double';

function quoteFor(context: PlaceholderContext, value: string): string {
  if (SHELL_SAFE.test(value)) return value;
  // Inside quotes the template's own quote is closed, the quoted value follows, and the quote is
  // reopened, so the value ends up as literal text at that spot of the same word.
  if (context === 'single') return value.includes("'") ? `'${shellQuote(value)}'` : value;
  if (context === 'double') return /[$`"\\!]/.test(value) ? `"${shellQuote(value)}"` : value;
  return shellQuote(value);
}

type FrameKind = 'top' | 'cmdsub' | 'backtick' | 'param' | 'ansi' | 'single' | 'double' | 'comment';
interface Frame {
  kind: FrameKind;
  parens: number;
}

/**
 * Tracks where in a POSIX shell command line a template is, one literal character at a time,
 * just well enough to know how a placeholder must be quoted, and whether it is safe to append
 * more words at the end.
 */
interface ShellScan {
  stack: Frame[];
  escaped: boolean;
  afterDollar: boolean;
  wordStart: boolean;
  word: string;
  heredoc: boolean;
  uncertain: boolean;
  lineEmpty: boolean;
  trailing: number;
  lineEmptyBeforeTrailing: boolean;
}

function newScan(): ShellScan {
  return {
    stack: [{ kind: 'top', parens: 0 }],
    escaped: false,
    afterDollar: false,
    wordStart: true,
    word: '',
    heredoc: false,
    uncertain: false,
    lineEmpty: true,
    trailing: 0,
    lineEmptyBeforeTrailing: true,
  };
}

const BLANK = /[ \t\n]/;
const WORD_BREAK = /[ \t\n;&|()<>]/;

function scanLiteral(s: ShellScan, text: string): void {
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    const next = text[i + 1];
    const frame = s.stack[s.stack.length - 1] as Frame;
    const atTop = s.stack.length === 1;
    const wasEscaped = s.escaped;
    s.escaped = false;
    s.afterDollar = false;

    if (atTop && !wasEscaped && BLANK.test(c)) {
      if (s.trailing === 0) s.lineEmptyBeforeTrailing = s.lineEmpty;
      s.trailing++;
      if (c === '\n') s.lineEmpty = true;
      s.wordStart = true;
      endWord(s);
      continue;
    }
    s.trailing = 0;
    if (wasEscaped) {
      s.lineEmpty = false;
      s.wordStart = false;
      continue;
    }

    switch (frame.kind) {
      case 'comment':
        if (c === '\n') {
          s.stack.pop();
          s.wordStart = true;
          if (s.stack.length === 1) s.lineEmpty = true;
        }
        continue;
      case 'single':
        if (c === "'") s.stack.pop();
        continue;
      case 'param':
        if (c === '}') s.stack.pop();
        continue;
      case 'ansi':
        if (c === '\\') s.escaped = true;
        else if (c === "'") s.stack.pop();
        continue;
      case 'backtick':
        if (c === '\\') s.escaped = true;
        else if (c === '`') s.stack.pop();
        continue;
      case 'double':
        if (c === '\\') s.escaped = true;
        else if (c === '"') s.stack.pop();
        else if (c === '`') s.stack.push({ kind: 'backtick', parens: 0 });
        else if (c === '$') i += dollar(s, next, true);
        continue;
      case 'top':
      case 'cmdsub':
        break;
    }

    // Unquoted text, at the top level or inside $(...).
    s.lineEmpty = false;
    if (WORD_BREAK.test(c)) {
      endWord(s);
    } else if (frame.kind === 'cmdsub') {
      s.word += c;
    }
    const wordStart = s.wordStart;
    s.wordStart = WORD_BREAK.test(c);
    if (c === '\\') s.escaped = true;
    else if (c === "'") s.stack.push({ kind: 'single', parens: 0 });
    else if (c === '"') s.stack.push({ kind: 'double', parens: 0 });
    else if (c === '`') s.stack.push({ kind: 'backtick', parens: 0 });
    else if (c === '$') i += dollar(s, next, false);
    else if (c === '#' && wordStart) s.stack.push({ kind: 'comment', parens: 0 });
    else if (c === '(') frame.parens++;
    else if (c === ')') {
      if (frame.parens > 0) frame.parens--;
      else if (frame.kind === 'cmdsub') s.stack.pop();
    } else if (c === '<' && next === '<') s.heredoc = true;
  }
}

// `case` patterns end in an unbalanced `)`, which would close a $(...) early in our count.
function endWord(s: ShellScan): void {
  if (s.word === 'case' && s.stack.some((f) => f.kind === 'cmdsub')) s.uncertain = true;
  s.word = '';
}

/** Handles a `$`; returns how many following characters it consumed. */
function dollar(s: ShellScan, next: string | undefined, inDoubleQuotes: boolean): number {
  if (next === '(') {
    s.stack.push({ kind: 'cmdsub', parens: 0 });
    s.wordStart = true;
    return 1;
  }
  if (next === '{') {
    s.stack.push({ kind: 'param', parens: 0 });
    return 1;
  }
  // bash's $'...' (backslash escapes, so a quote can be escaped) and $"..." (like "...").
  if (!inDoubleQuotes && next === "'") {
    s.stack.push({ kind: 'ansi', parens: 0 });
    return 1;
  }
  if (!inDoubleQuotes && next === '"') {
    s.stack.push({ kind: 'double', parens: 0 });
    return 1;
  }
  s.afterDollar = true;
  return 0;
}

const CONTEXT_NAMES: Record<FrameKind, string> = {
  top: '',
  single: '',
  double: '',
  cmdsub: '$(...)',
  backtick: 'backticks',
  param: '${...}',
  ansi: "$'...'",
  comment: 'a comment',
};

/** Where a placeholder sits, or why it cannot be quoted reliably there. */
function placeholderContext(s: ShellScan): { context: PlaceholderContext } | { problem: string } {
  if (s.escaped) return { problem: 'directly after a backslash' };
  if (s.afterDollar) return { problem: "directly after '$'" };
  if (s.heredoc) return { problem: 'after a here-document (<<)' };
  if (s.uncertain) return { problem: 'after a case statement inside $(...)' };
  const nested = s.stack.slice(1).find((f) => f.kind !== 'single' && f.kind !== 'double');
  if (nested) return { problem: `inside ${CONTEXT_NAMES[nested.kind]}` };
  const frame = s.stack[s.stack.length - 1] as Frame;
  return { context: frame.kind === 'single' ? 'single' : frame.kind === 'double' ? 'double' : 'plain' };
}

type Part = string | { name: string; context: PlaceholderContext };

interface Template {
  parts: Part[];
  /** Why undeclared parameters cannot be appended, or undefined when they can. */
  noAppend: string | undefined;
  /** Insignificant whitespace at the end (a YAML block's newline) to drop before appending. */
  trailing: number;
}

function compileTemplate(entry: EntryPoint): Template {
  const command = entry.command;
  const declared = new Set(entry.parameters.map((p) => p.name));
  const declaredList = entry.parameters.length > 0 ? entry.parameters.map((p) => p.name).join(', ') : 'none';
  const fail = (what: string) =>
    new ProjectError(`The command of entry point '${entry.name}' ${what}. Commands are MLflow templates: {name} is a declared parameter, and {{ and }} are literal braces.`);
  const s = newScan();
  const parts: Part[] = [];
  let literal = '';
  const flush = () => {
    if (literal === '') return;
    scanLiteral(s, literal);
    parts.push(literal);
    literal = '';
  };
  for (let i = 0; i < command.length; i++) {
    const c = command[i] as string;
    if (c === '{') {
      if (command[i + 1] === '{') {
        literal += '{';
        i++;
        continue;
      }
      const close = command.indexOf('}', i + 1);
      const reopen = command.indexOf('{', i + 1);
      if (close < 0 || (reopen >= 0 && reopen < close)) throw fail(`has an unmatched '{' at position ${i}`);
      const name = command.slice(i + 1, close);
      if (!declared.has(name)) throw fail(`uses {${name}}, which is not a declared parameter (declared: ${declaredList}); declare it under parameters`);
      flush();
      const where = placeholderContext(s);
      if ('problem' in where) {
        throw fail(`has {${name}} ${where.problem}, where a value cannot be quoted safely; put it in a plain word (e.g. --${name} {${name}}) or inside '...' or "..."`);
      }
      parts.push({ name, context: where.context });
      s.trailing = 0;
      s.lineEmpty = false;
      s.wordStart = false;
      i = close;
      continue;
    }
    if (c === '}') {
      if (command[i + 1] === '}') {
        literal += '}';
        i++;
        continue;
      }
      throw fail(`has an unmatched '}' at position ${i}`);
    }
    literal += c;
  }
  flush();

  const frame = s.stack[s.stack.length - 1] as Frame;
  let noAppend: string | undefined;
  if (s.heredoc) noAppend = 'it contains a here-document (<<)';
  else if (s.uncertain) noAppend = 'it contains a case statement inside $(...)';
  else if (s.escaped) noAppend = 'it ends with a backslash';
  else if (frame.kind === 'comment') noAppend = 'it ends in a comment';
  else if (s.stack.length > 1) noAppend = `it ends inside ${frame.kind === 'single' ? "'...'" : frame.kind === 'double' ? '"..."' : CONTEXT_NAMES[frame.kind]}`;
  else if (s.trailing > 0 ? s.lineEmptyBeforeTrailing : s.lineEmpty) noAppend = 'its last line is empty or a comment';
  return { parts, noAppend, trailing: s.trailing };
}

/**
 * The command line for `entry` with `given` values (typed, defaults filled in, placeholders
 * substituted and quoted, undeclared parameters appended), and the parameters to log.
 */
export function buildCommand(entry: EntryPoint, given: Record<string, string>, options: BuildOptions): BuiltCommand {
  const problems: string[] = [];
  const declared = new Set(entry.parameters.map((p) => p.name));

  const missing = entry.parameters.filter((p) => !Object.hasOwn(given, p.name) && p.default === undefined).map((p) => p.name);
  if (missing.length > 0) {
    const plural = missing.length > 1;
    problems.push(
      `Missing required parameter${plural ? 's' : ''} for entry point '${entry.name}': ${missing.join(', ')}. ` +
        `Pass ${plural ? 'them' : 'it'} with ${missing.map((n) => `-P ${n}=<value>`).join(' ')}.`,
    );
  }

  const values = new Map<string, string>();
  for (const spec of entry.parameters) {
    const fromDefault = !Object.hasOwn(given, spec.name);
    const raw = fromDefault ? spec.default : given[spec.name];
    if (raw === undefined) continue;
    const result = finalValue(entry, spec, raw, fromDefault, options);
    if ('problem' in result) problems.push(result.problem);
    else values.set(spec.name, result.value);
  }

  const extras = Object.entries(given).filter(([key]) => !declared.has(key));
  for (const [key] of extras) if (key === '') problems.push('A -P parameter has an empty name. Write -P name=value.');
  for (const [key, value] of Object.entries(given)) {
    if (key.includes('\0') || value.includes('\0')) problems.push(`Parameter '${key.replaceAll('\0', '\\0')}' contains a NUL character, which no program can receive as an argument.`);
  }
  if (problems.length > 0) throw new ProjectError(problems.join('\n'));

  let command: string;
  let template: Template | undefined;
  if (entry.script) {
    const { runner, file } = entry.script;
    const program = runner === 'node' ? `'${options.nodePath.replaceAll("'", `'\\''`)}'` : runner;
    command = `${program} ${shellQuote(file)}`;
  } else {
    template = compileTemplate(entry);
    command = template.parts.map((p) => (typeof p === 'string' ? p : quoteFor(p.context, values.get(p.name) as string))).join('');
  }

  if (extras.length > 0) {
    if (template) {
      if (template.noAppend !== undefined) {
        const names = extras.map(([k]) => k).join(', ');
        throw new ProjectError(
          `Cannot append the undeclared parameters ${names} to the command of entry point '${entry.name}': ${template.noAppend}. Declare them under the entry point's parameters and use {name} in the command.`,
        );
      }
      command = command.slice(0, command.length - template.trailing);
    }
    for (const [key, value] of extras) command += ` ${shellQuote(`--${key}`)} ${shellQuote(value)}`;
  }

  const params = Object.fromEntries([...entry.parameters.map((p) => [p.name, values.get(p.name) as string] as const), ...extras]);
  return { command, params };
}
