import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { TrackingStore } from '../../store/contract.ts';
import { apiRoute, required } from '../http.ts';
import { schemas } from '../wire.ts';

const modelPath = z.object({ model_id: z.string() });

/** MLflow 3 logged models (wire reference §2.5): what `<flavor>.log_model` and `list_artifacts` call. */
export function loggedModelRoutes(app: FastifyInstance, store: TrackingStore): void {
  apiRoute(app, {
    method: 'POST',
    path: '/mlflow/logged-models',
    schema: schemas.createLoggedModel,
    handler: async (b) => ({
      model: await store.createLoggedModel({
        experiment_id: required(b.experiment_id, 'experiment_id'),
        name: b.name,
        model_type: b.model_type,
        source_run_id: b.source_run_id,
        params: b.params,
        tags: b.tags,
      }),
    }),
  });
  apiRoute(app, {
    method: 'POST',
    path: '/mlflow/logged-models/search',
    schema: schemas.searchLoggedModels,
    handler: async (b) => {
      const page = await store.searchLoggedModels({
        experimentIds: b.experiment_ids ?? [],
        filter: b.filter,
        orderBy: b.order_by,
        maxResults: b.max_results,
        pageToken: b.page_token,
      });
      return { models: page.items, next_page_token: page.nextPageToken };
    },
  });
  apiRoute(app, {
    method: 'GET',
    path: '/mlflow/logged-models/:model_id',
    schema: modelPath,
    handler: async (q) => ({ model: await store.getLoggedModel(q.model_id) }),
  });
  apiRoute(app, {
    method: 'PATCH',
    path: '/mlflow/logged-models/:model_id',
    schema: modelPath.extend(schemas.finalizeLoggedModel.shape),
    handler: async (b) => ({ model: await store.finalizeLoggedModel(b.model_id, required(b.status, 'status')) }),
  });
  apiRoute(app, {
    method: 'DELETE',
    path: '/mlflow/logged-models/:model_id',
    schema: modelPath,
    handler: async (b) => {
      await store.deleteLoggedModel(b.model_id);
    },
  });
  apiRoute(app, {
    method: 'POST',
    path: '/mlflow/logged-models/:model_id/params',
    schema: modelPath.extend(schemas.loggedModelParams.shape),
    handler: async (b) => {
      await store.logLoggedModelParams(b.model_id, b.params ?? []);
    },
  });
  apiRoute(app, {
    method: 'PATCH',
    path: '/mlflow/logged-models/:model_id/tags',
    schema: modelPath.extend(schemas.loggedModelTags.shape),
    handler: async (b) => {
      await store.setLoggedModelTags(b.model_id, b.tags ?? []);
    },
  });
  apiRoute(app, {
    method: 'DELETE',
    path: '/mlflow/logged-models/:model_id/tags/:tag_key',
    schema: modelPath.extend({ tag_key: z.string() }),
    handler: async (b) => {
      await store.deleteLoggedModelTag(b.model_id, b.tag_key);
    },
  });
}
