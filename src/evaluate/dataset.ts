/**
 * Datasets: a JSONL, CSV or JSON file, or rows written inline in the suite, turned into EvalRows
 * (column mapping applied, `limit` taken) plus the description MLflow's `log-inputs` records.
 *
 * The digest identifies the data, not the file: it is computed over the mapped rows (column
 * names, values and order), so the same rows as JSONL, CSV or JSON give the same digest and a
 * changed value changes it. MLflow hashes a pandas DataFrame with md5 and keeps 8 hex characters;
 * we cannot reproduce pandas' hashing, so ours is the first 8 hex characters of the SHA-256 of the
 * rows' canonical JSON (object keys sorted, `{"expected": …, "inputs": {…}}` per row). CSV values
 * stay strings, so `1` in a CSV and `1` in JSON are different data, and different digests.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, extname, isAbsolute, relative, resolve } from 'node:path';
import { parse as parseCsv, CsvError } from 'csv-parse/sync';
import { ConfigFileError, didYouMean } from '../config/yaml-file.ts';
import type { ConfigProblem } from '../config/yaml-file.ts';
import { MLFLOW_LIMITS } from '../mlflow/limits.ts';
import type { Dataset } from '../store/contract.ts';
import { missingColumnMessage, rowVariable } from './prompt.ts';
import type { EvalRow } from './types.ts';

export const DATASET_FORMATS = ['jsonl', 'csv', 'json'] as const;
export type DatasetFormat = (typeof DATASET_FORMATS)[number];

const FORMAT_BY_EXTENSION: Readonly<Record<string, DatasetFormat>> = { '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.csv': 'csv', '.json': 'json' };

/** The format a file name implies (`.jsonl`/`.ndjson`, `.csv`, `.json`), if any. */
export function formatFromPath(path: string): DatasetFormat | undefined {
  return FORMAT_BY_EXTENSION[extname(path).toLowerCase()];
}

/** The name under which the expected answer is mapped (`columns: { expected: answer }`). */
export const EXPECTED_COLUMN = 'expected';

interface DatasetSpecBase {
  /** Our name → the dataset's column. Unmapped columns keep their names. */
  columns: Readonly<Record<string, string>>;
  limit?: number;
  /** The dataset's name in MLflow; default the file's name without extension, or "inline". */
  name?: string;
  /** The prompt's template variables, checked against the first row when the data is loaded. */
  placeholders?: readonly { name: string; where: string }[];
}

export interface FileDatasetSpec extends DatasetSpecBase {
  source: 'file';
  /** Absolute, or relative to the `baseDir` given to loadDataset. */
  path: string;
  format: DatasetFormat;
}

export interface InlineDatasetSpec extends DatasetSpecBase {
  source: 'inline';
  rows: readonly Readonly<Record<string, unknown>>[];
  /** The suite file the rows are written in, for messages and the dataset's source. */
  origin?: string;
}

export type DatasetSpec = FileDatasetSpec | InlineDatasetSpec;

export interface LoadedDataset {
  rows: EvalRow[];
  /** Column names after mapping, in first-seen order (`expected` included when present). */
  columns: string[];
  /** For `log-inputs`: MLflow's Dataset entity. */
  input: Dataset;
}

/** A dataset that cannot be read; messages name the file (or suite) and the line of each problem. */
export class DatasetError extends ConfigFileError {
  constructor(file: string | undefined, problems: ConfigProblem | ConfigProblem[], options?: ErrorOptions) {
    super(file, problems, { ...options, label: 'dataset' });
    this.name = 'DatasetError';
  }
}

/** One record as read, before mapping: where it starts in the file, or its path in a JSON file. */
interface RawRecord {
  values: Record<string, unknown>;
  line?: number;
  path?: string;
}

/** A problem with one row of the data, located by the caller (file line or suite path). */
export class DatasetRowProblem extends Error {
  readonly index: number;
  constructor(index: number, message: string) {
    super(message);
    this.name = 'DatasetRowProblem';
    this.index = index;
  }
}

