/**
 * The Action's threshold grammar: text → gate trees, by a tokenizer (lexer.ts) and a
 * recursive-descent parser. The user-facing description is README.md next to this file.
 *
 *   gates      = { sep } [ gate { sep { sep } gate } ] { sep } EOF       sep = newline | ";" | ","
 *   gate       = [ selector ] or                       (a leading selector scopes the whole gate)
 *   or         = and { "or" and }
 *   and        = not { "and" not }
 *   not        = "not" not | comparison
 *   comparison = sum [ cmpop sum [ "if" "significant" ] ]   cmpop = ">=" | ">" | "<=" | "<" | "==" | "!="
 *   sum        = product { ("+" | "-") product }
 *   product    = unary { ("*" | "/") unary }
 *   unary      = "-" unary | primary
 *   primary    = number | ref | "baseline" [ "(" ref ")" ] | "(" or ")"
 *   ref        = [ selector ] ( name | `quoted name` )
 *   selector   = "[" ( "run" "=" value | "entry_point" "=" value | "eval" [ "=" value ] ) "]"
 *
 * Conditions and numbers share the precedence ladder (so `(a + b) * 2 >= 1` and
 * `(a >= 1 or b >= 1) and c >= 1` both parse); a check on each node then says which one was
 * expected where. A bare `baseline` stands for the one metric of its comparison.
 */
import { describeToken, SourceText, tokenize, type Token } from './lexer.ts';
import { EVAL_PREFIX, formatScope, GLUED_RESERVED, RESERVED, soleMetricOf } from './print.ts';
import { referencesOf, type BaselineOperand, type CompareCondition, type CompareOp, type Condition, type Gate, type Operand, type RunScope } from './tree.ts';

const COMPARE_OPS: ReadonlySet<string> = new Set<CompareOp>(['>=', '>', '<=', '<', '==', '!=']);
const SCOPE_KINDS: readonly RunScope['kind'][] = ['run', 'entry_point', 'eval'];
const OPERAND_START = ['a number', 'a metric name', '"baseline"', '"("'];

type Node = { kind: 'condition'; node: Condition; at: Token } | { kind: 'operand'; node: Operand; at: Token };

/** Parses gate text into one gate per line (or per `;`/`,`-separated part). Throws GateSyntaxError. */
export function parseGates(text: string): Gate[] {
  return new Parser(text).gates();
}

class Parser {
  private readonly source: SourceText;
  private readonly tokens: Token[];
  private pos = 0;
  private gateScope: RunScope | undefined;
  /** Bare `baseline`s waiting for their comparison to say which metric they mean. */
  private pendingBaselines: { node: BaselineOperand; at: Token }[] = [];

  constructor(text: string) {
    this.source = new SourceText(text);
    this.tokens = tokenize(this.source);
  }

  gates(): Gate[] {
    const gates: Gate[] = [];
    for (;;) {
      while (this.peek().type === 'sep') this.pos++;
      if (this.peek().type === 'eof') return gates;
      gates.push(this.gate());
      const next = this.peek();
      if (next.type !== 'sep' && next.type !== 'eof') {
        throw this.error(next, ['"and"', '"or"', 'a new line', '";"', '","'], 'Put each gate on its own line or separate gates with ";" or ",".');
      }
    }
  }

  private gate(): Gate {
    const first = this.peek();
    this.gateScope = first.type === 'op' && first.text === '[' ? this.selector() : undefined;
    const parsed = this.or();
    if (parsed.kind !== 'condition') {
      const next = this.peek();
      const ended = next.type === 'sep' || next.type === 'eof';
      throw this.error(
        next,
        ended ? ['a comparison operator (>=, >, <=, <, ==, !=)'] : ['a comparison operator (>=, >, <=, <, ==, !=)', 'an arithmetic operator (+, -, *, /)'],
        ended ? 'A gate compares a metric with a bound, e.g. accuracy >= 0.9.' : undefined,
      );
    }
    return { source: this.sourceText(first, this.tokens[this.pos - 1]!), condition: parsed.node };
  }

  private or(): Node {
    return this.logical('or', () => this.and());
  }

  private and(): Node {
    return this.logical('and', () => this.not());
  }

  private logical(word: 'and' | 'or', next: () => Node): Node {
    const first = next();
    if (!this.atWord(word)) return first;
    const conditions = [this.condition(first, word)];
    while (this.atWord(word)) {
      this.pos++;
      conditions.push(this.condition(next(), word));
    }
    return { kind: 'condition', node: { type: word, conditions }, at: first.at };
  }

