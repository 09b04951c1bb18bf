import { describe } from 'node:test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteTrackingStore } from '../../src/store/index.ts';
import { coreConformance } from './conformance/core.ts';
import { searchConformance } from './conformance/search.ts';
import { tracesConformance } from './conformance/traces.ts';
import type { StoreFactory } from './conformance/factory.ts';

// A file-backed database, so WAL mode and migrations run as they do in the server.
const sqliteFactory: StoreFactory = async () => new SqliteTrackingStore({ path: join(mkdtempSync(join(tmpdir(), 'mlflow-ts-store-')), 'store.db') });

describe('SQLite store: core conformance', () => coreConformance(sqliteFactory));
describe('SQLite store: search conformance', () => searchConformance(sqliteFactory));
describe('SQLite store: traces conformance', () => tracesConformance(sqliteFactory));
