/**
 * MLflow's search filter and order_by grammar (wire reference §3, mlflow/utils/search_utils.py),
 * as a tokenizer plus a recursive-descent parser producing the AST in ast.ts.
 *
 * MLflow itself tokenises with sqlparse and then inspects the token tree; this parser accepts
 * the same language but reports every error against the exact token that caused it, so a user
 * sees `'>>>' at position 12` instead of a dump of the whole statement.
 *
 * Grammar (keywords are case-insensitive, entity prefixes and attribute names are not, as in MLflow):
 *
 *   filter     := clause (AND clause)* EOF
 *   clause     := identifier comparator value
 *   comparator := '=' | '!=' | '>' | '>=' | '<' | '<=' | LIKE | ILIKE | RLIKE | IN | NOT IN | IS NULL | IS NOT NULL
 *   value      := number | 'string' | "string" | '(' string (',' string)* ')'
 *   identifier := [prefix '.'] key   where key is bare (dots allowed) or quoted with ` or "
 *   order_by   := identifier [ASC | DESC]
 *
 * RLIKE (a regular expression, unanchored) is accepted for traces only, as in MLflow.
 */
import { MlflowError } from '../../mlflow/errors.ts';
import type { Clause, Comparator, OrderByTerm, SearchEntity, SearchTarget } from './ast.ts';

// ------------------------------------------------------------------------------------ tokens

type TokenKind = 'ident' | 'keyword' | 'string' | 'number' | 'op' | 'lparen' | 'rparen' | 'comma' | 'eof';

interface Segment {
  text: string;
  quote: '' | '`' | '"';
}

interface Token {
  kind: TokenKind;
  /** The exact source text, used verbatim in error messages. */
  raw: string;
  start: number;
  /** ident: the dot-separated parts. */
  segments?: Segment[];
  /** keyword: upper-cased; string: the unquoted value. */
  text?: string;
  /** string: which quote delimited it. */
  quote?: "'" | '"';
  num?: number;
}

const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'IN', 'IS', 'NULL', 'LIKE', 'ILIKE', 'RLIKE', 'ASC', 'DESC']);

const WORD_START = /[\p{L}_]/u;
const WORD_CHAR = /[\p{L}\p{N}_]/u;
// A key segment after a dot may also hold the other characters MLflow allows in keys
// (`/`, `-`, `:`), so `metrics.train/loss` needs no quoting.
const KEY_CHAR = /[\p{L}\p{N}_\-/:]/u;
const OP_CHAR = /[<>=!]/;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;

/** The syntax-error channel: caught by the parse entry points and turned into MlflowError. */
class SyntaxFault extends Error {
  readonly position: number;
  constructor(message: string, position: number) {
    super(message);
    this.position = position;
  }
}

function quoteToken(raw: string): string {
  return raw.length >= 2 && raw.startsWith("'") && raw.endsWith("'") ? raw : `'${raw}'`;
}

