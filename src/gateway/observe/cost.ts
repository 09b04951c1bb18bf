/**
 * The price of one request, from the config's `pricing:` block. A key may name a model alone
 * (`gpt-4o-mini`) or qualify it with its provider (`openai/gpt-4o-mini`), for when two providers
 * serve a model of the same name at different prices; the qualified key wins.
 */
import type { PricingEntry } from '../config.ts';
import type { RequestRecord, TokenCounts } from './record.ts';

const PER_MILLION = 1_000_000;

/**
 * Nine decimals is a billionth of the currency unit, far below any real price step; rounding there
 * keeps `0.1 + 0.2` noise out of logs, traces and the stats route.
 */
function round9(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

/** A count an upstream sent; a missing, negative or non-numeric one is counted as none. */
function tokens(n: number): number {
  return Number.isFinite(n) && n > 0 ? n : 0;
}

/** The pricing entry for a model, or undefined; only the block's own keys count, never `constructor` and friends. */
export function priceOf(pricing: Record<string, PricingEntry>, provider: string, model: string): PricingEntry | undefined {
  const qualified = `${provider}/${model}`;
  if (Object.hasOwn(pricing, qualified)) return pricing[qualified];
  if (Object.hasOwn(pricing, model)) return pricing[model];
  return undefined;
}

/**
 * What a request cost in its model's currency, or undefined when the model has no price or the
 * upstream reported no usage (an unknown cost is not a zero cost).
 */
export function costOf(
  pricing: Record<string, PricingEntry>,
  provider: string,
  model: string,
  usage: TokenCounts | undefined,
): RequestRecord['cost'] {
  if (!usage) return undefined;
  const entry = priceOf(pricing, provider, model);
  if (!entry) return undefined;
  const input = round9((tokens(usage.prompt_tokens) * entry.input_per_million_tokens) / PER_MILLION);
  const output = round9((tokens(usage.completion_tokens) * entry.output_per_million_tokens) / PER_MILLION);
  return { input, output, total: round9(input + output), currency: entry.currency };
}
