export const id = 38;
export const ids = [38];
export const modules = {

/***/ 41038:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderTraceTree: () => (/* binding */ renderTraceTree)
/* harmony export */ });
const ns = (v) => (v === undefined ? undefined : BigInt(typeof v === 'number' ? Math.round(v) : v));
function formatMs(start, end) {
    if (start === undefined || end === undefined)
        return 'in progress';
    const micros = Number((end - start) / 1000n);
    return micros >= 1_000_000 ? `${(micros / 1_000_000).toFixed(2)} s` : `${(micros / 1000).toFixed(1)} ms`;
}
/** MLflow stores span attributes as JSON-encoded strings (`"\"LLM\""`); the TS SDK as raw text. */
function attributeText(span, key) {
    const value = span.attributes?.find((a) => a.key === key)?.value;
    const raw = value?.string_value;
    if (typeof raw !== 'string')
        return undefined;
    try {
        const parsed = JSON.parse(raw);
        return typeof parsed === 'string' ? parsed : raw;
    }
    catch {
        return raw;
    }
}
function statusText(span) {
    const code = span.status?.code ?? 'STATUS_CODE_UNSET';
    const label = code.replace('STATUS_CODE_', '');
    return span.status?.message ? `${label}: ${span.status.message}` : label;
}
function renderTraceTree(trace) {
    const info = trace.trace_info;
    const experiment = info.trace_location?.mlflow_experiment?.experiment_id;
    const lines = [
        `${info.trace_id}  ${info.state ?? 'STATE_UNSPECIFIED'}  ${info.execution_duration ?? ''}  ` +
            `(experiment ${experiment ?? '?'}${info.request_time ? `, ${info.request_time}` : ''})`,
    ];
    const children = new Map();
    const ids = new Set(trace.spans.map((s) => s.span_id));
    const roots = [];
    for (const span of trace.spans) {
        const parent = span.parent_span_id;
        // A span whose parent never arrived is shown at the top rather than hidden.
        if (!parent || !ids.has(parent))
            roots.push(span);
        else {
            let list = children.get(parent);
            if (!list)
                children.set(parent, (list = []));
            list.push(span);
        }
    }
    const byStart = (a, b) => {
        const d = (ns(a.start_time_unix_nano) ?? 0n) - (ns(b.start_time_unix_nano) ?? 0n);
        return d < 0n ? -1 : d > 0n ? 1 : 0;
    };
    const walk = (span, prefix, last, top) => {
        const type = attributeText(span, 'mlflow.spanType');
        const branch = top ? '' : last ? '└─ ' : '├─ ';
        lines.push(`${prefix}${branch}${span.name}${type ? ` [${type}]` : ''}  ${formatMs(ns(span.start_time_unix_nano), ns(span.end_time_unix_nano))}  ${statusText(span)}`);
        const kids = (children.get(span.span_id) ?? []).sort(byStart);
        const nextPrefix = top ? prefix : prefix + (last ? '   ' : '│  ');
        kids.forEach((kid, i) => walk(kid, nextPrefix, i === kids.length - 1, false));
    };
    roots.sort(byStart).forEach((root) => walk(root, '', true, true));
    if (trace.spans.length === 0)
        lines.push('(no spans stored for this trace)');
    return lines.join('\n');
}


/***/ })

};