function readQuoted(src: string, start: number): { text: string; end: number } {
  const q = src[start]!;
  let text = '';
  let i = start + 1;
  while (i < src.length) {
    const c = src[i]!;
    if (c === q) {
      // SQL escapes a quote by doubling it.
      if (src[i + 1] === q) {
        text += q;
        i += 2;
        continue;
      }
      return { text, end: i + 1 };
    }
    if (c === '\\' && src[i + 1] === q) {
      text += q;
      i += 2;
      continue;
    }
    text += c;
    i++;
  }
  throw new SyntaxFault(`unterminated quoted string ${src.slice(start)} starting at position ${start}`, start);
}

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: c === '(' ? 'lparen' : c === ')' ? 'rparen' : 'comma', raw: c, start });
      i++;
      continue;
    }
    if (OP_CHAR.test(c)) {
      // Take the whole run of operator characters so `>>>` is reported as one bad comparator.
      while (i < src.length && OP_CHAR.test(src[i]!)) i++;
      tokens.push({ kind: 'op', raw: src.slice(start, i), start });
      continue;
    }
    const num = NUMBER.exec(src.slice(i));
    if (num && (/\d/.test(c) || ((c === '-' || c === '+' || c === '.') && num[0].length > 1))) {
      i += num[0].length;
      if (i < src.length && WORD_CHAR.test(src[i]!)) {
        while (i < src.length && KEY_CHAR.test(src[i]!)) i++;
        throw new SyntaxFault(`unexpected token '${src.slice(start, i)}' at position ${start}: not a number, a quoted string or an identifier`, start);
      }
      tokens.push({ kind: 'number', raw: num[0], start, num: Number(num[0]) });
      continue;
    }
    if (c === "'") {
      const { text, end } = readQuoted(src, i);
      i = end;
      tokens.push({ kind: 'string', raw: src.slice(start, end), start, text, quote: "'" });
      continue;
    }
    if (c === '"' || c === '`' || WORD_START.test(c)) {
      const segments: Segment[] = [];
      for (;;) {
        const s = src[i];
        if (s === '"' || s === '`') {
          const { text, end } = readQuoted(src, i);
          segments.push({ text, quote: s });
          i = end;
        } else {
          const charOk = segments.length === 0 ? WORD_CHAR : KEY_CHAR;
          const segStart = i;
          while (i < src.length && charOk.test(src[i]!)) i++;
          if (i === segStart) {
            throw new SyntaxFault(
              `identifier '${src.slice(start, i)}' at position ${start} ends with '.' but no key follows; quote keys with special characters, e.g. metrics.\`my metric\``,
              start,
            );
          }
          segments.push({ text: src.slice(segStart, i), quote: '' });
        }
        if (src[i] === '.' && i + 1 < src.length && !/\s/.test(src[i + 1]!)) {
          i++;
          continue;
        }
        if (src[i] === '.') {
          throw new SyntaxFault(`identifier '${src.slice(start, i + 1)}' at position ${start} ends with '.' but no key follows`, start);
        }
        break;
      }
      const raw = src.slice(start, i);
      const only = segments.length === 1 ? segments[0]! : undefined;
      if (only && only.quote === '' && KEYWORDS.has(only.text.toUpperCase())) {
        tokens.push({ kind: 'keyword', raw, start, text: only.text.toUpperCase() });
      } else if (only && only.quote === '"') {
        // A lone "..." is a string value or a quoted attribute name; the parser decides by position.
        tokens.push({ kind: 'string', raw, start, text: only.text, quote: '"', segments });
      } else {
        tokens.push({ kind: 'ident', raw, start, segments });
      }
      continue;
    }
    throw new SyntaxFault(`unexpected character '${c}' at position ${start}`, start);
  }
  tokens.push({ kind: 'eof', raw: '', start: src.length });
  return tokens;
}

// ------------------------------------------------------------------------------------ grammar tables

const METRIC_COMPARATORS: readonly Comparator[] = ['=', '!=', '>', '>=', '<', '<='];
const NUMERIC_COMPARATORS = METRIC_COMPARATORS;
const KEY_VALUE_COMPARATORS: readonly Comparator[] = ['=', '!=', 'LIKE', 'ILIKE', 'IS NULL', 'IS NOT NULL'];
const STRING_ATTRIBUTE_COMPARATORS: readonly Comparator[] = ['=', '!=', 'LIKE', 'ILIKE', 'IN', 'NOT IN'];
const EXPERIMENT_STRING_COMPARATORS: readonly Comparator[] = ['=', '!=', 'LIKE', 'ILIKE'];
const DATASET_COMPARATORS: readonly Comparator[] = ['=', '!=', 'LIKE', 'ILIKE', 'IN', 'NOT IN'];

type AttributeKind = 'string' | 'numeric';

interface AttributeSpec {
  /** Canonical key → kind. */
  keys: Readonly<Record<string, AttributeKind>>;
  /** Alternate spellings → canonical key. */
  aliases: Readonly<Record<string, string>>;
  /** Canonical keys that accept IN / NOT IN lists. */
  listKeys: ReadonlySet<string>;
  stringComparators: readonly Comparator[];
}

interface TargetGrammar {
  name: string;
  prefixes: Readonly<Record<string, SearchEntity>>;
  filterAttributes: AttributeSpec;
  orderAttributes: AttributeSpec;
  /** Entities order_by accepts besides attributes. */
  orderEntities: ReadonlySet<SearchEntity>;
  /** Comparators for tags (and trace metadata); KEY_VALUE_COMPARATORS unless set. */
  keyValueComparators?: readonly Comparator[];
  /** Attributes MLflow stores as a tag or metadata entry: the clause is rewritten to that entity and key. */
  rewrites?: Readonly<Record<string, { entity: SearchEntity; key: string }>>;
  /** Keys `span.<key>` accepts. */
  spanKeys?: readonly string[];
}

const RUN_ATTRIBUTES: Record<string, AttributeKind> = {
  run_id: 'string',
  run_name: 'string',
  user_id: 'string',
  status: 'string',
  artifact_uri: 'string',
  start_time: 'numeric',
  end_time: 'numeric',
};

