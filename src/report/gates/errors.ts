/** The two ways a gate can be wrong before it is evaluated: bad grammar text, bad threshold numbers. */

export interface GateSyntaxErrorDetails {
  /** 1-based line of the offending token in the whole gate text. */
  line: number;
  /** 1-based column (UTF-16 code units, as editors count) of the offending token. */
  column: number;
  /** The offending token as written, or `end of line` / `end of input`. */
  token: string;
  /** What the parser would have accepted there, e.g. `["a number", "a metric name", "("]`. */
  expected: string[];
  /** A hint for a common mistake (`==` instead of `=`, `1.05` instead of `5%`), when there is one. */
  hint?: string;
}

/** The gate text does not parse; the message shows the line with a caret under the token. */
export class GateSyntaxError extends Error {
  readonly line: number;
  readonly column: number;
  readonly token: string;
  readonly expected: string[];
  readonly hint: string | undefined;
  constructor(details: GateSyntaxErrorDetails, lineText: string) {
    const expected = details.expected.length > 0 ? `expected ${orList(details.expected)}, found ${details.token}` : `unexpected ${details.token}`;
    const caret = `${' '.repeat(Math.max(0, details.column - 1))}^`;
    super(
      `Gate syntax error at line ${details.line}, column ${details.column}: ${expected}.` +
        (details.hint ? ` ${details.hint}` : '') +
        `\n  ${lineText}\n  ${caret}`,
    );
    this.name = 'GateSyntaxError';
    this.line = details.line;
    this.column = details.column;
    this.token = details.token;
    this.expected = details.expected;
    this.hint = details.hint;
  }
}

/** A MetricThreshold whose numbers MLflow would refuse (e.g. no threshold at all, a negative change). */
export class GateDefinitionError extends Error {
  readonly metric: string;
  constructor(metric: string, problem: string) {
    super(`Threshold for metric "${metric}": ${problem}`);
    this.name = 'GateDefinitionError';
    this.metric = metric;
  }
}

function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)!}`;
}
