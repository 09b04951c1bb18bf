/**
 * The OTLP trace messages `POST /v1/traces` reads, as a protobufjs reflection descriptor written
 * from the OTLP spec's field numbers (opentelemetry-proto: collector/trace/v1, trace/v1,
 * common/v1, resource/v1). Field names are the proto's snake_case names; the JSON decoder
 * (json.ts) walks the same descriptor, so both encodings share one definition.
 *
 * Decoded messages are "normalized": plain objects keyed by snake_case field names holding only
 * the fields that were present; 64-bit integers as decimal strings (span times exceed 2^53),
 * bytes as base64, enums by name (an unknown enum number stays a number).
 */
import protobuf from 'protobufjs/light.js';

const keyValues = (id: number) => ({ rule: 'repeated', type: 'KeyValue', id });

const DESCRIPTOR = {
  nested: {
    otlp: {
      nested: {
        ExportTraceServiceRequest: { fields: { resource_spans: { rule: 'repeated', type: 'ResourceSpans', id: 1 } } },
        ResourceSpans: {
          fields: {
            resource: { type: 'Resource', id: 1 },
            scope_spans: { rule: 'repeated', type: 'ScopeSpans', id: 2 },
            schema_url: { type: 'string', id: 3 },
          },
        },
        Resource: { fields: { attributes: keyValues(1), dropped_attributes_count: { type: 'uint32', id: 2 } } },
        ScopeSpans: {
          fields: {
            scope: { type: 'InstrumentationScope', id: 1 },
            spans: { rule: 'repeated', type: 'Span', id: 2 },
            schema_url: { type: 'string', id: 3 },
          },
        },
        InstrumentationScope: {
          fields: {
            name: { type: 'string', id: 1 },
            version: { type: 'string', id: 2 },
            attributes: keyValues(3),
            dropped_attributes_count: { type: 'uint32', id: 4 },
          },
        },
        Span: {
          fields: {
            trace_id: { type: 'bytes', id: 1 },
            span_id: { type: 'bytes', id: 2 },
            trace_state: { type: 'string', id: 3 },
            parent_span_id: { type: 'bytes', id: 4 },
            flags: { type: 'fixed32', id: 16 },
            name: { type: 'string', id: 5 },
            kind: { type: 'SpanKind', id: 6 },
            start_time_unix_nano: { type: 'fixed64', id: 7 },
            end_time_unix_nano: { type: 'fixed64', id: 8 },
            attributes: keyValues(9),
            dropped_attributes_count: { type: 'uint32', id: 10 },
            events: { rule: 'repeated', type: 'Event', id: 11 },
            dropped_events_count: { type: 'uint32', id: 12 },
            links: { rule: 'repeated', type: 'Link', id: 13 },
            dropped_links_count: { type: 'uint32', id: 14 },
            status: { type: 'Status', id: 15 },
          },
        },
        Event: {
          fields: {
            time_unix_nano: { type: 'fixed64', id: 1 },
            name: { type: 'string', id: 2 },
            attributes: keyValues(3),
            dropped_attributes_count: { type: 'uint32', id: 4 },
          },
        },
        Link: {
          fields: {
            trace_id: { type: 'bytes', id: 1 },
            span_id: { type: 'bytes', id: 2 },
            trace_state: { type: 'string', id: 3 },
            attributes: keyValues(4),
            dropped_attributes_count: { type: 'uint32', id: 5 },
            flags: { type: 'fixed32', id: 6 },
          },
        },
        // Field 1 is reserved (the deprecated `code`); the live code is field 3.
        Status: { fields: { message: { type: 'string', id: 2 }, code: { type: 'StatusCode', id: 3 } } },
        SpanKind: {
          values: {
            SPAN_KIND_UNSPECIFIED: 0,
            SPAN_KIND_INTERNAL: 1,
            SPAN_KIND_SERVER: 2,
            SPAN_KIND_CLIENT: 3,
            SPAN_KIND_PRODUCER: 4,
            SPAN_KIND_CONSUMER: 5,
          },
        },
        StatusCode: { values: { STATUS_CODE_UNSET: 0, STATUS_CODE_OK: 1, STATUS_CODE_ERROR: 2 } },
        AnyValue: {
          oneofs: { value: { oneof: ['string_value', 'bool_value', 'int_value', 'double_value', 'array_value', 'kvlist_value', 'bytes_value'] } },
          fields: {
            string_value: { type: 'string', id: 1 },
            bool_value: { type: 'bool', id: 2 },
            int_value: { type: 'int64', id: 3 },
            double_value: { type: 'double', id: 4 },
            array_value: { type: 'ArrayValue', id: 5 },
            kvlist_value: { type: 'KeyValueList', id: 6 },
            bytes_value: { type: 'bytes', id: 7 },
          },
        },
        ArrayValue: { fields: { values: { rule: 'repeated', type: 'AnyValue', id: 1 } } },
        KeyValueList: { fields: { values: keyValues(1) } },
        KeyValue: { fields: { key: { type: 'string', id: 1 }, value: { type: 'AnyValue', id: 2 } } },
      },
    },
  },
};

// resolveAll links field types now, so json.ts can walk `resolvedType` without a decode first.
const root = protobuf.Root.fromJSON(DESCRIPTOR).resolveAll();

/** The request message type; json.ts walks its reflection to read OTLP/JSON the same way. */
export const exportTraceServiceRequest: protobuf.Type = root.lookupType('otlp.ExportTraceServiceRequest');

/** Thrown for a body that is not a valid ExportTraceServiceRequest; the route answers 400. */
export class OtlpDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OtlpDecodeError';
  }
}

/** protobufjs reads 64-bit integers exactly only with long.js present; without it times would silently round. */
function assertExact64(): void {
  if (!protobuf.util.Long) {
    throw new Error('protobufjs was loaded without long.js, so 64-bit span times would lose precision; reinstall dependencies (npm ci).');
  }
}

/** Decodes a binary ExportTraceServiceRequest into its normalized form. */
export function decodeProtobufRequest(body: Uint8Array): Record<string, unknown> {
  assertExact64();
  try {
    const message = exportTraceServiceRequest.decode(body);
    return exportTraceServiceRequest.toObject(message, { longs: String, bytes: String, enums: String, defaults: false, arrays: false });
  } catch (err) {
    // Includes a RangeError from absurdly deep nesting: still the client's body, not our failure.
    throw new OtlpDecodeError(`Invalid OpenTelemetry protobuf format: ${(err as Error).message}`);
  }
}
