/**
 * OTLP/JSON (`Content-Type: application/json` on `/v1/traces`) decoded into the same normalized
 * form as the protobuf decoder (proto.ts), by walking the same protobufjs descriptor. Follows the
 * OTLP/JSON rules: lowerCamelCase field names (the proto's snake_case names are accepted too),
 * trace and span ids as hex, 64-bit integers as decimal strings or numbers, enums as integers or
 * names, unknown fields ignored. Integers are read from the JSON source text, so nanosecond
 * times beyond 2^53 stay exact.
 */
import type protobuf from 'protobufjs/light.js';
import { OtlpDecodeError, exportTraceServiceRequest } from './proto.ts';

/** A JSON number with its source text, so 64-bit integers are never rounded through a double. */
export class JsonNumber {
  readonly value: number;
  readonly source: string;
  constructor(value: number, source: string) {
    this.value = value;
    this.source = source;
  }
}

type JsonReviver = (this: unknown, key: string, value: unknown, context?: { source?: string }) => unknown;

/** JSON.parse with every number as a JsonNumber (its exact source text kept). Throws SyntaxError. */
export function parseJsonExact(text: string): unknown {
  const reviver: JsonReviver = (_key, value, context) =>
    typeof value === 'number' ? new JsonNumber(value, context?.source ?? String(value)) : value;
  return JSON.parse(text, reviver);
}

/**
 * A number of 16 or more digits may not survive a double. Bodies without one (OTLP/JSON writes
 * 64-bit integers as strings, so nearly all) take plain JSON.parse, several times faster than a
 * reviver that wraps every number.
 */
const LONG_NUMBER = /[[:,]\s*-?\d{16}/;

function parseExact(text: string): unknown {
  try {
    return LONG_NUMBER.test(text) ? parseJsonExact(text) : JSON.parse(text);
  } catch (err) {
    throw new OtlpDecodeError(`Invalid OpenTelemetry JSON: ${(err as Error).message}`);
  }
}

/** Fields OTLP/JSON writes as hex instead of protobuf JSON's base64. */
const HEX_ID_FIELDS = new Set(['trace_id', 'span_id', 'parent_span_id']);
const ID_BYTES: Record<string, number> = { trace_id: 16, span_id: 8, parent_span_id: 8 };

const U64_MAX = (1n << 64n) - 1n;
const I64_MIN = -(1n << 63n);
const I64_MAX = (1n << 63n) - 1n;

const camelNames = new Map<string, string>();

/** A proto field's OTLP/JSON name; a field set is small and fixed, so each is computed once. */
function camel(name: string): string {
  let out = camelNames.get(name);
  if (out === undefined) {
    out = name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
    camelNames.set(name, out);
  }
  return out;
}

/**
 * Deepest message nesting read. Real OTLP nests a few levels plus attribute values (an
 * AnyValue kvlist is 3 levels per step); beyond this a body is refused instead of recursing on.
 */
const MAX_DEPTH = 400;

function fail(path: string, message: string): never {
  throw new OtlpDecodeError(`Invalid OpenTelemetry JSON at ${path}: ${message}`);
}

function integer(value: unknown, path: string, min: bigint, max: bigint): string {
  let digits: string;
  if (value instanceof JsonNumber) {
    // 1e3 or 5.0 are integers by value; protobuf's JSON parser accepts them, but the digits must be exact.
    if (/^-?\d+$/.test(value.source)) digits = value.source;
    else if (Number.isSafeInteger(value.value)) digits = String(value.value);
    else fail(path, `expected an integer, got ${value.source}`);
  } else if (typeof value === 'number') {
    // Plain-parsed (no long literal in the body): every integer here is exact.
    if (!Number.isSafeInteger(value)) fail(path, `expected an integer, got ${value}`);
    digits = String(value);
  } else if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) {
    digits = value.trim();
  } else {
    fail(path, `expected an integer (a number or a decimal string), got ${describe(value)}`);
  }
  const n = BigInt(digits);
  if (n < min || n > max) fail(path, `${digits} is out of range`);
  return n.toString();
}

function double(value: unknown, path: string): number {
  if (value instanceof JsonNumber) return value.value;
  if (typeof value === 'number') return value;
  if (value === 'NaN') return NaN;
  if (value === 'Infinity') return Infinity;
  if (value === '-Infinity') return -Infinity;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  fail(path, `expected a number, got ${describe(value)}`);
}