const RUN_GRAMMAR: TargetGrammar = {
  name: 'runs',
  prefixes: {
    metric: 'metric',
    metrics: 'metric',
    param: 'param',
    params: 'param',
    parameter: 'param',
    parameters: 'param',
    tag: 'tag',
    tags: 'tag',
    attribute: 'attribute',
    attributes: 'attribute',
    attr: 'attribute',
    run: 'attribute',
    dataset: 'dataset',
    datasets: 'dataset',
  },
  filterAttributes: {
    keys: RUN_ATTRIBUTES,
    aliases: { created: 'start_time', Created: 'start_time', 'run name': 'run_name', 'Run name': 'run_name', 'Run Name': 'run_name' },
    listKeys: new Set(['run_id']),
    stringComparators: STRING_ATTRIBUTE_COMPARATORS,
  },
  orderAttributes: {
    keys: RUN_ATTRIBUTES,
    // MLflow orders by `created` but not by the `run name` spelling.
    aliases: { created: 'start_time', Created: 'start_time' },
    listKeys: new Set(),
    stringComparators: STRING_ATTRIBUTE_COMPARATORS,
  },
  orderEntities: new Set<SearchEntity>(['metric', 'param', 'tag']),
};

const EXPERIMENT_GRAMMAR: TargetGrammar = {
  name: 'experiments',
  // SearchExperimentsUtils accepts only these three prefixes.
  prefixes: { attribute: 'attribute', tag: 'tag', tags: 'tag' },
  filterAttributes: {
    keys: { name: 'string', creation_time: 'numeric', last_update_time: 'numeric' },
    aliases: {},
    listKeys: new Set(),
    stringComparators: EXPERIMENT_STRING_COMPARATORS,
  },
  orderAttributes: {
    keys: { name: 'string', experiment_id: 'numeric', creation_time: 'numeric', last_update_time: 'numeric' },
    aliases: {},
    listKeys: new Set(),
    stringComparators: EXPERIMENT_STRING_COMPARATORS,
  },
  orderEntities: new Set(),
};

const LOGGED_MODEL_ATTRIBUTES: AttributeSpec = {
  keys: {
    name: 'string',
    model_id: 'string',
    model_type: 'string',
    status: 'string',
    source_run_id: 'string',
    creation_timestamp_ms: 'numeric',
    last_updated_timestamp_ms: 'numeric',
  },
  aliases: {
    creation_time: 'creation_timestamp_ms',
    creation_timestamp: 'creation_timestamp_ms',
    last_updated_time: 'last_updated_timestamp_ms',
    last_updated_timestamp: 'last_updated_timestamp_ms',
  },
  // SearchLoggedModelsUtils lets every string attribute take a list.
  listKeys: new Set(['name', 'model_id', 'model_type', 'status', 'source_run_id']),
  stringComparators: STRING_ATTRIBUTE_COMPARATORS,
};

const LOGGED_MODEL_GRAMMAR: TargetGrammar = {
  name: 'logged models',
  prefixes: {
    metric: 'metric',
    metrics: 'metric',
    param: 'param',
    params: 'param',
    parameter: 'param',
    parameters: 'param',
    tag: 'tag',
    tags: 'tag',
    attribute: 'attribute',
    attributes: 'attribute',
    attr: 'attribute',
  },
  filterAttributes: LOGGED_MODEL_ATTRIBUTES,
  orderAttributes: LOGGED_MODEL_ATTRIBUTES,
  orderEntities: new Set<SearchEntity>(['metric']),
};

// SearchTraceUtils (MLflow 3.11): trace attributes, tags, metadata and span columns.
const TRACE_STRING_COMPARATORS: readonly Comparator[] = ['=', '!=', 'LIKE', 'ILIKE', 'RLIKE', 'IN', 'NOT IN'];
const TRACE_ATTRIBUTE_KEYS: Record<string, AttributeKind> = {
  request_id: 'string',
  timestamp_ms: 'numeric',
  execution_time_ms: 'numeric',
  end_time_ms: 'numeric',
  status: 'string',
  client_request_id: 'string',
  name: 'string',
  run_id: 'string',
};
const TRACE_ATTRIBUTE_ALIASES: Record<string, string> = {
  trace_id: 'request_id',
  timestamp: 'timestamp_ms',
  execution_time: 'execution_time_ms',
  end_time: 'end_time_ms',
  state: 'status',
};

