/**
 * Compiles the trace search AST (parser target 'traces') to SQLite, following MLflow's
 * SqlAlchemyStore.search_traces:
 *
 * - attributes are columns of trace_info; `end_time_ms` is request_time + execution duration
 *   (0 when the trace has none yet);
 * - tags, metadata, spans and run links reference a trace by its integer trace_key (schema
 *   migration 2); tags and metadata match through uncorrelated IN subqueries on their
 *   (key, value) indexes, so a trace without the key never matches, not even `!=`; `IS NULL`
 *   means "has no such key";
 * - every `span.*` clause of one filter applies to the same span (MLflow combines them into one
 *   subquery), so `span.name = 'a' AND span.status = 'ERROR'` needs a span that is both;
 * - `run_id = '<id>'` (metadata `mlflow.sourceRun`) also matches traces linked to that run;
 * - RLIKE is an unanchored regular-expression search through the connection's REGEXP function.
 *
 * A statement is assembled as
 *   SELECT trace_info.* FROM trace_info ${order.joins} WHERE ${filter.where.join(' AND ')} ORDER BY ${order.orderBy}
 * binding order.params first, then filter.params.
 */
import { MlflowError } from '../../mlflow/errors.ts';
import type { Clause, OrderByTerm } from '../search/ast.ts';
import {
  attributeColumn,
  type AttributeColumns,
  nullsLast,
  numericPredicate,
  rejectDuplicates,
  stringPredicate,
  type CompiledFilter,
  type CompiledOrderBy,
  type SqlParam,
} from './search-sql.ts';

/** The metadata key MLflow keeps a trace's source run in. */
export const SOURCE_RUN_METADATA = 'mlflow.sourceRun';

/** The tag MLflow keeps a trace's artifact location in; left out of the tags (key, value) index, whose schema names it too. */
export const ARTIFACT_LOCATION_TAG = 'mlflow.artifactLocation';

/** Longest RLIKE pattern accepted; longer ones are almost certainly a mistake and cost time per row. */
export const MAX_REGEX_PATTERN_LENGTH = 1000;

const invalid = (message: string): MlflowError => new MlflowError('INVALID_PARAMETER_VALUE', message);

const TRACE_COLUMNS: AttributeColumns = {
  request_id: { column: 'trace_info.trace_id', numeric: false },
  experiment_id: { column: 'trace_info.experiment_id', numeric: true },
  timestamp_ms: { column: 'trace_info.request_time', numeric: true },
  execution_time_ms: { column: 'trace_info.execution_duration_ms', numeric: true },
  end_time_ms: { column: '(trace_info.request_time + COALESCE(trace_info.execution_duration_ms, 0))', numeric: true },
  status: { column: 'trace_info.state', numeric: false },
  client_request_id: { column: 'trace_info.client_request_id', numeric: false },
};

const SPAN_COLUMNS: Readonly<Record<string, string>> = { name: 'name', type: 'span_type', status: 'status' };

const traceColumn = (key: string): { column: string; numeric: boolean } => attributeColumn(TRACE_COLUMNS, key, 'traces');

/** Length of the quantifier at `i` (`*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`), or 0. */
function quantifierAt(pattern: string, i: number): number {
  const c = pattern[i];
  if (c === '*' || c === '+' || c === '?') return 1;
  if (c === '{') return /^\{\d+(?:,\d*)?\}/.exec(pattern.slice(i))?.[0].length ?? 0;
  return 0;
}

/**
 * Rejects an RLIKE pattern that does not compile, is over-long, or has the shapes that make a
 * backtracking engine take exponential time: a repeated group that itself holds a repetition
 * (`(a+)+`, `(\w+\s)*`) and backreferences. What is left runs in time polynomial in the value's
 * length. Patterns follow JavaScript's syntax, which agrees with Python's `re` for the common cases.
 */