/** A path as short as it can be said: relative to the working directory when inside it. */
function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const OBJECT_SHAPE = 'a JSON object ({"column": value, ...})';

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function readJsonl(text: string, file: string): RawRecord[] {
  const records: RawRecord[] = [];
  const lines = stripBom(text).split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      throw new DatasetError(file, { path: '', line: i + 1, message: `not valid JSON (${(err as Error).message}). Each line must hold one JSON object.` });
    }
    if (!isRecord(value)) throw new DatasetError(file, { path: '', line: i + 1, message: `must be ${OBJECT_SHAPE}, not ${describe(value)}.` });
    records.push({ values: value, line: i + 1 });
  }
  return records;
}

function readCsv(text: string, file: string): RawRecord[] {
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parseCsv(text, { bom: true, info: true, skip_empty_lines: true }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    const line = typeof err.lines === 'number' ? err.lines : undefined;
    throw new DatasetError(file, { path: '', ...(line ? { line } : {}), message: `not valid CSV: ${err.message}. Fix the file there.` });
  }
  const [header, ...body] = parsed;
  if (!header) return [];
  const seen = new Set<string>();
  for (const [i, name] of header.record.entries()) {
    if (name.trim() === '') throw new DatasetError(file, { path: '', line: header.info.lines, message: `column ${i + 1} of the header row has no name. Name every column.` });
    if (seen.has(name)) throw new DatasetError(file, { path: '', line: header.info.lines, message: `the header names column "${name}" twice. Rename one.` });
    seen.add(name);
  }
  return body.map(({ record, info }) => {
    // `info.lines` is where the record ends; a quoted value may span lines.
    const spanned = record.reduce((n, value) => n + (value.match(/\n/g)?.length ?? 0), 0);
    return { values: Object.fromEntries(header.record.map((name, i) => [name, record[i]])), line: info.lines - spanned };
  });
}

/** JSON.parse's "(line 3 column 5)", when the message has it. */
function jsonErrorLine(message: string): number | undefined {
  const m = /line (\d+) column \d+/.exec(message);
  return m ? Number(m[1]) : undefined;
}

const JSON_SHAPES = 'a list of row objects, or pandas\' split orientation {"columns": [...], "data": [[...], ...]}';

function readJson(text: string, file: string): RawRecord[] {
  let value: unknown;
  try {
    value = JSON.parse(stripBom(text));
  } catch (err) {
    const message = (err as Error).message;
    const line = jsonErrorLine(message);
    throw new DatasetError(file, { path: '', ...(line ? { line } : {}), message: `not valid JSON (${message}). The file must hold ${JSON_SHAPES}.` });
  }
  if (Array.isArray(value)) {
    return value.map((row, i) => {
      if (!isRecord(row)) throw new DatasetError(file, { path: `[${i}]`, message: `must be ${OBJECT_SHAPE}, not ${describe(row)}.` });
      return { values: row, path: `[${i}]` };
    });
  }
  if (isRecord(value) && Array.isArray(value.columns) && Array.isArray(value.data)) {
    const columns = value.columns;
    for (const [i, c] of columns.entries()) {
      if (typeof c !== 'string') throw new DatasetError(file, { path: `columns[${i}]`, message: `must be a column name (a string), not ${describe(c)}.` });
    }
    const names = columns as string[];
    const duplicate = names.find((c, i) => names.indexOf(c) !== i);
    if (duplicate !== undefined) throw new DatasetError(file, { path: 'columns', message: `names column "${duplicate}" twice. Rename one.` });
    return value.data.map((row: unknown, i) => {
      if (!Array.isArray(row)) throw new DatasetError(file, { path: `data[${i}]`, message: `must be a list of values, one per column, not ${describe(row)}.` });
      if (row.length !== names.length) {
        throw new DatasetError(file, { path: `data[${i}]`, message: `has ${row.length} values but there are ${names.length} columns. Give one value per column.` });
      }
      return { values: Object.fromEntries(names.map((name, j) => [name, row[j] as unknown])), path: `data[${i}]` };
    });
  }
  throw new DatasetError(file, { path: '', message: `must hold ${JSON_SHAPES}; it holds ${describe(value)}${isRecord(value) ? ' without "columns" and "data" lists' : ''}.` });
}

const READERS: Readonly<Record<DatasetFormat, (text: string, file: string) => RawRecord[]>> = { jsonl: readJsonl, csv: readCsv, json: readJson };

