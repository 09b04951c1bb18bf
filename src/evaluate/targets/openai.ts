/**
 * Any OpenAI-compatible server as a target: `POST {base_url}/chat/completions` with the suite's
 * model and the row's messages. The key comes from the environment variable the suite names; it
 * goes into the Authorization header and nowhere else (error messages are masked for it).
 */
import type { OpenAiTarget as OpenAiTargetSpec } from '../suite.ts';
import type { ChatMessage, EvalRow } from '../types.ts';
import { postJson, TargetError, type Target, type TargetAnswer, type TargetCallOptions } from './target.ts';
import { chatResponseSchema, costFromHeaders, shapeProblem, tokenCounts } from './unified.ts';

export class OpenAiCompatibleTarget implements Target {
  readonly name: string;
  readonly needsMessages = true;
  readonly #spec: OpenAiTargetSpec;
  readonly #url: string;
  readonly #headers: Record<string, string>;
  readonly #secrets: string[];

  constructor(spec: OpenAiTargetSpec, env: NodeJS.ProcessEnv) {
    this.name = spec.name;
    this.#spec = spec;
    this.#url = `${spec.baseUrl.replace(/\/+$/, '')}/chat/completions`;
    this.#headers = {};
    this.#secrets = [];
    if (spec.apiKeyEnv !== undefined) {
      const key = env[spec.apiKeyEnv];
      if (key === undefined || key === '') {
        throw new TargetError(spec.name, `the environment variable ${spec.apiKeyEnv} (api_key_env) is not set. Set it to the API key, or remove api_key_env for a server that needs none.`, {
          retryable: false,
        });
      }
      this.#headers.authorization = `Bearer ${key}`;
      this.#secrets.push(key);
    }
  }

  async call(_row: EvalRow, messages: readonly ChatMessage[] | undefined, options: TargetCallOptions): Promise<TargetAnswer> {
    const { body, headers } = await postJson(
      this.name,
      this.#url,
      { ...this.#spec.params, model: this.#spec.model, messages: messages ?? [] },
      { headers: { ...options.headers, ...this.#headers }, signal: options.signal, what: `POST ${this.#url}`, secrets: this.#secrets },
    );
    const parsed = chatResponseSchema.safeParse(body);
    if (!parsed.success) {
      throw new TargetError(this.name, `POST ${this.#url} answered with something that is not a chat completion (${shapeProblem(parsed.error)}).`, { retryable: false });
    }
    const text = parsed.data.choices[0]!.message.content ?? '';
    const usage = tokenCounts(parsed.data.usage);
    // The gateway's OpenAI-style routes price their answers too.
    const costUsd = costFromHeaders(headers);
    return { text, value: text, ...(usage ? { usage } : {}), ...(costUsd !== undefined ? { costUsd } : {}) };
  }
}
