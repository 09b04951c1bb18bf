/**
 * Usage read from relayed (passthrough) vendor answers, whole and streamed, whatever the chunking.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { UsageSniffer, type SniffedVendor } from '../../src/gateway/observe/usage-sniffer.ts';

function sniff(vendor: SniffedVendor, stream: boolean, text: string, chunkSize: number) {
  const s = new UsageSniffer(vendor, stream);
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += chunkSize) s.feed(bytes.subarray(i, i + chunkSize));
  return s.result();
}

const sse = (events: unknown[], named = false): string =>
  events.map((e) => `${named ? `event: ${(e as { type: string }).type}\n` : ''}data: ${JSON.stringify(e)}\n\n`).join('');

describe('UsageSniffer', () => {
  const cases: [string, SniffedVendor, boolean, string, { prompt_tokens: number; completion_tokens: number } | undefined][] = [
    ['OpenAI chat completion', 'openai', false, JSON.stringify({ choices: [], usage: { prompt_tokens: 12, completion_tokens: 5, total_tokens: 17 } }), { prompt_tokens: 12, completion_tokens: 5 }],
    [
      'OpenAI stream with include_usage',
      'openai',
      true,
      sse([{ choices: [{ delta: { content: 'hi' } }] }, { choices: [], usage: { prompt_tokens: 3, completion_tokens: 9 } }]) + 'data: [DONE]\n\n',
      { prompt_tokens: 3, completion_tokens: 9 },
    ],
    ['OpenAI stream without usage', 'openai', true, sse([{ choices: [{ delta: { content: 'hi' } }] }]) + 'data: [DONE]\n\n', undefined],
    ['OpenAI Responses', 'openai', false, JSON.stringify({ object: 'response', usage: { input_tokens: 7, output_tokens: 2 } }), { prompt_tokens: 7, completion_tokens: 2 }],
    [
      'OpenAI Responses stream',
      'openai',
      true,
      sse([{ type: 'response.output_text.delta', delta: 'x' }, { type: 'response.completed', response: { usage: { input_tokens: 4, output_tokens: 6 } } }], true),
      { prompt_tokens: 4, completion_tokens: 6 },
    ],
    ['Anthropic message', 'anthropic', false, JSON.stringify({ type: 'message', usage: { input_tokens: 10, cache_read_input_tokens: 2, output_tokens: 3 } }), { prompt_tokens: 12, completion_tokens: 3 }],
    [
      'Anthropic stream: input in message_start, output in message_delta',
      'anthropic',
      true,
      sse(
        [
          { type: 'message_start', message: { usage: { input_tokens: 8, output_tokens: 1 } } },
          { type: 'content_block_delta', delta: { type: 'text_delta', text: 'usage is a word' } },
          { type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 14 } },
          { type: 'message_stop' },
        ],
        true,
      ),
      { prompt_tokens: 8, completion_tokens: 14 },
    ],
    ['Gemini answer', 'gemini', false, JSON.stringify({ candidates: [], usageMetadata: { promptTokenCount: 5, candidatesTokenCount: 4, thoughtsTokenCount: 2 } }), { prompt_tokens: 5, completion_tokens: 6 }],
    [
      'Gemini stream',
      'gemini',
      true,
      sse([{ candidates: [{}], usageMetadata: { promptTokenCount: 5, candidatesTokenCount: 1 } }, { candidates: [{}], usageMetadata: { promptTokenCount: 5, candidatesTokenCount: 9 } }]),
      { prompt_tokens: 5, completion_tokens: 9 },
    ],
    ['an error body', 'openai', false, '{"error":{"message":"nope"}}', undefined],
  ];
  for (const [name, vendor, stream, text, expected] of cases) {
    it(name, () => {
      for (const size of [1, 5, 64, 100_000]) assert.deepEqual(sniff(vendor, stream, text, size), expected, `chunk size ${size}`);
    });
  }
});
