/**
 * The gateway's CLI as a user runs it: `mlflow-ts gateway start|query|list` and
 * `mlflow-ts server --gateway-config` as child processes, endpoints backed by the fake OpenAI and
 * Anthropic upstreams. The curl commands of README.md and docs/gateway.md are parsed out of the
 * files and replayed with fetch, so the documentation cannot drift from what the gateway serves.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchServer, type LaunchedServer } from '../../src/tracking/launch.ts';
import { startFakeLlmUpstreams, type FakeLlmUpstreams } from '../fakes/llm-upstreams.ts';

const CLI = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const README = fileURLToPath(new URL('../../README.md', import.meta.url));
const GATEWAY_DOC = fileURLToPath(new URL('../../docs/gateway.md', import.meta.url));
const EXAMPLE_CONFIG = fileURLToPath(new URL('../../examples/gateway/gateway-config.yaml', import.meta.url));

const OPENAI_KEY = 'sk-cli-test-openai-0123456789abcdef';
const ANTHROPIC_KEY = 'sk-ant-cli-test-0123456789abcdef';
const KEYS = { OPENAI_API_KEY: OPENAI_KEY, ANTHROPIC_API_KEY: ANTHROPIC_KEY };

/** The environment without any MLflow settings from the developer's shell. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('MLFLOW_')) delete env[key];
  return { ...env, ...extra };
}

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

interface Running {
  url: string;
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<number | null>;
  stop(): Promise<number | null>;
}

const READY = /listening on (http:\/\/\S+)/;

/** Starts a long-running CLI command and waits for its "listening on <url>" line. */
async function startCli(args: string[], env: Record<string, string> = {}): Promise<Running> {
  const child = spawn(process.execPath, [CLI, ...args], { env: cleanEnv(env), stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no listening line within 20 s:\n${stderr}`));
    }, 20_000);
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
      const match = READY.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before listening:\n${stderr}`));
    });
  });
  return {
    url,
    child,
    stderr: () => stderr,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

function configYaml(fake: FakeLlmUpstreams, extra = ''): string {
  return `endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4o-mini
      config:
        openai_api_key: $OPENAI_API_KEY
        openai_api_base: ${fake.openaiBaseUrl}
  - name: claude
    endpoint_type: llm/v1/chat
    model:
      provider: anthropic
      name: claude-sonnet-4-5
      config:
        anthropic_api_key: $ANTHROPIC_API_KEY
        anthropic_api_base: ${fake.anthropicBaseUrl}
  - name: embeddings
    endpoint_type: llm/v1/embeddings
    model:
      provider: openai
      name: text-embedding-3-small
      config:
        openai_api_key: $OPENAI_API_KEY
        openai_api_base: ${fake.openaiBaseUrl}
${extra}routes:
  - name: chat-ab
    task_type: llm/v1/chat
    destinations:
      - name: chat
        traffic_percentage: 50
      - name: claude
        traffic_percentage: 50
`;
}

// ---- curl commands in the docs ----

interface Curl {
  line: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** Shell words of one command: '…' verbatim, "…" with $VAR expanded from `env`, `\` line continuations. */
function shellWords(command: string, env: Record<string, string>): string[] {
  const words: string[] = [];
  let word: string | undefined;
  const text = command.replace(/\\\n/g, ' ');
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      assert.ok(end > i, `unterminated ' in: ${command}`);
      word = (word ?? '') + text.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      const end = text.indexOf('"', i + 1);
      assert.ok(end > i, `unterminated " in: ${command}`);
      word = (word ?? '') + text.slice(i + 1, end).replace(/\$([A-Za-z_][A-Za-z0-9_]*)/g, (_, name: string) => env[name] ?? '');
      i = end;
    } else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** Every `curl` command in the markdown's code blocks. */
function curlCommands(markdown: string, env: Record<string, string> = {}): Curl[] {
  const out: Curl[] = [];
  for (const block of markdown.matchAll(/```(?:sh|bash|shell)\n([\s\S]*?)```/g)) {
    const lines = block[1]!.replace(/\\\n/g, ' ').split('\n');
    for (const line of lines) {
      if (!line.trimStart().startsWith('curl ')) continue;
      const words = shellWords(line.trim(), env);
      const curl: Curl = { line, method: 'GET', url: '', headers: {} };
      for (let i = 1; i < words.length; i++) {
        const w = words[i]!;
        if (w === '-X') curl.method = words[++i]!;
        else if (w === '-H') {
          const h = words[++i]!;
          const colon = h.indexOf(':');
          curl.headers[h.slice(0, colon).trim().toLowerCase()] = h.slice(colon + 1).trim();
        } else if (w === '-d' || w === '--data') {
          curl.body = words[++i]!;
          if (curl.method === 'GET') curl.method = 'POST';
        } else if (w === '-N' || w === '-s' || w === '-sS') continue;
        else if (w.startsWith('-')) assert.fail(`curl option ${w} is not understood by this test: ${line}`);
        else curl.url = w;
      }
      out.push(curl);
    }
  }
  return out;
}

async function replay(curl: Curl, base: string): Promise<{ status: number; text: string; contentType: string }> {
  const url = curl.url.replace('http://127.0.0.1:5000', base);
  assert.notEqual(url, curl.url, `docs use http://127.0.0.1:5000: ${curl.line}`);
  const res = await fetch(url, { method: curl.method, headers: curl.headers, body: curl.body });
  return { status: res.status, text: await res.text(), contentType: res.headers.get('content-type') ?? '' };
}

function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  assert.ok(start >= 0, `a "## ${heading}" section`);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

const hasStackTrace = (text: string): boolean => /\n\s+at /.test(text);

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

const chatContent = (answer: Record<string, unknown>): string => (answer.choices as { message: { content: string } }[])[0]!.message.content;

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`timed out waiting for ${what}`);
}

