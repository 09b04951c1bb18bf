import { ASTUtils, TSESLint, AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../utils/create-rule.ts';
import { fileImportsKind, sdkCallee, skipTransparent } from '../utils/imports.ts';
import { getSettings, matchesModule } from '../utils/settings.ts';
import { classifyTracingCall, spanParameter, spanVariable, tracingCalls } from '../utils/tracing.ts';
import { annotationImport, callsTracking, classField, propertyValue, trackingCallOf } from '../utils/tracking.ts';

const { DefinitionType } = TSESLint.Scope;

type MessageId = 'secretKey' | 'secretValue' | 'secretEnv' | 'secretLiteral' | 'clientObject';

/** Words of an identifier, property name or env var name: `openaiApiKey`, `OPENAI_API_KEY` and `x-api-key` all give [..., 'api', 'key']. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

const SECRET_WORDS = new Set(['secret', 'secrets', 'password', 'passwd', 'passphrase', 'credential', 'credentials', 'cookie', 'cookies', 'authorization', 'apikey', 'privatekey', 'bearer']);
/** `key` is a secret only after one of these: `api_key`, `privateKey`, `AWS_SECRET_ACCESS_KEY`. */
const KEY_QUALIFIERS = new Set(['api', 'private', 'secret', 'access', 'signing', 'encryption', 'client']);
/** Names ending so describe a secret without holding it (`apiKeyName`, `token_count`, `password_set`). */
const DESCRIBING_WORDS = new Set([
  'name', 'names', 'id', 'ids', 'arn', 'path', 'file', 'env', 'var', 'ref', 'hint', 'policy', 'length', 'len', 'count', 'type',
  'set', 'present', 'configured', 'provided', 'exists', 'hash', 'sha', 'fingerprint', 'last4', 'prefix', 'masked', 'redacted', 'source', 'url', 'text',
]);
/** `token` in LLM code is mostly a count (`max_tokens`, `token_limit`); these neighbours mark that sense. */
const TOKEN_COUNT_WORDS = new Set(['count', 'counts', 'num', 'number', 'max', 'min', 'limit', 'limits', 'usage', 'total', 'budget', 'index', 'idx', 'position', 'logprob', 'logprobs', 'page', 'next', 'cancellation', 'continuation', 'input', 'output', 'prompt', 'completion', 'vocab']);

/** Whether a name (identifier, property key or env var) says its value is a credential. */
function isSecretName(name: string): boolean {
  const w = words(name);
  if (w.length === 0 || DESCRIBING_WORDS.has(w[w.length - 1]!)) return false;
  for (let i = 0; i < w.length; i++) {
    const word = w[i]!;
    if (SECRET_WORDS.has(word)) return true;
    if (word === 'key' && i > 0 && KEY_QUALIFIERS.has(w[i - 1]!)) return true;
    if (word === 'token' && !w.some((x) => TOKEN_COUNT_WORDS.has(x))) return true;
  }
  return false;
}

/** Credential formats that identify themselves; each has a name for the message. */
const SECRET_VALUE_PATTERNS: readonly { name: string; pattern: RegExp }[] = [
  { name: 'an OpenAI/Anthropic API key', pattern: /\bsk-[A-Za-z0-9_-]{20,}/ },
  { name: 'an AWS access key id', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { name: 'a GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})/ },
  { name: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}/ },
  { name: 'a Slack token', pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}/ },
  { name: 'a Hugging Face token', pattern: /\bhf_[A-Za-z0-9]{30,}/ },
  { name: 'a private key', pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
  { name: 'a JSON Web Token', pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/ },
];

/** The kind of credential a string literal holds, if it holds one. */
function secretLiteralKind(text: string): string | undefined {
  return SECRET_VALUE_PATTERNS.find((p) => p.pattern.test(text))?.name;
}

const MAX_DEPTH = 4;
const SPAN_FIELDS = ['attributes', 'inputs'];
const SPAN_METHODS = ['setAttribute', 'setAttributes', 'setInputs', 'setOutputs', 'addEvent'];
/** Span types of the tracing SDKs (`LiveSpan`/`Span` in ours and `@mlflow/core`, `Span` in OpenTelemetry). */
const SPAN_TYPES = ['Span', 'LiveSpan'];

export default createRule<[], MessageId>({
  name: 'no-secrets-in-telemetry',
  meta: {
    type: 'problem',
    docs: { description: 'Disallow API keys, tokens and passwords in span attributes, inputs, outputs, params and tags', recommended: 'recommended' },
    schema: [],
    messages: {
      secretKey: "'{{name}}' names a credential; telemetry is stored and shown in the MLflow UI to everyone who can read the experiment. Drop it or log whether it is set.",
      secretValue: "'{{name}}' holds a credential and would be stored in telemetry in plain text. Drop it or log a non-secret fact about it.",
      secretEnv: 'process.env.{{name}} holds a credential and would be stored in telemetry in plain text.',
      secretLiteral: 'This string looks like {{kind}}; it would be stored in telemetry in plain text (and it should not be in source code).',
      clientObject: "'{{name}}' is an LLM SDK client, which carries its API key; record the model and options instead of the client.",
    },
  },
  defaultOptions: [],
  create(context) {
    const isGlobalProcess = (id: TSESTree.Identifier): boolean => {
      const variable = ASTUtils.findVariable(context.sourceCode.getScope(id), id);
      return !variable || variable.defs.length === 0;
    };

    /** `process.env.NAME` or `process.env['NAME']` on the real `process`: the variable's name. */
    const envName = (node: TSESTree.MemberExpression): string | undefined => {
      const obj = node.object;
      if (obj.type !== AST_NODE_TYPES.MemberExpression || obj.computed || obj.property.type !== AST_NODE_TYPES.Identifier || obj.property.name !== 'env') return undefined;
      if (obj.object.type !== AST_NODE_TYPES.Identifier || obj.object.name !== 'process' || !isGlobalProcess(obj.object)) return undefined;
      if (!node.computed && node.property.type === AST_NODE_TYPES.Identifier) return node.property.name;
      if (node.computed && node.property.type === AST_NODE_TYPES.Literal && typeof node.property.value === 'string') return node.property.value;
      return undefined;
    };

    /** An LLM SDK client (`new OpenAI()`, also inside a traced wrapper): it carries its API key. */
    const isLlmClient = (id: TSESTree.Identifier): boolean => {
      const def = ASTUtils.findVariable(context.sourceCode.getScope(id), id)?.defs[0];
      if (def?.type !== DefinitionType.Variable || !def.node.init) return false;
      let init = skipTransparent(def.node.init);
      // tracedOpenAI(new OpenAI()) is the same object behind a proxy.
      while (init.type === AST_NODE_TYPES.CallExpression && init.arguments[0]) init = skipTransparent(init.arguments[0]);
      return init.type === AST_NODE_TYPES.NewExpression && sdkCallee(context, init, 'llm') !== undefined;
    };

    /** A span from the tracing SDK: started, received by a span callback, the active one, or declared `Span`/`LiveSpan`. */
    const isSpan = (expression: TSESTree.Node, depth = 0): boolean => {
      const node = skipTransparent(expression);
      if (depth > MAX_DEPTH) return false;
      if (node.type === AST_NODE_TYPES.CallExpression) {
        if (classifyTracingCall(context, node)?.kind === 'startSpan') return true;
        const last = sdkCallee(context, node, 'tracing')?.path.at(-1);
        return last === 'getCurrentActiveSpan' || last === 'getActiveSpan' || last === 'getSpan';
      }
      if (node.type === AST_NODE_TYPES.Identifier) {
        const variable = ASTUtils.findVariable(context.sourceCode.getScope(node), node);
        const def = variable?.defs[0];
        if (!variable || !def) return false;
        const { calls } = tracingCalls(context);
        if (calls.some((t) => spanParameter(t) === def.name)) return true;
        if (calls.some((t) => t.kind === 'startSpan' && spanVariable(context, t) === variable)) return true;
        if (def.type === DefinitionType.Variable && def.node.id.type === AST_NODE_TYPES.Identifier) {
          return isSpanType(def.node.id.typeAnnotation) || (def.node.init !== null && isSpan(def.node.init, depth + 1));
        }
        return def.type === DefinitionType.Parameter && def.name.type === AST_NODE_TYPES.Identifier && isSpanType(def.name.typeAnnotation);
      }
      if (node.type === AST_NODE_TYPES.MemberExpression) {
        const field = classField(node);
        return field !== undefined && (isSpanType(field.annotation) || field.values.some((v) => isSpan(v, depth + 1)));
      }
      return false;
    };

    const isSpanType = (annotation: TSESTree.TSTypeAnnotation | undefined): boolean => {
      const ref = annotationImport(context, annotation);
      return ref !== undefined && SPAN_TYPES.includes(ref.name) && matchesModule(ref.module, context.filename, getSettings(context).tracingModules) !== undefined;
    };

    /** Values that cannot carry a secret whatever their key says: booleans, numbers, null, tests and counts. */
    const isHarmless = (value: TSESTree.Node): boolean => {
      switch (value.type) {
        case AST_NODE_TYPES.Literal:
          return typeof value.value !== 'string';
        case AST_NODE_TYPES.UnaryExpression:
          return value.operator === '!' || value.operator === 'typeof';
        case AST_NODE_TYPES.BinaryExpression:
          return ['==', '===', '!=', '!==', '<', '>', '<=', '>=', 'instanceof', 'in'].includes(value.operator);
        case AST_NODE_TYPES.CallExpression:
          return value.callee.type === AST_NODE_TYPES.Identifier && ['Boolean', 'Number'].includes(value.callee.name);
        case AST_NODE_TYPES.MemberExpression:
          return !value.computed && value.property.type === AST_NODE_TYPES.Identifier && value.property.name === 'length';
        default:
          return false;
      }
    };

    const staticName = (key: TSESTree.Node, computed: boolean): string | undefined => {
      if (!computed && key.type === AST_NODE_TYPES.Identifier) return key.name;
      if (key.type === AST_NODE_TYPES.Literal && typeof key.value === 'string') return key.value;
      if (key.type === AST_NODE_TYPES.TemplateLiteral && key.expressions.length === 0) return key.quasis[0]?.value.cooked ?? undefined;
      return undefined;
    };

    /** Reports a key-value pair: a key naming a credential, or a value holding one. */
    const checkEntry = (key: TSESTree.Node, computed: boolean, value: TSESTree.Node | undefined, depth: number): void => {
      const name = staticName(key, computed);
      if (name !== undefined && isSecretName(name) && !(value && isHarmless(value))) {
        context.report({ node: key, messageId: 'secretKey', data: { name } });
        return;
      }
      if (value) checkValue(value, depth);
    };

    const checkValue = (node: TSESTree.Node, depth = 0): void => {
      if (depth > MAX_DEPTH) return;
      switch (node.type) {
        case AST_NODE_TYPES.Literal:
          if (typeof node.value === 'string') {
            const kind = secretLiteralKind(node.value);
            if (kind) context.report({ node, messageId: 'secretLiteral', data: { kind } });
          }
          return;
        case AST_NODE_TYPES.TemplateLiteral: {
          const kind = secretLiteralKind(node.quasis.map((q) => q.value.cooked ?? '').join(''));
          if (kind) context.report({ node, messageId: 'secretLiteral', data: { kind } });
          for (const e of node.expressions) checkValue(e, depth + 1);
          return;
        }
        case AST_NODE_TYPES.Identifier:
          if (isSecretName(node.name)) context.report({ node, messageId: 'secretValue', data: { name: node.name } });
          else if (isLlmClient(node)) context.report({ node, messageId: 'clientObject', data: { name: node.name } });
          return;
        case AST_NODE_TYPES.MemberExpression: {
          const env = envName(node);
          if (env !== undefined) {
            if (isSecretName(env)) context.report({ node, messageId: 'secretEnv', data: { name: env } });
            return;
          }
          const prop = staticName(node.property, node.computed);
          if (prop !== undefined && isSecretName(prop)) context.report({ node, messageId: 'secretValue', data: { name: context.sourceCode.getText(node) } });
          return;
        }
        case AST_NODE_TYPES.ObjectExpression:
          for (const p of node.properties) {
            if (p.type === AST_NODE_TYPES.Property) checkEntry(p.key, p.computed, p.value, depth + 1);
            else checkValue(p.argument, depth + 1);
          }
          return;
        case AST_NODE_TYPES.ArrayExpression:
          for (const e of node.elements) if (e) checkValue(e.type === AST_NODE_TYPES.SpreadElement ? e.argument : e, depth + 1);
          return;
        case AST_NODE_TYPES.ConditionalExpression:
          checkValue(node.consequent, depth + 1);
          checkValue(node.alternate, depth + 1);
          return;
        case AST_NODE_TYPES.LogicalExpression:
          checkValue(node.left, depth + 1);
          checkValue(node.right, depth + 1);
          return;
        case AST_NODE_TYPES.BinaryExpression:
          if (node.operator === '+') {
            checkValue(node.left, depth + 1);
            checkValue(node.right, depth + 1);
          }
          return;
        case AST_NODE_TYPES.TSAsExpression:
        case AST_NODE_TYPES.TSNonNullExpression:
        case AST_NODE_TYPES.TSSatisfiesExpression:
        case AST_NODE_TYPES.ChainExpression:
          checkValue(node.expression, depth);
          return;
        case AST_NODE_TYPES.AwaitExpression:
          checkValue(node.argument, depth);
          return;
        default:
          return;
      }
    };

    /** `[{ key, value }]` lists as well as `{ k: v }` records. */
    const checkKeyValues = (node: TSESTree.Node | undefined): void => {
      if (!node) return;
      if (node.type === AST_NODE_TYPES.ArrayExpression) {
        for (const e of node.elements) {
          if (e?.type !== AST_NODE_TYPES.ObjectExpression) continue;
          const key = propertyValue(e, 'key');
          const value = propertyValue(e, 'value');
          if (key) checkEntry(key, true, value, 1);
          else checkValue(e);
        }
      } else checkValue(node);
    };

    /** Options objects whose `attributes`/`inputs`/`tags`/`metadata` are recorded. */
    const checkOptions = (node: TSESTree.Node | undefined, fields: readonly string[]): void => {
      for (const f of fields) {
        const v = propertyValue(node, f);
        if (v) checkKeyValues(v);
      }
    };

    const tracing = fileImportsKind(context, 'tracing');
    const tracking = fileImportsKind(context, 'tracking');
    if (!tracing && !tracking) return {};

    /** Calls that record: span options and methods, trace tags and metadata. */
    const checkTracingCall = (node: TSESTree.CallExpression): boolean => {
      const args = node.arguments;
      const traced = classifyTracingCall(context, node);
      if (traced) {
        checkOptions(traced.options, SPAN_FIELDS);
        return true;
      }
      if (sdkCallee(context, node, 'tracing')?.path.at(-1) === 'updateCurrentTrace') {
        checkOptions(args[0], ['tags', 'metadata']);
        return true;
      }
      const callee = node.callee;
      if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier) {
        const method = callee.property.name;
        if (SPAN_METHODS.includes(method) && isSpan(callee.object)) {
          if (method === 'setAttribute') {
            if (args[0]) checkEntry(args[0], true, args[1], 0);
          } else if (method === 'addEvent') {
            // addEvent(name, attributes) (OpenTelemetry) or addEvent({ name, attributes }) (MLflow)
            if (args[0]?.type === AST_NODE_TYPES.ObjectExpression) checkOptions(args[0], ['attributes']);
            if (args[1]) checkKeyValues(args[1]);
          } else if (args[0]) checkKeyValues(args[0]);
          return true;
        }
      }
      return false;
    };

    /** Params and tags (metric values are numbers, so they cannot carry a credential). */
    const checkTrackingCall = (node: TSESTree.CallExpression): void => {
      if (callsTracking(context, node, ['startRun'])) return checkOptions(node.arguments[0], ['tags']);
      const call = trackingCallOf(context, node);
      const [first, second] = call?.args ?? [];
      switch (call?.method) {
        case 'logParam':
        case 'setTag':
          if (first) checkEntry(first, true, second, 0);
          return;
        case 'logParams':
        case 'setTags':
          return checkKeyValues(first);
        case 'logBatch':
          return checkOptions(first, ['params', 'tags']);
        default:
          return;
      }
    };

    return {
      CallExpression(node) {
        if (tracing && checkTracingCall(node)) return;
        if (tracking) checkTrackingCall(node);
      },
    };
  },
});