  private not(): Node {
    const at = this.peek();
    if (!this.atWord('not')) return this.comparison();
    this.pos++;
    const inner = this.not();
    return { kind: 'condition', node: { type: 'not', condition: this.condition(inner, 'not') }, at };
  }

  private comparison(): Node {
    const pendingBefore = this.pendingBaselines.length;
    const left = this.sum();
    const opToken = this.peek();
    if (opToken.type !== 'op' || !COMPARE_OPS.has(opToken.text)) {
      if (opToken.type === 'op' && opToken.text === '=') throw this.error(opToken, ['a comparison operator'], 'Write == to test equality.');
      return left;
    }
    this.pos++;
    const leftOperand = this.operand(left, opToken.text);
    const compare: CompareCondition = { type: 'compare', op: opToken.text as CompareOp, left: leftOperand, right: this.operand(this.sum(), opToken.text) };
    if (this.atWord('if')) {
      this.pos++;
      if (!this.atWord('significant')) throw this.error(this.peek(), ['"significant"'], 'Write `if significant` to judge by the confidence interval.');
      this.pos++;
      compare.noise = 'ci';
    }
    this.resolveBaselines(compare, this.pendingBaselines.splice(pendingBefore));
    if (this.peek().type === 'op' && COMPARE_OPS.has(this.peek().text)) {
      throw this.error(this.peek(), ['"and"', '"or"', 'end of gate'], 'Chained comparisons are not supported: write a >= 1 and a <= 2.');
    }
    return { kind: 'condition', node: compare, at: left.at };
  }

  private resolveBaselines(compare: CompareCondition, pending: readonly { node: BaselineOperand; at: Token }[]): void {
    if (pending.length === 0) return;
    const sole = soleMetricOf(compare);
    if (!sole) {
      const why = [...referencesOf(compare.left), ...referencesOf(compare.right)].some((r) => r.type === 'metric') ? 'several metrics' : 'no metric';
      throw this.error(pending[0]!.at, ['baseline(<metric>)'], `This comparison has ${why}, so say which metric's baseline: e.g. baseline(accuracy).`);
    }
    for (const { node } of pending) {
      node.name = sole.name;
      if (sole.scope) node.scope = sole.scope;
    }
  }

  private sum(): Node {
    return this.arithmetic(['+', '-'], () => this.product());
  }

  private product(): Node {
    return this.arithmetic(['*', '/'], () => this.unary());
  }

  private arithmetic(ops: readonly ('+' | '-' | '*' | '/')[], next: () => Node): Node {
    let left = next();
    for (;;) {
      const t = this.peek();
      const op = ops.find((o) => t.type === 'op' && t.text === o);
      if (!op) return left;
      this.pos++;
      const right = next();
      left = { kind: 'operand', node: { type: 'binary', op, left: this.operand(left, op), right: this.operand(right, op) }, at: left.at };
    }
  }

  private unary(): Node {
    const t = this.peek();
    if (t.type === 'op' && t.text === '-') {
      this.pos++;
      const literal = this.peek();
      if (literal.type === 'number') {
        this.pos++;
        return { kind: 'operand', node: { type: 'number', value: -literal.value! }, at: t };
      }
      return { kind: 'operand', node: { type: 'neg', operand: this.operand(this.unary(), '-') }, at: t };
    }
    return this.primary();
  }

  private primary(): Node {
    const t = this.peek();
    if (t.type === 'number') {
      this.pos++;
      return { kind: 'operand', node: { type: 'number', value: t.value! }, at: t };
    }
    if (t.type === 'op' && t.text === '(') {
      this.pos++;
      const inner = this.or();
      this.expectOp(')', inner.kind === 'operand' ? ['an operator', '")"'] : ['"and"', '"or"', '")"']);
      return { ...inner, at: t };
    }
    if (t.type === 'name' && t.text === 'baseline') {
      this.pos++;
      if (this.peek().type === 'op' && this.peek().text === '(') {
        this.pos++;
        const ref = this.ref();
        this.expectOp(')', ['")"']);
        return { kind: 'operand', node: { type: 'baseline', ...ref }, at: t };
      }
      const node: BaselineOperand = { type: 'baseline', name: '' };
      this.pendingBaselines.push({ node, at: t });
      return { kind: 'operand', node, at: t };
    }
    if (t.type === 'name' || t.type === 'quoted' || (t.type === 'op' && t.text === '[')) {
      return { kind: 'operand', node: { type: 'metric', ...this.ref() }, at: t };
    }
    throw this.error(t, OPERAND_START);
  }

