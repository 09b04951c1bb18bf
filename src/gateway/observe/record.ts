/**
 * What the gateway knows about one request once it is over: the record every observer (metrics,
 * stats, access log, server-side tracing) reads. The gateway builds it as the request runs
 * (limits, cache, each attempt and fallback) and hands it to the observers when the answer has
 * been sent — for a stream, when its last chunk has gone — so observers never sit on the
 * request's path and never see prompt text.
 */
import type { GatewayErrorKind } from '../errors.ts';

export type GatewayOperation = 'chat' | 'completions' | 'embeddings' | 'passthrough';

export interface TokenCounts {
  prompt_tokens: number;
  completion_tokens: number;
}

/** One upstream call: the first try, a retry, or a fallback endpoint's try. */
export interface AttemptRecord {
  /** The endpoint this attempt called (differs from the request's after a fallback). */
  endpoint: string;
  provider: string;
  model: string;
  /** 1-based within the endpoint; retries count up, a fallback starts again at 1. */
  attempt: number;
  fallback: boolean;
  startMs: number;
  endMs: number;
  /** HTTP status the upstream answered (or ours for a transport failure: 502/504). */
  status: number;
  error?: { kind: GatewayErrorKind; message: string };
}

export interface RequestRecord {
  /** Unique per request; also the access log's `request_id`. */
  id: string;
  /** The name the caller asked for (an endpoint or a traffic-split route). */
  endpoint: string;
  operation: GatewayOperation;
  /** Which front received it: `mlflow`, `openai`, `anthropic`, `gemini`, `openai-responses`, ... */
  front: string;
  stream: boolean;
  startMs: number;
  endMs: number;
  /** What the caller got: 200, or the error's status. */
  status: number;
  error?: { kind: GatewayErrorKind; message: string };
  /** The endpoint that finally answered (after splits and fallbacks). */
  servedBy?: { endpoint: string; provider: string; model: string };
  attempts: AttemptRecord[];
  usage?: TokenCounts;
  /** In the pricing block's currency (USD unless configured); absent when the model has no price. */
  cost?: { input: number; output: number; total: number; currency: string };
  cacheHit: boolean;
  rateLimited: boolean;
  /** Time spent waiting on upstreams, for the overhead header and the access log. */
  upstreamMs: number;
  /** The caller's W3C `traceparent`, when it sent one. */
  traceparent?: string;
  /** `X-MLflow-Gateway-Caller`, e.g. `judge`. */
  caller?: string;
}

export interface GatewayObserver {
  onRequest(record: RequestRecord): void;
  close?(): Promise<void>;
}
