/**
 * The tokenizer of the gate grammar (see parser.ts for the grammar itself). Newlines separate
 * gates, except inside parentheses or brackets, where a long gate may continue on the next line.
 */
import { GateSyntaxError } from './errors.ts';

export type TokenType = 'number' | 'name' | 'quoted' | 'op' | 'sep' | 'eof';

export interface Token {
  type: TokenType;
  /** As written (for `quoted`, with its backquotes). */
  text: string;
  /** `number`: its value. */
  value?: number;
  /** `quoted`: the name inside the backquotes. */
  name?: string;
  start: number;
  end: number;
  line: number;
  column: number;
}

/** A bare name starts with a letter or `_` and goes on with letters, digits, `_ . / - :`. */
const NAME_START = /[\p{L}_]/u;
const NAME_PART = /[\p{L}\p{N}_./:-]/u;
const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const OPERATORS = ['>=', '<=', '==', '!=', '>', '<', '+', '-', '*', '/', '(', ')', '[', ']', '='] as const;

const MISTAKES: Record<string, { expected: string; hint: string }> = {
  '%': { expected: 'a number', hint: 'Percentages are not part of the grammar: write 1.05 for +5% (e.g. baseline * 1.05) and 0.9 for 90%.' },
  '&': { expected: 'and', hint: 'Combine conditions with `and`.' },
  '|': { expected: 'or', hint: 'Combine conditions with `or`.' },
  '!': { expected: 'not or !=', hint: 'Negate a condition with `not`.' },
  '"': { expected: 'a metric name', hint: 'Quote a metric name with backquotes: `my metric`.' },
  "'": { expected: 'a metric name', hint: 'Quote a metric name with backquotes: `my metric`.' },
};

/** Where each line starts, for turning offsets into line/column and quoting a line in an error. */
export class SourceText {
  readonly text: string;
  private readonly lineStarts: number[] = [0];
  constructor(text: string) {
    this.text = text;
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.lineStarts.push(i + 1);
  }
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo]! + 1 };
  }
  lineText(line: number): string {
    const start = this.lineStarts[line - 1] ?? 0;
    const next = this.lineStarts[line];
    return this.text.slice(start, next === undefined ? undefined : next - 1).replace(/\r$/, '');
  }
  error(offset: number, token: string, expected: string[], hint?: string): GateSyntaxError {
    const { line, column } = this.position(offset);
    return new GateSyntaxError({ line, column, token, expected, ...(hint ? { hint } : {}) }, this.lineText(line));
  }
}

/** How a token is named in an error message. */
export function describeToken(token: Token): string {
  if (token.type === 'eof') return 'end of input';
  if (token.type === 'sep' && token.text === '\n') return 'end of line';
  if (token.type === 'quoted') return token.text;
  return `"${token.text}"`;
}

export function tokenize(source: SourceText): Token[] {
  const text = source.text;
  const tokens: Token[] = [];
  let depth = 0;
  let i = 0;
  const push = (type: TokenType, start: number, end: number, extra?: Partial<Token>): void => {
    tokens.push({ type, text: text.slice(start, end), start, end, ...source.position(start), ...extra });
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '\n') {
      // Inside ( ) or [ ] a newline only continues the gate.
      if (depth === 0) push('sep', i, i + 1);
      i++;
    } else if (ch === ' ' || ch === '\t' || ch === '\r') {
      i++;
    } else if (ch === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (ch === ';' || ch === ',') {
      push('sep', i, i + 1);
      i++;
    } else if (ch === '`') {
      i = quotedName(source, i, push);
    } else if (/\d/.test(ch) || (ch === '.' && /\d/.test(text[i + 1] ?? ''))) {
      NUMBER.lastIndex = i;
      const end = NUMBER.exec(text) ? NUMBER.lastIndex : i + 1;
      const after = text[end] ?? '';
      if (after === '%' || NAME_START.test(after) || /[\d._:]/.test(after)) {
        const mistake = MISTAKES[after];
        throw source.error(end, `"${after}"`, ['an operator'], mistake?.hint ?? 'Quote a metric name that starts with a digit with backquotes: `5xx_rate`.');
      }
      push('number', i, end, { value: Number(text.slice(i, end)) });
      i = end;
    } else if (NAME_START.test(ch)) {
      let end = i + 1;
      while (end < text.length && NAME_PART.test(text[end]!)) end++;
      push('name', i, end);
      i = end;
    } else {
      const op = OPERATORS.find((o) => text.startsWith(o, i));
      if (!op) {
        const mistake = MISTAKES[ch];
        throw source.error(i, `"${ch}"`, mistake ? [mistake.expected] : [], mistake?.hint ?? 'Quote a metric name with other characters in backquotes: `name`.');
      }
      if (op === '(' || op === '[') depth++;
      else if ((op === ')' || op === ']') && depth > 0) depth--;
      push('op', i, i + op.length);
      i += op.length;
    }
  }
  push('eof', text.length, text.length);
  return tokens;
}

/** `` `any text` ``, with a doubled backquote standing for one; it ends on the same line. */
function quotedName(source: SourceText, start: number, push: (type: TokenType, start: number, end: number, extra?: Partial<Token>) => void): number {
  const text = source.text;
  let name = '';
  let i = start + 1;
  for (;;) {
    const ch = text[i];
    if (ch === undefined || ch === '\n') throw source.error(start, '"`"', ['a closing ` on the same line']);
    if (ch === '`') {
      if (text[i + 1] === '`') {
        name += '`';
        i += 2;
        continue;
      }
      break;
    }
    name += ch;
    i++;
  }
  if (name === '') throw source.error(start, '"``"', ['a metric name between the backquotes']);
  push('quoted', start, i + 1, { name });
  return i + 1;
}
