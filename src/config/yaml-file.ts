/**
 * What every YAML config file of ours shares (the gateway's `gateway-config.yaml`, the evaluation
 * suite `eval.yaml`): parsing as PyYAML-compatible YAML, zod validation whose messages say what to
 * write instead, and errors that name the file, the line and the YAML path of each problem.
 *
 * Messages never quote the offending line or value: config files hold keys, and a key pasted into
 * the wrong field must not end up in a CI log.
 */
import { LineCounter, isMap, isNode, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import { z } from 'zod';

/** One step of a YAML path: a mapping key or a list index. */
export type PathPart = string | number;

export interface ConfigProblem {
  /** YAML path such as `endpoints[2].model.config.openai_api_key`; empty for the whole file. */
  path: string;
  /** 1-based line, when the path exists in the file. */
  line?: number;
  message: string;
}

export interface ConfigFileErrorOptions extends ErrorOptions {
  /** Names the source in messages when there is no file (text parsed directly); default "config". */
  label?: string;
}

/**
 * A config file that cannot be used; one `file:line: path: message` line per problem. `path` and
 * `line` are those of the first problem. Each kind of file has its own subclass.
 */
export class ConfigFileError extends Error {
  readonly file: string | undefined;
  readonly path: string;
  readonly line: number | undefined;
  readonly problems: readonly ConfigProblem[];
  constructor(file: string | undefined, problems: ConfigProblem | readonly ConfigProblem[], options?: ConfigFileErrorOptions) {
    const list: readonly ConfigProblem[] = Array.isArray(problems) ? problems : [problems as ConfigProblem];
    const where = file ?? options?.label ?? 'config';
    // Only a cause that was given: `{ cause: undefined }` would still create the property.
    super(
      list.map((p) => `${where}${p.line ? `:${p.line}` : ''}: ${p.path ? `${p.path}: ` : ''}${p.message}`).join('\n'),
      options && 'cause' in options ? { cause: options.cause } : undefined,
    );
    this.name = 'ConfigFileError';
    this.file = file;
    this.path = list[0]?.path ?? '';
    this.line = list[0]?.line;
    this.problems = list;
  }
}

/** `endpoints[2].model.config`, `thresholds["exact_match/mean"]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(String(part))) out += out === '' ? String(part) : `.${String(part)}`;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out;
}

/** What a value is, in YAML words, for "must be X, not Y" (never the value itself). */
export function kindOf(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'boolean') return 'true/false';
  return `a ${typeof value}`;
}

const EXPECTED: Record<string, string> = {
  object: 'a mapping (key: value pairs)',
  array: 'a list',
  int: 'a whole number',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
};

/** Zod's default messages rewritten to say what to write instead, never quoting the input. */
export const errorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `is missing; add it (${EXPECTED[issue.expected] ?? issue.expected})`;
      return `must be ${EXPECTED[issue.expected] ?? issue.expected}, not ${kindOf(issue.input)}`;
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'array') return issue.minimum === 1 ? 'must not be empty' : `must list at least ${min} entries`;
      if (issue.origin === 'string') return issue.minimum === 1 ? 'must not be empty' : `must be at least ${min} characters long`;
      return `must be ${issue.inclusive ? 'at least' : 'greater than'} ${min}`;
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'array') return `must list at most ${max} entries`;
      if (issue.origin === 'string') return `must be at most ${max} characters long`;
      return `must be ${issue.inclusive ? 'at most' : 'less than'} ${max}`;
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0])}`
        : `must be one of: ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'invalid_format':
      return `must be a valid ${issue.format}`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    default:
      return undefined;
  }
};

