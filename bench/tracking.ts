/** Tracking-server benchmarks (issue #3): cold start, log-batch throughput, search latency, artifact memory. */
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import { agent, api, percentile, rssKb, SIZES, startServer, stopServer, type Server } from './lib.ts';

export async function benchColdStart(): Promise<Record<string, number>> {
  const times: number[] = [];
  for (let i = 0; i < SIZES.coldStarts; i++) {
    const s = await startServer();
    times.push(s.readyMs);
    await stopServer(s);
  }
  return { cold_start_ms_p50: percentile(times, 50), cold_start_ms_max: Math.max(...times), cold_start_target_ms: 300 };
}

export async function benchLogBatch(s: Server): Promise<Record<string, number>> {
  const { experiment_id } = await api(s, '/api/2.0/mlflow/experiments/create', { name: 'bench-log-batch' });
  const runIds: string[] = [];
  for (let c = 0; c < SIZES.clients; c++) runIds.push((await api(s, '/api/2.0/mlflow/runs/create', { experiment_id })).run.info.run_id);
  const bodies = runIds.map((run_id) =>
    Array.from({ length: SIZES.batchesPerClient }, (_, b) =>
      JSON.stringify({
        run_id,
        metrics: Array.from({ length: 1000 }, (_, i) => ({ key: `m${i % 50}`, value: Math.random(), timestamp: 1_700_000_000_000 + b, step: b * 20 + Math.floor(i / 50) })),
      }),
    ),
  );
  const t0 = performance.now();
  await Promise.all(
    bodies.map(async (list) => {
      for (const body of list) {
        const res = await request(`${s.url}/api/2.0/mlflow/runs/log-batch`, { dispatcher: agent, method: 'POST', headers: { 'content-type': 'application/json' }, body });
        await res.body.text();
        if (res.statusCode !== 200) throw new Error(`log-batch → ${res.statusCode}`);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const metrics = SIZES.clients * SIZES.batchesPerClient * 1000;
  return { log_batch_metrics_per_s: Math.round(metrics / seconds), log_batch_metrics: metrics, log_batch_target_per_s: 200_000 };
}

export async function benchSearch(s: Server): Promise<Record<string, number>> {
  const { experiment_id } = await api(s, '/api/2.0/mlflow/experiments/create', { name: 'bench-search' });
  const t0 = performance.now();
  const queue = Array.from({ length: SIZES.runs }, (_, i) => i);
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
        const run = await api(s, '/api/2.0/mlflow/runs/create', { experiment_id, run_name: `run-${i}`, start_time: 1_700_000_000_000 + i });
        await api(s, '/api/2.0/mlflow/runs/log-batch', {
          run_id: run.run.info.run_id,
          metrics: Array.from({ length: SIZES.metricsPerRun }, (_, k) => ({ key: `metric_${k}`, value: ((i * 7919 + k * 104_729) % 10_000) / 10_000, timestamp: 1_700_000_000_000, step: 0 })),
          params: [{ key: 'model', value: i % 3 === 0 ? 'cnn' : 'mlp' }],
        });
      }
    }),
  );
  const populateS = (performance.now() - t0) / 1000;
  const times: number[] = [];
  let returned = 0;
  for (let q = 0; q < SIZES.searches; q++) {
    const t = performance.now();
    const res = await api(s, '/api/2.0/mlflow/runs/search', {
      experiment_ids: [experiment_id],
      filter: `metrics.metric_0 > 0.5 and params.model = 'cnn'`,
      order_by: ['metrics.metric_1 DESC'],
      max_results: 100,
    });
    times.push(performance.now() - t);
    returned = res.runs?.length ?? 0;
  }
  return {
    search_runs_ms_p50: percentile(times, 50),
    search_runs_ms_p95: percentile(times, 95),
    search_runs_returned: returned,
    search_runs_total_runs: SIZES.runs,
    search_populate_s: populateS,
    search_runs_target_ms: 50,
  };
}

export async function benchArtifactMemory(): Promise<Record<string, number>> {
  const s = await startServer();
  try {
    const pid = s.child.pid!;
    const { experiment_id } = await api(s, '/api/2.0/mlflow/experiments/create', { name: 'bench-artifacts' });
    const run = await api(s, '/api/2.0/mlflow/runs/create', { experiment_id });
    const path = `${run.run.info.artifact_uri.replace('mlflow-artifacts:/', '')}/big.bin`;
    await sleep(200);
    const idleKb = rssKb(pid, 'VmRSS');
    const chunk = Buffer.alloc(1 << 20, 7);
    const chunks = SIZES.artifactBytes / chunk.length;
    const t0 = performance.now();
    const up = await request(`${s.url}/api/2.0/mlflow-artifacts/artifacts/${path}`, {
      dispatcher: agent,
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream', 'content-length': String(SIZES.artifactBytes) },
      body: Readable.from((function* () {
        for (let i = 0; i < chunks; i++) yield chunk;
      })()),
    });
    await up.body.text();
    if (up.statusCode !== 200) throw new Error(`upload → ${up.statusCode}`);
    const upS = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    const down = await request(`${s.url}/api/2.0/mlflow-artifacts/artifacts/${path}`, { dispatcher: agent });
    let received = 0;
    await pipeline(down.body, new Writable({ write(c: Buffer, _e, cb) { received += c.length; cb(); } }));
    if (received !== SIZES.artifactBytes) throw new Error(`download returned ${received} bytes`);
    const downS = (performance.now() - t1) / 1000;
    const peakKb = rssKb(pid, 'VmHWM');
    return {
      artifact_bytes: SIZES.artifactBytes,
      artifact_idle_rss_mb: idleKb / 1024,
      artifact_peak_rss_mb: peakKb / 1024,
      artifact_peak_over_idle_mb: (peakKb - idleKb) / 1024,
      artifact_upload_mb_per_s: SIZES.artifactBytes / 2 ** 20 / upS,
      artifact_download_mb_per_s: SIZES.artifactBytes / 2 ** 20 / downS,
      artifact_target_over_idle_mb: 64,
    };
  } finally {
    await stopServer(s);
  }
}

