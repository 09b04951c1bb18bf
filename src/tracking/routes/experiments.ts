import type { FastifyInstance } from 'fastify';
import type { TrackingStore } from '../../store/contract.ts';
import { apiRoute, required } from '../http.ts';
import { schemas } from '../wire.ts';

export function experimentRoutes(app: FastifyInstance, store: TrackingStore): void {
  apiRoute(app, {
    method: 'POST',
    path: '/mlflow/experiments/create',
    schema: schemas.createExperiment,
    handler: async (b) => ({
      experiment_id: await store.createExperiment({ name: required(b.name, 'name'), artifact_location: b.artifact_location, tags: b.tags }),
    }),
  });
  apiRoute(app, {
    method: 'GET',
    path: '/mlflow/experiments/get',
    schema: schemas.experimentId,
    handler: async (q) => ({ experiment: await store.getExperiment(required(q.experiment_id, 'experiment_id')) }),
  });
  apiRoute(app, {
    method: 'GET',
    path: '/mlflow/experiments/get-by-name',
    schema: schemas.getExperimentByName,
    handler: async (q) => ({ experiment: await store.getExperimentByName(required(q.experiment_name, 'experiment_name')) }),
  });
  apiRoute(app, {
    method: ['GET', 'POST'],
    path: '/mlflow/experiments/search',
    schema: schemas.searchExperiments,
    handler: async (q) => {
      const page = await store.searchExperiments({
        filter: q.filter,
        orderBy: q.order_by,
        viewType: q.view_type,
        maxResults: q.max_results,
        pageToken: q.page_token,
      });
      return { experiments: page.items, next_page_token: page.nextPageToken };
    },
  });
  apiRoute(app, {
    method: 'POST',
    path: '/mlflow/experiments/update',
    schema: schemas.updateExperiment,
    handler: async (b) => {
      await store.renameExperiment(required(b.experiment_id, 'experiment_id'), required(b.new_name, 'new_name'));
    },
  });
  apiRoute(app, {
    method: 'POST',
    path: '/mlflow/experiments/delete',
    schema: schemas.experimentId,
    handler: async (b) => {
      await store.deleteExperiment(required(b.experiment_id, 'experiment_id'));
    },
  });
  apiRoute(app, {
    method: 'POST',
    path: '/mlflow/experiments/restore',
    schema: schemas.experimentId,
    handler: async (b) => {
      await store.restoreExperiment(required(b.experiment_id, 'experiment_id'));
    },
  });
  apiRoute(app, {
    method: 'POST',
    path: '/mlflow/experiments/set-experiment-tag',
    schema: schemas.setExperimentTag,
    handler: async (b) => {
      await store.setExperimentTag(required(b.experiment_id, 'experiment_id'), { key: required(b.key, 'key'), value: b.value ?? '' });
    },
  });
  apiRoute(app, {
    method: 'POST',
    path: '/mlflow/experiments/delete-experiment-tag',
    schema: schemas.deleteExperimentTag,
    handler: async (b) => {
      await store.deleteExperimentTag(required(b.experiment_id, 'experiment_id'), required(b.key, 'key'));
    },
  });
}
