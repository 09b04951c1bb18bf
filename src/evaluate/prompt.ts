/**
 * Prompt templates: `{{column}}` (spaces inside the braces allowed) replaced by the row's value.
 * Deliberately nothing more: no conditionals, filters or expressions, so a suite file can never
 * run code. Text between double braces that is not a name (`{{ a b }}`, `{{}}`, JSON in a prompt)
 * stays as written.
 *
 * A name is looked up as a column of the row; `expected` is the row's expected answer, and
 * `input.<column>` is `<column>`, as in the judge scorer's rubric templates.
 */
import { didYouMean } from '../config/yaml-file.ts';
import type { ChatMessage, EvalRow } from './types.ts';

/** A template, or a row's values, that cannot produce a prompt. */
export class TemplateError extends Error {
  /** The variable that had no value, when that is the problem. */
  readonly variable: string | undefined;
  constructor(message: string, options?: ErrorOptions & { variable?: string }) {
    super(message, options);
    this.name = 'TemplateError';
    this.variable = options?.variable;
  }
}

/** Letters and digits of any script, `_`, `.` and `-`. */
const PLACEHOLDER = /\{\{\s*([\p{L}\p{N}_.-]+)\s*\}\}/gu;
const INPUT_PREFIX = 'input.';

/** A template split once into literal text and variable names, for rendering many rows. */
export interface CompiledTemplate {
  readonly source: string;
  /** Variable names in order of first appearance, each once. */
  readonly variables: readonly string[];
  /** Renders with `lookup`, which returns undefined for a variable it does not have. */
  render(lookup: (name: string) => unknown): string;
}

export function compileTemplate(template: string): CompiledTemplate {
  const literals: string[] = [];
  const names: string[] = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    literals.push(template.slice(last, m.index));
    names.push(m[1]!);
    last = m.index + m[0].length;
  }
  literals.push(template.slice(last));
  return {
    source: template,
    variables: [...new Set(names)],
    render(lookup) {
      let out = literals[0]!;
      for (let i = 0; i < names.length; i++) {
        const name = names[i]!;
        const value = lookup(name);
        if (value === undefined) throw new TemplateError(`no value for {{${name}}}.`, { variable: name });
        out += asPromptText(value) + literals[i + 1]!;
      }
      return out;
    },
  };
}

/** The names of `template`'s variables, in order of first appearance. */
export function templateVariables(template: string): string[] {
  return [...compileTemplate(template).variables];
}

/** A value as prompt text: strings as they are, anything else as JSON (`null`, `3`, `{"a":1}`). */
function asPromptText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
}

/**
 * `template` with each `{{name}}` replaced by `values[name]`. Throws TemplateError naming a
 * variable that `values` lacks (undefined counts as lacking; null is rendered as `null`).
 */
export function renderTemplate(template: string, values: Readonly<Record<string, unknown>>): string {
  try {
    return compileTemplate(template).render((name) => (Object.hasOwn(values, name) ? values[name] : undefined));
  } catch (err) {
    if (!(err instanceof TemplateError) || err.variable === undefined) throw err;
    const given = Object.keys(values).join(', ') || '(none)';
    throw new TemplateError(`no value for {{${err.variable}}}; values given: ${given}.`, { variable: err.variable });
  }
}

/** What `name` means in `row`: a column, `expected`, or `input.<column>`; undefined when none. */
export function rowVariable(row: EvalRow, name: string): unknown {
  if (Object.hasOwn(row.inputs, name)) return row.inputs[name];
  if (name === 'expected') return row.expected;
  if (name.startsWith(INPUT_PREFIX)) {
    const column = name.slice(INPUT_PREFIX.length);
    if (Object.hasOwn(row.inputs, column)) return row.inputs[column];
  }
  return undefined;
}

/** The columns a template may name for `row`, for messages. */
export function rowVariableNames(row: EvalRow): string[] {
  const names = Object.keys(row.inputs);
  if (row.expected !== undefined && !names.includes('expected')) names.push('expected');
  return names;
}

/** Says which row lacks which column that which template uses, and what the row has. */
export function missingColumnMessage(row: EvalRow, variable: string, where: string): string {
  const has = rowVariableNames(row);
  const hint = didYouMean(variable, has);
  return `row ${row.index} has no column "${variable}", which ${where} uses as {{${variable}}}.${hint} The row's columns: ${has.join(', ') || '(none)'}.`;
}

/** What a suite's prompt is made of: one user message, or a list of messages. */
export interface PromptSpec {
  prompt?: string;
  messages?: readonly ChatMessage[];
}

/** Where each template of a prompt spec is, as a YAML path, with its variables. */
export function promptTemplates(spec: PromptSpec): { where: string; template: string }[] {
  if (spec.prompt !== undefined) return [{ where: 'prompt', template: spec.prompt }];
  return (spec.messages ?? []).map((m, i) => ({ where: `messages[${i}].content`, template: m.content }));
}

interface CompiledPrompt {
  role: ChatMessage['role'];
  template: CompiledTemplate;
  where: string;
}

/** Compiled once per suite object: a suite renders the same templates for every row. */
const compiledPrompts = new WeakMap<PromptSpec, CompiledPrompt[]>();

function compiledPromptOf(spec: PromptSpec): CompiledPrompt[] {
  let compiled = compiledPrompts.get(spec);
  if (!compiled) {
    const roles: ChatMessage['role'][] = spec.prompt !== undefined ? ['user'] : (spec.messages ?? []).map((m) => m.role);
    compiled = promptTemplates(spec).map((t, i) => ({ role: roles[i]!, template: compileTemplate(t.template), where: t.where }));
    compiledPrompts.set(spec, compiled);
  }
  return compiled;
}

/**
 * The chat messages for `row`: the suite's `prompt` as one user message, or its `messages` with
 * each content rendered. Throws TemplateError (that row's error) when the row lacks a variable,
 * and when the suite has neither prompt nor messages (only gateway and openai targets need them).
 */
export function buildMessages(suite: PromptSpec, row: EvalRow): ChatMessage[] {
  const compiled = compiledPromptOf(suite);
  if (compiled.length === 0) throw new TemplateError('the suite has no prompt or messages; add one of them to send rows to a chat target.');
  return compiled.map(({ role, template, where }) => {
    try {
      return { role, content: template.render((name) => rowVariable(row, name)) };
    } catch (err) {
      if (!(err instanceof TemplateError) || err.variable === undefined) throw err;
      throw new TemplateError(missingColumnMessage(row, err.variable, where), { variable: err.variable });
    }
  });
}
