/**
 * A front is one vendor's API shape offered by the gateway (Anthropic Messages, Gemini
 * generateContent, OpenAI Responses, ...). It parses that vendor's request into the unified chat
 * schema and renders unified answers, chunks and errors back in the vendor's own wire format,
 * so the vendor's SDK works against the gateway whatever provider backs the endpoint.
 *
 * Fronts are pure translation: routing, auth and upstream calls live in `../routes.ts`.
 */
import type { GatewayError } from '../errors.ts';
import type { ChatChunk, ChatRequest, ChatResponse } from '../schemas.ts';
import type { SseEvent } from '../upstream.ts';

export interface ParsedFrontRequest {
  request: ChatRequest;
  stream: boolean;
}

export interface RenderContext {
  /** The model name the caller asked for (the endpoint name), echoed where the vendor echoes it. */
  requestedModel: string;
  /** The parsed request, for vendors whose answers echo request settings (Responses echoes tools, temperature, ...). */
  request?: ChatRequest;
}

export interface ChatFront {
  /** For logs and errors: `anthropic`, `gemini`, `openai-responses`. */
  readonly name: string;
  /**
   * Parses the vendor's request body (already JSON-decoded). Throws a GatewayError
   * (`invalid_request`) naming the bad field, in words the vendor's users know. `hints.stream` is
   * set when the route itself says whether to stream (Gemini's `:streamGenerateContent`).
   */
  parse(body: unknown, hints?: { stream?: boolean }): ParsedFrontRequest;
  render(response: ChatResponse, ctx: RenderContext): unknown;
  /**
   * The vendor's stream events for a unified chunk stream, including its opening and closing
   * events. An error thrown by `chunks` mid-stream becomes the vendor's in-band error event.
   */
  renderStream(chunks: AsyncIterable<ChatChunk>, ctx: RenderContext): AsyncIterable<SseEvent>;
  /** The vendor's JSON error body for an error answered before any stream byte was sent. */
  errorBody(error: GatewayError): unknown;
}