export function checkRegexPattern(pattern: string): void {
  if (pattern.length > MAX_REGEX_PATTERN_LENGTH) {
    throw invalid(`The RLIKE pattern is ${pattern.length} characters long; at most ${MAX_REGEX_PATTERN_LENGTH} are allowed.`);
  }
  try {
    new RegExp(pattern);
  } catch (err) {
    throw invalid(`Invalid RLIKE pattern '${pattern}': ${(err as Error).message}`);
  }
  // Per open group (index 0 is the whole pattern): does it hold a repetition?
  const repeats: boolean[] = [false];
  // Whether the atom just before the current position is a group holding a repetition.
  let afterRepeatingGroup = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    const prevRepeatingGroup = afterRepeatingGroup;
    afterRepeatingGroup = false;
    if (c === '\\') {
      const n = pattern[i + 1] ?? '';
      if (/[1-9]/.test(n) || n === 'k') {
        throw invalid(`The RLIKE pattern '${pattern}' uses a backreference ('\\${n}' at position ${i}); backreferences are not supported.`);
      }
      i++;
      continue;
    }
    if (c === '[') {
      for (i++; i < pattern.length && pattern[i] !== ']'; i++) if (pattern[i] === '\\') i++;
      continue;
    }
    if (c === '(') {
      repeats.push(false);
      // Skip a group's prefix: (?: (?= (?! (?<= (?<! (?<name>
      if (pattern[i + 1] === '?') {
        const named = /^\(\?(?:[:=!]|<[=!]|<[^>]*>)/.exec(pattern.slice(i));
        if (named) i += named[0].length - 1;
      }
      continue;
    }
    if (c === ')') {
      const inner = repeats.length > 1 ? repeats.pop()! : false;
      if (inner) repeats[repeats.length - 1] = true;
      afterRepeatingGroup = inner;
      continue;
    }
    const q = quantifierAt(pattern, i);
    if (q > 0) {
      if (c !== '?') {
        if (prevRepeatingGroup) {
          throw invalid(
            `The RLIKE pattern '${pattern}' repeats a group that itself repeats (at position ${i}); such patterns can take exponential time. Simplify it, e.g. 'a+' instead of '(a+)+'.`,
          );
        }
        repeats[repeats.length - 1] = true;
      }
      i += q - 1;
      // A lazy quantifier's '?' belongs to it.
      if (pattern[i + 1] === '?') i++;
    }
  }
}

function regexPredicate(column: string, clause: Clause, params: SqlParam[]): string {
  if (typeof clause.value !== 'string') throw invalid(`RLIKE needs a quoted pattern for '${clause.key}'`);
  checkRegexPattern(clause.value);
  params.push(clause.value);
  return `${column} REGEXP ?`;
}

function stringOrRegex(column: string, clause: Clause, params: SqlParam[]): string {
  return clause.comparator === 'RLIKE' ? regexPredicate(column, clause, params) : stringPredicate(column, clause, params);
}

/**
 * A tag or metadata clause as an uncorrelated IN subquery over the table's (key, value) index,
 * evaluated once rather than per trace. The tags index is partial (schema migration 2): it
 * leaves out `mlflow.artifactLocation`, whose value embeds the random trace id, and SQLite uses
 * a partial index only when the query repeats the index's WHERE term, hence the extra term.
 * A filter on that one tag scans the tags table instead.
 */
function keyValueOrRegex(table: 'trace_tags' | 'trace_metadata', clause: Clause, params: SqlParam[]): string {
  params.push(clause.key);
  const partial = table === 'trace_tags' && clause.key !== ARTIFACT_LOCATION_TAG ? ` AND kv.key <> '${ARTIFACT_LOCATION_TAG}'` : '';
  const base = `SELECT kv.trace_key FROM ${table} kv WHERE kv.key = ?${partial}`;
  switch (clause.comparator) {
    case 'IS NULL':
      return `trace_info.trace_key NOT IN (${base})`;
    case 'IS NOT NULL':
      return `trace_info.trace_key IN (${base})`;
    case 'RLIKE':
      return `trace_info.trace_key IN (${base} AND ${regexPredicate('kv.value', clause, params)})`;
    default:
      return `trace_info.trace_key IN (${base} AND ${stringPredicate('kv.value', clause, params)})`;
  }
}

