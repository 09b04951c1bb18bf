import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MlflowClient } from '../src/client/index.ts';
import { startTrackingServer, type RunningServer } from '../src/tracking/server.ts';

describe('MlflowClient.getOrCreateExperiment', () => {
  let server: RunningServer;
  let client: MlflowClient;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mlflow-ts-get-or-create-'));
    server = await startTrackingServer({ port: 0, backendStoreUri: ':memory:', artifactsDestination: join(dir, 'a') });
    client = new MlflowClient({ trackingUri: server.url });
  });
  after(async () => {
    await client.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates once with its tags, even when asked concurrently, and finds it afterwards', async () => {
    const all = await Promise.all(Array.from({ length: 8 }, () => client.getOrCreateExperiment('shared', { tags: { team: 'ml' } })));
    assert.equal(new Set(all.map((e) => e.experiment_id)).size, 1);
    const again = await client.getOrCreateExperiment('shared');
    assert.equal(again.experiment_id, all[0]!.experiment_id);
    assert.equal(again.tags?.find((t) => t.key === 'team')?.value, 'ml');
  });

  it('returns a deleted experiment as it is, for the caller to judge', async () => {
    const id = (await client.getOrCreateExperiment('gone')).experiment_id;
    await client.deleteExperiment(id);
    assert.equal((await client.getOrCreateExperiment('gone')).lifecycle_stage, 'deleted');
  });

  it('does not hide errors other than a missing experiment', async () => {
    const broken = new MlflowClient({ trackingUri: 'http://127.0.0.1:1', maxRetries: 0 });
    await assert.rejects(broken.getOrCreateExperiment('x'), (err: Error) => err.name === 'MlflowConnectionError');
    await broken.close();
  });
});