/**
 * Rows after column mapping. The mapping and the prompt's variables are checked against the
 * first row (a typo shows there; a later row that lacks a column fails alone, as that row's error).
 * Throws DatasetRowProblem.
 */
export function mapRows(records: readonly Readonly<Record<string, unknown>>[], spec: Pick<DatasetSpec, 'columns' | 'placeholders'>): EvalRow[] {
  const mapping = Object.entries(spec.columns);
  const sources = new Set(mapping.map(([, theirs]) => theirs));
  const first = records[0];
  if (first) {
    const present = Object.keys(first);
    for (const [ours, theirs] of mapping) {
      if (!Object.hasOwn(first, theirs)) {
        throw new DatasetRowProblem(
          0,
          `row 0 has no column "${theirs}", which dataset.columns maps to "${ours}".${didYouMean(theirs, present)} The data's columns: ${present.join(', ') || '(none)'}.`,
        );
      }
      if (Object.hasOwn(first, ours) && !sources.has(ours)) {
        throw new DatasetRowProblem(0, `the data has a column "${ours}" and dataset.columns also maps "${theirs}" to that name. Map to another name, or map "${ours}" too.`);
      }
    }
  }
  const renames = new Map<string, string[]>();
  for (const [ours, theirs] of mapping) renames.set(theirs, [...(renames.get(theirs) ?? []), ours]);
  const rows = records.map((values, index) => toRow(values, index, renames));
  if (rows[0]) {
    for (const { name, where } of spec.placeholders ?? []) {
      if (rowVariable(rows[0], name) === undefined) throw new DatasetRowProblem(0, missingColumnMessage(rows[0], name, where));
    }
  }
  return rows;
}

function toRow(values: Readonly<Record<string, unknown>>, index: number, renames: ReadonlyMap<string, readonly string[]>): EvalRow {
  // Mapped columns take their new names where they stand, so the data's column order is kept.
  // fromEntries defines properties, so a column named "__proto__" stays a column.
  const entries: [string, unknown][] = [];
  for (const [column, value] of Object.entries(values)) {
    const ours = renames.get(column);
    if (ours) for (const name of ours) entries.push([name, value]);
    else entries.push([column, value]);
  }
  // The expected answer is the label, not an input: a model server or command must not see it
  // (MLflow's evaluate likewise keeps `targets` out of the model's input).
  const expected = entries.find(([k]) => k === EXPECTED_COLUMN)?.[1];
  const inputs = Object.fromEntries(entries.filter(([k]) => k !== EXPECTED_COLUMN));
  return expected === undefined ? { index, inputs } : { index, inputs, expected };
}

/** JSON with object keys sorted at every depth, so equal data has one spelling. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value).filter((k) => value[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The dataset's digest: 8 hex characters of the SHA-256 of the mapped rows (see the file's header). */
export function datasetDigest(rows: readonly EvalRow[]): string {
  const hash = createHash('sha256');
  hash.update('[');
  for (const [i, row] of rows.entries()) {
    if (i > 0) hash.update(',');
    hash.update(canonicalJson(row.expected === undefined ? { inputs: row.inputs } : { expected: row.expected, inputs: row.inputs }));
  }
  hash.update(']');
  return hash.digest('hex').slice(0, 8);
}

/** MLflow's ColSpec type names for JSON values; `any` (MLflow's AnyType) for mixed or nested. */
function colspecType(values: readonly unknown[]): string {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.length === 0) return 'any';
  if (present.every((v) => typeof v === 'string')) return 'string';
  if (present.every((v) => typeof v === 'boolean')) return 'boolean';
  if (present.every((v) => typeof v === 'number' && Number.isInteger(v))) return 'long';
  if (present.every((v) => typeof v === 'number')) return 'double';
  return 'any';
}

function columnsOf(rows: readonly EvalRow[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) {
    for (const k of Object.keys(row.inputs)) seen.add(k);
    if (row.expected !== undefined) seen.add(EXPECTED_COLUMN);
  }
  return [...seen];
}

const columnValue = (row: EvalRow, column: string): unknown => (column === EXPECTED_COLUMN && !Object.hasOwn(row.inputs, column) ? row.expected : row.inputs[column]);

