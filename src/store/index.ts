/**
 * The store's public face: the contract, and `openTrackingStore` which picks a backend from an
 * MLflow-style `--backend-store-uri` (a path, `sqlite:///relative.db`, `sqlite:////abs.db`, `:memory:`).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MlflowError } from '../mlflow/errors.ts';
import type { TrackingStore } from './contract.ts';
import { SqliteTrackingStore } from './sqlite/store.ts';

export type * from './contract.ts';
export { SqliteTrackingStore } from './sqlite/store.ts';

export interface OpenStoreOptions {
  defaultArtifactRoot?: string;
}

/** Resolves a backend store URI to a SQLite file path, or undefined when it names another backend. */
export function sqlitePathFromUri(uri: string): string | undefined {
  if (uri === ':memory:' || uri === 'sqlite:///:memory:' || uri === 'sqlite://') return ':memory:';
  if (uri.startsWith('sqlite:///')) {
    // SQLAlchemy form: three slashes then a relative path, four for an absolute one.
    const rest = uri.slice('sqlite:///'.length);
    return rest.startsWith('/') ? rest : resolve(rest);
  }
  if (uri.startsWith('file:')) return fileURLToPath(uri);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(uri)) return undefined;
  return resolve(uri);
}

export async function openTrackingStore(uri: string, options: OpenStoreOptions = {}): Promise<TrackingStore> {
  const path = sqlitePathFromUri(uri);
  if (path === undefined) {
    const scheme = uri.split(':')[0];
    throw new MlflowError(
      'INVALID_PARAMETER_VALUE',
      `Unsupported --backend-store-uri scheme '${scheme}:'. Use a SQLite file path or sqlite:///path.db (PostgreSQL support is planned).`,
    );
  }
  return new SqliteTrackingStore({ path, defaultArtifactRoot: options.defaultArtifactRoot });
}
