/**
 * Type information for the rules that use it. Rules marked `requiresTypeChecking` call
 * `typeServices(context)` and get the program or ESLint's "you have used a rule which requires
 * type information" error; rules that only refine a name-based answer with types call
 * `optionalTypeServices(context)` and fall back to the import check (`imports.ts`) without it.
 */
import { typeMatchesSomeSpecifier, type TypeOrValueSpecifier } from '@typescript-eslint/type-utils';
import { ESLintUtils, type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isThenableType } from 'ts-api-utils';
import type * as ts from 'typescript';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export type { TypeOrValueSpecifier };

/** The type services; throws ESLint's standard error when the config has no `projectService`. */
export function typeServices(context: Context): ParserServicesWithTypeInformation {
  return ESLintUtils.getParserServices(context);
}

/**
 * The type services when the file was parsed with type information, else undefined (also under
 * another parser, e.g. espree for .js files, where getParserServices would throw even when allowed
 * to go without types).
 */
export function optionalTypeServices(context: Context): ParserServicesWithTypeInformation | undefined {
  const services = context.sourceCode.parserServices;
  if (!services?.program || !services.esTreeNodeToTSNodeMap) return undefined;
  return ESLintUtils.getParserServices(context);
}

/** The type of an ESTree node (the constrained type for generics). */
export function typeOf(services: ParserServicesWithTypeInformation, node: TSESTree.Node): ts.Type {
  const type = services.getTypeAtLocation(node);
  return services.program.getTypeChecker().getBaseConstraintOfType(type) ?? type;
}

/**
 * Whether `node`'s type (or, for a union, one of its members) is declared by one of `specifiers`,
 * e.g. `[{ from: 'package', package: 'openai', name: 'OpenAI' }]`.
 */
export function typeMatches(services: ParserServicesWithTypeInformation, node: TSESTree.Node, specifiers: TypeOrValueSpecifier[]): boolean {
  const type = typeOf(services, node);
  const parts = type.isUnion() ? type.types : [type];
  return parts.some((t) => typeMatchesSomeSpecifier(t, specifiers, services.program));
}

/** Whether the value of `node` is a promise or other thenable (`any` is not). */
export function isThenable(services: ParserServicesWithTypeInformation, node: TSESTree.Node): boolean {
  const tsNode = services.esTreeNodeToTSNodeMap.get(node);
  return isThenableType(services.program.getTypeChecker(), tsNode, services.getTypeAtLocation(node));
}
