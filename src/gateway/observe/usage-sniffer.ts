/**
 * Token usage read from a vendor answer the gateway relays verbatim (passthrough), so those
 * requests count tokens and cost like translated ones. It watches the bytes as they pass without
 * holding them back: a whole JSON answer is parsed once at the end (bounded), a stream's `data:`
 * lines are parsed only when they mention usage, which is one or two events per stream.
 */
import type { TokenCounts } from './record.ts';

export type SniffedVendor = 'openai' | 'anthropic' | 'gemini';

/** A whole answer above this is not kept for parsing; its usage goes uncounted rather than costing memory. */
const MAX_JSON_BYTES = 8 * 1024 * 1024;

type Json = Record<string, unknown>;

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

function obj(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

/** Usage in one vendor object (a whole answer or one stream event), as far as it says. */
function usageIn(vendor: SniffedVendor, event: Json): { prompt?: number; completion?: number } {
  if (vendor === 'gemini') {
    const u = obj(event.usageMetadata);
    if (!u) return {};
    const thoughts = num(u.thoughtsTokenCount) ?? 0;
    const candidates = num(u.candidatesTokenCount);
    return { prompt: num(u.promptTokenCount), completion: candidates === undefined ? undefined : candidates + thoughts };
  }
  // Anthropic's stream carries usage in message_start (`message.usage`) and message_delta (`usage`);
  // OpenAI's Responses stream in response.completed (`response.usage`).
  const u = obj(event.usage) ?? obj(obj(event.message)?.usage) ?? obj(obj(event.response)?.usage);
  if (!u) return {};
  if (vendor === 'anthropic') {
    const input = num(u.input_tokens);
    const cached = (num(u.cache_creation_input_tokens) ?? 0) + (num(u.cache_read_input_tokens) ?? 0);
    return { prompt: input === undefined ? undefined : input + cached, completion: num(u.output_tokens) };
  }
  return { prompt: num(u.prompt_tokens) ?? num(u.input_tokens), completion: num(u.completion_tokens) ?? num(u.output_tokens) };
}

export class UsageSniffer {
  readonly #vendor: SniffedVendor;
  readonly #stream: boolean;
  readonly #decoder = new TextDecoder();
  #text = '';
  #bytes = 0;
  #prompt: number | undefined;
  #completion: number | undefined;

  constructor(vendor: SniffedVendor, stream: boolean) {
    this.#vendor = vendor;
    this.#stream = stream;
  }

  feed(chunk: Uint8Array): void {
    this.#bytes += chunk.byteLength;
    if (!this.#stream) {
      if (this.#bytes <= MAX_JSON_BYTES) this.#text += this.#decoder.decode(chunk, { stream: true });
      return;
    }
    this.#text += this.#decoder.decode(chunk, { stream: true });
    const lastBreak = this.#text.lastIndexOf('\n');
    if (lastBreak < 0) return;
    const complete = this.#text.slice(0, lastBreak);
    this.#text = this.#text.slice(lastBreak + 1);
    if (!complete.includes('sage')) return; // `usage`, `usageMetadata`: skip the many events without
    for (const line of complete.split('\n')) {
      if (line.startsWith('data:') && (line.includes('usage') || line.includes('usageMetadata'))) this.#take(line.slice(5));
    }
  }

  #take(text: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return;
    }
    const event = obj(Array.isArray(parsed) ? parsed[0] : parsed);
    if (!event) return;
    const { prompt, completion } = usageIn(this.#vendor, event);
    // Later events restate or complete earlier ones (Anthropic's message_delta has the final output count).
    if (prompt !== undefined && (this.#prompt === undefined || prompt > 0)) this.#prompt = prompt;
    if (completion !== undefined) this.#completion = completion;
  }

  /** The usage seen, once the body has ended; undefined when the answer said none. */
  result(): TokenCounts | undefined {
    if (!this.#stream && this.#bytes <= MAX_JSON_BYTES) this.#take(this.#text + this.#decoder.decode());
    if (this.#prompt === undefined && this.#completion === undefined) return undefined;
    return { prompt_tokens: this.#prompt ?? 0, completion_tokens: this.#completion ?? 0 };
  }
}