const TRACE_GRAMMAR: TargetGrammar = {
  name: 'traces',
  prefixes: {
    tag: 'tag',
    tags: 'tag',
    metadata: 'metadata',
    request_metadata: 'metadata',
    attribute: 'attribute',
    attributes: 'attribute',
    trace: 'attribute',
    span: 'span',
  },
  filterAttributes: {
    keys: TRACE_ATTRIBUTE_KEYS,
    aliases: TRACE_ATTRIBUTE_ALIASES,
    listKeys: new Set(['name', 'status', 'request_id', 'run_id', 'client_request_id']),
    stringComparators: TRACE_STRING_COMPARATORS,
  },
  orderAttributes: {
    keys: { ...TRACE_ATTRIBUTE_KEYS, experiment_id: 'numeric' },
    aliases: TRACE_ATTRIBUTE_ALIASES,
    listKeys: new Set(),
    stringComparators: TRACE_STRING_COMPARATORS,
  },
  orderEntities: new Set<SearchEntity>(['tag', 'metadata']),
  keyValueComparators: ['=', '!=', 'LIKE', 'ILIKE', 'RLIKE', 'IS NULL', 'IS NOT NULL'],
  rewrites: {
    name: { entity: 'tag', key: 'mlflow.traceName' },
    run_id: { entity: 'metadata', key: 'mlflow.sourceRun' },
  },
  spanKeys: ['name', 'type', 'status'],
};

const GRAMMARS: Record<SearchTarget, TargetGrammar> = {
  runs: RUN_GRAMMAR,
  experiments: EXPERIMENT_GRAMMAR,
  logged_models: LOGGED_MODEL_GRAMMAR,
  traces: TRACE_GRAMMAR,
};

const DATASET_KEYS = ['name', 'digest', 'context'];

/** MLflow's own word for each entity in value errors ("Expected a quoted string value for parameter"). */
const ENTITY_WORD: Record<SearchEntity, string> = {
  metric: 'metric',
  param: 'parameter',
  tag: 'tag',
  attribute: 'attribute',
  dataset: 'dataset',
  metadata: 'metadata',
  span: 'span',
};

const listOf = (xs: readonly string[]): string => xs.join(', ');

// ------------------------------------------------------------------------------------ parser

interface ResolvedIdentifier {
  entity: SearchEntity;
  key: string;
  /** For attributes: string or numeric. */
  kind?: AttributeKind;
}

class Cursor {
  readonly tokens: Token[];
  pos = 0;
  constructor(tokens: Token[]) {
    this.tokens = tokens;
  }
  peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)]!;
  }
  next(): Token {
    const t = this.peek();
    if (this.pos < this.tokens.length - 1) this.pos++;
    return t;
  }
  isKeyword(word: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'keyword' && t.text === word;
  }
}

function describe(t: Token): string {
  return t.kind === 'eof' ? 'end of input' : `'${t.raw}' at position ${t.start}`;
}

function keyOf(t: Token): { prefix?: Segment; key: string } {
  const segs = t.segments ?? [];
  if (segs.length === 1) return { key: segs[0]!.text };
  const [prefix, ...rest] = segs as [Segment, ...Segment[]];
  if (rest.length === 1) return { prefix, key: rest[0]!.text };
  if (rest.every((s) => s.quote === '')) return { prefix, key: rest.map((s) => s.text).join('.') };
  throw new SyntaxFault(
    `Invalid identifier '${t.raw}' at position ${t.start}: quote the whole key, e.g. ${prefix.text}.\`${rest.map((s) => s.text).join('.')}\``,
    t.start,
  );
}

function resolveIdentifier(t: Token, grammar: TargetGrammar, forOrderBy: boolean): ResolvedIdentifier {
  const { prefix, key } = keyOf(t);
  if (key === '') throw new SyntaxFault(`Invalid identifier '${t.raw}' at position ${t.start}: the key is empty`, t.start);
  let entity: SearchEntity = 'attribute';
  if (prefix) {
    const found = Object.hasOwn(grammar.prefixes, prefix.text) ? grammar.prefixes[prefix.text] : undefined;
    if (!found) {
      throw new SyntaxFault(
        `Invalid entity type '${prefix.text}' in '${t.raw}' at position ${t.start}. Valid entity types for ${grammar.name} are ${listOf(Object.keys(grammar.prefixes))}`,
        t.start,
      );
    }
    entity = found;
  }
  if (entity === 'attribute') {
    const spec = forOrderBy ? grammar.orderAttributes : grammar.filterAttributes;
    const canonical = Object.hasOwn(spec.aliases, key) ? spec.aliases[key]! : key;
    const kind = Object.hasOwn(spec.keys, canonical) ? spec.keys[canonical] : undefined;
    if (!kind) {
      const valid = [...Object.keys(spec.keys), ...Object.keys(spec.aliases)];
      throw new SyntaxFault(
        `Invalid attribute key '${key}' specified in '${t.raw}' at position ${t.start}. Valid keys are ${listOf(valid)}`,
        t.start,
      );
    }
    return { entity, key: canonical, kind };
  }
  if (entity === 'span' && !(grammar.spanKeys ?? []).includes(key)) {
    throw new SyntaxFault(
      `Invalid span attribute '${key}' specified in '${t.raw}' at position ${t.start}. Valid keys are ${listOf(grammar.spanKeys ?? [])}`,
      t.start,
    );
  }
  if (entity === 'dataset' && !DATASET_KEYS.includes(key)) {
    throw new SyntaxFault(
      `Invalid dataset key '${key}' specified in '${t.raw}' at position ${t.start}. Valid keys are ${listOf(DATASET_KEYS)}`,
      t.start,
    );
  }
  return { entity, key };
}