/**
 * MLflow's dataset schema (`{"mlflow_colspec": [{type, name, required}]}`, as a pandas dataset
 * logs it); a column is required when every row has a value. Undefined when it would exceed
 * MLflow's schema limit (the field is optional).
 */
function schemaOf(rows: readonly EvalRow[], columns: readonly string[]): string | undefined {
  const specs = columns.map((name) => {
    const values = rows.map((row) => columnValue(row, name));
    return { type: colspecType(values), name, required: values.every((v) => v !== null && v !== undefined) };
  });
  const schema = JSON.stringify({ mlflow_colspec: specs });
  return schema.length <= MLFLOW_LIMITS.dataset.maxSchemaLength ? schema : undefined;
}

function datasetName(spec: DatasetSpec): string {
  const name = spec.name ?? (spec.source === 'file' ? basename(spec.path, extname(spec.path)) : 'inline');
  return name.slice(0, MLFLOW_LIMITS.dataset.maxNameLength);
}

/** The rows' MLflow description for `log-inputs`. */
export function describeDataset(spec: DatasetSpec, rows: readonly EvalRow[], options: { path?: string } = {}): { input: Dataset; columns: string[] } {
  const columns = columnsOf(rows);
  const schema = schemaOf(rows, columns);
  // What MLflow's LocalArtifactDatasetSource and CodeDatasetSource serialise.
  const source =
    spec.source === 'file'
      ? { source_type: 'local', source: JSON.stringify({ uri: options.path ?? spec.path }) }
      : { source_type: 'code', source: JSON.stringify({ tags: spec.origin ? { 'mlflow.source.name': spec.origin } : {} }) };
  const input: Dataset = {
    name: datasetName(spec),
    digest: datasetDigest(rows),
    ...source,
    ...(schema !== undefined ? { schema } : {}),
    profile: JSON.stringify({ num_rows: rows.length, num_elements: rows.length * columns.length }),
  };
  return { input, columns };
}

function unreadable(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'file not found. Check dataset.path in the suite (relative paths start at the suite file\'s directory).';
  if (code === 'EISDIR') return 'is a directory. dataset.path must name a file.';
  return `cannot read the file (${code ?? 'error'}). Check that it is a readable file.`;
}

/**
 * Reads, maps and describes a dataset. Throws DatasetError naming the file and line (or, for
 * inline rows, the suite and the row's YAML path).
 */
export async function loadDataset(spec: DatasetSpec, options: { baseDir?: string } = {}): Promise<LoadedDataset> {
  let records: readonly Readonly<Record<string, unknown>>[];
  let locate: (index: number) => { file: string | undefined; path: string; line?: number };
  let absolute: string | undefined;
  if (spec.source === 'file') {
    absolute = resolve(options.baseDir ?? process.cwd(), spec.path);
    const file = displayPath(absolute);
    let text: string;
    try {
      text = await readFile(absolute, 'utf8');
    } catch (err) {
      throw new DatasetError(file, { path: '', message: unreadable(err) }, { cause: err });
    }
    const raw = READERS[spec.format](text, file);
    const taken = spec.limit === undefined ? raw : raw.slice(0, spec.limit);
    records = taken.map((r) => r.values);
    locate = (index) => {
      const record = taken[index];
      return { file, path: record?.path ?? '', ...(record?.line ? { line: record.line } : {}) };
    };
  } else {
    records = spec.limit === undefined ? spec.rows : spec.rows.slice(0, spec.limit);
    locate = (index) => ({ file: spec.origin, path: `dataset.rows[${index}]` });
  }
  if (records.length === 0) {
    const where = spec.source === 'file' ? locate(0).file : spec.origin;
    throw new DatasetError(where, { path: spec.source === 'file' ? '' : 'dataset.rows', message: 'the dataset has no rows. Add at least one.' });
  }
  let rows: EvalRow[];
  try {
    rows = mapRows(records, spec);
  } catch (err) {
    if (!(err instanceof DatasetRowProblem)) throw err;
    const { file, ...problem } = locate(err.index);
    throw new DatasetError(file, { ...problem, message: err.message });
  }
  const { input, columns } = describeDataset(spec, rows, absolute ? { path: absolute } : {});
  return { rows, columns, input };
}
