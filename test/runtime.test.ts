import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

describe('runtime', () => {
  it('runs on the pinned Node 24 (npm scripts put node@24 first on PATH)', () => {
    assert.equal(process.versions.node.split('.')[0], '24', `tests ran on Node ${process.versions.node}; run them through npm (npm test)`);
  });

  it('has node:sqlite, which the embedded store needs', async () => {
    const sqlite = await import('node:sqlite');
    const db = new sqlite.DatabaseSync(':memory:');
    assert.deepEqual({ ...db.prepare('SELECT 1 AS one').get() }, { one: 1 });
    db.close();
  });
});
