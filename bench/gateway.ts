/**
 * Gateway benchmark (issue #6): the bundled CLI's `gateway start`, in its default configuration
 * (metrics, access log, tracing to a live tracking server through MLFLOW_TRACKING_URI), against a
 * local fake OpenAI upstream, compared with a bare pass-through proxy (node:http piped to the
 * upstream, no parsing) as the floor a Node gateway can reach on this machine.
 *
 * The fake upstream and the floor run in their own processes (this file, started with
 * `--role=fake|floor`) so their CPU is not counted against the gateway and the load generator's
 * is not counted against either. Every figure is the median of alternating runs (gateway, floor,
 * floor, gateway, ...) so drift on a shared machine hits both sides alike.
 *
 * `--gateway-path=/gateway/openai/v1/chat/completions` benches another OpenAI-shaped route;
 * `--gateway-cpu-prof=<dir>` writes a .cpuprofile of the gateway process there on exit;
 * BENCH_GATEWAY_NODE_OPTIONS becomes the gateway's NODE_OPTIONS (e.g. `--max-old-space-size=96`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'undici';
import { cli, percentile, rssKb, smoke, startServer, stopServer, type Server } from './lib.ts';

const SIZES = smoke
  ? { runs: 1, warmup: 50, requests: 200, streamRequests: 200, latency: 200, ttfc: 100 }
  : { runs: 5, warmup: 3_000, requests: 20_000, streamRequests: 10_000, latency: 2_000, ttfc: 1_000 };
const CONNECTIONS = 32;
const TARGETS = { cpuRatio: 2, addedP50Ratio: 1.5, rpsRatio: 0.6, ttfcOverFloorMs: 1, rssMb: 150 };

const argValue = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const GATEWAY_PATH = argValue('gateway-path') ?? '/gateway/mlflow/v1/chat/completions';
const UPSTREAM_PATH = '/v1/chat/completions';
const ENDPOINT = 'chat';
const MODEL = 'gpt-4o-mini';
const STREAM_TOKENS = 20;

// ---- the fake upstream and the floor (child processes) ----

const COMPLETION = JSON.stringify({
  id: 'chatcmpl-bench',
  object: 'chat.completion',
  created: 1_700_000_000,
  model: `${MODEL}-2024-07-18`,
  choices: [{ index: 0, message: { role: 'assistant', content: 'Hello! How can I help you today?', refusal: null }, logprobs: null, finish_reason: 'stop' }],
  usage: { prompt_tokens: 12, completion_tokens: 9, total_tokens: 21 },
  system_fingerprint: 'fp_bench',
});

function sseChunks(): string[] {
  const base = { id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 1_700_000_000, model: `${MODEL}-2024-07-18`, system_fingerprint: 'fp_bench' };
  const chunk = (delta: Record<string, unknown>, finish: string | null): string =>
    `data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] })}\n\n`;
  return [
    chunk({ role: 'assistant', content: '', refusal: null }, null),
    ...Array.from({ length: STREAM_TOKENS }, (_, i) => chunk({ content: `tok${i} ` }, null)),
    chunk({}, 'stop'),
    `data: ${JSON.stringify({ ...base, choices: [], usage: { prompt_tokens: 12, completion_tokens: STREAM_TOKENS, total_tokens: 12 + STREAM_TOKENS } })}\n\n`,
    'data: [DONE]\n\n',
  ];
}

/** Both children end with their parent: it holds their stdin open, and its death closes it. */
function listenAndReport(server: http.Server): void {
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    process.stdout.write(`listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}\n`);
  });
  process.stdin.on('end', () => process.exit(0)).resume();
  process.on('SIGTERM', () => process.exit(0));
}

function runFakeUpstream(): void {
  const json = Buffer.from(COMPLETION);
  const sse = sseChunks();
  listenAndReport(
    http.createServer((req, res) => {
      const parts: Buffer[] = [];
      req.on('data', (c: Buffer) => parts.push(c));
      req.on('end', () => {
        if (req.method !== 'POST' || req.url !== UPSTREAM_PATH) {
          res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"fake upstream: no such route","type":"invalid_request_error"}}');
          return;
        }
        if (!/"stream"\s*:\s*true/.test(Buffer.concat(parts).toString())) {
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': json.length }).end(json);
          return;
        }
        res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
        for (const c of sse) res.write(c);
        res.end();
      });
    }),
  );
}