/** An identifier token, or a lone double-quoted name (`"run name" = 'x'`), as MLflow accepts both. */
function takeIdentifier(c: Cursor, grammar: TargetGrammar, forOrderBy: boolean): { token: Token; id: ResolvedIdentifier } {
  const t = c.peek();
  if (t.kind === 'ident' || (t.kind === 'string' && t.quote === '"')) {
    c.next();
    return { token: t, id: resolveIdentifier(t, grammar, forOrderBy) };
  }
  if (t.kind === 'lparen') {
    throw new SyntaxFault(
      `Invalid clause(s) in filter string: '(' at position ${t.start}. Parentheses for grouping are not supported; join clauses with AND`,
      t.start,
    );
  }
  if (t.kind === 'eof') throw new SyntaxFault(`unexpected end of input; expected an identifier such as metrics.<key>, params.<key> or tags.<key>`, t.start);
  throw new SyntaxFault(
    `Invalid clause(s) in filter string: unexpected token ${describe(t)}; expected an identifier such as metrics.<key>, params.<key> or tags.<key>`,
    t.start,
  );
}

function takeComparator(c: Cursor, ident: Token): { comparator: Comparator; token: Token; raw: string } {
  const t = c.next();
  if (t.kind === 'op') {
    const op = t.raw as Comparator;
    if (!(NUMERIC_COMPARATORS as readonly string[]).includes(op)) {
      throw new SyntaxFault(
        `Invalid comparator '${t.raw}' at position ${t.start}; expected one of ${listOf([...NUMERIC_COMPARATORS, 'LIKE', 'ILIKE', 'IN', 'NOT IN', 'IS NULL', 'IS NOT NULL'])}`,
        t.start,
      );
    }
    return { comparator: op, token: t, raw: t.raw };
  }
  if (t.kind === 'keyword') {
    switch (t.text) {
      case 'LIKE':
      case 'ILIKE':
      case 'RLIKE':
      case 'IN':
        return { comparator: t.text, token: t, raw: t.raw };
      case 'NOT': {
        const n = c.next();
        if (n.kind === 'keyword' && n.text === 'IN') return { comparator: 'NOT IN', token: t, raw: `${t.raw} ${n.raw}` };
        throw new SyntaxFault(
          `Invalid comparator 'NOT ${n.raw}' at position ${t.start}; NOT is only supported as NOT IN or IS NOT NULL`,
          t.start,
        );
      }
      case 'IS': {
        const n = c.next();
        if (n.kind === 'keyword' && n.text === 'NULL') return { comparator: 'IS NULL', token: t, raw: `${t.raw} ${n.raw}` };
        if (n.kind === 'keyword' && n.text === 'NOT') {
          const m = c.next();
          if (m.kind === 'keyword' && m.text === 'NULL') return { comparator: 'IS NOT NULL', token: t, raw: `${t.raw} ${n.raw} ${m.raw}` };
          throw new SyntaxFault(`Invalid comparator 'IS NOT ${m.raw}' at position ${t.start}; expected IS NOT NULL`, t.start);
        }
        throw new SyntaxFault(`Invalid comparator 'IS ${n.raw}' at position ${t.start}; expected IS NULL or IS NOT NULL`, t.start);
      }
    }
  }
  if (t.kind === 'eof') {
    throw new SyntaxFault(`unexpected end of input after '${ident.raw}'; expected a comparator (=, !=, >, >=, <, <=, LIKE, ILIKE, IN, NOT IN, IS NULL)`, t.start);
  }
  throw new SyntaxFault(
    `Invalid comparator ${describe(t)} after '${ident.raw}'; expected one of =, !=, >, >=, <, <=, LIKE, ILIKE, IN, NOT IN, IS NULL, IS NOT NULL`,
    t.start,
  );
}

type RawValue = { kind: 'scalar'; token: Token } | { kind: 'list'; items: Token[]; raw: string; start: number };

