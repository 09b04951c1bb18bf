/**
 * Finding an experiment row by its wire id, shared by the run store and the trace store so both
 * answer a missing or deleted experiment with the same MLflow errors.
 */
import { invalidParam, notFound } from '../../mlflow/errors.ts';
import type { SqliteDb } from './db.ts';

export interface ExperimentRow {
  experiment_id: number;
  name: string;
  artifact_location: string;
  lifecycle_stage: 'active' | 'deleted';
  creation_time: number;
  last_update_time: number;
}

/** Experiment ids are decimal strings on the wire; anything else cannot name a row here. */
export function experimentKey(id: unknown): number | undefined {
  return typeof id === 'string' && /^\d{1,15}$/.test(id) ? Number(id) : undefined;
}

export function experimentRow(sql: SqliteDb, experimentId: string): ExperimentRow {
  const id = experimentKey(experimentId);
  const row = id === undefined ? undefined : sql.get<ExperimentRow>('SELECT * FROM experiments WHERE experiment_id = ?', id);
  if (!row) throw notFound(`No Experiment with id=${experimentId} exists`);
  return row;
}

export function activeExperimentRow(sql: SqliteDb, experimentId: string): ExperimentRow {
  const row = experimentRow(sql, experimentId);
  if (row.lifecycle_stage !== 'active') {
    throw invalidParam(`The experiment ${experimentId} must be in the 'active' state. Current state is ${row.lifecycle_stage}.`);
  }
  return row;
}
