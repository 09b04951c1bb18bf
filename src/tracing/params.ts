/**
 * Naming a traced function's arguments from its source text (`fn.toString()`), so a span's
 * inputs read `{question: "...", k: 3}` rather than `[ "...", 3 ]`. The scanner understands
 * strings, template literals, comments, regex literals and nested brackets in default values,
 * computed method names, and `async x => ...`; anything it cannot name falls back to `{args}`.
 */

/** One parameter slot: its name, or null when it has none (a destructuring pattern). */
export interface ParameterSlot {
  name: string | null;
  rest: boolean;
}

const IDENT = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*/u;

/** Characters after which a `/` starts a regex literal rather than a division. */
const REGEX_PRECEDERS = new Set(['(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^', '']);

class Scanner {
  readonly src: string;
  pos = 0;
  constructor(src: string) {
    this.src = src;
  }

  get done(): boolean {
    return this.pos >= this.src.length;
  }

  /** Skips whitespace and comments. */
  skipTrivia(): void {
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined) return;
      if (/\s/.test(c)) this.pos++;
      else if (c === '/' && this.src[this.pos + 1] === '/') {
        const end = this.src.indexOf('\n', this.pos);
        this.pos = end === -1 ? this.src.length : end + 1;
      } else if (c === '/' && this.src[this.pos + 1] === '*') {
        const end = this.src.indexOf('*/', this.pos + 2);
        this.pos = end === -1 ? this.src.length : end + 2;
      } else return;
    }
  }

  readIdentifier(): string | undefined {
    const m = IDENT.exec(this.src.slice(this.pos));
    if (!m) return undefined;
    this.pos += m[0].length;
    return m[0];
  }

  /** Skips a quoted string starting at pos (the opening quote). */
  skipString(): void {
    const quote = this.src[this.pos++];
    while (!this.done) {
      const c = this.src[this.pos++];
      if (c === '\\') this.pos++;
      else if (c === quote) return;
    }
  }

  /** Skips a template literal starting at pos (the backtick), including `${...}` parts. */
  skipTemplate(): void {
    this.pos++;
    while (!this.done) {
      const c = this.src[this.pos++];
      if (c === '\\') this.pos++;
      else if (c === '`') return;
      else if (c === '$' && this.src[this.pos] === '{') {
        this.pos++;
        this.skipBalanced('}');
      }
    }
  }

  skipRegex(): void {
    this.pos++;
    let inClass = false;
    while (!this.done) {
      const c = this.src[this.pos++];
      if (c === '\\') this.pos++;
      else if (c === '[') inClass = true;
      else if (c === ']') inClass = false;
      else if (c === '/' && !inClass) break;
    }
    while (!this.done && /[a-z]/i.test(this.src[this.pos]!)) this.pos++;
  }

  /**
   * Advances past the bracket that closes the current level (`close`), returning the text
   * before it with top-level commas recorded; strings, templates, comments and regexes are opaque.
   */
  skipBalanced(close: string, commas?: number[]): void {
    const stack: string[] = [close];
    let prev = '';
    while (!this.done) {
      const c = this.src[this.pos]!;
      const next = this.src[this.pos + 1];
      if (c === '"' || c === "'") {
        this.skipString();
        prev = 'a';
        continue;
      }
      if (c === '`') {
        this.skipTemplate();
        prev = 'a';
        continue;
      }
      if (c === '/' && (next === '/' || next === '*')) {
        this.skipTrivia();
        continue;
      }
      if (c === '/' && REGEX_PRECEDERS.has(prev)) {
        this.skipRegex();
        prev = 'a';
        continue;
      }
      this.pos++;
      if (/\s/.test(c)) continue;
      if (c === '(') stack.push(')');
      else if (c === '[') stack.push(']');
      else if (c === '{') stack.push('}');
      else if (c === ')' || c === ']' || c === '}') {
        stack.pop();
        if (stack.length === 0) return;
      } else if (c === ',' && stack.length === 1) commas?.push(this.pos - 1);
      prev = c;
    }
  }
}

