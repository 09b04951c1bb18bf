import { ASTUtils, TSESLint, AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../utils/create-rule.ts';
import { CONSTRUCT, fileImportsKind, memberName, sdkReference, skipTransparent } from '../utils/imports.ts';
import { getSettings, matchesModule } from '../utils/settings.ts';
import { isInTracedScope } from '../utils/tracing.ts';
import { annotationImport, classField } from '../utils/tracking.ts';
import { optionalTypeServices, typeMatches } from '../utils/type-aware.ts';

const { DefinitionType } = TSESLint.Scope;

type Options = [{ tracedClientFactories?: string[] }];
type MessageId = 'untracedLlmCall';

interface Sdk {
  /** The package, as imported and as configured in `llmModules`. */
  module: string;
  /** Exports that construct a client (`default` for a default import). */
  clients: readonly string[];
  /** Member paths below a client that call a model. */
  paths: readonly string[];
  /** With types: the resource classes that declare model-calling methods, and those methods. */
  resources: Readonly<Record<string, readonly string[]>>;
}

const SDKS: readonly Sdk[] = [
  {
    module: 'openai',
    clients: ['default', 'OpenAI', 'AzureOpenAI'],
    paths: [
      'chat.completions.create',
      'chat.completions.parse',
      'chat.completions.stream',
      'beta.chat.completions.parse',
      'beta.chat.completions.stream',
      'responses.create',
      'responses.parse',
      'responses.stream',
      'embeddings.create',
      'completions.create',
    ],
    resources: { Completions: ['create', 'parse', 'stream'], Responses: ['create', 'parse', 'stream'], Embeddings: ['create'] },
  },
  {
    module: '@anthropic-ai/sdk',
    clients: ['default', 'Anthropic', 'AnthropicBedrock', 'AnthropicVertex'],
    paths: ['messages.create', 'messages.stream', 'messages.parse', 'beta.messages.create', 'beta.messages.stream', 'beta.messages.parse', 'completions.create'],
    resources: { Messages: ['create', 'stream', 'parse'], Completions: ['create'] },
  },
  {
    module: '@google/genai',
    clients: ['GoogleGenAI'],
    paths: ['models.generateContent', 'models.generateContentStream', 'models.embedContent'],
    resources: { Models: ['generateContent', 'generateContentStream', 'embedContent'], Chat: ['sendMessage', 'sendMessageStream'] },
  },
];

/** This project's auto-tracing wrappers (src/tracing/integrations): a client they return traces its own calls. */
const DEFAULT_FACTORIES = ['tracedOpenAI', 'tracedAnthropic', 'tracedGemini'];
const MAX_DEPTH = 6;

/** `a.b.c.create` → root `a` and path `b.c.create`; `this.client` stays a root (its class field says what it holds). */
function memberPath(callee: TSESTree.MemberExpression): { root: TSESTree.Node; path: string } | undefined {
  const names: string[] = [];
  let node: TSESTree.Node = callee;
  while (node.type === AST_NODE_TYPES.MemberExpression && node.object.type !== AST_NODE_TYPES.ThisExpression) {
    const name = memberName(node);
    if (name === undefined) return undefined;
    names.unshift(name);
    node = skipTransparent(node.object);
  }
  return { root: node, path: names.join('.') };
}

export default createRule<Options, MessageId>({
  name: 'llm-call-must-be-traced',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require OpenAI, Anthropic and Gemini SDK calls to run in a traced scope or through a traced client',
      recommended: 'strict',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          tracedClientFactories: {
            type: 'array',
            items: { type: 'string' },
            description: 'Functions whose returned client traces its own calls (besides tracedOpenAI, tracedAnthropic and tracedGemini), e.g. `wrapOpenAI` or `observeOpenAI`.',
          },
        },
      },
    ],
    messages: {
      untracedLlmCall:
        'This {{sdk}} call ({{call}}) runs outside any trace, so its latency, tokens and errors are not recorded. Wrap the client (tracedOpenAI/tracedAnthropic/tracedGemini) or run the call inside trace()/withSpan().',
    },
  },
  defaultOptions: [{ tracedClientFactories: [] }],
  create(context, [{ tracedClientFactories = [] }]) {
    const services = optionalTypeServices(context);
    // Without types, only files that import an LLM SDK can construct a client.
    if (!services && !fileImportsKind(context, 'llm')) return {};
    const factories = new Set([...DEFAULT_FACTORIES, ...tracedClientFactories]);
    const llmModules = getSettings(context).llmModules;
    const sourceCode = context.sourceCode;

    const sdkOfModule = (module: string): Sdk | undefined => {
      const matched = matchesModule(module, context.filename, llmModules);
      return matched === undefined ? undefined : SDKS.find((s) => s.module === matched);
    };

    /** A call of a traced-client factory: by its imported name, or (a local helper) by its own name. */
    const isFactoryCall = (node: TSESTree.Node): boolean => {
      if (node.type !== AST_NODE_TYPES.CallExpression) return false;
      const ref = sdkReference(context, node.callee, 'tracing');
      const name = ref ? ref.path.at(-1) : node.callee.type === AST_NODE_TYPES.Identifier ? node.callee.name : undefined;
      if (name !== undefined && factories.has(name)) return true;
      // An imported factory from a module that is not configured (`observeOpenAI` from 'langfuse').
      if (node.callee.type !== AST_NODE_TYPES.Identifier) return false;
      const def = ASTUtils.findVariable(sourceCode.getScope(node.callee), node.callee)?.defs[0];
      if (def?.type !== DefinitionType.ImportBinding || def.node.type !== AST_NODE_TYPES.ImportSpecifier) return false;
      const imported = def.node.imported.type === AST_NODE_TYPES.Identifier ? def.node.imported.name : def.node.imported.value;
      return factories.has(imported);
    };

    /** A client declared by type: `client: OpenAI`, `private llm: Anthropic`. */
    const annotatedSdk = (annotation: TSESTree.TSTypeAnnotation | undefined): Sdk | undefined => {
      const ref = annotationImport(context, annotation);
      const sdk = ref && sdkOfModule(ref.module);
      return sdk && ref && sdk.clients.includes(ref.name) ? sdk : undefined;
    };

    type Origin = Sdk | 'traced' | undefined;

    /** Where a client comes from: an SDK constructor, a traced factory, or unknown. */
    const originOf = (expression: TSESTree.Node, depth = 0): Origin => {
      const node = skipTransparent(expression);
      if (depth > MAX_DEPTH) return undefined;
      if (isFactoryCall(node)) return 'traced';
      if (node.type === AST_NODE_TYPES.NewExpression) {
        const ref = sdkReference(context, node, 'llm');
        const sdk = ref && sdkOfModule(ref.module);
        return sdk && ref && ref.path.length === 2 && ref.path[1] === CONSTRUCT && sdk.clients.includes(ref.path[0]!) ? sdk : undefined;
      }
      if (node.type === AST_NODE_TYPES.Identifier) {
        const def = ASTUtils.findVariable(sourceCode.getScope(node), node)?.defs[0];
        if (def?.type === DefinitionType.Variable && def.node.id.type === AST_NODE_TYPES.Identifier) {
          return (def.node.init ? originOf(def.node.init, depth + 1) : undefined) ?? annotatedSdk(def.node.id.typeAnnotation);
        }
        if (def?.type === DefinitionType.Parameter && def.name.type === AST_NODE_TYPES.Identifier) return annotatedSdk(def.name.typeAnnotation);
        return undefined;
      }
      if (node.type === AST_NODE_TYPES.MemberExpression) {
        const field = classField(node);
        if (!field) return undefined;
        const fromValues = field.values.map((v) => originOf(v, depth + 1)).find((o) => o !== undefined);
        return fromValues ?? annotatedSdk(field.annotation);
      }
      return undefined;
    };

    /** With types: the SDK whose resource class (`Completions`, `Messages`, `Models`, …) declares the called method. */
    const sdkByType = (callee: TSESTree.MemberExpression, method: string): Sdk | undefined => {
      if (!services) return undefined;
      return SDKS.find((sdk) => {
        if (sdkOfModule(sdk.module) === undefined) return false;
        const classes = Object.keys(sdk.resources).filter((c) => sdk.resources[c]!.includes(method));
        return classes.length > 0 && typeMatches(services, callee.object, [{ from: 'package', package: sdk.module, name: classes }]);
      });
    };

    return {
      CallExpression(node) {
        const callee = skipTransparent(node.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
        const method = memberName(callee);
        const member = memberPath(callee);
        if (method === undefined || !member) return;
        const origin = originOf(member.root);
        if (origin === 'traced') return;
        const sdk = sdkByType(callee, method) ?? (origin?.paths.includes(member.path) ? origin : undefined);
        if (!sdk || isInTracedScope(context, node)) return;
        context.report({ node, messageId: 'untracedLlmCall', data: { sdk: sdk.module, call: sourceCode.getText(callee) } });
      },
    };
  },
});