/** An OpenAI-style upstream that answers chat after `delayMs`, to have a request in flight at shutdown. */
async function slowOpenAI(delayMs: number): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            id: 'chatcmpl-slow',
            object: 'chat.completion',
            created: 1,
            model: 'slow-model',
            choices: [{ index: 0, message: { role: 'assistant', content: 'slow answer' }, finish_reason: 'stop' }],
            usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 },
          }),
        );
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const slowConfig = (baseUrl: string): string => `endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: slow-model
      config:
        openai_api_key: sk-slow
        openai_api_base: ${baseUrl}
`;

/** A request in flight when SIGTERM arrives is answered, then the process exits 0. */
async function assertGracefulStop(running: Running): Promise<void> {
  const inFlight = post(`${running.url}/gateway/chat/invocations`, { messages: [{ role: 'user', content: 'take your time' }] });
  await new Promise((resolve) => setTimeout(resolve, 300));
  running.child.kill('SIGTERM');
  const answer = await inFlight;
  assert.equal(answer.status, 200);
  assert.equal(chatContent(answer.json), 'slow answer');
  assert.equal(await running.exited, 0);
  assert.match(running.stderr(), /SIGTERM received/);
}

describe('mlflow-ts gateway start', () => {
  let fake: FakeLlmUpstreams;
  let dir: string;
  let configPath: string;
  let gateway: Running;

  before(async () => {
    fake = await startFakeLlmUpstreams({ apiKeys: { openai: OPENAI_KEY, anthropic: ANTHROPIC_KEY } });
    dir = mkdtempSync(join(tmpdir(), 'gateway-cli-'));
    configPath = join(dir, 'gateway-config.yaml');
    writeFileSync(configPath, configYaml(fake));
    gateway = await startCli(['gateway', 'start', '--config-path', configPath, '--port', '0'], KEYS);
  });

  after(async () => {
    const code = await gateway.stop();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
    assert.equal(code, 0, `a clean exit on SIGTERM; stderr:\n${gateway.stderr()}`);
  });

  it('prints one start-up line with the URL, the config and what it serves', () => {
    const line = gateway.stderr().split('\n')[0]!;
    assert.match(line, /^mlflow-ts \S+ gateway listening on http:\/\/127\.0\.0\.1:\d+ \(/);
    assert.ok(line.includes(`config: ${configPath}`), line);
    assert.match(line, /3 endpoints, 1 route, reloads on change, caller token: off/);
    assert.ok(!gateway.stderr().includes(OPENAI_KEY));
  });

  it("serves the README's two curl calls", async () => {
    const curls = curlCommands(section(readFileSync(README, 'utf8'), 'AI gateway'));
    assert.deepEqual(
      curls.map((c) => `${c.method} ${new URL(c.url).pathname}`),
      ['POST /gateway/chat/invocations', 'POST /endpoints/chat/invocations'],
    );
    for (const curl of curls) {
      assert.equal(curl.body, '{"messages":[{"role":"user","content":"Hello"}],"temperature":0.7,"max_tokens":100,"stream":false}');
      fake.reset();
      const res = await replay(curl, gateway.url);
      assert.equal(res.status, 200, `${curl.line}\n${res.text}`);
      const answer = JSON.parse(res.text) as Record<string, unknown>;
      assert.equal(chatContent(answer), 'Echo: Hello');
      assert.equal(answer.provider, 'openai');
      const upstream = fake.requests.at(-1)!;
      assert.equal(upstream.body.temperature, 0.7);
      assert.equal(upstream.body.max_tokens, 100);
    }
  });

  it('serves every curl example in docs/gateway.md', async () => {
    const curls = curlCommands(readFileSync(GATEWAY_DOC, 'utf8'));
    assert.ok(curls.length >= 15, `found ${curls.length} curl examples`);
    const paths = new Set(curls.map((c) => new URL(c.url).pathname));
    for (const route of ['/api/2.0/endpoints/', '/endpoints/chat/invocations', '/gateway/chat/mlflow/invocations', '/gateway/mlflow/v1/chat/completions', '/gateway/openai/v1/chat/completions', '/gateway/anthropic/v1/messages', '/gateway/gemini/v1beta/models/chat:generateContent', '/v1/chat/completions']) {
      assert.ok(paths.has(route), `docs show ${route}`);
    }
    for (const curl of curls) {
      const res = await replay(curl, gateway.url);
      assert.ok(res.status >= 200 && res.status < 300, `${curl.line}\n→ ${res.status} ${res.text.slice(0, 300)}`);
      if (res.contentType.startsWith('text/event-stream')) assert.match(res.text, /^(event: \S+\n)?data: /, curl.line);
      else JSON.parse(res.text);
      assert.ok(!res.text.includes(OPENAI_KEY) && !res.text.includes(ANTHROPIC_KEY), `no key in the answer to ${curl.line}`);
    }
  });

  it('gateway list prints a table of endpoints, or JSON', async () => {
    const table = await runCli(['gateway', 'list', '--gateway-uri', gateway.url]);
    assert.equal(table.code, 0, table.stderr);
    const lines = table.stdout.trim().split('\n');
    assert.match(lines[0]!, /^Name\s+Type\s+Provider\s+Model\s+URL$/);
    assert.match(table.stdout, new RegExp(`claude\\s+llm/v1/chat\\s+anthropic\\s+claude-sonnet-4-5\\s+${gateway.url}/gateway/claude/invocations`));
    assert.equal(lines.length, 2 + 3);
    const json = await runCli(['gateway', 'list', '--json'], { MLFLOW_DEPLOYMENTS_TARGET: gateway.url });
    assert.equal(json.code, 0, json.stderr);
    assert.deepEqual((JSON.parse(json.stdout) as { name: string }[]).map((e) => e.name), ['chat', 'claude', 'embeddings']);
  });

  it('gateway query --prompt shapes the request by endpoint type and prints JSON', async () => {
    fake.reset();
    const chat = await runCli(['gateway', 'query', '--endpoint', 'chat', '--prompt', 'hello from the cli', '--gateway-uri', gateway.url]);
    assert.equal(chat.code, 0, chat.stderr);
    assert.equal(chatContent(JSON.parse(chat.stdout) as Record<string, unknown>), 'Echo: hello from the cli');
    assert.deepEqual(fake.requests.at(-1)!.body.messages, [{ role: 'user', content: 'hello from the cli' }]);

    const embeddings = await runCli(['gateway', 'query', '--endpoint', 'embeddings', '--prompt', 'vectorise me'], { MLFLOW_GATEWAY_URI: gateway.url });
    assert.equal(embeddings.code, 0, embeddings.stderr);
    assert.equal((JSON.parse(embeddings.stdout) as { data: unknown[] }).data.length, 1);
    assert.equal(fake.requests.at(-1)!.body.input, 'vectorise me');

    // A traffic-split route is not listed by /api/2.0/endpoints; --prompt treats it as chat.
    const route = await runCli(['gateway', 'query', '--endpoint', 'chat-ab', '--prompt', 'split me', '--gateway-uri', gateway.url]);
    assert.equal(route.code, 0, route.stderr);
    assert.equal(chatContent(JSON.parse(route.stdout) as Record<string, unknown>), 'Echo: split me');
  });

  it('gateway query --data sends the body as given, and --stream prints text as it arrives', async () => {
    fake.reset();
    const data = await runCli(['gateway', 'query', '--endpoint', 'claude', '--data', '{"messages":[{"role":"user","content":"data body"}],"max_tokens":42}', '--gateway-uri', gateway.url]);
    assert.equal(data.code, 0, data.stderr);
    assert.equal(chatContent(JSON.parse(data.stdout) as Record<string, unknown>), 'Echo: data body');
    assert.equal(fake.requests.at(-1)!.body.max_tokens, 42);

    const streamed = await runCli(['gateway', 'query', '--endpoint', 'chat', '--prompt', 'stream it to me', '--stream', '--gateway-uri', gateway.url]);
    assert.equal(streamed.code, 0, streamed.stderr);
    assert.equal(streamed.stdout, 'Echo: stream it to me\n');
    assert.equal(fake.requests.at(-1)!.stream, true);
  });

  it('gateway query failures are one line and exit 1', async () => {
    const unknown = await runCli(['gateway', 'query', '--endpoint', 'nope', '--prompt', 'x', '--gateway-uri', gateway.url]);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /^mlflow-ts: RESOURCE_DOES_NOT_EXIST \(HTTP 404\) from POST \/endpoints\/nope\/invocations: No endpoint named 'nope'\. Configured endpoints: chat, claude, embeddings, chat-ab/);
    assert.equal(unknown.stderr.trim().split('\n').length, 1);

    const neither = await runCli(['gateway', 'query', '--endpoint', 'chat', '--gateway-uri', gateway.url]);
    assert.equal(neither.code, 1);
    assert.match(neither.stderr, /--data '<json>'.*--prompt <text>/);
    const both = await runCli(['gateway', 'query', '--endpoint', 'chat', '--prompt', 'a', '--data', '{}']);
    assert.equal(both.code, 1);
    assert.match(both.stderr, /either --data or --prompt, not both/);
    const badJson = await runCli(['gateway', 'query', '--endpoint', 'chat', '--data', '{messages']);
    assert.equal(badJson.code, 1);
    assert.match(badJson.stderr, /--data is not valid JSON/);
    const streamEmbeddings = await runCli(['gateway', 'query', '--endpoint', 'embeddings', '--prompt', 'x', '--stream', '--gateway-uri', gateway.url]);
    assert.equal(streamEmbeddings.code, 1);
    assert.match(streamEmbeddings.stderr, /embeddings endpoint; --stream works with chat and completions/);
    for (const r of [unknown, neither, both, badJson, streamEmbeddings]) assert.ok(!hasStackTrace(r.stderr), r.stderr);
  });

  it('gateway query without a gateway names the URI to fix, at once', async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const started = Date.now();
    const result = await runCli(['gateway', 'list'], { MLFLOW_DEPLOYMENTS_TARGET: `http://127.0.0.1:${port}` });
    assert.equal(result.code, 1);
    assert.match(result.stderr, new RegExp(`Could not reach the AI gateway at http://127\\.0\\.0\\.1:${port}.*MLFLOW_DEPLOYMENTS_TARGET`));
    assert.ok(Date.now() - started < 10_000, 'a refused connection is not retried');
    assert.ok(!hasStackTrace(result.stderr));
  });
});