function slotFromText(text: string): ParameterSlot | undefined {
  const scanner = new Scanner(text);
  scanner.skipTrivia();
  if (scanner.done) return undefined;
  let rest = false;
  if (text.startsWith('...', scanner.pos)) {
    rest = true;
    scanner.pos += 3;
    scanner.skipTrivia();
  }
  const c = text[scanner.pos];
  if (c === '{' || c === '[') return { name: null, rest };
  const name = scanner.readIdentifier();
  return { name: name ?? null, rest };
}

/**
 * The parameter slots of a function given its source text, or undefined when the text is not a
 * recognisable function (native code still parses: `function () { [native code] }` has none).
 */
export function parseParameters(source: string): ParameterSlot[] | undefined {
  const s = new Scanner(source);
  s.skipTrivia();
  const start = s.pos;
  const first = s.readIdentifier();
  if (first === 'class') return undefined;
  if (first !== undefined) {
    // `x => ...`, `async x => ...` (but `async => ...` names its parameter "async").
    s.skipTrivia();
    if (source.startsWith('=>', s.pos)) return [{ name: first, rest: false }];
    if (first === 'async') {
      const afterAsync = s.pos;
      const second = s.readIdentifier();
      if (second !== undefined) {
        s.skipTrivia();
        if (source.startsWith('=>', s.pos)) return [{ name: second, rest: false }];
      }
      s.pos = afterAsync;
    }
  }
  s.pos = start;

  // Find the parameter list's "(": skip keywords, the name, `*`, and computed keys `[...]`.
  for (;;) {
    s.skipTrivia();
    if (s.done) return undefined;
    const c = source[s.pos]!;
    if (c === '(') break;
    if (c === '[') {
      s.pos++;
      s.skipBalanced(']');
      continue;
    }
    if (c === '"' || c === "'") {
      s.skipString();
      continue;
    }
    if (c === '*' || c === '#') {
      s.pos++;
      continue;
    }
    if (s.readIdentifier() === undefined) return undefined;
  }

  const open = s.pos;
  s.pos++;
  const commas: number[] = [];
  s.skipBalanced(')', commas);
  if (s.done && source[s.pos - 1] !== ')') return undefined;
  const close = s.pos - 1;
  const bounds = [open, ...commas, close];
  const slots: ParameterSlot[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const slot = slotFromText(source.slice(bounds[i]! + 1, bounds[i + 1]));
    // An empty slot is the trailing comma of `(a, b,)`.
    if (slot) slots.push(slot);
  }
  return slots;
}

const cache = new WeakMap<object, ParameterSlot[] | null>();

function slotsOf(fn: (...args: never[]) => unknown): ParameterSlot[] | undefined {
  let slots = cache.get(fn);
  if (slots === undefined) {
    try {
      slots = parseParameters(Function.prototype.toString.call(fn)) ?? null;
    } catch {
      slots = null;
    }
    cache.set(fn, slots);
  }
  return slots ?? undefined;
}

/**
 * A traced call's inputs: `{name: value}` per named parameter that received an argument (a rest
 * parameter collects the remainder), `{}` for no arguments, and `{args: [...]}` whenever some
 * argument cannot be named (destructured parameters, extra arguments, unparseable source).
 */
export function mapArgsToInputs(fn: (...args: never[]) => unknown, args: readonly unknown[]): Record<string, unknown> {
  if (args.length === 0) return {};
  const slots = slotsOf(fn);
  if (!slots) return { args: [...args] };
  const inputs: Record<string, unknown> = {};
  for (let i = 0; i < args.length; i++) {
    const slot = slots[i];
    if (!slot || slot.name === null) return { args: [...args] };
    if (slot.rest) {
      inputs[slot.name] = args.slice(i);
      return inputs;
    }
    inputs[slot.name] = args[i];
  }
  return inputs;
}
