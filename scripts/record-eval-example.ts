/**
 * Re-records examples/qa-eval/recordings: the gateway exchanges `npm run demo` replays offline.
 * The upstream is a local FAKE provider (test/fakes), not a real model: canned "models" with known
 * mistakes and a few answers that change between calls, so the scorers, thresholds, confidence
 * intervals and flaky-row detection all have something to show. A real provider is recorded the
 * same way with `mlflow-ts server --gateway-config <real config> --gateway-record <dir>` (README).
 *
 *   npm run record:eval-example
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MlflowClient } from '../src/client/index.ts';
import { evaluate, formatEvaluation, loadSuite } from '../src/evaluate/index.ts';
import { startTrackingServer } from '../src/tracking/server.ts';
import { startFakeLlmUpstreams, type FakeReply, type FakeRequest } from '../test/fakes/llm-upstreams.ts';

const root = new URL('..', import.meta.url).pathname;
const example = join(root, 'examples/qa-eval');
const recordings = join(example, 'recordings');
/** The api base the example's gateway-config.yaml names. */
const FAKE_PORT = 18089;

const answers = new Map<string, string>(
  readFileSync(join(example, 'questions.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { question: string; answer: string })
    .map((r) => [r.question, r.answer]),
);

/** The small model's known mistakes: a country's largest city instead of its capital. */
const SMALL_WRONG: Record<string, string> = { Kazakhstan: 'Almaty', Myanmar: 'Yangon', Tanzania: 'Dar es Salaam', 'Sri Lanka': 'Colombo', Bolivia: 'La Paz', Brazil: 'Brasilia' };
/** Where the small model wavers: right on some calls, wrong on others (flaky rows under repeat). */
const SMALL_FLAKY: Record<string, string> = { Australia: 'Sydney', Switzerland: 'Zurich', Turkey: 'Istanbul' };
const LARGE_WRONG: Record<string, string> = { 'Sri Lanka': 'Colombo' };
const calls = new Map<string, number>();

const lastUser = (req: FakeRequest): string => {
  const messages = (req.body.messages ?? []) as { role: string; content: string }[];
  return messages.filter((m) => m.role === 'user').at(-1)?.content ?? '';
};
const countryOf = (question: string): string => /capital of (.+)\?/.exec(question)?.[1] ?? '';
const norm = (s: string): string => s.trim().toLowerCase().replace(/[.!]$/, '');

function modelAnswer(model: string, question: string): string {
  const country = countryOf(question);
  const right = answers.get(question) ?? 'I do not know';
  if (model === 'fake-large') return LARGE_WRONG[country] ?? (country.length % 3 === 0 ? `The capital is ${right}.` : right);
  const n = (calls.get(question) ?? 0) + 1;
  calls.set(question, n);
  if (SMALL_FLAKY[country]) return n % 2 === 0 ? SMALL_FLAKY[country] : right;
  return SMALL_WRONG[country] ?? right;
}

function judge(prompt: string): string {
  const expected = /Expected: (.*)/.exec(prompt)?.[1] ?? '';
  const answer = /Answer: (.*)/.exec(prompt)?.[1] ?? '';
  const [score, rationale] =
    norm(answer) === norm(expected)
      ? [5, 'The answer names the expected city exactly.']
      : norm(answer).includes(norm(expected))
        ? [4, 'The answer contains the expected city within a longer sentence.']
        : [1, `The answer "${answer}" is not the expected city "${expected}".`];
  return JSON.stringify({ score, rationale });
}

const responder = (req: FakeRequest): FakeReply | undefined => {
  if (req.operation !== 'openai.chat.completions') return undefined;
  const text = req.model === 'fake-judge' ? judge(lastUser(req)) : modelAnswer(req.model, lastUser(req));
  return { text };
};

process.env.OPENAI_API_KEY = 'sk-fake-local-provider';
const fake = await startFakeLlmUpstreams({ port: FAKE_PORT, responder });
const dir = await mkdtemp(join(tmpdir(), 'mlflow-ts-record-'));
await rm(recordings, { recursive: true, force: true });
const server = await startTrackingServer({
  port: 0,
  backendStoreUri: `sqlite:///${join(dir, 'mlruns.db')}`,
  artifactsDestination: join(dir, 'mlartifacts'),
  gatewayConfigPath: join(example, 'gateway-config.yaml'),
  gatewayRecord: recordings,
});
const client = new MlflowClient({ trackingUri: server.url });
try {
  const suite = await loadSuite(join(example, 'eval.yaml'));
  const report = await evaluate({ suite, client, trackingUri: server.url, gatewayUri: server.url, tracing: false });
  process.stdout.write(formatEvaluation(report));
  await writeFile(
    join(recordings, 'README.md'),
    '# Recorded against a local FAKE provider\n\n' +
      'These gateway exchanges were recorded by `npm run record:eval-example` (scripts/record-eval-example.ts) against a ' +
      'canned fake OpenAI-compatible server on 127.0.0.1:18089, not a real model. They let `npm run demo` and the tests ' +
      'evaluate offline and deterministically. Record real models with `mlflow-ts server --gateway-config <config> ' +
      '--gateway-record <dir>` (see examples/qa-eval/gateway-config.yaml).\n',
  );
  process.stdout.write(`\nRecorded ${fake.requests.length} exchanges into ${recordings}\n`);
} finally {
  await client.close();
  await server.close();
  await fake.close();
  await rm(dir, { recursive: true, force: true });
}