describe('mlflow-ts gateway start: config, token and reload', () => {
  let fake: FakeLlmUpstreams;
  let dir: string;

  before(async () => {
    fake = await startFakeLlmUpstreams();
    dir = mkdtempSync(join(tmpdir(), 'gateway-cli-config-'));
  });

  after(async () => {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('an unknown provider exits 1 with one line naming the file, the YAML path and the fix', async () => {
    const bad = join(dir, 'bad-provider.yaml');
    writeFileSync(bad, configYaml(fake).replace('provider: anthropic', 'provider: anthropik'));
    const result = await runCli(['gateway', 'start', '--config-path', bad, '--port', '0'], KEYS);
    assert.equal(result.code, 1);
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines.length, 1, result.stderr);
    assert.ok(lines[0]!.startsWith(`mlflow-ts: ${bad}:`), lines[0]);
    assert.match(lines[0]!, /endpoints\[1\]\.model\.provider: unknown provider "anthropik"\. Did you mean "anthropic"\?/);
    assert.ok(!hasStackTrace(result.stderr));
    assert.ok(!result.stderr.includes('MLFLOW_TS_DEBUG'), 'a config mistake is not reported as a crash');
  });

  it('an unset key variable is named, its (absent) value never shown', async () => {
    const file = join(dir, 'ok.yaml');
    writeFileSync(file, configYaml(fake));
    const result = await runCli(['gateway', 'start', '--config-path', file, '--port', '0'], { OPENAI_API_KEY: OPENAI_KEY });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /ANTHROPIC_API_KEY is not set/);
    assert.ok(!result.stderr.includes(OPENAI_KEY));
  });

  it('without --config-path or MLFLOW_GATEWAY_CONFIG it says how to give one', async () => {
    const result = await runCli(['gateway', 'start', '--port', '0']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /--config-path .*MLFLOW_GATEWAY_CONFIG/);
    assert.equal(result.stderr.trim().split('\n').length, 1);
  });

  it('a port in use is one line naming it', async () => {
    const file = join(dir, 'port.yaml');
    writeFileSync(file, configYaml(fake));
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const result = await runCli(['gateway', 'start', '--config-path', file, '--port', String(port)], KEYS);
      assert.equal(result.code, 1);
      assert.match(result.stderr, new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is already in use`));
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  it('reads MLFLOW_GATEWAY_CONFIG and MLFLOW_GATEWAY_AUTH_TOKEN; callers without the token get 401', async () => {
    const file = join(dir, 'env.yaml');
    writeFileSync(file, configYaml(fake));
    const token = 'cli-test-token';
    const running = await startCli(['gateway', 'start', '--port', '0', '--no-watch'], { ...KEYS, MLFLOW_GATEWAY_CONFIG: file, MLFLOW_GATEWAY_AUTH_TOKEN: token });
    try {
      assert.match(running.stderr(), /no reload, caller token: required/);
      assert.ok(!running.stderr().includes(token), 'the token is not printed');
      const body = { messages: [{ role: 'user', content: 'Hello' }] };
      assert.equal((await post(`${running.url}/gateway/chat/invocations`, body)).status, 401);
      const denied = await post(`${running.url}/gateway/chat/invocations`, body, { authorization: 'Bearer wrong' });
      assert.equal(denied.status, 401);
      assert.equal(denied.json.error_code, 'UNAUTHENTICATED');
      assert.equal((await post(`${running.url}/gateway/chat/invocations`, body, { authorization: `Bearer ${token}` })).status, 200);
      assert.equal((await fetch(`${running.url}/health`)).status, 200, '/health stays open for probes');

      const anonymous = await runCli(['gateway', 'list', '--gateway-uri', running.url]);
      assert.equal(anonymous.code, 1);
      assert.match(anonymous.stderr, /HTTP 401/);
      const viaFlag = await runCli(['gateway', 'query', '--endpoint', 'chat', '--prompt', 'with token', '--gateway-uri', running.url, '--auth-token', token]);
      assert.equal(viaFlag.code, 0, viaFlag.stderr);
      const viaEnv = await runCli(['gateway', 'list', '--gateway-uri', running.url], { MLFLOW_GATEWAY_AUTH_TOKEN: token });
      assert.equal(viaEnv.code, 0, viaEnv.stderr);
    } finally {
      assert.equal(await running.stop(), 0);
    }
  });

  it('warns when it listens beyond loopback without a token', async () => {
    const file = join(dir, 'open.yaml');
    writeFileSync(file, configYaml(fake));
    const running = await startCli(['gateway', 'start', '--config-path', file, '--host', '0.0.0.0', '--port', '0'], KEYS);
    try {
      await until(async () => /warning: the gateway listens on 0\.0\.0\.0 without --auth-token/.test(running.stderr()), 'the warning');
    } finally {
      await running.stop();
    }
  });

  it('reloads an edited config, and keeps the running one when an edit is bad; --no-watch ignores edits', async () => {
    const file = join(dir, 'reload.yaml');
    writeFileSync(file, configYaml(fake));
    const running = await startCli(['gateway', 'start', '--config-path', file, '--port', '0'], KEYS);
    const pinned = join(dir, 'pinned.yaml');
    writeFileSync(pinned, configYaml(fake));
    const unwatched = await startCli(['gateway', 'start', '--config-path', pinned, '--port', '0', '--no-watch'], KEYS);
    const added = `  - name: chat2
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4.1
      config:
        openai_api_key: $OPENAI_API_KEY
        openai_api_base: ${fake.openaiBaseUrl}
`;
    try {
      writeFileSync(file, configYaml(fake, added));
      writeFileSync(pinned, configYaml(fake, added));
      await until(async () => (await fetch(`${running.url}/api/2.0/endpoints/chat2`)).status === 200, 'chat2 after the edit');
      await until(async () => /gateway config reloaded/.test(running.stderr()), 'the reload message');

      writeFileSync(file, configYaml(fake, added).replace('provider: anthropic', 'provider: nonesuch'));
      await until(async () => /not applied, keeping the running one: .*unknown provider "nonesuch"/.test(running.stderr()), 'the bad-edit message');
      const still = await post(`${running.url}/gateway/chat2/invocations`, { messages: [{ role: 'user', content: 'still here' }] });
      assert.equal(still.status, 200);
      assert.equal(chatContent(still.json), 'Echo: still here');

      assert.equal((await fetch(`${unwatched.url}/api/2.0/endpoints/chat2`)).status, 404, '--no-watch keeps the config it started with');
    } finally {
      assert.equal(await running.stop(), 0);
      assert.equal(await unwatched.stop(), 0);
    }
  });

  it('the example config in examples/gateway is valid', async () => {
    const running = await startCli(['gateway', 'start', '--config-path', EXAMPLE_CONFIG, '--port', '0', '--no-watch'], KEYS);
    try {
      assert.match(running.stderr(), /3 endpoints, 1 route/);
      const list = await runCli(['gateway', 'list', '--json', '--gateway-uri', running.url]);
      assert.deepEqual((JSON.parse(list.stdout) as { name: string; model: { provider: string } }[]).map((e) => `${e.name}:${e.model.provider}`), [
        'chat:openai',
        'claude:anthropic',
        'embeddings:openai',
      ]);
    } finally {
      await running.stop();
    }
  });

  it(
    'SIGTERM lets a request in flight finish, then exits 0',
    async () => {
      const slow = await slowOpenAI(1500);
      const file = join(dir, 'slow.yaml');
      writeFileSync(file, slowConfig(slow.baseUrl));
      try {
        await assertGracefulStop(await startCli(['gateway', 'start', '--config-path', file, '--port', '0', '--no-watch']));
      } finally {
        await slow.close();
      }
    },
  );
});

describe('mlflow-ts server --gateway-config', () => {
  let fake: FakeLlmUpstreams;
  let dir: string;
  let configPath: string;
  let server: LaunchedServer;

  const serverArgs = (name: string, ...extra: string[]): string[] => [
    '--port',
    '0',
    '--backend-store-uri',
    join(dir, `${name}.db`),
    '--artifacts-destination',
    join(dir, `${name}-artifacts`),
    ...extra,
  ];

  before(async () => {
    fake = await startFakeLlmUpstreams();
    dir = mkdtempSync(join(tmpdir(), 'gateway-cli-server-'));
    configPath = join(dir, 'gateway-config.yaml');
    writeFileSync(configPath, configYaml(fake));
    server = await launchServer({ cli: CLI, args: serverArgs('main', '--gateway-config', configPath), env: cleanEnv(KEYS) });
  });

  after(async () => {
    const code = await server.stop();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
    assert.equal(code, 0);
  });

  it('serves the gateway next to the tracking API', async () => {
    assert.ok(server.stderr().includes(`gateway: ${configPath}`), server.stderr());
    const readme = curlCommands(section(readFileSync(README, 'utf8'), 'AI gateway'));
    for (const curl of readme) {
      const res = await replay(curl, server.url);
      assert.equal(res.status, 200, `${curl.line}\n${res.text}`);
      assert.equal(chatContent(JSON.parse(res.text) as Record<string, unknown>), 'Echo: Hello');
    }
    const v1 = await post(`${server.url}/gateway/mlflow/v1/chat/completions`, { model: 'claude', messages: [{ role: 'user', content: 'Hi claude' }] });
    assert.equal(v1.status, 200);
    assert.equal(chatContent(v1.json), 'Echo: Hi claude');

    const experiments = await post(`${server.url}/api/2.0/mlflow/experiments/search`, { max_results: 10 });
    assert.equal(experiments.status, 200);
    assert.ok((experiments.json.experiments as { name: string }[]).some((e) => e.name === 'Default'));
    assert.equal((await fetch(`${server.url}/health`)).status, 200);

    const query = await runCli(['gateway', 'query', '--endpoint', 'chat', '--prompt', 'through the server'], { MLFLOW_DEPLOYMENTS_TARGET: server.url });
    assert.equal(query.code, 0, query.stderr);
    assert.equal(chatContent(JSON.parse(query.stdout) as Record<string, unknown>), 'Echo: through the server');
  });

  it('--gateway-auth-token protects the gateway routes only', async () => {
    const token = 'server-gateway-token';
    const guarded = await launchServer({ cli: CLI, args: serverArgs('guarded', '--gateway-config', configPath, '--gateway-auth-token', token), env: cleanEnv(KEYS) });
    try {
      const body = { messages: [{ role: 'user', content: 'Hello' }] };
      assert.equal((await post(`${guarded.url}/gateway/chat/invocations`, body)).status, 401);
      assert.equal((await post(`${guarded.url}/gateway/chat/invocations`, body, { authorization: `Bearer ${token}` })).status, 200);
      assert.equal((await post(`${guarded.url}/api/2.0/mlflow/experiments/search`, { max_results: 1 })).status, 200);
      assert.ok(!guarded.stderr().includes(token));
    } finally {
      assert.equal(await guarded.stop(), 0);
    }
  });

  it('a bad gateway config stops start-up with one line; a token without a config is refused', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, configYaml(fake).replace('provider: openai', 'provider: opneai'));
    const result = await runCli(['server', ...serverArgs('bad', '--gateway-config', bad)], KEYS);
    assert.equal(result.code, 1);
    assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
    assert.match(result.stderr, /unknown provider "opneai"\. Did you mean "openai"\?/);
    assert.ok(result.stderr.includes(bad));

    const tokenOnly = await runCli(['server', ...serverArgs('token-only', '--gateway-auth-token', 't')]);
    assert.equal(tokenOnly.code, 1);
    assert.match(tokenOnly.stderr, /--gateway-auth-token needs --gateway-config/);
  });

  it('SIGTERM lets a gateway request in flight finish, then exits 0', async () => {
    const slow = await slowOpenAI(1500);
    const file = join(dir, 'slow.yaml');
    writeFileSync(file, slowConfig(slow.baseUrl));
    try {
      const launched = await launchServer({ cli: CLI, args: serverArgs('slow', '--gateway-config', file), env: cleanEnv() });
      await assertGracefulStop(launched);
    } finally {
      await slow.close();
    }
  });
});

describe('mlflow-ts gateway help', () => {
  it('lists the subcommands and their flags', async () => {
    const group = await runCli(['gateway', '--help']);
    assert.equal(group.code, 0);
    for (const sub of ['start', 'query', 'list']) assert.match(group.stdout, new RegExp(`\\n\\s+${sub}\\b`));
    const start = await runCli(['gateway', 'start', '--help']);
    for (const flag of ['--config-path', '--host', '--port', '--auth-token', '--no-watch', '--workers', 'MLFLOW_GATEWAY_CONFIG', 'MLFLOW_GATEWAY_AUTH_TOKEN']) {
      assert.ok(start.stdout.includes(flag), `gateway start --help mentions ${flag}`);
    }
    const query = await runCli(['gateway', 'query', '--help']);
    for (const flag of ['--endpoint', '--data', '--prompt', '--stream', '--gateway-uri', 'MLFLOW_DEPLOYMENTS_TARGET']) assert.ok(query.stdout.includes(flag), flag);
    const server = await runCli(['server', '--help']);
    assert.match(server.stdout, /--gateway-config/);
    assert.match(server.stdout, /--gateway-auth-token/);
  });
});
