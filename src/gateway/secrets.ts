/**
 * Keeping provider keys out of everything the gateway prints or returns. The config loader
 * collects every resolved secret; a Redactor built from them masks those strings in log lines,
 * error messages and JSON bodies. Matching is on the values themselves, not on where they came
 * from, so a key echoed back by an upstream error is masked too.
 */

/** Shorter strings would mask ordinary words and numbers in unrelated text. */
const MIN_SECRET_LENGTH = 4;

const MASK = '***';

/** MLflow resolves these from `$VAR` or a file, and we treat them as secrets everywhere. */
const AWS_SECRET_KEYS = new Set(['aws_secret_access_key', 'aws_session_token', 'aws_bearer_token']);

/** Whether a config key holds a credential: `api_key`, any `*api_key`, and AWS's secret keys. */
export function isSecretKey(key: string): boolean {
  const k = key.toLowerCase();
  return k.endsWith('api_key') || AWS_SECRET_KEYS.has(k);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class Redactor {
  readonly #pattern: RegExp | undefined;
  /** Longest masked spelling: a stream holds back one less than this between chunks. */
  readonly #longest: number;

  constructor(secrets: Iterable<string>) {
    const variants = new Set<string>();
    for (const secret of secrets) {
      // A key read from a file often ends in a newline that the text we redact lacks, and a key
      // inside a JSON body appears with JSON's escapes: mask those spellings too.
      for (const v of [secret, secret.trim(), JSON.stringify(secret).slice(1, -1)]) {
        if (v.length >= MIN_SECRET_LENGTH) variants.add(v);
      }
    }
    // Longest first, so a secret that contains another is masked whole.
    const sorted = [...variants].sort((a, b) => b.length - a.length);
    this.#pattern = sorted.length ? new RegExp(sorted.map(escapeRegExp).join('|'), 'g') : undefined;
    this.#longest = sorted[0]?.length ?? 0;
  }

  /** Whether there is anything to mask. */
  get active(): boolean {
    return this.#pattern !== undefined;
  }

  /**
   * A byte stream with secrets masked, for bodies relayed verbatim (passthrough). A secret may be
   * split across chunks, so the last `longest − 1` characters of each chunk wait for the next one;
   * with no secrets the stream passes through untouched.
   */
  async *redactStream(body: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
    if (!this.#pattern) {
      yield* body;
      return;
    }
    const decoder = new TextDecoder();
    const encoder = new TextEncoder();
    const hold = this.#longest - 1;
    let pending = '';
    for await (const chunk of body) {
      const text = this.redact(pending + decoder.decode(chunk, { stream: true }));
      // Masks are never re-matched: `***` is shorter than any secret.
      const cut = Math.max(0, text.length - hold);
      pending = text.slice(cut);
      if (cut > 0) yield encoder.encode(text.slice(0, cut));
    }
    const rest = this.redact(pending + decoder.decode());
    if (rest !== '') yield encoder.encode(rest);
  }

  /** The text with every occurrence of a secret replaced by `***`. */
  redact(text: string): string {
    return this.#pattern ? text.replace(this.#pattern, MASK) : text;
  }

  /** A copy of a JSON value with every string redacted; other values are returned as they are. */
  redactValue(value: unknown): unknown {
    if (!this.#pattern) return value;
    if (typeof value === 'string') return this.redact(value);
    if (Array.isArray(value)) return value.map((v) => this.redactValue(v));
    if (value !== null && typeof value === 'object' && isPlainObject(value)) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = this.redactValue(v);
      return out;
    }
    return value;
  }
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