/**
 * The likeliest meant candidate: within two edits (of a word at least twice as long), a prefix,
 * or the same `_`-separated words with one left out or added (`anthropic_key`).
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  const wordParts = w.split(/[_-]/).filter(Boolean);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const lc = c.toLowerCase();
    const d = editDistance(w, lc);
    const near = d <= 2 && d * 2 <= Math.min(w.length, lc.length);
    const prefix = w.length >= 4 && (lc.startsWith(w) || w.startsWith(lc));
    const parts = lc.split(/[_-]/).filter(Boolean);
    const [fewer, more] = wordParts.length < parts.length ? [wordParts, parts] : [parts, wordParts];
    const sameWords = fewer.length >= 2 && more.length - fewer.length === 1 && fewer.every((p) => more.includes(p));
    if ((near || prefix || sameWords) && d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

/** ` Did you mean "x"?` (leading space included), or an empty string. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const c = closest(word, candidates);
  return c ? ` Did you mean "${c}"?` : '';
}

/** The keys a strict object schema allows at `path`, for messages; undefined when unknowable. */
function allowedKeysAt(schema: unknown, path: readonly PropertyKey[]): string[] | undefined {
  let s = unwrapSchema(schema);
  for (const part of path) {
    if (s instanceof z.ZodObject && typeof part === 'string') s = unwrapSchema(s.shape[part]);
    else if (s instanceof z.ZodArray && typeof part === 'number') s = unwrapSchema(s.element);
    else if (s instanceof z.ZodRecord) s = unwrapSchema(s.valueType);
    else return undefined;
  }
  return s instanceof z.ZodObject ? Object.keys(s.shape) : undefined;
}

function unwrapSchema(schema: unknown): unknown {
  let s = schema;
  for (let depth = 0; depth < 10; depth++) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault) s = s.unwrap();
    else if (s instanceof z.ZodPipe) s = s.in instanceof z.ZodTransform ? s.out : s.in;
    else if (s instanceof z.ZodUnion) s = (s.options as unknown[]).find((o) => unwrapSchema(o) instanceof z.ZodObject) ?? s.options[0];
    else return s;
  }
  return s;
}

interface ZodLikeIssue {
  code?: string;
  path?: readonly PropertyKey[];
  message?: string;
  keys?: readonly string[];
  errors?: readonly (readonly ZodLikeIssue[])[];
}

/**
 * The one union branch whose type the value had (its problems lie inside the value), so that
 * `cache: {max_entries: 5}` says ttl_seconds is missing rather than "must be true or a mapping".
 */
function matchedBranch(issue: ZodLikeIssue): readonly ZodLikeIssue[] | undefined {
  const typeMismatch = (i: ZodLikeIssue): boolean => (i.path ?? []).length === 0 && (i.code === 'invalid_type' || i.code === 'invalid_value' || i.code === 'invalid_union');
  const matched = (issue.errors ?? []).filter((branch) => branch.length > 0 && !branch.some(typeMismatch));
  return matched.length === 1 ? matched[0] : undefined;
}

/** A problem located by its path in the file, before the line is looked up. */
export interface PathProblem {
  path: PathPart[];
  message: string;
}

/**
 * Problems from a safeParse failure of `schema`, whose input sits at `prefix` in the file.
 * Unknown keys come first: a misspelt key also makes the real one "missing", and the typo is the
 * thing to fix. `schema` serves only to list the keys allowed where an unknown key is.
 */
export function zodProblems(issues: readonly ZodLikeIssue[], prefix: readonly PathPart[], schema: unknown): PathProblem[] {
  const unknownKeys: PathProblem[] = [];
  const out: PathProblem[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...(issue.path ?? []).map((p) => (typeof p === 'number' ? p : String(p)))];
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      const allowed = allowedKeysAt(schema, issue.path ?? []);
      for (const key of issue.keys) {
        const hint = allowed ? `${didYouMean(key, allowed)} Valid keys here: ${allowed.join(', ')}.` : ' Remove it.';
        unknownKeys.push({ path: [...path, key], message: `unknown key "${key}".${hint}` });
      }
    } else if (issue.code === 'invalid_union' && matchedBranch(issue)) {
      const base = (issue.path ?? []).map((p) => (typeof p === 'number' ? p : String(p)));
      const inner = matchedBranch(issue)!.map((i) => ({ ...i, path: [...base, ...(i.path ?? [])] }));
      out.push(...zodProblems(inner, prefix, schema));
    } else {
      out.push({ path, message: issue.message ?? 'is invalid' });
    }
  }
  return [...unknownKeys, ...out];
}

