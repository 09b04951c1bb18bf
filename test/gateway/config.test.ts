/**
 * The gateway config loader: MLflow's gateway-config.yaml forms, our extensions, secret
 * resolution ($VAR, ${VAR}, key files) without leaking values into errors, custom provider
 * modules, MLFLOW_GATEWAY_CONFIG, the Redactor, and hot reload (edits, bad edits, atomic renames).
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  OFFLINE_KEY_PLACEHOLDER,
  GatewayConfigError,
  loadGatewayConfig,
  parseGatewayConfig,
  resolveConfigPath,
  watchGatewayConfig,
} from '../../src/gateway/config.ts';
import type { GatewayConfig } from '../../src/gateway/config.ts';
import { Redactor, isSecretKey } from '../../src/gateway/secrets.ts';

const dir = mkdtempSync(join(tmpdir(), 'gateway-config-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const FILE = 'gateway-config.yaml';
const SECRET = 'sk-test-0123456789abcdef';
const env = { OPENAI_API_KEY: SECRET, OTHER_TOKEN: 'tok-9876543210' };

function parse(text: string, options: { env?: NodeJS.ProcessEnv; baseDir?: string } = {}): Promise<GatewayConfig> {
  return parseGatewayConfig(text, { file: FILE, env, baseDir: dir, ...options });
}

async function configError(text: string, options: { env?: NodeJS.ProcessEnv; baseDir?: string } = {}): Promise<GatewayConfigError> {
  try {
    await parse(text, options);
  } catch (err) {
    assert.ok(err instanceof GatewayConfigError, String(err));
    for (const value of Object.values(options.env ?? env)) {
      if (value) assert.ok(!err.message.includes(value), `error leaks a secret: ${err.message}`);
    }
    return err;
  }
  assert.fail('expected a GatewayConfigError');
}

/** A chat endpoint on the real openai module, with `extra` YAML lines appended to it. */
function openaiEndpoint(name: string, extra = '', type = 'llm/v1/chat'): string {
  return `  - name: ${name}
    endpoint_type: ${type}
    model:
      provider: openai
      name: gpt-4o-mini
      config:
        openai_api_key: $OPENAI_API_KEY
${extra}`;
}

const zodUrl = import.meta.resolve('zod');
let moduleCount = 0;
/** Writes a custom provider module into the temp dir; returns its file name. */
function writeModule(body: string): string {
  const name = `provider-${++moduleCount}.mjs`;
  writeFileSync(join(dir, name), `import { z } from ${JSON.stringify(zodUrl)};\n${body}\n`);
  return name;
}

const ECHO_MODULE = `export default {
  name: 'echo',
  configSchema: z.strictObject({
    echo_api_key: z.string().optional(),
    echo_api_base: z.string().default('http://echo.invalid'),
    header: z.string().optional(),
    nested: z.strictObject({ api_key: z.string() }).optional(),
    short: z.string().min(30, { error: (iss) => 'too short: ' + String(iss.input) }).optional(),
  }),
  endpointTypes: ['llm/v1/chat', 'llm/v1/embeddings'],
  create() { throw new Error('not used in these tests'); },
};`;

function echoConfig(module: string, config: string, type = 'llm/v1/chat'): string {
  return `providers:
  echo: ./${module}
endpoints:
  - name: e
    endpoint_type: ${type}
    model:
      provider: echo
      name: echo-1
      config:
${config}`;
}

