import type { FastifyInstance } from 'fastify';
import type { Run, TrackingStore } from '../../store/contract.ts';
import { invalidParam } from '../../mlflow/errors.ts';
import { MLFLOW_LIMITS } from '../../mlflow/limits.ts';
import { apiRoute, required } from '../http.ts';
import { schemas } from '../wire.ts';

/**
 * MLflow sets `inputs` on every Run message but `outputs` only on runs read back from the store
 * (runs/get, runs/search answer `"outputs": {}` even when empty); runs/create leaves it unset.
 */
function runToWire(run: Run, withOutputs = true): Record<string, unknown> {
  const wire: Record<string, unknown> = {
    info: { run_uuid: run.info.run_id, ...run.info },
    data: run.data,
    inputs: run.inputs,
  };
  if (withOutputs || run.outputs.model_outputs.length > 0) wire.outputs = run.outputs;
  return wire;
}

const runIdOf = (b: { run_id?: string; run_uuid?: string }): string => required(b.run_id || b.run_uuid, 'run_id');

export function runRoutes(app: FastifyInstance, store: TrackingStore): void {
  apiRoute(app, {
    method: 'POST',
    path: '/mlflow/runs/create',
    schema: schemas.createRun,
    handler: async (b) => ({
      run: runToWire(
        await store.createRun({ experiment_id: b.experiment_id ?? '0', user_id: b.user_id, run_name: b.run_name, start_time: b.start_time, tags: b.tags }),
        false,
      ),
    }),
  });
  apiRoute(app, {
    method: 'GET',
    path: '/mlflow/runs/get',
    schema: schemas.runRef,
    handler: async (q) => ({ run: runToWire(await store.getRun(runIdOf(q))) }),
  });
  apiRoute(app, {
    method: 'POST',
    path: '/mlflow/runs/update',
    schema: schemas.updateRun,
    handler: async (b) => {
      const info = await store.updateRun({ run_id: runIdOf(b), status: b.status, end_time: b.end_time, run_name: b.run_name });
      return { run_info: { run_uuid: info.run_id, ...info } };
    },
  });
  apiRoute(app, {
    method: 'POST',
    path: '/mlflow/runs/delete',
    schema: schemas.runRef,
    handler: async (b) => {
      await store.deleteRun(runIdOf(b));
    },
  });
  apiRoute(app, {
    method: 'POST',
    path: '/mlflow/runs/restore',
    schema: schemas.runRef,
    handler: async (b) => {
      await store.restoreRun(runIdOf(b));
    },
  });
  apiRoute(app, {
    method: ['POST', 'GET'],
    path: '/mlflow/runs/search',
    schema: schemas.searchRuns,
    handler: async (b) => {
      const page = await store.searchRuns({
        experimentIds: b.experiment_ids ?? [],
        filter: b.filter,
        orderBy: b.order_by,
        runViewType: b.run_view_type,
        maxResults: b.max_results,
        pageToken: b.page_token,
      });
      return { runs: page.items.map((run) => runToWire(run)), next_page_token: page.nextPageToken };
    },
  });
  apiRoute(app, {
    method: 'POST',
    path: '/mlflow/runs/log-metric',
    schema: schemas.logMetric,
    handler: async (b) => {
      await store.logBatch({
        run_id: runIdOf(b),
        metrics: [
          {
            key: required(b.key, 'key'),
            value: required(b.value, 'value'),
            timestamp: required(b.timestamp, 'timestamp'),
            step: b.step ?? 0,
            dataset_name: b.dataset_name,
            dataset_digest: b.dataset_digest,
            model_id: b.model_id,
          },
        ],
      });
    },
  });
  apiRoute(app, {
    method: 'POST',
    path: '/mlflow/runs/log-parameter',
    schema: schemas.logParam,
    handler: async (b) => {
      await store.logBatch({ run_id: runIdOf(b), params: [{ key: required(b.key, 'key'), value: b.value ?? '' }] });
    },
  });
  apiRoute(app, {
    method: 'POST',
    path: '/mlflow/runs/log-batch',
    schema: schemas.logBatch,
    handler: async (b, request) => {
      const size = Buffer.byteLength(typeof request.body === 'string' ? request.body : '');
      if (size > MLFLOW_LIMITS.logBatch.maxRequestBytes) {
        throw invalidParam(
          `Batched logging API requests must be at most ${MLFLOW_LIMITS.logBatch.maxRequestBytes} bytes, got a request of ${size} bytes. Split it into smaller batches.`,
        );
      }
      await store.logBatch({ run_id: runIdOf(b), metrics: b.metrics, params: b.params, tags: b.tags });
    },
  });
  apiRoute(app, {
    method: 'POST',
    path: '/mlflow/runs/set-tag',
    schema: schemas.setTag,
    handler: async (b) => {
      await store.setTag(runIdOf(b), { key: required(b.key, 'key'), value: b.value ?? '' });
    },
  });
  apiRoute(app, {
    method: 'POST',
    path: '/mlflow/runs/delete-tag',
    schema: schemas.deleteTag,
    handler: async (b) => {
      await store.deleteTag(runIdOf(b), required(b.key, 'key'));
    },
  });
  apiRoute(app, {
    method: 'POST',
    path: '/mlflow/runs/log-inputs',
    schema: schemas.logInputs,
    handler: async (b) => {
      await store.logInputs(
        runIdOf(b),
        (b.datasets ?? []).map((d) => ({ tags: d.tags ?? [], dataset: d.dataset })),
        b.models ?? [],
      );
    },
  });
  apiRoute(app, {
    method: 'POST',
    path: '/mlflow/runs/outputs',
    schema: schemas.logOutputs,
    handler: async (b) => {
      await store.logOutputs(runIdOf(b), required(b.models, 'models'));
    },
  });
  apiRoute(app, {
    method: 'GET',
    path: '/mlflow/metrics/get-history',
    schema: schemas.getMetricHistory,
    handler: async (q) => {
      const page = await store.getMetricHistory({
        runId: runIdOf(q),
        metricKey: required(q.metric_key, 'metric_key'),
        maxResults: q.max_results,
        pageToken: q.page_token,
      });
      return { metrics: page.items, next_page_token: page.nextPageToken };
    },
  });
  apiRoute(app, {
    method: 'GET',
    path: '/mlflow/metrics/get-history-bulk-interval',
    schema: schemas.getMetricHistoryBulkInterval,
    handler: async (q) => ({
      metrics: await store.getMetricHistoryBulkInterval({
        runIds: q.run_ids ?? [],
        metricKey: required(q.metric_key, 'metric_key'),
        startStep: q.start_step,
        endStep: q.end_step,
        maxResults: q.max_results,
      }),
    }),
  });
}
