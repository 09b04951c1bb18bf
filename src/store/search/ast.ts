/**
 * The parsed form of MLflow's search filter and order_by strings. Backends compile this AST to
 * their own SQL; the parser (parser.ts) is shared so every backend accepts exactly one grammar.
 */
/** `metadata` and `span` exist only for traces (trace metadata; EXISTS over a trace's spans). */
export type SearchEntity = 'metric' | 'param' | 'tag' | 'attribute' | 'dataset' | 'metadata' | 'span';

export type Comparator =
  | '='
  | '!='
  | '>'
  | '>='
  | '<'
  | '<='
  | 'LIKE'
  | 'ILIKE'
  /** Regular-expression search; traces only, as in MLflow. */
  | 'RLIKE'
  | 'IN'
  | 'NOT IN'
  | 'IS NULL'
  | 'IS NOT NULL';

export interface Clause {
  entity: SearchEntity;
  /**
   * Canonical key: attribute aliases are resolved (`created` → `start_time`, `run name` → `run_name`),
   * and for traces the attributes MLflow keeps elsewhere are rewritten to their home
   * (`name` → tag `mlflow.traceName`, `run_id` → metadata `mlflow.sourceRun`).
   */
  key: string;
  comparator: Comparator;
  /** number for numeric comparisons, string for string ones, string[] for IN lists, null for IS [NOT] NULL. */
  value: number | string | string[] | null;
}

export interface OrderByTerm {
  entity: SearchEntity;
  key: string;
  ascending: boolean;
}

/** Which object a filter applies to: the grammar differs (wire reference §3). */
export type SearchTarget = 'runs' | 'experiments' | 'logged_models' | 'traces';