export interface YamlConfigFileOptions {
  /** The file name used in messages; undefined for text that came from elsewhere. */
  file?: string;
  /** Builds the error to throw (the file kind's ConfigFileError subclass). */
  error: (file: string | undefined, problems: ConfigProblem[], options?: ErrorOptions) => ConfigFileError;
  /** Applied to every message before it is thrown, e.g. to mask secrets a message might echo. */
  redact?: (message: string) => string;
}

/**
 * One config file's text on its way to a validated value: parsing, line lookup for any YAML
 * path, and throwing the file kind's error for problems found at those paths.
 */
export class YamlConfigFile {
  readonly file: string | undefined;
  readonly #text: string;
  readonly #lines = new LineCounter();
  readonly #makeError: YamlConfigFileOptions['error'];
  readonly #redact: (message: string) => string;
  #doc: Document | undefined;

  constructor(text: string, options: YamlConfigFileOptions) {
    this.#text = text;
    this.file = options.file;
    this.#makeError = options.error;
    this.#redact = options.redact ?? ((message) => message);
  }

  /**
   * The document as plain data (null or undefined for an empty file; callers say what belongs
   * there). Throws for a syntax error or an alias bomb.
   */
  parse(): unknown {
    // YAML 1.2 core schema (so `2024-02-01` stays a string), plus `<<` merge keys, which
    // PyYAML (and so MLflow) supports and shared-config files use.
    const doc = parseDocument(this.#text, { lineCounter: this.#lines, prettyErrors: false, merge: true });
    const error = doc.errors[0];
    if (error) {
      const { line, col } = this.#lines.linePos(error.pos[0]);
      // The message alone: the yaml package's pretty form quotes the line, which may hold a key.
      this.fail([], `invalid YAML (column ${col}): ${error.message.split('\n')[0]}. Fix the syntax there.`, line);
    }
    this.#doc = doc;
    try {
      return doc.toJS();
    } catch (err) {
      // An alias bomb: the yaml package refuses to expand too many aliases.
      return this.fail([], `cannot expand the file's anchors and aliases: ${(err as Error).message}. Use fewer aliases.`, undefined, err);
    }
  }

  /** 1-based line of the nearest entry on `path` that exists in the file (a key's own line). */
  lineOf(path: readonly PathPart[]): number | undefined {
    if (!this.#doc) return undefined;
    for (let n = path.length; n > 0; n--) {
      const parent: unknown = n === 1 ? this.#doc.contents : this.#doc.getIn(path.slice(0, n - 1), true);
      const last = path[n - 1];
      let node: unknown;
      if (isMap(parent)) node = parent.items.find((pair) => isScalar(pair.key) && pair.key.value === last)?.key;
      else if (isSeq(parent) && typeof last === 'number') node = parent.items[last];
      if (isNode(node) && node.range) return this.#lines.linePos(node.range[0]).line;
    }
    const root = this.#doc.contents;
    return isNode(root) && root.range ? this.#lines.linePos(root.range[0]).line : undefined;
  }

  problem(path: readonly PathPart[], message: string, line?: number): ConfigProblem {
    return { path: formatPath(path), line: line ?? this.lineOf(path), message: this.#redact(message) };
  }

  fail(path: readonly PathPart[], message: string, line?: number, cause?: unknown): never {
    throw this.#makeError(this.file, [this.problem(path, message, line)], cause === undefined ? undefined : { cause });
  }

  failMany(problems: readonly PathProblem[]): never {
    throw this.#makeError(this.file, problems.map((p) => this.problem(p.path, p.message)));
  }

  /**
   * `value` (found at `prefix` in the file) validated by `schema`; every problem is thrown at once.
   * `keysSchema` lists the allowed keys for unknown-key messages when `schema` alone does not
   * (options validated apart from the keys next to them).
   */
  validate<S extends z.ZodType>(schema: S, value: unknown, prefix: readonly PathPart[] = [], keysSchema: unknown = schema): z.output<S> {
    const result = schema.safeParse(value, { error: errorMap });
    if (!result.success) this.failMany(zodProblems(result.error.issues, prefix, keysSchema));
    return result.data;
  }
}
