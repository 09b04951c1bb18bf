/**
 * The plugin over published TypeScript that really uses OpenTelemetry and openai (see
 * real-world-sample.ts): `recommended` must report nothing on it, and `strict` must report
 * exactly the reviewed list below. A new or vanished report fails the test, so every change in
 * what the rules find on real code is looked at (and classified in the rule's docs when it is
 * a false positive).
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { findSamples, lintSamples, type Sample } from './real-world-sample.ts';

/**
 * Every `strict` report on the sample, reviewed. `openai`'s own helpers call the SDK outside
 * any trace: a library that wraps the SDK leaves tracing to its callers, which is the case
 * llm-call-must-be-traced's docs list under "When not to use it" (false positives here).
 */
const EXPECTED_STRICT: readonly string[] = [
  'openai/src/lib/AbstractChatCompletionRunner.ts:316 mlflow-ts/llm-call-must-be-traced',
  'openai/src/lib/ChatCompletionStream.ts:451 mlflow-ts/llm-call-must-be-traced',
  'openai/src/lib/responses/ResponseStream.ts:196 mlflow-ts/llm-call-must-be-traced',
];

describe('real-world sample', () => {
  let samples: Sample[];
  before(() => {
    samples = findSamples();
  });

  it('is real source of a real size', () => {
    for (const s of samples) assert.ok(s.files.length > 0 && s.lines > 100, `${s.name}@${s.version} has ${s.files.length} files, ${s.lines} lines`);
  });

  it('recommended reports nothing', async () => {
    const reports = await lintSamples(samples, 'recommended');
    assert.deepEqual(reports, []);
  });

  it('recommended-type-checked reports nothing', async () => {
    const reports = await lintSamples(samples, 'recommended-type-checked');
    assert.deepEqual(reports, []);
  });

  it('strict reports exactly the reviewed list', async () => {
    const reports = await lintSamples(samples, 'strict');
    assert.deepEqual(
      reports.map((r) => `${r.file}:${r.line} ${r.ruleId}`).sort(),
      [...EXPECTED_STRICT].sort(),
    );
  });
});
