/**
 * Untrusted text made harmless for where a report puts it. Run, metric and param names, values,
 * digests and table cells all come from bundles, which anyone who can open a pull request can
 * shape; in a PR comment they must not open HTML (or an HTML comment, which could forge the sticky
 * comment's marker), break a table, ping people with @-mentions, or turn into links and images.
 */

const LINE_BREAKS = /[\r\n\u2028\u2029]+/g;
/** C0 and C1 controls (ANSI escape sequences start with one). */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

/** An @ that GitHub would read as a mention gets a zero-width space after it. */
const MENTION = /@(?=[\p{L}\p{N}_-])/gu;
const ZERO_WIDTH_SPACE = '&#8203;';

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * Markdown syntax characters a name could use to start emphasis, code, links, images, math,
 * strikethrough or a table cell; `#` and list markers only matter at a line start, where untrusted
 * text never is.
 */
const MARKDOWN_PUNCTUATION = /[\\`*_[\]|~$!]/g;

/**
 * Text for Markdown prose or a table cell: on one line, HTML characters as entities, Markdown
 * punctuation backslash-escaped (including `|`, so a cell cannot end early), mentions broken up,
 * and URL-looking text kept from becoming a link.
 */
export function mdText(text: string): string {
  return text
    .replace(LINE_BREAKS, ' ')
    .replace(CONTROLS, '\uFFFD')
    .replace(/[&<>]/g, (c) => HTML_ENTITIES[c]!)
    .replace(MARKDOWN_PUNCTUATION, '\\$&')
    .replace(/:\/\//g, '\\://')
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\\.`)
    .replace(MENTION, `@${ZERO_WIDTH_SPACE}`);
}

/** Text for raw HTML (a `<summary>`), where Markdown is not parsed but entities and mentions are. */
export function htmlText(text: string): string {
  return text
    .replace(LINE_BREAKS, ' ')
    .replace(CONTROLS, '\uFFFD')
    .replace(/[&<>"]/g, (c) => HTML_ENTITIES[c]!)
    .replace(MENTION, `@${ZERO_WIDTH_SPACE}`);
}

/** Text for a Mermaid string: letters, digits and a few plain punctuation marks, at most `max` characters. */
export function mermaidText(text: string, max = 80): string {
  const kept = [...text.replace(/[^\p{L}\p{N} _\-./:()+,=]/gu, '_').replace(/\s+/g, ' ').trim()];
  return kept.length > max ? `${kept.slice(0, max - 1).join('')}…` : kept.join('');
}

/** Text for a terminal: control characters (which could carry escape sequences) shown as U+FFFD, on one line. */
export function plainText(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(CONTROLS, '\uFFFD');
}

/** A caller-given hidden marker: exactly one HTML comment, which the report puts first. */
export function checkMarker(marker: string): string {
  if (!/^<!--(?:(?!--)[^])*-->$/.test(marker) || marker.includes('\n')) {
    throw new TypeError(`The report marker must be one single-line HTML comment such as "<!-- mlflow-ts-action:ci/test -->", got ${JSON.stringify(marker)}.`);
  }
  return marker;
}

/**
 * A link target, if it is an http(s) URL: without credentials, and with `|` encoded so that it
 * cannot end a table cell (URL parsing already encodes `<`, `>` and spaces).
 */
export function safeUrl(url: string | undefined): string | undefined {
  if (url === undefined || !URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  parsed.username = '';
  parsed.password = '';
  return parsed.href.replaceAll('|', '%7C');
}