function takeValue(c: Cursor, src: string, after: string): RawValue {
  const t = c.next();
  if (t.kind === 'lparen') {
    const items: Token[] = [];
    if (c.peek().kind !== 'rparen') {
      for (;;) {
        const item = c.next();
        if (item.kind === 'eof') throw new SyntaxFault(`unterminated list starting at position ${t.start}: missing ')'`, t.start);
        if (item.kind === 'lparen' || item.kind === 'rparen' || item.kind === 'comma') {
          throw new SyntaxFault(`unexpected token ${describe(item)} in list starting at position ${t.start}; expected a quoted string`, item.start);
        }
        items.push(item);
        const sep = c.next();
        if (sep.kind === 'rparen') break;
        if (sep.kind !== 'comma') {
          throw new SyntaxFault(
            sep.kind === 'eof'
              ? `unterminated list starting at position ${t.start}: missing ')'`
              : `unexpected token ${describe(sep)} in list starting at position ${t.start}; expected ',' or ')'`,
            sep.start,
          );
        }
      }
    } else {
      c.next();
    }
    const close = c.tokens[c.pos - 1]!;
    return { kind: 'list', items, raw: src.slice(t.start, close.start + 1), start: t.start };
  }
  if (t.kind === 'eof') throw new SyntaxFault(`unexpected end of input after '${after}'; expected a value`, t.start);
  if (t.kind === 'rparen' || t.kind === 'comma') throw new SyntaxFault(`unexpected token ${describe(t)} after '${after}'; expected a value`, t.start);
  return { kind: 'scalar', token: t };
}

function rawOf(v: RawValue): string {
  return v.kind === 'list' ? v.raw : v.token.raw;
}

function startOf(v: RawValue): number {
  return v.kind === 'list' ? v.start : v.token.start;
}

function expectNumber(v: RawValue, what: string): number {
  if (v.kind === 'scalar' && v.token.kind === 'number' && Number.isFinite(v.token.num)) return v.token.num!;
  throw new SyntaxFault(`Expected numeric value type for ${what}. Found ${quoteToken(rawOf(v))} at position ${startOf(v)}`, startOf(v));
}

function expectString(v: RawValue, entity: SearchEntity): string {
  if (v.kind === 'scalar' && v.token.kind === 'string') return v.token.text!;
  const at = ` at position ${startOf(v)}`;
  if (v.kind === 'scalar' && (v.token.kind === 'ident' || (v.token.kind === 'keyword' && v.token.text !== 'NULL'))) {
    throw new SyntaxFault(
      `Parameter value is either not quoted or unidentified quote types used for string value ${quoteToken(v.token.raw)}${at}. Use either single or double quotes.`,
      startOf(v),
    );
  }
  const hint = v.kind === 'scalar' && v.token.kind === 'keyword' ? ' (to match a missing key use IS NULL)' : '';
  throw new SyntaxFault(
    `Expected a quoted string value for ${ENTITY_WORD[entity]} (e.g. 'my-value'). Got value ${rawOf(v)}${at}${hint}`,
    startOf(v),
  );
}

function expectStringList(v: RawValue, comparator: Comparator): string[] {
  if (v.kind !== 'list') {
    throw new SyntaxFault(
      `Expected a parenthesized list of quoted strings after ${comparator}, e.g. ('a', 'b'). Got value ${quoteToken(v.token.raw)} at position ${v.token.start}`,
      v.token.start,
    );
  }
  if (v.items.length === 0) {
    throw new SyntaxFault(`While parsing a list in the query, expected a non-empty list of string values, but got empty list '${v.raw}' at position ${v.start}`, v.start);
  }
  const bad = v.items.find((t) => t.kind !== 'string');
  if (bad) {
    throw new SyntaxFault(
      `While parsing a list in the query, expected string value, punctuation, or whitespace, but got different type in list: ${v.raw} (item ${quoteToken(bad.raw)} at position ${bad.start})`,
      bad.start,
    );
  }
  return v.items.map((t) => t.text!);
}

function unsupportedComparator(comparator: Comparator, raw: string, token: Token, allowed: readonly Comparator[], subject: string): SyntaxFault {
  return new SyntaxFault(`Invalid comparator '${raw}' not one of '${listOf(allowed)}' for ${subject} (at position ${token.start})`, token.start);
}

