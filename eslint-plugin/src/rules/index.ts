/**
 * Every rule of the plugin, by name. The configs are generated from these rules' `meta.docs`
 * (src/configs.ts), and tests/meta.test.ts checks that each has docs, tests and a config.
 */
import genAiSemconvAttributes from './gen-ai-semconv-attributes.ts';
import llmCallMustBeTraced from './llm-call-must-be-traced.ts';
import metricKeyFormat from './metric-key-format.ts';
import noConsoleInTraced from './no-console-in-traced.ts';
import noFloatingSpanPromise from './no-floating-span-promise.ts';
import noSecretsInTelemetry from './no-secrets-in-telemetry.ts';
import noSpanUseAfterEnd from './no-span-use-after-end.ts';
import preferLogBatchInLoop from './prefer-log-batch-in-loop.ts';
import recordExceptionInCatch from './record-exception-in-catch.ts';
import requireRunContext from './require-run-context.ts';
import runMustEnd from './run-must-end.ts';
import spanAttributeNaming from './span-attribute-naming.ts';
import spanMustEnd from './span-must-end.ts';
import spanNameStatic from './span-name-static.ts';
import validMetricValue from './valid-metric-value.ts';

export const rules = {
  'gen-ai-semconv-attributes': genAiSemconvAttributes,
  'llm-call-must-be-traced': llmCallMustBeTraced,
  'metric-key-format': metricKeyFormat,
  'no-console-in-traced': noConsoleInTraced,
  'no-floating-span-promise': noFloatingSpanPromise,
  'no-secrets-in-telemetry': noSecretsInTelemetry,
  'no-span-use-after-end': noSpanUseAfterEnd,
  'prefer-log-batch-in-loop': preferLogBatchInLoop,
  'record-exception-in-catch': recordExceptionInCatch,
  'require-run-context': requireRunContext,
  'run-must-end': runMustEnd,
  'span-attribute-naming': spanAttributeNaming,
  'span-must-end': spanMustEnd,
  'span-name-static': spanNameStatic,
  'valid-metric-value': validMetricValue,
};

export type RuleName = keyof typeof rules;