function bytes(value: unknown, field: string, path: string): string | undefined {
  if (typeof value !== 'string') fail(path, `expected a string, got ${describe(value)}`);
  if (value === '') return undefined;
  if (HEX_ID_FIELDS.has(field)) {
    const size = ID_BYTES[field]!;
    if (value.length === size * 2 && /^[0-9a-fA-F]+$/.test(value)) return Buffer.from(value, 'hex').toString('base64');
    // Not OTLP/JSON, but some exporters send the protobuf JSON mapping's base64; accept it when unambiguous.
    const decoded = /^[A-Za-z0-9+/_-]+={0,2}$/.test(value) ? Buffer.from(value, 'base64') : undefined;
    if (decoded?.length === size) return decoded.toString('base64');
    fail(path, `expected ${size * 2} hex digits, got ${describe(value)}`);
  }
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(value)) fail(path, 'expected base64');
  return Buffer.from(value, 'base64').toString('base64');
}

function enumValue(value: unknown, type: protobuf.Enum, path: string): string | number {
  if (value instanceof JsonNumber || typeof value === 'number') {
    const n = typeof value === 'number' ? value : value.value;
    if (!Number.isInteger(n)) fail(path, `expected an enum number, got ${describe(value)}`);
    return type.valuesById[n] ?? n;
  }
  if (typeof value === 'string' && value in type.values) return value;
  fail(path, `expected one of ${Object.keys(type.values).join(', ')} or its number, got ${describe(value)}`);
}

function describe(value: unknown): string {
  if (value instanceof JsonNumber) return value.source;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value) ?? typeof value;
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function scalar(field: protobuf.Field, value: unknown, path: string, depth: number): unknown {
  const resolved = field.resolvedType;
  if (resolved !== null && 'fieldsArray' in resolved) return message(resolved, value, path, depth + 1);
  if (resolved !== null) return enumValue(value, resolved, path);
  switch (field.type) {
    case 'string':
      if (typeof value !== 'string') fail(path, `expected a string, got ${describe(value)}`);
      return value;
    case 'bool':
      if (typeof value !== 'boolean') fail(path, `expected true or false, got ${describe(value)}`);
      return value;
    case 'bytes':
      return bytes(value, field.name, path);
    case 'double':
    case 'float':
      return double(value, path);
    case 'fixed64':
    case 'uint64':
      return integer(value, path, 0n, U64_MAX);
    case 'int64':
    case 'sint64':
    case 'sfixed64':
      return integer(value, path, I64_MIN, I64_MAX);
    case 'uint32':
    case 'fixed32':
      return Number(integer(value, path, 0n, 0xffffffffn));
    default:
      return Number(integer(value, path, -(1n << 31n), (1n << 31n) - 1n));
  }
}

function message(type: protobuf.Type, value: unknown, path: string, depth: number): Record<string, unknown> {
  if (depth > MAX_DEPTH) throw new OtlpDecodeError(`Invalid OpenTelemetry JSON: nested more than ${MAX_DEPTH} levels deep.`);
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof JsonNumber) {
    fail(path, `expected an object, got ${describe(value)}`);
  }
  const input = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const field of type.fieldsArray) {
    const jsonName = camel(field.name);
    const key = jsonName in input ? jsonName : field.name in input ? field.name : undefined;
    if (key === undefined) continue;
    const raw = input[key];
    // Explicit null means "not set" in protobuf's JSON mapping.
    if (raw === null || raw === undefined) continue;
    const at = `${path}.${key}`;
    if (field.repeated) {
      if (!Array.isArray(raw)) fail(at, `expected an array, got ${describe(raw)}`);
      out[field.name] = raw.map((item, i) => scalar(field, item, `${at}[${i}]`, depth)).filter((item) => item !== undefined);
    } else {
      const decoded = scalar(field, raw, at, depth);
      if (decoded !== undefined) out[field.name] = decoded;
    }
  }
  return out;
}

/** Decodes an OTLP/JSON ExportTraceServiceRequest into its normalized form. */
export function decodeJsonRequest(text: string): Record<string, unknown> {
  return message(exportTraceServiceRequest, parseExact(text), '$', 0);
}
