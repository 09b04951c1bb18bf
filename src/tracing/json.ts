/**
 * Turning arbitrary user values (span inputs, outputs, attributes) into JSON text without ever
 * throwing: inputs are whatever a traced function was called with, so cycles, BigInts, Maps,
 * class instances, throwing getters and binary buffers all occur. Values are serialised when set,
 * so a later mutation of the caller's object does not rewrite what the span recorded.
 */
import { REQUEST_RESPONSE_PREVIEW_MAX_LENGTH } from './constants.ts';

const MAX_DEPTH = 64;

function describeUnserializable(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return `[Unserializable: ${message.slice(0, 200)}]`;
}

function errorToObject(err: Error): Record<string, unknown> {
  const out: Record<string, unknown> = { name: err.name, message: err.message };
  for (const key of Object.keys(err)) if (!(key in out)) out[key] = (err as unknown as Record<string, unknown>)[key];
  return out;
}

/** JSON text for one value, or undefined when JSON has no text for it (undefined, functions, symbols). */
function encode(value: unknown, key: string, ancestors: object[], depth: number): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      // As a string: JSON readers would round a number this large.
      return JSON.stringify(value.toString());
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
  if (value === null) return 'null';
  const obj = value as object;
  if (ancestors.includes(obj)) return '"[Circular]"';
  if (depth >= MAX_DEPTH) return '"[Max depth]"';

  if (ArrayBuffer.isView(obj)) return JSON.stringify(`[${obj.constructor.name}: ${obj.byteLength} bytes]`);
  if (obj instanceof ArrayBuffer) return JSON.stringify(`[ArrayBuffer: ${obj.byteLength} bytes]`);

  ancestors.push(obj);
  try {
    const toJSON = (obj as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') {
      return encode((toJSON as (k: string) => unknown).call(obj, key), key, ancestors, depth + 1);
    }
    if (Array.isArray(obj)) return encodeArray(obj, ancestors, depth);
    if (obj instanceof Set) return encodeArray([...obj], ancestors, depth);
    if (obj instanceof Map) {
      const entries: [string, unknown][] = [];
      for (const [k, v] of obj) entries.push([typeof k === 'string' ? k : (encode(k, '', ancestors, depth + 1) ?? String(k)), v]);
      return encodeEntries(entries, ancestors, depth);
    }
    if (obj instanceof Error) return encodeEntries(Object.entries(errorToObject(obj)), ancestors, depth);
    const entries: [string, unknown][] = [];
    for (const k of Object.keys(obj)) {
      try {
        entries.push([k, (obj as Record<string, unknown>)[k]]);
      } catch {
        // A throwing getter: leave the property out rather than lose the whole value.
      }
    }
    return encodeEntries(entries, ancestors, depth);
  } finally {
    ancestors.pop();
  }
}

function encodeArray(items: readonly unknown[], ancestors: object[], depth: number): string {
  const parts: string[] = [];
  for (let i = 0; i < items.length; i++) parts.push(encode(items[i], String(i), ancestors, depth + 1) ?? 'null');
  return `[${parts.join(',')}]`;
}

function encodeEntries(entries: readonly [string, unknown][], ancestors: object[], depth: number): string {
  const parts: string[] = [];
  for (const [k, v] of entries) {
    const text = encode(v, k, ancestors, depth + 1);
    if (text !== undefined) parts.push(`${JSON.stringify(k)}:${text}`);
  }
  return `{${parts.join(',')}}`;
}

/** Plain-data budget for the fast path: beyond it the careful encoder is no slower in comparison. */
const FAST_PATH_NODES = 256;

/**
 * True when JSON.stringify renders `value` exactly as `encode` would: plain objects and arrays
 * (no prototypes, toJSON, cycles or getters to worry about) of strings, finite numbers,
 * booleans and null. Most inputs and outputs are such data, and the native serialiser is far
 * faster than the careful one.
 */
function isPlainData(value: unknown, budget: { nodes: number }, depth: number): boolean {
  if (--budget.nodes < 0 || depth > 8) return false;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (value === null) return true;
      if (Array.isArray(value)) {
        if (Object.getPrototypeOf(value) !== Array.prototype) return false;
        for (let i = 0; i < value.length; i++) if (!isPlainData(value[i], budget, depth + 1)) return false;
        return true;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return false;
      for (const key in value) {
        const descriptor = Object.getOwnPropertyDescriptor(value, key);
        if (!descriptor || !('value' in descriptor) || !isPlainData(descriptor.value, budget, depth + 1)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

/** JSON text for `value`; undefined for undefined, functions and symbols. Never throws. */
export function safeJsonStringify(value: unknown): string | undefined {
  try {
    if (isPlainData(value, { nodes: FAST_PATH_NODES }, 0)) return JSON.stringify(value);
    return encode(value, '', [], 0);
  } catch (err) {
    // Proxies and exotic objects can throw from anywhere; record that rather than fail the caller.
    return JSON.stringify(describeUnserializable(err));
  }
}

/** Parses JSON text this module produced; text that is not JSON comes back as the string itself. */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** MLflow's preview: the JSON text cut to 1000 characters, the last three being `...`. */
export function previewOf(jsonText: string | undefined): string {
  if (!jsonText) return '';
  return jsonText.length > REQUEST_RESPONSE_PREVIEW_MAX_LENGTH ? jsonText.slice(0, REQUEST_RESPONSE_PREVIEW_MAX_LENGTH - 3) + '...' : jsonText;
}
