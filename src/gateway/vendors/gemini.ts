/**
 * The Gemini API's wire format (Generative Language API, `v1beta`): `generateContent` requests and
 * responses, `batchEmbedContents`, and Google's error body. The gateway reads requests with these
 * (the Gemini front) and reads Gemini's answers with them (the Gemini provider).
 *
 * Google's JSON is proto3 JSON: the API accepts a field under its lowerCamel name or its proto
 * snake_case name (Google's own curl examples send `system_instruction`, `inline_data`,
 * `mime_type`). Request objects therefore take both spellings and are read as lowerCamel. Only
 * the structural keys are renamed: free-form values (function args, function responses, JSON
 * schemas) keep their keys exactly as sent.
 */
import { z } from 'zod';

function camel(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/** An object's own keys renamed to lowerCamel; a lowerCamel key wins over its snake_case twin. */
function camelKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const c = camel(k);
    if (c !== k && Object.hasOwn(value, c)) continue;
    out[c] = v;
  }
  return out;
}

/** A loose proto message that also accepts snake_case field names. */
function message<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  return z.preprocess(camelKeys, z.looseObject(shape));
}

const freeObject = z.record(z.string(), z.unknown());

export const geminiBlobSchema = message({ mimeType: z.string(), data: z.string() });
export const geminiFileDataSchema = message({ mimeType: z.string().optional(), fileUri: z.string() });
export const geminiFunctionCallSchema = message({ id: z.string().optional(), name: z.string(), args: freeObject.optional() });
export const geminiFunctionResponseSchema = message({ id: z.string().optional(), name: z.string(), response: freeObject.optional() });

export const geminiPartSchema = message({
  text: z.string().optional(),
  thought: z.boolean().optional(),
  thoughtSignature: z.string().optional(),
  inlineData: geminiBlobSchema.optional(),
  fileData: geminiFileDataSchema.optional(),
  functionCall: geminiFunctionCallSchema.optional(),
  functionResponse: geminiFunctionResponseSchema.optional(),
});
export type GeminiPart = z.infer<typeof geminiPartSchema>;

export const geminiContentSchema = message({
  role: z.string().optional(),
  parts: z.array(geminiPartSchema).optional(),
});
export type GeminiContent = z.infer<typeof geminiContentSchema>;

export const geminiFunctionDeclarationSchema = message({
  name: z.string().min(1),
  description: z.string().optional(),
  /** Google's OpenAPI-subset schema (`type: "OBJECT"`). */
  parameters: freeObject.optional(),
  /** Plain JSON Schema; mutually exclusive with `parameters`. */
  parametersJsonSchema: freeObject.optional(),
});

export const geminiToolSchema = message({
  functionDeclarations: z.array(geminiFunctionDeclarationSchema).optional(),
});

export const geminiToolConfigSchema = message({
  functionCallingConfig: message({
    mode: z.string().optional(),
    allowedFunctionNames: z.array(z.string()).optional(),
  }).optional(),
});

export const geminiGenerationConfigSchema = message({
  temperature: z.number().optional(),
  topP: z.number().optional(),
  topK: z.number().optional(),
  candidateCount: z.int().optional(),
  maxOutputTokens: z.int().optional(),
  stopSequences: z.array(z.string()).optional(),
  presencePenalty: z.number().optional(),
  frequencyPenalty: z.number().optional(),
  seed: z.int().optional(),
  responseMimeType: z.string().optional(),
  responseSchema: freeObject.optional(),
  responseJsonSchema: freeObject.optional(),
});
export type GeminiGenerationConfig = z.infer<typeof geminiGenerationConfigSchema>;

export const geminiGenerateContentRequestSchema = message({
  /** Some clients repeat the URL's model in the body; the URL decides. */
  model: z.string().optional(),
  contents: z.array(geminiContentSchema),
  systemInstruction: geminiContentSchema.optional(),
  tools: z.array(geminiToolSchema).optional(),
  toolConfig: geminiToolConfigSchema.optional(),
  generationConfig: geminiGenerationConfigSchema.optional(),
  safetySettings: z.array(z.unknown()).optional(),
  cachedContent: z.string().optional(),
});
export type GeminiGenerateContentRequest = z.infer<typeof geminiGenerateContentRequestSchema>;

// Responses: Google always answers lowerCamel, so these are plain loose objects.

const responsePartSchema = z.looseObject({
  text: z.string().optional(),
  thought: z.boolean().optional(),
  thoughtSignature: z.string().optional(),
  functionCall: z.looseObject({ id: z.string().optional(), name: z.string(), args: freeObject.nullish() }).optional(),
});

export const geminiCandidateSchema = z.looseObject({
  content: z.looseObject({ role: z.string().optional(), parts: z.array(responsePartSchema).optional() }).optional(),
  finishReason: z.string().optional(),
  finishMessage: z.string().optional(),
  index: z.int().optional(),
});
export type GeminiCandidate = z.infer<typeof geminiCandidateSchema>;

export const geminiUsageMetadataSchema = z.looseObject({
  promptTokenCount: z.number().optional(),
  candidatesTokenCount: z.number().optional(),
  thoughtsTokenCount: z.number().optional(),
  totalTokenCount: z.number().optional(),
});
export type GeminiUsageMetadata = z.infer<typeof geminiUsageMetadataSchema>;

export const geminiGenerateContentResponseSchema = z.looseObject({
  candidates: z.array(geminiCandidateSchema).optional(),
  promptFeedback: z.looseObject({ blockReason: z.string().optional(), blockReasonMessage: z.string().optional() }).optional(),
  usageMetadata: geminiUsageMetadataSchema.optional(),
  modelVersion: z.string().optional(),
  responseId: z.string().optional(),
});
export type GeminiGenerateContentResponse = z.infer<typeof geminiGenerateContentResponseSchema>;

export const geminiBatchEmbedContentsResponseSchema = z.looseObject({
  embeddings: z.array(z.looseObject({ values: z.array(z.number()) })),
});

/** Google's error body, also sent in-band as a stream event when a stream fails. */
export const geminiErrorBodySchema = z.looseObject({
  error: z.looseObject({ code: z.int(), message: z.string(), status: z.string().optional() }),
});
export type GeminiErrorBody = z.infer<typeof geminiErrorBodySchema>;

/** What Google answers in the generateContent shape (the front renders these). */
export interface GeminiResponsePart {
  text?: string;
  functionCall?: { id?: string; name: string; args: Record<string, unknown> };
  thoughtSignature?: string;
}

export interface GeminiResponseCandidate {
  content: { role: 'model'; parts: GeminiResponsePart[] };
  finishReason?: string;
  index: number;
}

export interface GeminiResponse {
  candidates: GeminiResponseCandidate[];
  usageMetadata?: { promptTokenCount?: number; candidatesTokenCount?: number; totalTokenCount?: number };
  modelVersion: string;
  responseId: string;
}

/** Google's canonical status string for an HTTP status (google.rpc.Code). */
export function geminiStatusName(status: number): string {
  switch (status) {
    case 400:
      return 'INVALID_ARGUMENT';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'PERMISSION_DENIED';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'ABORTED';
    case 429:
      return 'RESOURCE_EXHAUSTED';
    case 499:
      return 'CANCELLED';
    case 500:
      return 'INTERNAL';
    case 501:
      return 'UNIMPLEMENTED';
    case 502:
    case 503:
      return 'UNAVAILABLE';
    case 504:
      return 'DEADLINE_EXCEEDED';
    default:
      return status >= 500 ? 'INTERNAL' : 'INVALID_ARGUMENT';
  }
}
