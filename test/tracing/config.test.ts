/**
 * The project config file (`mlflow-config.yaml`): validation errors that name the file, line and
 * YAML path; the precedence code > env > file > defaults; and init() reading the file.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  InMemoryTraceExporter,
  ProjectConfigError,
  TracingConfigError,
  flushTraces,
  init,
  loadProjectConfig,
  parseProjectConfig,
  resolveTracingSettings,
  withSpan,
} from '../../src/tracing/index.ts';
import { parseRequestTimeoutEnv } from '../../src/tracing/runtime.ts';

const dir = mkdtempSync(join(tmpdir(), 'tracing-config-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function configError(text: string): ProjectConfigError {
  try {
    parseProjectConfig(text, 'mlflow-config.yaml');
  } catch (err) {
    assert.ok(err instanceof ProjectConfigError, String(err));
    return err;
  }
  assert.fail('expected a ProjectConfigError');
}

describe('parseProjectConfig', () => {
  it('accepts the tracing section and leaves other sections to their readers', () => {
    const config = parseProjectConfig('tracing:\n  sampling_rate: 0.2\n  slow_threshold_ms: 1000\ngateway:\n  routes: []\n');
    assert.deepEqual(config.tracing, { sampling_rate: 0.2, slow_threshold_ms: 1000 });
    assert.deepEqual(config.gateway, { routes: [] });
    assert.deepEqual(parseProjectConfig(''), {});
    assert.deepEqual(parseProjectConfig('# only a comment\n'), {});
  });

  it('names the path, line and value of an out-of-range or mistyped setting', () => {
    const range = configError('server:\n  port: 5000\ntracing:\n  sampling_rate: 1.5\n');
    assert.deepEqual(range.issues, [{ path: 'tracing.sampling_rate', line: 4, message: 'must be a number between 0 and 1 (got 1.5)' }]);
    assert.match(range.message, /mlflow-config\.yaml:4: tracing\.sampling_rate: must be a number between 0 and 1 \(got 1\.5\)/);

    const type = configError('tracing:\n  slow_threshold_ms: "fast"\n');
    assert.equal(type.issues[0]!.path, 'tracing.slow_threshold_ms');
    assert.equal(type.issues[0]!.line, 2);
    assert.match(type.issues[0]!.message, /non-negative number of milliseconds \(got "fast"\)/);
  });

  it('rejects unknown keys inside the tracing section, pointing at the typo', () => {
    const err = configError('tracing:\n  sampling_rate: 0.5\n  slow_treshold_ms: 10\n');
    assert.equal(err.issues.length, 1);
    assert.equal(err.issues[0]!.path, 'tracing');
    assert.equal(err.issues[0]!.line, 3);
    assert.match(err.issues[0]!.message, /unknown key 'slow_treshold_ms' in tracing \(expected sampling_rate, slow_threshold_ms\)/);
  });

  it('reports every issue, a non-mapping document and YAML syntax errors', () => {
    const many = configError('tracing:\n  sampling_rate: -1\n  slow_threshold_ms: -5\n');
    assert.deepEqual(many.issues.map((i) => i.path), ['tracing.sampling_rate', 'tracing.slow_threshold_ms']);
    assert.match(configError('- a\n- b\n').issues[0]!.message, /must be a YAML mapping/);
    assert.match(configError('tracing: 3\n').issues[0]!.message, /must be a mapping/);
    const syntax = configError('tracing:\n  sampling_rate: 0.1\n  sampling_rate: 0.2\n');
    assert.equal(syntax.issues[0]!.line, 3);
    assert.match(syntax.issues[0]!.message, /YAML syntax: Map keys must be unique/);
  });
});

describe('loadProjectConfig', () => {
  it('reads mlflow-config.yaml from the directory, or nothing when absent', () => {
    const project = mkdtempSync(join(dir, 'project-'));
    assert.equal(loadProjectConfig({ cwd: project }), undefined);
    writeFileSync(join(project, 'mlflow-config.yaml'), 'tracing:\n  sampling_rate: 0.25\n');
    const loaded = loadProjectConfig({ cwd: project });
    assert.equal(loaded?.config.tracing?.sampling_rate, 0.25);
    assert.equal(loaded?.file, join(project, 'mlflow-config.yaml'));
  });

  it('requires an explicitly named file to exist', () => {
    assert.throws(() => loadProjectConfig({ path: join(dir, 'missing.yaml') }), (err) => err instanceof ProjectConfigError && /ENOENT/.test(err.message));
  });
});

describe('precedence: code > env > file > defaults', () => {
  const file = { tracing: { sampling_rate: 0.2, slow_threshold_ms: 1000 } };
  const env = { MLFLOW_TRACE_SAMPLING_RATE: '0.5', MLFLOW_TRACE_SLOW_THRESHOLD_MS: '250' };

  it('takes each setting from the highest source that has it', () => {
    assert.deepEqual(resolveTracingSettings({ env: {} }), { samplingRate: 1, slowThresholdMs: undefined, sources: { samplingRate: 'default', slowThresholdMs: 'default' } });
    assert.deepEqual(resolveTracingSettings({ env: {}, file }), { samplingRate: 0.2, slowThresholdMs: 1000, sources: { samplingRate: 'file', slowThresholdMs: 'file' } });
    assert.deepEqual(resolveTracingSettings({ env, file }), { samplingRate: 0.5, slowThresholdMs: 250, sources: { samplingRate: 'env', slowThresholdMs: 'env' } });
    assert.deepEqual(resolveTracingSettings({ env, file, code: { samplingRate: 0 } }), {
      samplingRate: 0,
      slowThresholdMs: 250,
      sources: { samplingRate: 'code', slowThresholdMs: 'env' },
    });
  });

  it('reads MLFLOW_HTTP_REQUEST_TIMEOUT as seconds (Python client) when small, milliseconds (TS SDK) when large', () => {
    assert.equal(parseRequestTimeoutEnv('120'), 120_000);
    assert.equal(parseRequestTimeoutEnv('30000'), 30_000);
    assert.equal(parseRequestTimeoutEnv(undefined), undefined);
    assert.throws(() => parseRequestTimeoutEnv('soon'), /MLFLOW_HTTP_REQUEST_TIMEOUT must be a positive number/);
  });

  it('names the variable or option that holds a bad value', () => {
    assert.throws(() => resolveTracingSettings({ env: { MLFLOW_TRACE_SAMPLING_RATE: 'half' } }), (e) => e instanceof TracingConfigError && /MLFLOW_TRACE_SAMPLING_RATE/.test(e.message));
    assert.throws(() => resolveTracingSettings({ env: { MLFLOW_TRACE_SAMPLING_RATE: '2' } }), /MLFLOW_TRACE_SAMPLING_RATE must be a number between 0 and 1/);
    assert.throws(() => resolveTracingSettings({ env: {}, code: { slowThresholdMs: -1 } }), /init\(\{slowThresholdMs\}\)/);
  });

  it('an explicit init() without a tracking server or experiment fails with what to set', () => {
    const saved = { uri: process.env.MLFLOW_TRACKING_URI, id: process.env.MLFLOW_EXPERIMENT_ID, name: process.env.MLFLOW_EXPERIMENT_NAME };
    delete process.env.MLFLOW_TRACKING_URI;
    delete process.env.MLFLOW_EXPERIMENT_ID;
    delete process.env.MLFLOW_EXPERIMENT_NAME;
    try {
      assert.throws(() => init({ configFile: false }), (e) => e instanceof TracingConfigError && /MLFLOW_TRACKING_URI/.test(e.message));
      assert.throws(() => init({ trackingUri: 'http://127.0.0.1:5000', configFile: false }), (e) => e instanceof TracingConfigError && /MLFLOW_EXPERIMENT_ID/.test(e.message));
      assert.throws(() => init({ trackingUri: 'databricks', experimentId: '1', configFile: false }), /must be the http:\/\/ or https:\/\/ URL/);
      assert.throws(() => init({ trackingUri: 'http://u:secret@127.0.0.1:5000', experimentId: '1', configFile: false, requestTimeoutMs: 1, exporter: 'zipkin' as 'otlp' }), (e) => e instanceof TracingConfigError && !e.message.includes('secret'));
    } finally {
      for (const [key, value] of [['MLFLOW_TRACKING_URI', saved.uri], ['MLFLOW_EXPERIMENT_ID', saved.id], ['MLFLOW_EXPERIMENT_NAME', saved.name]] as const) {
        if (value !== undefined) process.env[key] = value;
      }
    }
  });

  it('init() applies the file, and code overrides it', async () => {
    const path = join(dir, 'rate-zero.yaml');
    writeFileSync(path, 'tracing:\n  sampling_rate: 0\n');
    const fromFile = new InMemoryTraceExporter();
    init({ exporter: fromFile, configFile: path, handleSignals: false });
    withSpan(() => 1, { name: 'dropped' });
    await flushTraces();
    assert.equal(fromFile.traces.length, 0);

    const fromCode = new InMemoryTraceExporter();
    init({ exporter: fromCode, configFile: path, samplingRate: 1, handleSignals: false });
    withSpan(() => 1, { name: 'kept' });
    await flushTraces();
    assert.equal(fromCode.traces.length, 1);

    writeFileSync(path, 'tracing:\n  sampling_rate: yes please\n');
    assert.throws(() => init({ exporter: fromCode, configFile: path }), (e) => e instanceof ProjectConfigError && e.issues[0]!.path === 'tracing.sampling_rate');
  });
});