  /** `[selector] name`: a metric name with the scope it is read in. */
  private ref(): { name: string; scope?: RunScope } {
    const t = this.peek();
    const own = t.type === 'op' && t.text === '[' ? this.selector() : undefined;
    const nameToken = this.peek();
    let name: string;
    let scope = own ?? this.gateScope;
    if (nameToken.type === 'quoted') {
      name = nameToken.name!;
    } else if (nameToken.type === 'name' && !RESERVED.has(nameToken.text)) {
      if (GLUED_RESERVED.test(nameToken.text)) {
        throw this.error(nameToken, OPERAND_START, `"-" and "/" can be part of a metric name: put spaces around them when they are operators (e.g. baseline - 0.01).`);
      }
      name = nameToken.text;
      if (name.startsWith(EVAL_PREFIX) && name.length > EVAL_PREFIX.length) {
        // `eval.` is the metric's own `[eval]` selector: it overrides a gate-wide run or entry
        // point, takes the target of a gate-wide `[eval=...]`, and contradicts its own `[run=...]`.
        name = name.slice(EVAL_PREFIX.length);
        if (own && own.kind !== 'eval') {
          throw this.error(nameToken, ['a metric name'], `"eval.<name>" reads an evaluation metric, so it cannot also be read from ${formatScope(own)}; backquote the name if it really starts with "eval.".`);
        }
        scope = scope?.kind === 'eval' ? scope : { kind: 'eval' };
      }
    } else {
      const hint = nameToken.type === 'name' ? `"${nameToken.text}" is a keyword: backquote a metric with that name (\`${nameToken.text}\`).` : undefined;
      throw this.error(nameToken, own ? ['a metric name'] : OPERAND_START, hint);
    }
    this.pos++;
    return scope ? { name, scope } : { name };
  }

  /** `[run=train]`, `[entry_point=main]`, `[eval=gpt-4o]`, `[eval]`. */
  private selector(): RunScope {
    this.pos++; // [
    const kindToken = this.peek();
    const kind = SCOPE_KINDS.find((k) => kindToken.type === 'name' && kindToken.text === k);
    if (!kind) throw this.error(kindToken, SCOPE_KINDS.map((k) => `"${k}"`), 'A selector names the run a metric is read from, e.g. [run=train] or [eval=gpt-4o].');
    this.pos++;
    if (kind === 'eval' && this.peek().type === 'op' && this.peek().text === ']') {
      this.pos++;
      return { kind };
    }
    this.expectOp('=', kind === 'eval' ? ['"="', '"]"'] : ['"="']);
    const value = this.peek();
    if (value.type !== 'name' && value.type !== 'quoted' && value.type !== 'number') {
      throw this.error(value, [`the ${kind === 'entry_point' ? 'entry point' : kind === 'eval' ? 'evaluation target' : 'run'} name`], 'Backquote a name with other characters: [run=`my run`].');
    }
    this.pos++;
    this.expectOp(']', ['"]"']);
    return { kind, name: value.type === 'quoted' ? value.name! : value.text };
  }

  private condition(node: Node, context: string): Condition {
    if (node.kind === 'condition') return node.node;
    throw this.error(node.at, ['a comparison'], `"${context}" combines conditions such as accuracy >= 0.9, not numbers.`);
  }

  private operand(node: Node, context: string): Operand {
    if (node.kind === 'operand') return node.node;
    throw this.error(node.at, ['a number or metric'], `"${context}" needs numbers or metrics, not a condition.`);
  }

  private expectOp(op: string, expected: string[]): void {
    const t = this.peek();
    if (t.type !== 'op' || t.text !== op) throw this.error(t, expected);
    this.pos++;
  }

  private atWord(word: string): boolean {
    const t = this.peek();
    return t.type === 'name' && t.text === word;
  }

  private peek(): Token {
    return this.tokens[this.pos]!;
  }

  private error(at: Token, expected: string[], hint?: string): Error {
    return this.source.error(at.start, describeToken(at), expected, hint);
  }

  /** The gate as written, comments dropped and each run of spacing shown as one space. */
  private sourceText(first: Token, last: Token): string {
    let text = '';
    for (let i = this.tokens.indexOf(first); i < this.tokens.length; i++) {
      const t = this.tokens[i]!;
      const prev = this.tokens[i - 1];
      if (text !== '' && prev && prev.end < t.start) text += ' ';
      text += t.text;
      if (t === last) break;
    }
    return text;
  }
}
