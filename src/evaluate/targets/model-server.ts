/**
 * An MLflow scoring server (`mlflow models serve`) as a target: the row's inputs (never its
 * expected answer) as one `dataframe_records` record, the suite's params as MLflow's inference
 * `params`, and the first prediction as the answer's value.
 */
import { z } from 'zod';
import type { ModelServerTarget } from '../suite.ts';
import type { ChatMessage, EvalRow } from '../types.ts';
import { postJson, TargetError, textOf, type Target, type TargetAnswer, type TargetCallOptions } from './target.ts';
import { shapeProblem } from './unified.ts';

/** `{"predictions": [...]}` as pyfunc servers answer, or a bare list as some custom servers do. */
const predictionsSchema = z.union([z.looseObject({ predictions: z.array(z.unknown()) }), z.array(z.unknown())]);

export class ModelServerEndpointTarget implements Target {
  readonly name: string;
  readonly needsMessages = false;
  readonly #spec: ModelServerTarget;

  constructor(spec: ModelServerTarget) {
    this.name = spec.name;
    this.#spec = spec;
  }

  async call(row: EvalRow, _messages: readonly ChatMessage[] | undefined, options: TargetCallOptions): Promise<TargetAnswer> {
    const params = this.#spec.params;
    const request = Object.keys(params).length > 0 ? { dataframe_records: [row.inputs], params } : { dataframe_records: [row.inputs] };
    const what = `POST ${this.#spec.url}`;
    const { body } = await postJson(this.name, this.#spec.url, request, { headers: options.headers, signal: options.signal, what });
    const parsed = predictionsSchema.safeParse(body);
    if (!parsed.success) throw new TargetError(this.name, `${what} answered without predictions (${shapeProblem(parsed.error)}).`, { retryable: false });
    const predictions = Array.isArray(parsed.data) ? parsed.data : parsed.data.predictions;
    if (predictions.length === 0) throw new TargetError(this.name, `${what} answered with no prediction for the row.`, { retryable: false });
    const value = predictions[0];
    return { text: textOf(value), value };
  }
}