function runFloor(upstream: string): void {
  const target = new URL(upstream);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  listenAndReport(
    http.createServer((req, res) => {
      const up = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers, agent }, (upRes) => {
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        upRes.pipe(res);
      });
      up.on('error', (err) => {
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`floor: ${err.message}`);
      });
      req.pipe(up);
    }),
  );
}

// ---- child processes, always cleaned up ----

interface Child {
  name: string;
  url: string;
  pid: number;
  proc: ChildProcess;
  /** The last 8 KiB the child wrote to stderr since its start-up line, for error messages. */
  tail(): string;
  /** Lines the child wrote after its start-up line (the gateway's access log is most of them). */
  linesAfterReady(): number;
  stop(): Promise<void>;
}

const children = new Set<ChildProcess>();
const killAll = (): void => {
  for (const c of children) c.kill('SIGKILL');
};

async function spawnChild(name: string, args: string[], env: NodeJS.ProcessEnv, holdStdin: boolean): Promise<Child> {
  const proc = spawn(process.execPath, args, { env, stdio: [holdStdin ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
  children.add(proc);
  const exited = new Promise<void>((done) => proc.once('exit', () => done()));
  void exited.then(() => children.delete(proc));
  let tail = '';
  let ready = false;
  let lines = 0;
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`bench: ${name} did not start within 20 s; its output:\n${tail}`));
    }, 20_000);
    // Problems go to stderr, the access log to stdout: only stderr is kept for error messages.
    const onData = (text: string, fromStderr: boolean): void => {
      if (fromStderr || !ready) tail = (tail + text).slice(-8_192);
      if (ready) {
        for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
        return;
      }
      const match = /listening on (http:\/\/\S+)/.exec(tail);
      if (match) {
        ready = true;
        tail = '';
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    };
    proc.stdout!.setEncoding('utf8').on('data', (text: string) => onData(text, false));
    proc.stderr!.setEncoding('utf8').on('data', (text: string) => onData(text, true));
    proc.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`bench: ${name} exited (code ${proc.exitCode}, signal ${proc.signalCode}) before listening; its output:\n${tail}`));
    });
  });
  return {
    name,
    url,
    pid: proc.pid!,
    proc,
    tail: () => tail,
    linesAfterReady: () => lines,
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill('SIGTERM');
      const killer = setTimeout(() => proc.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

const self = fileURLToPath(import.meta.url);

// ---- measuring ----

/** User + system CPU of a whole process (every thread), in ms; clock-tick resolution (10 ms). */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** Write syscalls a process has made: how many pieces an answer went out in. */
function writeCalls(pid: number): number {
  return Number(/syscw:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/io`, 'utf8'))?.[1] ?? NaN);
}

/**
 * CPU once the process has gone quiet: trace export and log flushing run after the last answer,
 * and belong to the requests that caused them.
 */
async function settledCpuMs(pid: number): Promise<number> {
  let last = cpuMs(pid);
  for (let i = 0; i < 50; i++) {
    await sleep(100);
    const now = cpuMs(pid);
    if (now - last <= 10) return now;
    last = now;
  }
  return last;
}

/** Busy and total jiffies of the whole machine, to tell a saturated (shared) machine from a slow server. */
function machineTicks(): { busy: number; total: number } {
  const jiffies = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = jiffies.reduce((a, b) => a + b, 0);
  // Fields 4 and 5 are idle and iowait.
  return { busy: total - jiffies[3]! - jiffies[4]!, total };
}

interface Target {
  name: 'direct' | 'floor' | 'gateway';
  url: string;
  path: string;
  model: string;
  pid?: number;
}

const body = (t: Target, stream: boolean): string =>
  JSON.stringify({ model: t.model, messages: [{ role: 'user', content: 'Say hello in one short sentence.' }], ...(stream ? { stream: true } : {}) });

const pool = (t: Target, connections: number): Pool =>
  new Pool(t.url, { connections, pipelining: 1, keepAliveTimeout: 60_000, headersTimeout: 15_000, bodyTimeout: 15_000 });

// What the OpenAI SDK sends; the gateway runs without a caller token, as `gateway start` does by default.
const HEADERS = { 'content-type': 'application/json', authorization: 'Bearer sk-bench-caller' };

async function call(p: Pool, t: Target, payload: string): Promise<string> {
  const res = await p.request({ method: 'POST', path: t.path, headers: HEADERS, body: payload });
  const text = await res.body.text();
  if (res.statusCode !== 200) throw new Error(`bench: ${t.name} answered ${res.statusCode}: ${text.slice(0, 500)}`);
  return text;
}

interface Load {
  rps: number;
  cpuMsPerRequest: number;
  upstreamCpuMsPerRequest: number;
  trackingCpuMsPerRequest: number;
  writesPerRequest: number;
  rssMaxMb: number;
  loadgenCpuPct: number;
  machineBusyPct: number;
}

let upstreamPid = 0;
let trackingPid = 0;

/** `n` requests over CONNECTIONS connections: throughput, the target's CPU per request, its peak RSS. */
async function underLoad(t: Target, stream: boolean, n: number): Promise<Load> {
  const p = pool(t, CONNECTIONS);
  const payload = body(t, stream);
  let rssMaxKb = 0;
  const sampleRss = (): void => {
    if (t.pid !== undefined) rssMaxKb = Math.max(rssMaxKb, rssKb(t.pid, 'VmRSS'));
  };
  const sampler = setInterval(sampleRss, 50);
  try {
    const cpu0 = t.pid === undefined ? 0 : cpuMs(t.pid);
    const writes0 = t.pid === undefined ? 0 : writeCalls(t.pid);
    const upstream0 = cpuMs(upstreamPid);
    const tracking0 = cpuMs(trackingPid);
    const machine0 = machineTicks();
    const own0 = process.cpuUsage();
    const t0 = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (next < n) {
          next++;
          await call(p, t, payload);
        }
      }),
    );
    const ms = performance.now() - t0;
    const own = process.cpuUsage(own0);
    const machine1 = machineTicks();
    const upstream1 = cpuMs(upstreamPid);
    sampleRss();
    const cpu1 = t.pid === undefined ? 0 : await settledCpuMs(t.pid);
    const tracking1 = await settledCpuMs(trackingPid);
    const writes1 = t.pid === undefined ? 0 : writeCalls(t.pid);
    return {
      rps: (n / ms) * 1000,
      cpuMsPerRequest: (cpu1 - cpu0) / n,
      writesPerRequest: (writes1 - writes0) / n,
      upstreamCpuMsPerRequest: (upstream1 - upstream0) / n,
      trackingCpuMsPerRequest: (tracking1 - tracking0) / n,
      rssMaxMb: rssMaxKb / 1024,
      loadgenCpuPct: ((own.user + own.system) / 1000 / ms) * 100,
      machineBusyPct: ((machine1.busy - machine0.busy) / (machine1.total - machine0.total)) * 100,
    };
  } finally {
    clearInterval(sampler);
    await p.close();
  }
}

/** Round-trip times (ms) of `n` sequential requests on one keep-alive connection. */
async function latencies(t: Target, n: number): Promise<number[]> {
  const p = pool(t, 1);
  const payload = body(t, false);
  const times: number[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      await call(p, t, payload);
      times.push(performance.now() - t0);
    }
  } finally {
    await p.close();
  }
  return times;
}

/** Time to the first content chunk (ms) of `n` sequential streams on one connection. */
async function firstChunkTimes(t: Target, n: number): Promise<number[]> {
  const p = pool(t, 1);
  const payload = body(t, true);
  const times: number[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      const res = await p.request({ method: 'POST', path: t.path, headers: HEADERS, body: payload });
      let first = NaN;
      let seen = '';
      for await (const chunk of res.body as AsyncIterable<Buffer>) {
        if (!Number.isNaN(first)) continue;
        seen += chunk.toString();
        // The first token's delta, not a preamble or keep-alive comment a gateway might send first.
        if (seen.includes('"delta"')) first = performance.now() - t0;
      }
      if (res.statusCode !== 200 || Number.isNaN(first)) throw new Error(`bench: ${t.name} stream answered ${res.statusCode} without a content chunk: ${seen.slice(0, 500)}`);
      times.push(first);
    }
  } finally {
    await p.close();
  }
  return times;
}

/** One warm-up pass, which also proves each target answers what the fake upstream sent. */
async function warmUp(t: Target, n: number): Promise<void> {
  const p = pool(t, 4);
  try {
    const plain = await call(p, t, body(t, false));
    if (!plain.includes('Hello! How can I help you today?')) throw new Error(`bench: ${t.name} did not relay the fake completion: ${plain.slice(0, 500)}`);
    const streamed = await call(p, t, body(t, true));
    if (!streamed.includes(`tok${STREAM_TOKENS - 1} `)) throw new Error(`bench: ${t.name} did not relay the fake stream: ${streamed.slice(0, 500)}`);
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < n) {
          next++;
          await call(p, t, body(t, next % 2 === 0));
        }
      }),
    );
  } finally {
    await p.close();
  }
}

const median = (values: number[]): number => percentile(values, 50);

interface RunFigures {
  rps: number;
  cpu: number;
  rss: number;
  streamRss: number;
  writes: number;
  streamWrites: number;
  loadgen: number;
  upstreamCpu: number;
  trackingCpu: number;
  machineBusy: number;
  p50: number;
  p99: number;
  streamRps: number;
  streamCpu: number;
  ttfcP50: number;
  ttfcP99: number;
}

async function measure(t: Target): Promise<RunFigures> {
  const plain = await underLoad(t, false, SIZES.requests);
  const lat = await latencies(t, SIZES.latency);
  const streamed = await underLoad(t, true, SIZES.streamRequests);
  const ttfc = await firstChunkTimes(t, SIZES.ttfc);
  return {
    rps: plain.rps,
    cpu: plain.cpuMsPerRequest,
    rss: plain.rssMaxMb,
    streamRss: streamed.rssMaxMb,
    writes: plain.writesPerRequest,
    streamWrites: streamed.writesPerRequest,
    loadgen: plain.loadgenCpuPct,
    upstreamCpu: plain.upstreamCpuMsPerRequest,
    trackingCpu: plain.trackingCpuMsPerRequest,
    machineBusy: plain.machineBusyPct,
    p50: percentile(lat, 50),
    p99: percentile(lat, 99),
    streamRps: streamed.rps,
    streamCpu: streamed.cpuMsPerRequest,
    ttfcP50: percentile(ttfc, 50),
    ttfcP99: percentile(ttfc, 99),
  };
}

// ---- the gateway under test ----

function writeConfig(dir: string, upstream: string): string {
  const path = join(dir, 'gateway-config.yaml');
  writeFileSync(
    path,
    [
      'endpoints:',
      `  - name: ${ENDPOINT}`,
      '    endpoint_type: llm/v1/chat',
      '    model:',
      '      provider: openai',
      `      name: ${MODEL}`,
      '      config:',
      '        openai_api_key: $BENCH_OPENAI_API_KEY',
      `        openai_api_base: ${upstream}/v1`,
      'pricing:',
      `  ${MODEL}:`,
      '    input_per_million_tokens: 0.15',
      '    output_per_million_tokens: 0.60',
      '',
    ].join('\n'),
  );
  return path;
}

/** Whether the default configuration's observability was really on, so the figures mean what they say. */
async function observability(gateway: Child, tracking: Server): Promise<{ metrics: boolean; traces: number }> {
  const get = async (url: string, init?: { method: string; body: string }): Promise<{ status: number; text: string }> => {
    const res = await fetch(url, init ? { ...init, headers: { 'content-type': 'application/json' } } : undefined);
    return { status: res.status, text: await res.text() };
  };
  const metrics = await get(`${gateway.url}/metrics`);
  let traces = 0;
  const exp = await get(`${tracking.url}/api/2.0/mlflow/experiments/get-by-name?experiment_name=${encodeURIComponent(`gateway/${ENDPOINT}`)}`);
  if (exp.status === 200) {
    const id = (JSON.parse(exp.text) as { experiment?: { experiment_id?: string } }).experiment?.experiment_id;
    const counted = await get(`${tracking.url}/api/3.0/mlflow/traces/metrics`, { method: 'POST', body: JSON.stringify({ experiment_ids: [id] }) });
    if (counted.status === 200) traces = (JSON.parse(counted.text) as { rows?: { count?: number }[] }).rows?.[0]?.count ?? 0;
  }
  return { metrics: metrics.status === 200 && metrics.text.includes('gateway_requests_total'), traces };
}

export async function benchGateway(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'mlflow-ts-bench-gateway-'));
  let tracking: Server | undefined;
  const onSignal = (signal: NodeJS.Signals): void => {
    killAll();
    for (const d of [dir, tracking?.dir]) if (d) rmSync(d, { recursive: true, force: true });
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.on('exit', killAll);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const started: Child[] = [];
  try {
    const fake = await spawnChild('fake upstream', [self, '--role=fake'], process.env, true);
    started.push(fake);
    upstreamPid = fake.pid;
    const floor = await spawnChild('floor proxy', [self, '--role=floor', `--upstream=${fake.url}`], process.env, true);
    started.push(floor);
    tracking = await startServer();
    children.add(tracking.child);
    trackingPid = tracking.child.pid!;
    const profDir = argValue('gateway-cpu-prof');
    const gateway = await spawnChild(
      'gateway',
      [...(profDir ? ['--cpu-prof', `--cpu-prof-dir=${resolve(profDir)}`] : []), cli, 'gateway', 'start', '--config-path', writeConfig(dir, fake.url), '--port', '0'],
      {
        ...process.env,
        MLFLOW_TRACKING_URI: tracking.url,
        BENCH_OPENAI_API_KEY: 'sk-bench-not-a-real-key',
        ...(process.env.BENCH_GATEWAY_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_GATEWAY_NODE_OPTIONS } : {}),
      },
      false,
    );
    started.push(gateway);

    const direct: Target = { name: 'direct', url: fake.url, path: UPSTREAM_PATH, model: MODEL };
    const viaFloor: Target = { name: 'floor', url: floor.url, path: UPSTREAM_PATH, model: MODEL, pid: floor.pid };
    const viaGateway: Target = { name: 'gateway', url: gateway.url, path: GATEWAY_PATH, model: ENDPOINT, pid: gateway.pid };
    for (const t of [direct, viaFloor, viaGateway]) await warmUp(t, SIZES.warmup);
    const idleRssMb = rssKb(gateway.pid, 'VmRSS') / 1024;

    const g: RunFigures[] = [];
    const f: RunFigures[] = [];
    const directP50: number[] = [];
    const directP99: number[] = [];
    const directTtfc: number[] = [];
    for (let run = 0; run < SIZES.runs; run++) {
      const lat = await latencies(direct, SIZES.latency);
      directP50.push(percentile(lat, 50));
      directP99.push(percentile(lat, 99));
      directTtfc.push(percentile(await firstChunkTimes(direct, SIZES.ttfc), 50));
      // Alternate which side goes first, so neither always runs on a warmer (or busier) machine.
      for (const t of run % 2 === 0 ? [viaGateway, viaFloor] : [viaFloor, viaGateway]) (t === viaGateway ? g : f).push(await measure(t));
    }
    const obs = await observability(gateway, tracking);
    const gatewayRequests = 2 + SIZES.warmup + SIZES.runs * (SIZES.requests + SIZES.latency + SIZES.streamRequests + SIZES.ttfc);

    const m = (runs: RunFigures[], key: keyof RunFigures): number => median(runs.map((r) => r[key]));
    const added = (runs: RunFigures[], key: 'p50' | 'p99', directs: number[]): number => median(runs.map((r, i) => r[key] - directs[i]!));
    const out = {
      gateway_rps: m(g, 'rps'),
      gateway_floor_rps: m(f, 'rps'),
      gateway_rps_ratio: m(g, 'rps') / m(f, 'rps'),
      gateway_direct_p50_ms: median(directP50),
      gateway_direct_p99_ms: median(directP99),
      gateway_added_p50_ms: added(g, 'p50', directP50),
      gateway_added_p99_ms: added(g, 'p99', directP99),
      gateway_floor_added_p50_ms: added(f, 'p50', directP50),
      gateway_floor_added_p99_ms: added(f, 'p99', directP99),
      gateway_added_p50_ratio: added(g, 'p50', directP50) / added(f, 'p50', directP50),
      gateway_cpu_ms_per_request: m(g, 'cpu'),
      gateway_floor_cpu_ms_per_request: m(f, 'cpu'),
      gateway_cpu_ratio: m(g, 'cpu') / m(f, 'cpu'),
      gateway_rss_mb: Math.max(...g.map((r) => Math.max(r.rss, r.streamRss))),
      gateway_rss_idle_mb: idleRssMb,
      gateway_rss_plain_mb: Math.max(...g.map((r) => r.rss)),
      gateway_rss_stream_mb: Math.max(...g.map((r) => r.streamRss)),
      gateway_stream_rps: m(g, 'streamRps'),
      gateway_stream_floor_rps: m(f, 'streamRps'),
      gateway_stream_rps_ratio: m(g, 'streamRps') / m(f, 'streamRps'),
      gateway_stream_cpu_ms_per_request: m(g, 'streamCpu'),
      gateway_stream_floor_cpu_ms_per_request: m(f, 'streamCpu'),
      gateway_stream_cpu_ratio: m(g, 'streamCpu') / m(f, 'streamCpu'),
      // Each write is a syscall, and on loopback the receiver's TCP work too: a stream written event
      // by event costs far more than one written as it arrived.
      gateway_writes_per_request: m(g, 'writes'),
      gateway_floor_writes_per_request: m(f, 'writes'),
      gateway_stream_writes_per_request: m(g, 'streamWrites'),
      gateway_stream_floor_writes_per_request: m(f, 'streamWrites'),
      gateway_stream_direct_ttfc_p50_ms: median(directTtfc),
      gateway_stream_ttfc_p50_ms: m(g, 'ttfcP50'),
      gateway_stream_ttfc_p99_ms: m(g, 'ttfcP99'),
      gateway_stream_floor_ttfc_p50_ms: m(f, 'ttfcP50'),
      gateway_stream_ttfc_over_floor_ms: m(g, 'ttfcP50') - m(f, 'ttfcP50'),
      // Where the rest of the machine's time went during the 32-connection runs: the fake upstream
      // (per request), the one-threaded load generator (near 100% would mean it set the pace) and
      // the whole machine (near 100% means the figures are CPU-bound, shared with whatever else runs).
      gateway_upstream_cpu_ms_per_request: m(g, 'upstreamCpu'),
      // The tracking server's work storing the gateway's traces (not counted in the gateway's CPU).
      gateway_tracking_cpu_ms_per_request: m(g, 'trackingCpu'),
      gateway_loadgen_cpu_pct: m(g, 'loadgen'),
      gateway_floor_loadgen_cpu_pct: m(f, 'loadgen'),
      gateway_machine_busy_pct: m(g, 'machineBusy'),
      gateway_floor_machine_busy_pct: m(f, 'machineBusy'),
      gateway_machine_cores: availableParallelism(),
      gateway_metrics_on: obs.metrics,
      // 1 when every request was traced into the tracking server (tracing.sampling_rate defaults to 1).
      gateway_traces_per_request: obs.traces / gatewayRequests,
      gateway_log_lines_per_request: gateway.linesAfterReady() / gatewayRequests,
      gateway_path: GATEWAY_PATH,
      gateway_runs: SIZES.runs,
      gateway_requests_per_run: SIZES.requests,
      gateway_connections: CONNECTIONS,
      gateway_target_cpu_ratio: TARGETS.cpuRatio,
      gateway_target_added_p50_ratio: TARGETS.addedP50Ratio,
      gateway_target_rps_ratio: TARGETS.rpsRatio,
      gateway_target_ttfc_over_floor_ms: TARGETS.ttfcOverFloorMs,
      gateway_target_rss_mb: TARGETS.rssMb,
    };
    return out;
  } catch (err) {
    const gateway = started.find((c) => c.name === 'gateway');
    if (gateway) (err as Error).message += `\n--- gateway output (tail) ---\n${gateway.tail().slice(-4_000)}`;
    throw err;
  } finally {
    for (const c of started.reverse()) await c.stop();
    if (tracking) {
      await stopServer(tracking);
      children.delete(tracking.child);
    }
    killAll();
    process.off('exit', killAll);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    rmSync(dir, { recursive: true, force: true });
  }
}

export const GATEWAY_TARGETS = TARGETS;

const role = argValue('role');
if (role === 'fake') runFakeUpstream();
else if (role === 'floor') runFloor(argValue('upstream')!);
