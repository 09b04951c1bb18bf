/**
 * Trace and span ids (W3C/OTel: 16 and 8 random bytes, lowercase hex) and their encodings:
 * MLflow's `tr-<hex>` trace id and the base64 form MLflow's span JSON uses.
 */
import { randomFillSync } from 'node:crypto';
import { TRACE_ID_PREFIX } from './constants.ts';

// One getrandom call and one hex conversion per 4 KiB instead of per span: ids sit on the span hot path.
const pool = Buffer.allocUnsafe(4096);
let poolHex = '';
let offset = Infinity;

function randomHex(bytes: number): string {
  const chars = bytes * 2;
  for (;;) {
    if (offset + chars > poolHex.length) {
      randomFillSync(pool);
      poolHex = pool.toString('hex');
      offset = 0;
    }
    const hex = poolHex.slice(offset, offset + chars);
    offset += chars;
    // All-zero ids are invalid in W3C trace context.
    if (hex !== '0'.repeat(chars)) return hex;
  }
}

/** 32 lowercase hex characters. */
export const newTraceIdHex = (): string => randomHex(16);
/** 16 lowercase hex characters. */
export const newSpanIdHex = (): string => randomHex(8);

export const toMlflowTraceId = (hex: string): string => TRACE_ID_PREFIX + hex;

/** The hex OTel id inside an MLflow `tr-` id (a bare hex id is returned as is). */
export const fromMlflowTraceId = (traceId: string): string =>
  traceId.startsWith(TRACE_ID_PREFIX) ? traceId.slice(TRACE_ID_PREFIX.length) : traceId;

export const hexToBase64 = (hex: string): string => Buffer.from(hex, 'hex').toString('base64');
export const base64ToHex = (b64: string): string => Buffer.from(b64, 'base64').toString('hex');

export const isTraceIdHex = (s: string): boolean => /^[0-9a-f]{32}$/.test(s) && !/^0+$/.test(s);
export const isSpanIdHex = (s: string): boolean => /^[0-9a-f]{16}$/.test(s) && !/^0+$/.test(s);