function parseClause(c: Cursor, src: string, grammar: TargetGrammar): Clause {
  const { token: identTok, id } = takeIdentifier(c, grammar, false);
  const { comparator, token: cmpTok, raw: cmpRaw } = takeComparator(c, identTok);
  const subject = `'${identTok.raw}'`;
  const rewrite = id.entity === 'attribute' && grammar.rewrites && Object.hasOwn(grammar.rewrites, id.key) ? grammar.rewrites[id.key] : undefined;
  const clause = (value: Clause['value']): Clause => ({ entity: rewrite?.entity ?? id.entity, key: rewrite?.key ?? id.key, comparator, value });
  const keyValueComparators = grammar.keyValueComparators ?? KEY_VALUE_COMPARATORS;

  if (comparator === 'IS NULL' || comparator === 'IS NOT NULL') {
    if (id.entity !== 'param' && id.entity !== 'tag' && id.entity !== 'metadata') {
      const allowed =
        id.entity === 'metric' || id.kind === 'numeric'
          ? METRIC_COMPARATORS
          : id.entity === 'dataset'
            ? DATASET_COMPARATORS
            : id.entity === 'span'
              ? TRACE_STRING_COMPARATORS
              : grammar.filterAttributes.stringComparators;
      throw unsupportedComparator(comparator, cmpRaw, cmpTok, allowed, subject);
    }
    return clause(null);
  }

  const value = takeValue(c, src, `${identTok.raw} ${cmpRaw}`);
  const isList = comparator === 'IN' || comparator === 'NOT IN';

  switch (id.entity) {
    case 'metric':
      if (!METRIC_COMPARATORS.includes(comparator)) throw unsupportedComparator(comparator, cmpRaw, cmpTok, METRIC_COMPARATORS, `metric ${subject}`);
      return clause(expectNumber(value, 'metric'));
    case 'param':
    case 'tag':
    case 'metadata': {
      const allowed = id.entity === 'param' ? KEY_VALUE_COMPARATORS : keyValueComparators;
      if (isList) {
        // MLflow rejects the list value before it looks at the comparator (transcript: params.lr IN (...)).
        throw new SyntaxFault(
          `Expected a quoted string value for ${ENTITY_WORD[id.entity]} (e.g. 'my-value'). Got value ${rawOf(value)} at position ${startOf(value)}; ` +
            `comparator '${cmpRaw}' is not supported for ${id.entity === 'param' ? 'params' : id.entity === 'tag' ? 'tags' : 'metadata'} (allowed: ${listOf(allowed)})`,
          startOf(value),
        );
      }
      if (!allowed.includes(comparator)) throw unsupportedComparator(comparator, cmpRaw, cmpTok, allowed, `${ENTITY_WORD[id.entity]} ${subject}`);
      return clause(expectString(value, id.entity));
    }
    case 'span':
      if (!TRACE_STRING_COMPARATORS.includes(comparator)) throw unsupportedComparator(comparator, cmpRaw, cmpTok, TRACE_STRING_COMPARATORS, `span ${subject}`);
      if (isList) return clause(expectStringList(value, comparator));
      return clause(expectString(value, 'span'));
    case 'dataset':
      if (!DATASET_COMPARATORS.includes(comparator)) throw unsupportedComparator(comparator, cmpRaw, cmpTok, DATASET_COMPARATORS, `dataset ${subject}`);
      return clause(isList ? expectStringList(value, comparator) : expectString(value, 'dataset'));
    case 'attribute': {
      if (id.kind === 'numeric') {
        if (!NUMERIC_COMPARATORS.includes(comparator)) throw unsupportedComparator(comparator, cmpRaw, cmpTok, NUMERIC_COMPARATORS, `numeric attribute ${subject}`);
        return clause(expectNumber(value, `numeric attribute: ${id.key}`));
      }
      const allowed = grammar.filterAttributes.stringComparators;
      if (!allowed.includes(comparator)) throw unsupportedComparator(comparator, cmpRaw, cmpTok, allowed, `attribute ${subject}`);
      if (isList || value.kind === 'list') {
        if (!grammar.filterAttributes.listKeys.has(id.key)) {
          throw new SyntaxFault(
            `Only the ${listOf([...grammar.filterAttributes.listKeys].map((k) => `'${k}'`))} attribute${grammar.filterAttributes.listKeys.size === 1 ? '' : 's'} support${grammar.filterAttributes.listKeys.size === 1 ? 's' : ''} comparison with a list of quoted string values; got ${subject} ${cmpRaw} ${rawOf(value)} at position ${cmpTok.start}`,
            cmpTok.start,
          );
        }
        if (!isList) {
          throw new SyntaxFault(`A list value needs IN or NOT IN; got ${subject} ${cmpRaw} ${rawOf(value)} at position ${cmpTok.start}`, cmpTok.start);
        }
        return clause(expectStringList(value, comparator));
      }
      return clause(expectString(value, 'attribute'));
    }
  }
}

function fault(kind: 'filter' | 'order_by clause', src: string, err: unknown): never {
  if (err instanceof SyntaxFault) throw new MlflowError('INVALID_PARAMETER_VALUE', `Invalid ${kind} '${src}': ${err.message}`);
  throw err;
}

/**
 * Parses a search filter. Empty or blank input means "no filter". Every syntax or semantic error
 * is an INVALID_PARAMETER_VALUE whose message quotes the offending token and its position.
 */
