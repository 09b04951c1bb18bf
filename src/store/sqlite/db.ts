import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIGRATIONS } from './schema.ts';

export type Row = Record<string, SQLInputValue>;

const STATEMENT_CACHE_SIZE = 512;

/**
 * A thin wrapper over node:sqlite: pragmas, migrations, a statement cache and transactions.
 * node:sqlite is synchronous and Node runs one JS thread, so a transaction body that does not
 * await can never interleave with another request: `transaction` takes only sync callbacks.
 */
export class SqliteDb {
  readonly db: DatabaseSync;
  /** Prepared statements by SQL text, least recently used first; bounded because search SQL
   *  varies with the filter's shape and a client could otherwise grow it without limit. */
  private readonly cache = new Map<string, StatementSync>();

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new DatabaseSync(path);
    this.db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = NORMAL;
      PRAGMA foreign_keys = ON;
      PRAGMA busy_timeout = 5000;
      PRAGMA case_sensitive_like = ON;
      PRAGMA wal_autocheckpoint = 10000;
      PRAGMA cache_size = -65536;
      PRAGMA mmap_size = 268435456;
    `);
    try {
      this.migrate();
    } catch (err) {
      this.db.close();
      throw err;
    }
  }

  private migrate(): void {
    const current = Number((this.db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
    if (current > MIGRATIONS.length) {
      throw new Error(
        `This database was written by a newer mlflow-ts (schema version ${current}, this build knows ${MIGRATIONS.length}). Upgrade mlflow-ts or point --backend-store-uri at another file.`,
      );
    }
    for (let v = current; v < MIGRATIONS.length; v++) {
      this.transaction(() => {
        this.db.exec(MIGRATIONS[v]!);
        this.db.exec(`PRAGMA user_version = ${v + 1}`);
      });
    }
  }

  stmt(sql: string): StatementSync {
    let s = this.cache.get(sql);
    if (s) {
      this.cache.delete(sql);
    } else {
      s = this.db.prepare(sql);
      if (this.cache.size >= STATEMENT_CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    }
    this.cache.set(sql, s);
    return s;
  }

  get<T = Row>(sql: string, ...params: SQLInputValue[]): T | undefined {
    return this.stmt(sql).get(...params) as T | undefined;
  }

  all<T = Row>(sql: string, ...params: SQLInputValue[]): T[] {
    return this.stmt(sql).all(...params) as T[];
  }

  run(sql: string, ...params: SQLInputValue[]): { changes: number | bigint; lastInsertRowid: number | bigint } {
    return this.stmt(sql).run(...params);
  }

  transaction<T>(fn: () => T): T {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = fn();
      this.db.exec('COMMIT');
      return result;
    } catch (err) {
      this.db.exec('ROLLBACK');
      throw err;
    }
  }

  close(): void {
    this.cache.clear();
    if (this.db.isOpen) {
      // Refresh the planner's statistics for the next start, then fold the WAL into the database.
      this.db.exec('PRAGMA optimize');
      this.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
      this.db.close();
    }
  }
}