export interface TraceFilterOptions {
  /**
   * When set, `span.*` clauses become predicates on this spans-table alias instead of an EXISTS
   * over the trace's spans: trace metrics over spans filter the spans themselves.
   */
  spanAlias?: string;
}

export function compileTraceFilter(clauses: Clause[], options: TraceFilterOptions = {}): CompiledFilter {
  const where: string[] = [];
  const params: SqlParam[] = [];
  const spanConditions: string[] = [];
  const spanParams: SqlParam[] = [];
  const spanAlias = options.spanAlias ?? 's';
  for (const clause of clauses) {
    switch (clause.entity) {
      case 'attribute': {
        const { column, numeric } = traceColumn(clause.key);
        where.push(numeric ? numericPredicate(column, clause, params) : stringOrRegex(column, clause, params));
        break;
      }
      case 'tag':
        where.push(keyValueOrRegex('trace_tags', clause, params));
        break;
      case 'metadata':
        if (clause.key === SOURCE_RUN_METADATA && clause.comparator === '=' && typeof clause.value === 'string') {
          params.push(SOURCE_RUN_METADATA, clause.value, clause.value);
          where.push(
            '(trace_info.trace_key IN (SELECT kv.trace_key FROM trace_metadata kv WHERE kv.key = ? AND kv.value = ?)' +
              ' OR trace_info.trace_key IN (SELECT l.trace_key FROM trace_run_links l WHERE l.run_uuid = ?))',
          );
        } else {
          where.push(keyValueOrRegex('trace_metadata', clause, params));
        }
        break;
      case 'span': {
        const column = Object.hasOwn(SPAN_COLUMNS, clause.key) ? SPAN_COLUMNS[clause.key] : undefined;
        if (!column) throw invalid(`Invalid span attribute '${clause.key}'. Supported attributes: name, status, type`);
        spanConditions.push(stringOrRegex(`${spanAlias}.${column}`, clause, spanParams));
        break;
      }
      default:
        throw invalid(`Cannot search traces by ${clause.entity} '${clause.key}'`);
    }
  }
  if (spanConditions.length > 0) {
    if (options.spanAlias) {
      where.push(...spanConditions);
    } else {
      where.push(`trace_info.trace_key IN (SELECT s.trace_key FROM spans s WHERE ${spanConditions.join(' AND ')})`);
    }
    params.push(...spanParams);
  }
  return { where, params };
}

/** MLflow's default and tie-breakers: newest first, then trace id ascending. */
export function compileTraceOrderBy(terms: OrderByTerm[]): CompiledOrderBy {
  rejectDuplicates(terms);
  const joins: string[] = [];
  const order: string[] = [];
  const params: SqlParam[] = [];
  terms.forEach((t, i) => {
    const alias = `ob${i}`;
    switch (t.entity) {
      case 'attribute':
        order.push(...nullsLast(traceColumn(t.key).column, t));
        break;
      case 'tag':
      case 'metadata':
        joins.push(`LEFT JOIN ${t.entity === 'tag' ? 'trace_tags' : 'trace_metadata'} ${alias} ON ${alias}.trace_key = trace_info.trace_key AND ${alias}.key = ?`);
        params.push(t.key);
        order.push(...nullsLast(`${alias}.value`, t));
        break;
      default:
        throw invalid(`Traces cannot be ordered by ${t.entity} '${t.key}'`);
    }
  });
  const has = (key: string): boolean => terms.some((t) => t.entity === 'attribute' && t.key === key);
  if (!has('timestamp_ms')) order.push('trace_info.request_time DESC');
  if (!has('request_id')) order.push('trace_info.trace_id ASC');
  return { joins: joins.join(' '), orderBy: order.join(', '), params };
}
