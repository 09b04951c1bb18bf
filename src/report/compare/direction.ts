/**
 * Which way is better for a metric. A configured direction wins; otherwise the name decides:
 * names made of words like loss, error, latency, cost or tokens are "lower is better", everything
 * else (accuracy, f1, pass_rate, …) "higher is better".
 *
 * Names are split into words at `/ _ . - :`, spaces and camelCase humps, and a word must match
 * whole, so `mae` matches `val/mae` but not `maestro_score`. A word ending in `loss` counts as
 * well (`logloss`, `nll_loss`).
 */
import type { Direction } from './schema.ts';

const LOWER_IS_BETTER = new Set(['loss', 'error', 'errors', 'latency', 'rmse', 'mae', 'mse', 'cost', 'tokens', 'duration', 'flaky', 'excluded']);

function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/** The default direction for a metric name (see the module comment). */
export function defaultDirection(name: string): Direction {
  return words(name).some((w) => LOWER_IS_BETTER.has(w) || w.endsWith('loss')) ? 'lower' : 'higher';
}

export function directionOf(name: string, configured: Readonly<Record<string, Direction>> | undefined): Direction {
  return (configured && Object.hasOwn(configured, name) ? configured[name] : undefined) ?? defaultDirection(name);
}
