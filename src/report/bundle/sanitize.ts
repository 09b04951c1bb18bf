/**
 * Keeps credentials out of bundles. Bundles are uploaded as workflow artifacts that anyone with
 * read access to the repository can download, so every string in one (tracking URI, dataset
 * sources, tag and param values, eval cells) is scrubbed: URL user info is dropped, secret-looking
 * query parameters are masked, and known secret values (tokens the caller holds) are masked
 * wherever they appear.
 */
const MASK = '***';

/** `scheme://user:password@` (or `scheme://token@`) anywhere in a text. */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@'"<>]+@/gi;
/** Query parameters that carry credentials: API keys, OAuth and signed-URL tokens (S3, GCS, Azure SAS). */
const SECRET_QUERY = /([?&](?:access_token|api[_-]?key|apikey|auth|code|key|password|secret|sig|signature|token|x-amz-credential|x-amz-security-token|x-amz-signature|x-goog-credential|x-goog-signature)=)[^&#\s'"<>]*/gi;
/** Shorter "secrets" would mask ordinary words. */
const MIN_SECRET_LENGTH = 6;

/** A URL or free text without credentials. */
export function stripUrlCredentials(text: string): string {
  return text.replace(URL_USERINFO, '$1').replace(SECRET_QUERY, `$1${MASK}`);
}

export type Scrub = (text: string) => string;

/** A scrubber for URL credentials and the given secret values. */
export function scrubber(secrets: readonly string[] = []): Scrub {
  const known = [...new Set(secrets.filter((s) => s.length >= MIN_SECRET_LENGTH))].sort((a, b) => b.length - a.length);
  return (text) => {
    let out = stripUrlCredentials(text);
    for (const secret of known) if (out.includes(secret)) out = out.split(secret).join(MASK);
    return out;
  };
}

/** Every string of a JSON-like value (object keys too) passed through `scrub`; numbers, booleans and null unchanged. */
export function scrubDeep<T>(value: T, scrub: Scrub): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return scrub(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, inner] of Object.entries(v)) if (inner !== undefined) out[scrub(k)] = walk(inner);
      return out;
    }
    return v;
  };
  return walk(value) as T;
}