describe('MLflow gateway-config.yaml', () => {
  it('reads endpoints, limits and traffic-split routes as MLflow writes them', async () => {
    const config = await parse(`endpoints:
${openaiEndpoint('chat', '    limit:\n      renewal_period: minute\n      calls: 10\n      key: user\n')}
${openaiEndpoint('chat2', '    limit: {renewal_period: Hours, calls: 5, burst: 3}\n')}
${openaiEndpoint('embed', '', 'llm/v1/embeddings')}
routes:
  - name: split
    task_type: llm/v1/chat
    destinations:
      - name: chat
        traffic_percentage: 70
      - name: chat2
        traffic_percentage: 30
    routing_strategy: TRAFFIC_SPLIT
  - name: split2
    task_type: llm/v1/chat
    destinations: [{name: chat, traffic_percentage: 100}]
`);
    assert.equal(config.file, FILE);
    assert.deepEqual(config.endpoints.map((e) => [e.name, e.endpoint_type, e.model.provider, e.model.name]), [
      ['chat', 'llm/v1/chat', 'openai', 'gpt-4o-mini'],
      ['chat2', 'llm/v1/chat', 'openai', 'gpt-4o-mini'],
      ['embed', 'llm/v1/embeddings', 'openai', 'gpt-4o-mini'],
    ]);
    const [chat, chat2, embed] = config.endpoints;
    assert.deepEqual(chat!.limit, { calls: 10, renewal_period: 'minute', key: 'user' });
    assert.deepEqual(chat2!.limit, { calls: 5, renewal_period: 'hour', burst: 3 });
    assert.equal(embed!.limit, undefined);
    assert.equal(chat!.module.name, 'openai');
    // The module's schema output: its defaults are filled in.
    assert.equal(chat!.model.config.openai_api_key, SECRET);
    assert.equal(chat!.model.config.openai_api_type, 'openai');
    assert.deepEqual(chat!.fallbacks, []);
    assert.deepEqual(config.routes, [
      { name: 'split', task_type: 'llm/v1/chat', destinations: [{ name: 'chat', traffic_percentage: 70 }, { name: 'chat2', traffic_percentage: 30 }], routing_strategy: 'TRAFFIC_SPLIT' },
      { name: 'split2', task_type: 'llm/v1/chat', destinations: [{ name: 'chat', traffic_percentage: 100 }], routing_strategy: 'TRAFFIC_SPLIT' },
    ]);
    assert.deepEqual(config.pricing, {});
    assert.deepEqual(config.secrets, [SECRET]);
  });

  it('normalises provider names as MLflow does', async () => {
    const config = await parse(`endpoints:
  - name: a
    endpoint_type: llm/v1/chat
    model: {provider: OpenAI, name: m, config: {openai_api_key: k}}
  - name: b
    endpoint_type: llm/v1/chat
    model: {provider: OPENAI_COMPATIBLE, name: m, config: {api_key: k, api_base: "http://localhost:8000/v1"}}
`);
    assert.deepEqual(config.endpoints.map((e) => e.model.provider), ['openai', 'openai-compatible']);
  });

  it('supports YAML anchors and merge keys, as PyYAML does', async () => {
    const config = await parse(`x-openai: &openai
  provider: openai
  config: {openai_api_key: $OPENAI_API_KEY}
endpoints:
  - name: a
    endpoint_type: llm/v1/chat
    model:
      <<: *openai
      name: gpt-4o
`).catch((err: unknown) => err);
    // Top-level keys are strict, so the anchor holder itself is rejected by name...
    assert.ok(config instanceof GatewayConfigError);
    assert.match(config.message, /^gateway-config\.yaml:1: x-openai: unknown key "x-openai"/);
    const ok = await parse(`endpoints:
  - name: a
    endpoint_type: llm/v1/chat
    model: &m
      provider: openai
      name: gpt-4o
      config: {openai_api_key: $OPENAI_API_KEY}
  - name: b
    endpoint_type: llm/v1/chat
    model:
      <<: *m
      name: gpt-4o-mini
`);
    // ...while anchors inside the endpoints list work.
    assert.deepEqual(ok.endpoints.map((e) => [e.model.name, e.model.config.openai_api_key]), [['gpt-4o', SECRET], ['gpt-4o-mini', SECRET]]);
  });

  it('rejects traffic percentages that do not add up to 100', async () => {
    const err = await configError(`endpoints:
${openaiEndpoint('a')}
${openaiEndpoint('b')}
routes:
  - name: r
    task_type: llm/v1/chat
    destinations: [{name: a, traffic_percentage: 60}, {name: b, traffic_percentage: 30}]
`);
    assert.equal(err.path, 'routes[0].destinations');
    assert.match(err.message, /^gateway-config\.yaml:\d+: routes\[0\]\.destinations: traffic_percentage values add up to 90\. Make them add up to 100\.$/);
  });

  it('rejects out-of-range percentages and unknown routing strategies', async () => {
    const base = `endpoints:\n${openaiEndpoint('a')}\nroutes:\n  - name: r\n    task_type: llm/v1/chat\n`;
    let err = await configError(`${base}    destinations: [{name: a, traffic_percentage: 120}]\n`);
    assert.equal(err.path, 'routes[0].destinations[0].traffic_percentage');
    assert.match(err.message, /must be at most 100/);
    err = await configError(`${base}    destinations: [{name: a, traffic_percentage: 100}]\n    routing_strategy: ROUND_ROBIN\n`);
    assert.equal(err.path, 'routes[0].routing_strategy');
    assert.match(err.message, /must be "TRAFFIC_SPLIT"/);
    err = await configError(`${base}    destinations: []\n`);
    assert.equal(err.path, 'routes[0].destinations');
    assert.match(err.message, /must not be empty/);
  });

  it('rejects unknown route destinations, naming the closest endpoint', async () => {
    const err = await configError(`endpoints:
${openaiEndpoint('chat')}
routes:
  - name: r
    task_type: llm/v1/chat
    destinations: [{name: chta, traffic_percentage: 100}]
`);
    assert.equal(err.path, 'routes[0].destinations[0].name');
    assert.match(err.message, /no endpoint named "chta"\. Did you mean "chat"\?/);
  });

  it('rejects a destination whose endpoint_type differs from the task_type', async () => {
    const err = await configError(`endpoints:
${openaiEndpoint('chat')}
${openaiEndpoint('embed', '', 'llm/v1/embeddings')}
routes:
  - name: r
    task_type: llm/v1/chat
    destinations: [{name: chat, traffic_percentage: 50}, {name: embed, traffic_percentage: 50}]
`);
    assert.equal(err.path, 'routes[0].destinations[1].name');
    assert.match(err.message, /endpoint "embed" is llm\/v1\/embeddings but the route's task_type is llm\/v1\/chat/);
  });

  it('requires names to be unique across endpoints and routes, and well-formed', async () => {
    let err = await configError(`endpoints:
${openaiEndpoint('chat')}
routes:
  - name: chat
    task_type: llm/v1/chat
    destinations: [{name: chat, traffic_percentage: 100}]
`);
    assert.equal(err.path, 'routes[0].name');
    assert.match(err.message, /"chat" is already the name of endpoints\[0\]/);
    err = await configError(`endpoints:\n${openaiEndpoint('a')}\n${openaiEndpoint('a')}`);
    assert.equal(err.path, 'endpoints[1].name');
    err = await configError(`endpoints:\n${openaiEndpoint('has space')}`);
    assert.equal(err.path, 'endpoints[0].name');
    assert.match(err.message, /may contain only letters, digits/);
  });

  it('rejects MLflow 2.x route_type with a message saying to rename it', async () => {
    let err = await configError(`endpoints:
  - name: chat
    route_type: llm/v1/chat
    model: {provider: openai, name: m, config: {openai_api_key: k}}
`);
    assert.equal(err.path, 'endpoints[0].route_type');
    assert.equal(err.line, 3);
    assert.match(err.message, /rename "route_type" to "endpoint_type"|renamed "route_type" to "endpoint_type"\. Rename the key/);
    err = await configError(`endpoints:\n${openaiEndpoint('a')}\nroutes:\n  - name: old\n    route_type: llm/v1/chat\n    model: {provider: openai, name: m}\n`);
    assert.equal(err.path, 'routes[0].route_type');
    assert.match(err.message, /Move it under "endpoints:"/);
  });

  it('rejects unknown top-level and endpoint keys by name, suggesting the closest', async () => {
    let err = await configError(`endpoints:\n${openaiEndpoint('a')}\nendpoint:\n  - x\n`);
    assert.equal(err.path, 'endpoint');
    assert.match(err.message, /unknown key "endpoint"\. Did you mean "endpoints"\? Valid keys here: endpoints, routes, pricing, providers\./);
    err = await configError(`endpoints:\n${openaiEndpoint('a', '    timout: 5\n')}`);
    assert.equal(err.path, 'endpoints[0].timout');
    assert.match(err.message, /Did you mean "timeout"\?/);
    err = await configError(`endpoints:\n${openaiEndpoint('a', '    limit: {calls: 1, renewal_period: minute, burts: 2}\n')}`);
    assert.equal(err.path, 'endpoints[0].limit.burts');
    assert.match(err.message, /Valid keys here: calls, renewal_period, key, burst/);
  });

  it('reports a missing endpoints list and an empty file clearly', async () => {
    let err = await configError('');
    assert.match(err.message, /the file is empty\. Add an "endpoints:" list/);
    err = await configError('endpoints:\n');
    assert.equal(err.path, 'endpoints');
    assert.match(err.message, /no endpoints defined/);
    err = await configError('routes: []\n');
    assert.match(err.message, /no endpoints defined/);
    err = await configError(`endpoint:\n${openaiEndpoint('a')}`);
    assert.equal(err.path, 'endpoint');
    assert.match(err.message, /unknown key "endpoint"\. Did you mean "endpoints"\?/);
    assert.match(err.message, /endpoints: is missing; add it \(a list\)/);
    err = await configError('- a\n- b\n');
    assert.match(err.message, /must be a mapping/);
  });

  it('reports YAML syntax errors by line without quoting the file', async () => {
    const err = await configError(`endpoints:\n  - name: a\n    model: {config: {openai_api_key: "${SECRET}}\n`, { env: { X: SECRET } });
    assert.equal(err.path, '');
    assert.match(err.message, /^gateway-config\.yaml:4: invalid YAML \(column \d+\): Missing closing "quote/);
  });

  it('lists every schema problem with its path and line', async () => {
    const err = await configError(`endpoints:
  - name: a
    endpoint_type: llm/v1/chatt
    model: {provider: openai, config: {}}
    timeout: 0
`);
    assert.deepEqual(err.problems.map((p) => [p.path, p.line]), [
      ['endpoints[0].endpoint_type', 3],
      ['endpoints[0].model.name', 4],
      ['endpoints[0].timeout', 5],
    ]);
    assert.match(err.message, /endpoint_type: must be one of: llm\/v1\/chat, llm\/v1\/completions, llm\/v1\/embeddings/);
    assert.match(err.message, /model\.name: is missing; add it \(a string\)/);
    assert.match(err.message, /timeout: must be greater than 0/);
  });
});

describe('providers and their config', () => {
  it('rejects an unknown provider, naming it and the valid ones', async () => {
    const err = await configError(`endpoints:
  - name: a
    endpoint_type: llm/v1/chat
    model: {provider: opneai, name: m, config: {}}
`);
    assert.equal(err.path, 'endpoints[0].model.provider');
    assert.match(err.message, /^gateway-config\.yaml:4: endpoints\[0\]\.model\.provider: unknown provider "opneai"\. Did you mean "openai"\? Use one of: .*anthropic.*openai/);
  });

  it('validates model.config with the provider schema, naming an unknown key', async () => {
    const err = await configError(`endpoints:\n${openaiEndpoint('a', '        openai_api_kye: x\n')}`);
    assert.equal(err.path, 'endpoints[0].model.config.openai_api_kye');
    assert.match(err.message, /unknown key "openai_api_kye"\. Did you mean "openai_api_key"\? Valid keys here: openai_api_key, /);
  });

  it("reports the provider's own rules without echoing secret values", async () => {
    const err = await configError(`endpoints:
  - name: a
    endpoint_type: llm/v1/chat
    model:
      provider: azure
      name: m
      config:
        openai_api_key: ${SECRET}
        openai_api_base: not a url
`);
    assert.deepEqual(err.problems.map((p) => p.path), [
      'endpoints[0].model.config.openai_api_base',
      'endpoints[0].model.config.openai_api_version',
      'endpoints[0].model.config.openai_deployment_name',
    ]);
    assert.match(err.message, /openai_api_base: must be a valid url/);
    assert.ok(!err.message.includes(SECRET));
  });

  it('rejects an endpoint type the provider does not serve, naming both', async () => {
    const err = await configError(`endpoints:
  - name: a
    endpoint_type: llm/v1/embeddings
    model: {provider: groq, name: m, config: {api_key: k}}
`);
    assert.equal(err.path, 'endpoints[0].endpoint_type');
    assert.match(err.message, /provider "groq" does not serve llm\/v1\/embeddings \(it serves: llm\/v1\/chat, llm\/v1\/completions\)/);
  });

  it('validates the real anthropic, gemini, cohere and mlflow-model-serving keys', async () => {
    const config = await parse(`endpoints:
  - name: claude
    endpoint_type: llm/v1/chat
    model:
      provider: anthropic
      name: claude-3-5-haiku-latest
      config: {anthropic_api_key: $OTHER_TOKEN, anthropic_api_base: "https://proxy.example"}
  - name: gem
    endpoint_type: llm/v1/embeddings
    model: {provider: gemini, name: text-embedding-004, config: {gemini_api_key: g-key-literal}}
  - name: co
    endpoint_type: llm/v1/chat
    model: {provider: cohere, name: command-r, config: {cohere_api_key: c-key-literal}}
  - name: served
    endpoint_type: llm/v1/completions
    model: {provider: mlflow_model_serving, name: m, config: {model_server_url: "http://127.0.0.1:5001"}}
`);
    const [claude, gem, co, served] = config.endpoints;
    assert.deepEqual(claude!.model.config, { anthropic_api_key: env.OTHER_TOKEN, anthropic_version: '2023-06-01', anthropic_api_base: 'https://proxy.example' });
    assert.equal(gem!.model.config.gemini_api_key, 'g-key-literal');
    assert.equal(co!.model.provider, 'cohere');
    assert.equal(served!.model.provider, 'mlflow-model-serving');
    assert.deepEqual(config.secrets.sort(), [env.OTHER_TOKEN, 'c-key-literal', 'g-key-literal'].sort());

    let err = await configError(`endpoints:
  - name: claude
    endpoint_type: llm/v1/embeddings
    model: {provider: anthropic, name: m, config: {anthropic_api_key: k}}
`);
    assert.match(err.message, /provider "anthropic" does not serve llm\/v1\/embeddings/);
    err = await configError(`endpoints:
  - name: claude
    endpoint_type: llm/v1/chat
    model: {provider: anthropic, name: m, config: {anthropic_key: k}}
`);
    assert.deepEqual(err.problems.map((p) => p.path), ['endpoints[0].model.config.anthropic_key', 'endpoints[0].model.config.anthropic_api_key']);
    assert.match(err.message, /unknown key "anthropic_key"\. Did you mean "anthropic_api_key"\?/);
    assert.match(err.message, /anthropic_api_key: is missing; add it \(a string\)/);
  });

  it('accepts MLflow api_key/api_base and <provider>_api_base keys for the OpenAI-compatible family', async () => {
    const config = await parse(`endpoints:
  - name: a
    endpoint_type: llm/v1/chat
    model: {provider: ollama, name: llama3:8b}
  - name: b
    endpoint_type: llm/v1/chat
    model: {provider: groq, name: m, config: {groq_api_key: $OTHER_TOKEN, groq_api_base: "https://proxy.example/v1"}}
  - name: c
    endpoint_type: llm/v1/chat
    model: {provider: deepseek, name: m, config: {api_key: k-literal, api_base: "https://proxy.example/v1"}}
`);
    assert.equal(config.endpoints[0]!.model.name, 'llama3:8b');
    assert.equal(config.endpoints[1]!.model.config.groq_api_key, env.OTHER_TOKEN);
    assert.deepEqual(config.secrets.sort(), ['k-literal', env.OTHER_TOKEN].sort());
  });
});

describe('secrets', () => {
  it('masks a key split across the chunks of a relayed stream, and passes bytes through when there is nothing to mask', async () => {
    const secret = 'sk-0123456789abcdef';
    const body = `data: {"error":"bad key ${secret}"}\n\ndata: [DONE]\n\n`;
    const enc = new TextEncoder();
    const collect = async (r: Redactor, sizes: number): Promise<string> => {
      async function* chunks(): AsyncIterable<Uint8Array> {
        for (let i = 0; i < body.length; i += sizes) yield enc.encode(body.slice(i, i + sizes));
      }
      let out = '';
      for await (const c of r.redactStream(chunks())) out += new TextDecoder().decode(c);
      return out;
    };
    for (const size of [1, 3, 7, 16, 1000]) assert.equal(await collect(new Redactor([secret]), size), body.replace(secret, '***'), `chunk size ${size}`);
    assert.equal(await collect(new Redactor([]), 5), body);
  });

  it('resolves $VAR and ${VAR} whole values and ${VAR} embedded in a string', async () => {
    const text = echoConfig(writeModule(ECHO_MODULE), `        echo_api_key: \${OPENAI_API_KEY}
        echo_api_base: "https://\${HOST}:8443/v1"
        header: Bearer \${HEADER_TOKEN} and $NOT_A_VAR
        nested: {api_key: $OTHER_TOKEN}
`);
    const config = await parse(text, { env: { ...env, HOST: 'proxy.local', HEADER_TOKEN: 'hdr-token-value' } });
    const c = config.endpoints[0]!.model.config;
    assert.equal(c.echo_api_key, SECRET);
    assert.equal(c.echo_api_base, 'https://proxy.local:8443/v1');
    assert.equal(c.header, 'Bearer hdr-token-value and $NOT_A_VAR');
    assert.deepEqual(c.nested, { api_key: env.OTHER_TOKEN });
    // Credential keys and credential-named variables are secrets; the host is not.
    assert.deepEqual(config.secrets.sort(), [SECRET, 'hdr-token-value', env.OTHER_TOKEN].sort());
  });

  it('fails on a missing variable, naming it and the YAML path but no value', async () => {
    for (const ref of ['$MISSING_KEY', '${MISSING_KEY}', 'prefix-${MISSING_KEY}']) {
      const err = await configError(`endpoints:\n  - name: a\n    endpoint_type: llm/v1/chat\n    model:\n      provider: openai\n      name: m\n      config:\n        openai_api_key: "${ref}"\n`);
      assert.equal(err.path, 'endpoints[0].model.config.openai_api_key');
      assert.equal(err.line, 8);
      assert.equal(
        err.message,
        "gateway-config.yaml:8: endpoints[0].model.config.openai_api_key: environment variable MISSING_KEY is not set. Set it in the gateway's environment, or change this value.",
      );
    }
  });

  it('offline (replay) lets an unset key variable stand in, but not an unset non-key value', async () => {
    const text = (key: string, base: string) =>
      `endpoints:\n  - name: a\n    endpoint_type: llm/v1/chat\n    model:\n      provider: openai\n      name: m\n      config:\n        openai_api_key: "${key}"\n        openai_api_base: "${base}"\n`;
    const config = await parseGatewayConfig(text('$MISSING_KEY', 'http://localhost:1/v1'), { env: {}, offline: true });
    assert.equal(config.endpoints[0]!.model.config.openai_api_key, OFFLINE_KEY_PLACEHOLDER);
    await assert.rejects(parseGatewayConfig(text('k', '${MISSING_HOST}'), { env: {}, offline: true }), /MISSING_HOST is not set/);
    await assert.rejects(parseGatewayConfig(text('$MISSING_KEY', 'http://localhost:1/v1'), { env: {} }), /MISSING_KEY is not set/);
  });

  it('reads a key from the file a credential key names, less one trailing line break, and takes any other value literally', async () => {
    const keyFile = join(dir, 'openai.key');
    writeFileSync(keyFile, 'sk-from-file\n');
    const config = await parse(`endpoints:
  - name: file
    endpoint_type: llm/v1/chat
    model: {provider: openai, name: m, config: {openai_api_key: ${keyFile}}}
  - name: file-via-env
    endpoint_type: llm/v1/chat
    model: {provider: openai, name: m, config: {openai_api_key: $KEY_PATH}}
  - name: literal
    endpoint_type: llm/v1/chat
    model: {provider: openai, name: m, config: {openai_api_key: ${join(dir, 'no-such-file')}}}
`, { env: { KEY_PATH: keyFile } });
    // MLflow keeps the trailing newline (and every request then fails); we drop exactly one.
    assert.equal(config.endpoints[0]!.model.config.openai_api_key, 'sk-from-file');
    assert.equal(config.endpoints[1]!.model.config.openai_api_key, 'sk-from-file');
    assert.equal(config.endpoints[2]!.model.config.openai_api_key, join(dir, 'no-such-file'));
    assert.ok(config.secrets.includes('sk-from-file'));
    writeFileSync(keyFile, 'sk-two-lines\n\n');
    const kept = await parse(`endpoints:\n  - name: f\n    endpoint_type: llm/v1/chat\n    model: {provider: openai, name: m, config: {openai_api_key: ${keyFile}}}\n`);
    assert.equal(kept.endpoints[0]!.model.config.openai_api_key, 'sk-two-lines\n');
  });

  it('does not read files named by keys that are not credentials', async () => {
    const other = join(dir, 'not-a-key.txt');
    writeFileSync(other, 'contents');
    const config = await parse(echoConfig(writeModule(ECHO_MODULE), `        header: ${other}\n`));
    assert.equal(config.endpoints[0]!.model.config.header, other);
  });

  it('masks secrets in messages that a provider schema builds from the value', async () => {
    const err = await configError(echoConfig(writeModule(ECHO_MODULE), '        echo_api_key: $OPENAI_API_KEY\n        short: $OPENAI_API_KEY\n'));
    assert.equal(err.path, 'endpoints[0].model.config.short');
    assert.match(err.message, /too short: \*\*\*/);
  });

  it('isSecretKey follows MLflow: api_key, *api_key and the AWS secrets', () => {
    for (const k of ['api_key', 'openai_api_key', 'ANTHROPIC_API_KEY', 'aws_secret_access_key', 'aws_session_token', 'aws_bearer_token']) assert.ok(isSecretKey(k), k);
    for (const k of ['api_base', 'openai_api_base', 'aws_region', 'aws_access_key_id', 'model_server_url', 'api_keys']) assert.ok(!isSecretKey(k), k);
  });

  it('Redactor masks every secret of 4+ characters, longest first, in text and JSON values', () => {
    const r = new Redactor(['sk-abc', 'sk-abcdef', 'abc', 'file-key\n', 'quo"te']);
    assert.equal(r.redact('a sk-abcdef b sk-abc c abc'), 'a *** b *** c abc');
    assert.equal(r.redact('key=file-key;'), 'key=***;');
    assert.equal(r.redact(JSON.stringify({ k: 'quo"te' })), '{"k":"***"}');
    assert.equal(r.redact('no secret here'), 'no secret here');
    const value = { a: ['x sk-abc', 1, null, true], b: { c: 'sk-abcdef' } };
    assert.deepEqual(r.redactValue(value), { a: ['x ***', 1, null, true], b: { c: '***' } });
    assert.deepEqual(value.b, { c: 'sk-abcdef' }, 'the input is not modified');
    assert.equal(new Redactor([]).redact('sk-abc'), 'sk-abc');
    assert.equal(new Redactor(['a.*b']).redact('axxb a.*b'), 'axxb ***');
  });
});

describe('extensions', () => {
  it('normalises timeout, retries and cache', async () => {
    const config = await parse(`endpoints:
${openaiEndpoint('a', '    timeout: 2.5\n    retries: 2\n    cache: true\n')}
${openaiEndpoint('b', '    retries: {max_attempts: 4, backoff_ms: 100, max_backoff_ms: 1000}\n    cache: {ttl_seconds: 60, max_entries: 10}\n')}
${openaiEndpoint('c', '    retries: {max_attempts: 1}\n    cache: {ttl_seconds: 1}\n')}
${openaiEndpoint('d', '    retries: 0\n    cache: false\n')}
`);
    const [a, b, c, d] = config.endpoints;
    assert.equal(a!.timeout_seconds, 2.5);
    assert.deepEqual(a!.retries, { max_attempts: 3, backoff_ms: 250, max_backoff_ms: 4000 });
    assert.deepEqual(a!.cache, { ttl_seconds: 300, max_entries: 1000 });
    assert.deepEqual(b!.retries, { max_attempts: 4, backoff_ms: 100, max_backoff_ms: 1000 });
    assert.deepEqual(b!.cache, { ttl_seconds: 60, max_entries: 10 });
    assert.deepEqual(c!.retries, { max_attempts: 1, backoff_ms: 250, max_backoff_ms: 4000 });
    assert.deepEqual(c!.cache, { ttl_seconds: 1, max_entries: 1000 });
    assert.deepEqual(d!.retries, { max_attempts: 1, backoff_ms: 250, max_backoff_ms: 4000 });
    assert.equal(d!.cache, undefined);
    assert.equal(d!.timeout_seconds, undefined);
  });

  it('rejects bad timeout, retries and cache values with paths', async () => {
    const cases: [string, string, RegExp][] = [
      ['    timeout: -1\n', 'endpoints[0].timeout', /must be greater than 0/],
      ['    timeout: "5s"\n', 'endpoints[0].timeout', /must be a number, not a string/],
      ['    retries: -1\n', 'endpoints[0].retries', /must be at least 0/],
      ['    retries: 1.5\n', 'endpoints[0].retries', /whole number of retries or a mapping/],
      ['    retries: {max_attempts: 0}\n', 'endpoints[0].retries.max_attempts', /must be at least 1/],
      ['    retries: {max_attempts: 2, backoff: 5}\n', 'endpoints[0].retries.backoff', /Did you mean "backoff_ms"\?/],
      ['    retries: {max_attempts: 2, backoff_ms: 500, max_backoff_ms: 100}\n', 'endpoints[0].retries.max_backoff_ms', /must be at least backoff_ms/],
      ['    cache: yes\n', 'endpoints[0].cache', /must be true, false or a mapping/],
      ['    cache: {max_entries: 5}\n', 'endpoints[0].cache.ttl_seconds', /is missing/],
      ['    limit: {calls: 1, renewal_period: month}\n', 'endpoints[0].limit.renewal_period', /must be one of: second, minute, hour, day/],
      ['    limit: {calls: 0, renewal_period: minute}\n', 'endpoints[0].limit.calls', /must be at least 1/],
    ];
    for (const [extra, path, message] of cases) {
      const err = await configError(`endpoints:\n${openaiEndpoint('a', extra)}`);
      assert.equal(err.path, path, extra);
      assert.match(err.message, message, extra);
    }
  });

  it('validates fallbacks: existing, same endpoint_type, not self, not repeated', async () => {
    const config = await parse(`endpoints:\n${openaiEndpoint('a', '    fallbacks: [b, c]\n')}\n${openaiEndpoint('b')}\n${openaiEndpoint('c')}`);
    assert.deepEqual(config.endpoints[0]!.fallbacks, ['b', 'c']);
    const cases: [string, string, RegExp][] = [
      ['[zz]', 'endpoints[0].fallbacks[0]', /no endpoint named "zz"\. Fallbacks must name endpoints/],
      ['[a]', 'endpoints[0].fallbacks[0]', /cannot fall back to itself/],
      ['[b, b]', 'endpoints[0].fallbacks[1]', /"b" is listed twice/],
      ['[e]', 'endpoints[0].fallbacks[0]', /"e" is llm\/v1\/embeddings but this endpoint is llm\/v1\/chat/],
      ['b', 'endpoints[0].fallbacks', /must be a list, not a string/],
    ];
    for (const [list, path, message] of cases) {
      const err = await configError(`endpoints:\n${openaiEndpoint('a', `    fallbacks: ${list}\n`)}\n${openaiEndpoint('b')}\n${openaiEndpoint('e', '', 'llm/v1/embeddings')}`);
      assert.equal(err.path, path, list);
      assert.match(err.message, message, list);
    }
  });

  it('reads pricing with USD as the default currency and validates it', async () => {
    const config = await parse(`endpoints:\n${openaiEndpoint('a')}
pricing:
  gpt-4o-mini: {input_per_million_tokens: 0.15, output_per_million_tokens: 0.6}
  claude-3.5-haiku: {input_per_million_tokens: 0, output_per_million_tokens: 4, currency: EUR}
`);
    assert.deepEqual(config.pricing, {
      'gpt-4o-mini': { input_per_million_tokens: 0.15, output_per_million_tokens: 0.6, currency: 'USD' },
      'claude-3.5-haiku': { input_per_million_tokens: 0, output_per_million_tokens: 4, currency: 'EUR' },
    });
    let err = await configError(`endpoints:\n${openaiEndpoint('a')}\npricing:\n  gpt-3.5-turbo: {input_per_million_tokens: -1, output_per_million_tokens: 1}\n`);
    assert.equal(err.path, 'pricing["gpt-3.5-turbo"].input_per_million_tokens');
    assert.match(err.message, /must be at least 0/);
    err = await configError(`endpoints:\n${openaiEndpoint('a')}\npricing:\n  m: {input_per_million_tokens: 1}\n`);
    assert.equal(err.path, 'pricing.m.output_per_million_tokens');
    assert.match(err.message, /is missing/);
    err = await configError(`endpoints:\n${openaiEndpoint('a')}\npricing:\n  m: {input_per_million_tokens: 1, output_per_million_tokens: 1, input_per_1k: 2}\n`);
    assert.equal(err.path, 'pricing.m.input_per_1k');
  });
});

describe('custom provider modules', () => {
  it('loads a module by path relative to the config file and validates its config', async () => {
    const module = writeModule(ECHO_MODULE);
    const config = await parse(echoConfig(module, '        echo_api_key: $OPENAI_API_KEY\n'));
    const e = config.endpoints[0]!;
    assert.equal(e.model.provider, 'echo');
    assert.equal(e.module.name, 'echo');
    assert.deepEqual(e.model.config, { echo_api_key: SECRET, echo_api_base: 'http://echo.invalid' });
    assert.deepEqual(config.secrets, [SECRET]);

    const err = await configError(echoConfig(module, '        echo_api_kye: x\n'));
    assert.equal(err.path, 'endpoints[0].model.config.echo_api_kye');
    assert.match(err.message, /unknown key "echo_api_kye"\. Did you mean "echo_api_key"\?/);
  });

  it('loads a module from an absolute path and a named "provider" export', async () => {
    const module = writeModule(ECHO_MODULE.replace('export default', 'export const provider ='));
    const config = await parse(echoConfig(module, '        echo_api_key: k\n').replace(`./${module}`, join(dir, module)), { baseDir: '/' });
    assert.equal(config.endpoints[0]!.module.name, 'echo');
  });

  it('rejects an endpoint type the module does not list', async () => {
    const err = await configError(echoConfig(writeModule(ECHO_MODULE), '        echo_api_key: k\n', 'llm/v1/completions'));
    assert.match(err.message, /provider "echo" does not serve llm\/v1\/completions \(it serves: llm\/v1\/chat, llm\/v1\/embeddings\)/);
  });

  it('rejects a module of the wrong shape, naming the file and what is wrong', async () => {
    const cases: [string, RegExp][] = [
      ['export default { name: "x", configSchema: {}, endpointTypes: [], create() {} };', /"configSchema" must be a zod schema/],
      ['export default { name: "x", configSchema: z.strictObject({}), endpointTypes: ["llm/v2/chat"], create() {} };', /"endpointTypes" must be a list of/],
      ['export default { name: "x", configSchema: z.strictObject({}), endpointTypes: [] };', /"create" must be a function/],
      ['export const notIt = 1;', /no default export \(or export named "provider"\)/],
    ];
    for (const [body, message] of cases) {
      const module = writeModule(body);
      const err = await configError(echoConfig(module, '        {}\n'));
      assert.equal(err.path, 'providers.echo');
      assert.ok(err.message.includes(join(dir, module)), err.message);
      assert.match(err.message, message);
    }
  });

  it('reports a module that fails to load or does not exist', async () => {
    const broken = writeModule('export default {;');
    let err = await configError(echoConfig(broken, '        {}\n'));
    assert.match(err.message, new RegExp(`providers\\.echo: cannot load provider module ${join(dir, broken).replaceAll('.', '\\.')}: `));
    err = await configError(echoConfig('missing.mjs', '        {}\n'));
    assert.match(err.message, /provider module .*missing\.mjs does not exist or is not a file\. Relative paths resolve against /);
  });

  it('refuses a custom provider that reuses a built-in name', async () => {
    const err = await configError(echoConfig(writeModule(ECHO_MODULE), '        {}\n').replace('  echo: ', '  OpenAI: '));
    assert.equal(err.path, 'providers.OpenAI');
    assert.match(err.message, /is a built-in provider name/);
  });
});

describe('config file location', () => {
  it('resolveConfigPath: explicit path, then MLFLOW_GATEWAY_CONFIG, else a clear error', () => {
    assert.equal(resolveConfigPath('a.yaml', { MLFLOW_GATEWAY_CONFIG: 'b.yaml' }), 'a.yaml');
    assert.equal(resolveConfigPath(undefined, { MLFLOW_GATEWAY_CONFIG: 'b.yaml' }), 'b.yaml');
    assert.throws(() => resolveConfigPath(undefined, {}), (err: unknown) => {
      assert.ok(err instanceof GatewayConfigError);
      assert.match(err.message, /pass --config-path <gateway-config\.yaml> or set MLFLOW_GATEWAY_CONFIG/i);
      return true;
    });
  });

  it('loadGatewayConfig reads the file and resolves modules against its directory', async () => {
    const sub = mkdtempSync(join(dir, 'sub-'));
    writeFileSync(join(sub, 'echo.mjs'), `import { z } from ${JSON.stringify(zodUrl)};\n${ECHO_MODULE}\n`);
    const file = join(sub, 'gateway.yaml');
    writeFileSync(file, echoConfig('echo.mjs', '        echo_api_key: k\n'));
    const config = await loadGatewayConfig(file, { env: {} });
    assert.equal(config.file, file);
    assert.equal(config.endpoints[0]!.model.provider, 'echo');
    await assert.rejects(loadGatewayConfig(join(sub, 'nope.yaml')), (err: unknown) => {
      assert.ok(err instanceof GatewayConfigError);
      assert.match(err.message, /nope\.yaml: file not found/);
      return true;
    });
  });
});

describe('watchGatewayConfig', () => {
  type Event = { kind: 'reload'; config: GatewayConfig } | { kind: 'error'; error: Error };

  function recorder() {
    const events: Event[] = [];
    let wake: (() => void) | undefined;
    const push = (e: Event): void => {
      events.push(e);
      wake?.();
    };
    return {
      handlers: {
        onReload: (config: GatewayConfig) => push({ kind: 'reload', config }),
        onError: (error: Error) => push({ kind: 'error', error }),
      },
      events,
      async next(timeoutMs = 5000): Promise<Event> {
        const deadline = Date.now() + timeoutMs;
        while (events.length === 0) {
          if (Date.now() > deadline) assert.fail('no reload event within the time limit');
          await new Promise<void>((res) => {
            wake = res;
            setTimeout(res, 50);
          });
        }
        return events.shift()!;
      },
    };
  }

  const model = (name: string) => `endpoints:\n  - name: chat\n    endpoint_type: llm/v1/chat\n    model: {provider: openai, name: ${name}, config: {openai_api_key: $OPENAI_API_KEY}}\n`;

  it('reloads on edits, reports bad edits, and recovers on the next good edit', async () => {
    const sub = mkdtempSync(join(dir, 'watch-'));
    const file = join(sub, 'gateway-config.yaml');
    writeFileSync(file, model('m1'));
    const rec = recorder();
    const watcher = watchGatewayConfig(file, rec.handlers, { env, debounceMs: 30 });
    try {
      await watcher.ready;
      writeFileSync(file, model('m2'));
      let e = await rec.next();
      assert.equal(e.kind, 'reload');
      assert.equal(e.kind === 'reload' && e.config.endpoints[0]!.model.name, 'm2');

      writeFileSync(file, model('m3').replace('openai', 'opneai'));
      e = await rec.next();
      assert.equal(e.kind, 'error');
      assert.ok(e.kind === 'error' && e.error instanceof GatewayConfigError);
      assert.match(e.kind === 'error' ? e.error.message : '', /unknown provider "opneai"/);

      writeFileSync(file, model('m4'));
      e = await rec.next();
      assert.equal(e.kind === 'reload' && e.config.endpoints[0]!.model.name, 'm4');

      // Atomic replace, as editors and deploy tools do it: write elsewhere, rename over.
      const tmp = join(sub, '.gateway-config.yaml.tmp');
      writeFileSync(tmp, model('m5'));
      renameSync(tmp, file);
      e = await rec.next();
      assert.equal(e.kind === 'reload' && e.config.endpoints[0]!.model.name, 'm5');

      // And again, to show the watch survived the rename.
      writeFileSync(tmp, model('m6'));
      renameSync(tmp, file);
      e = await rec.next();
      assert.equal(e.kind === 'reload' && e.config.endpoints[0]!.model.name, 'm6');

      // Saving the file unchanged reloads too (a key file it names may have been rotated)...
      writeFileSync(file, model('m6'));
      e = await rec.next();
      assert.equal(e.kind === 'reload' && e.config.endpoints[0]!.model.name, 'm6');
      // ...while other files in the directory do not cause a reload.
      writeFileSync(join(sub, 'notes.txt'), 'unrelated');
      await new Promise((res) => setTimeout(res, 300));
      assert.deepEqual(rec.events, []);

      // An edit still waiting for its debounce when the watcher closes is never reported.
      writeFileSync(file, model('m7'));
    } finally {
      await watcher.close();
    }
    writeFileSync(file, model('m8'));
    await new Promise((res) => setTimeout(res, 300));
    assert.deepEqual(rec.events, []);
  });

  it('close() drops an edit still waiting for its debounce', async () => {
    const sub = mkdtempSync(join(dir, 'watch-'));
    const file = join(sub, 'gateway-config.yaml');
    writeFileSync(file, model('m1'));
    const rec = recorder();
    const watcher = watchGatewayConfig(file, rec.handlers, { env, debounceMs: 400 });
    await watcher.ready;
    writeFileSync(file, model('m2'));
    await new Promise((res) => setTimeout(res, 150));
    await watcher.close();
    await new Promise((res) => setTimeout(res, 600));
    assert.deepEqual(rec.events, []);
  });

  it('reports a removed file and reloads when it comes back', async () => {
    const sub = mkdtempSync(join(dir, 'watch-'));
    const file = join(sub, 'gateway-config.yaml');
    writeFileSync(file, model('m1'));
    const rec = recorder();
    const watcher = watchGatewayConfig(file, rec.handlers, { env, debounceMs: 30 });
    try {
      await watcher.ready;
      rmSync(file);
      let e = await rec.next();
      assert.equal(e.kind, 'error');
      assert.match(e.kind === 'error' ? e.error.message : '', /file not found\. .*Keeping the current config\./);
      writeFileSync(file, model('m2'));
      e = await rec.next();
      assert.equal(e.kind === 'reload' && e.config.endpoints[0]!.model.name, 'm2');
    } finally {
      await watcher.close();
    }
  });

  it('debounces a burst of writes into one reload', async () => {
    const sub = mkdtempSync(join(dir, 'watch-'));
    const file = join(sub, 'gateway-config.yaml');
    writeFileSync(file, model('m1'));
    const rec = recorder();
    const watcher = watchGatewayConfig(file, rec.handlers, { env, debounceMs: 200 });
    try {
      await watcher.ready;
      for (const m of ['a', 'b', 'c', 'd']) {
        writeFileSync(file, model(m));
        await new Promise((res) => setTimeout(res, 20));
      }
      const e = await rec.next();
      assert.equal(e.kind === 'reload' && e.config.endpoints[0]!.model.name, 'd');
      await new Promise((res) => setTimeout(res, 400));
      assert.deepEqual(rec.events, []);
    } finally {
      await watcher.close();
    }
  });
});