export function parseFilter(filter: string | undefined, target: SearchTarget): Clause[] {
  if (filter === undefined || filter.trim() === '') return [];
  const grammar = GRAMMARS[target];
  try {
    const c = new Cursor(tokenize(filter));
    const clauses: Clause[] = [parseClause(c, filter, grammar)];
    for (;;) {
      const t = c.peek();
      if (t.kind === 'eof') return clauses;
      if (t.kind === 'keyword' && t.text === 'AND') {
        c.next();
        if (c.peek().kind === 'eof') throw new SyntaxFault(`unexpected end of input after '${t.raw}' at position ${t.start}; expected another clause`, t.start);
        clauses.push(parseClause(c, filter, grammar));
        continue;
      }
      if (t.kind === 'keyword' && t.text === 'OR') {
        throw new SyntaxFault(`Invalid clause(s) in filter string: '${t.raw}' at position ${t.start}. Only AND is supported to combine clauses; OR is not`, t.start);
      }
      throw new SyntaxFault(`Invalid clause(s) in filter string: unexpected token ${describe(t)}; expected AND or the end of the filter`, t.start);
    }
  } catch (err) {
    fault('filter', filter, err);
  }
}

/**
 * Parses one order_by entry, `"<entity>.<key> [ASC|DESC]"`. Logged models take `metrics.<key>`
 * or a bare attribute; experiments only attributes.
 */
export function parseOrderBy(orderBy: string, target: SearchTarget): OrderByTerm {
  const grammar = GRAMMARS[target];
  try {
    const c = new Cursor(tokenize(orderBy));
    if (c.peek().kind === 'eof') throw new SyntaxFault('Could not be parsed: it is empty; expected "<entity>.<key> [ASC|DESC]"', 0);
    const first = c.peek();
    if (target === 'logged_models' && first.kind === 'ident' && (first.segments?.length ?? 0) > 1 && first.segments![0]!.text !== 'metrics') {
      throw new SyntaxFault(`Invalid order by field name: '${first.segments![0]!.text}' in '${first.raw}', only \`metrics.<name>\` is allowed.`, first.start);
    }
    const { token, id } = takeIdentifier(c, grammar, true);
    if (id.entity !== 'attribute' && !grammar.orderEntities.has(id.entity)) {
      throw new SyntaxFault(`Invalid order_by entity '${id.entity}' in '${token.raw}' at position ${token.start}; ${grammar.name} can be ordered by ${listOf(['attribute', ...grammar.orderEntities])}`, token.start);
    }
    let ascending = true;
    const dir = c.next();
    if (dir.kind === 'keyword' && (dir.text === 'ASC' || dir.text === 'DESC')) {
      ascending = dir.text === 'ASC';
      const extra = c.next();
      if (extra.kind !== 'eof') throw new SyntaxFault(`Could not be parsed: unexpected token ${describe(extra)} after '${dir.raw}'`, extra.start);
    } else if (dir.kind !== 'eof') {
      throw new SyntaxFault(`Invalid ordering key ${describe(dir)}; expected ASC or DESC`, dir.start);
    }
    const rewrite = id.entity === 'attribute' && grammar.rewrites && Object.hasOwn(grammar.rewrites, id.key) ? grammar.rewrites[id.key] : undefined;
    return { entity: rewrite?.entity ?? id.entity, key: rewrite?.key ?? id.key, ascending };
  } catch (err) {
    fault('order_by clause', orderBy, err);
  }
}

/**
 * A logged-model order_by entry as the REST API sends it (`{field_name, ascending}`). The field
 * name is taken literally, as SearchLoggedModelsUtils does: `metrics.<key>` (the key may hold
 * spaces or dots, no quoting needed) or an attribute name.
 */
export function parseLoggedModelOrderBy(orderBy: { field_name: string; ascending?: boolean }): OrderByTerm {
  const field = orderBy.field_name;
  const ascending = orderBy.ascending ?? true;
  const fail = (why: string): never => {
    throw new MlflowError('INVALID_PARAMETER_VALUE', `Invalid order by field name '${field}': ${why}`);
  };
  const dot = field.indexOf('.');
  if (dot >= 0) {
    const entity = field.slice(0, dot);
    const key = field.slice(dot + 1);
    if (entity !== 'metrics') fail(`'${entity}' is not orderable, only \`metrics.<name>\` is allowed.`);
    if (key === '') fail('the metric key is empty.');
    return { entity: 'metric', key, ascending };
  }
  const name = field.trim();
  const spec = LOGGED_MODEL_ATTRIBUTES;
  const key = Object.hasOwn(spec.aliases, name) ? spec.aliases[name]! : name;
  if (!Object.hasOwn(spec.keys, key)) fail(`valid fields are metrics.<name>, ${listOf([...Object.keys(spec.keys), ...Object.keys(spec.aliases)])}.`);
  return { entity: 'attribute', key, ascending };
}
