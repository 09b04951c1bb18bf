import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { SqliteTrackingStore } from '../../src/store/index.ts';
import { MIGRATIONS } from '../../src/store/sqlite/schema.ts';
import { coreConformance } from './conformance/core.ts';
import { searchConformance } from './conformance/search.ts';
import { tracesConformance } from './conformance/traces.ts';
import type { StoreFactory } from './conformance/factory.ts';

const freshPath = (): string => join(mkdtempSync(join(tmpdir(), 'mlflow-ts-store-')), 'store.db');

// A file-backed database, so WAL mode and migrations run as they do in the server.
const sqliteFactory: StoreFactory = async () => new SqliteTrackingStore({ path: freshPath() });

describe('SQLite store: core conformance', () => coreConformance(sqliteFactory));
describe('SQLite store: search conformance', () => searchConformance(sqliteFactory));
describe('SQLite store: traces conformance', () => tracesConformance(sqliteFactory));

describe('SQLite store: the file itself', () => {
  it('migrates a new file to the latest schema in WAL mode, and keeps data across reopening', async () => {
    const path = freshPath();
    const store = new SqliteTrackingStore({ path });
    const id = await store.createExperiment({ name: 'persisted' });
    await store.close();
    const raw = new DatabaseSync(path);
    assert.equal((raw.prepare('PRAGMA user_version').get() as { user_version: number }).user_version, MIGRATIONS.length);
    assert.equal((raw.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode, 'wal');
    raw.close();
    const reopened = new SqliteTrackingStore({ path });
    assert.equal((await reopened.getExperiment(id)).name, 'persisted');
    await reopened.close();
  });

  it('refuses a database written by a newer schema with advice instead of corrupting it', () => {
    const path = freshPath();
    const raw = new DatabaseSync(path);
    raw.exec(`PRAGMA user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    assert.throws(() => new SqliteTrackingStore({ path }), /newer mlflow-ts .*Upgrade mlflow-ts/);
  });
});
