export const id = 211;
export const ids = [211];
export const modules = {

/***/ 11506:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ET: () => (/* binding */ loggedMetrics),
/* harmony export */   d4: () => (/* binding */ aggregateTarget),
/* harmony export */   qW: () => (/* binding */ metricStatsFrom)
/* harmony export */ });
/* unused harmony exports CI_LOW_SUFFIX, CI_HIGH_SUFFIX */
/* harmony import */ var _stats_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(15698);

/** The suffixes under which an interval is logged: `<metric>/ci_low`, `<metric>/ci_high`. */
const CI_LOW_SUFFIX = '/ci_low';
const CI_HIGH_SUFFIX = '/ci_high';
function groupByRow(results) {
    const rows = new Map();
    for (const r of results) {
        const list = rows.get(r.rowIndex);
        if (list)
            list.push(r);
        else
            rows.set(r.rowIndex, [r]);
    }
    return rows;
}
/** Aggregates of one target's rows (every repeat of every row). */
function aggregateTarget(results, options) {
    const metrics = {};
    const flaky = {};
    const greaterIsBetter = {};
    const ci = (values, seedOffset) => values.length > 0 ? (0,_stats_js__WEBPACK_IMPORTED_MODULE_0__/* .bootstrapCi */ .r9)(values, { seed: options.seed + seedOffset, iterations: options.iterations ?? 1000 }) : undefined;
    const put = (name, stat, higherBetter) => {
        if (!stat || Number.isNaN(stat.value))
            return;
        metrics[name] = stat;
        greaterIsBetter[name] = higherBetter;
    };
    const byRow = groupByRow(results);
    options.scorers.forEach((scorer, i) => {
        const rowValues = [];
        const rowPassRates = [];
        const flakyRows = [];
        for (const [rowIndex, repeats] of byRow) {
            const values = [];
            const verdicts = [];
            for (const r of repeats) {
                const s = r.scores[scorer.name];
                if (!s || s.error !== undefined)
                    continue;
                if (s.value !== null && Number.isFinite(s.value))
                    values.push(s.value);
                if (s.passed !== undefined)
                    verdicts.push(s.passed);
            }
            if (values.length > 0)
                rowValues.push((0,_stats_js__WEBPACK_IMPORTED_MODULE_0__/* .mean */ .i2)(values));
            if (verdicts.length > 0) {
                const passes = verdicts.filter(Boolean).length;
                rowPassRates.push(passes / verdicts.length);
                if (passes !== 0 && passes !== verdicts.length)
                    flakyRows.push(rowIndex);
            }
        }
        // Distinct seeds per statistic keep intervals independent yet reproducible.
        if (rowValues.length > 0)
            put(`${scorer.name}/mean`, { value: (0,_stats_js__WEBPACK_IMPORTED_MODULE_0__/* .mean */ .i2)(rowValues), ci: ci(rowValues, 2 * i) }, scorer.greaterIsBetter);
        if (rowPassRates.length > 0)
            put(`${scorer.name}/pass_rate`, { value: (0,_stats_js__WEBPACK_IMPORTED_MODULE_0__/* .mean */ .i2)(rowPassRates), ci: ci(rowPassRates, 2 * i + 1) }, true);
        if (flakyRows.length > 0)
            flaky[scorer.name] = flakyRows.sort((a, b) => a - b);
    });
    const ok = results.filter((r) => r.output !== undefined && r.error === undefined);
    const latencies = ok.map((r) => r.output.latencyMs);
    if (latencies.length > 0) {
        put('latency_ms/mean', { value: (0,_stats_js__WEBPACK_IMPORTED_MODULE_0__/* .mean */ .i2)(latencies) }, false);
        put('latency_ms/p50', { value: (0,_stats_js__WEBPACK_IMPORTED_MODULE_0__/* .percentile */ .Ym)(latencies, 50) }, false);
        put('latency_ms/p95', { value: (0,_stats_js__WEBPACK_IMPORTED_MODULE_0__/* .percentile */ .Ym)(latencies, 95) }, false);
    }
    const usages = ok.flatMap((r) => (r.output.usage ? [r.output.usage] : []));
    if (usages.length > 0) {
        put('tokens/input_total', { value: usages.reduce((t, u) => t + u.input_tokens, 0) }, false);
        put('tokens/output_total', { value: usages.reduce((t, u) => t + u.output_tokens, 0) }, false);
        put('tokens/total', { value: usages.reduce((t, u) => t + u.total_tokens, 0) }, false);
    }
    const costs = ok.flatMap((r) => (r.output.costUsd !== undefined ? [r.output.costUsd] : []));
    if (costs.length > 0)
        put('cost_usd/total', { value: costs.reduce((t, c) => t + c, 0) }, false);
    const errors = results.length - ok.length;
    put('rows/total', { value: byRow.size }, true);
    put('rows/errors', { value: errors }, false);
    put('rows/error_rate', { value: results.length > 0 ? errors / results.length : 0 }, false);
    const flakyCount = new Set(Object.values(flaky).flat()).size;
    put('rows/flaky', { value: flakyCount }, false);
    const pairs = ok.map((r) => ({ predicted: r.output.value, expected: r.expected }));
    for (const { metric, options: metricOptions } of options.metrics) {
        for (const [name, value] of Object.entries(metric.compute(pairs, metricOptions)))
            put(name, { value }, metric.greaterIsBetter(name));
    }
    return { metrics, flaky, greaterIsBetter };
}
/** Metric name → value as logged: each interval becomes two more metrics. */
function loggedMetrics(metrics) {
    const out = {};
    for (const [name, stat] of Object.entries(metrics)) {
        out[name] = stat.value;
        if (stat.ci) {
            out[name + CI_LOW_SUFFIX] = stat.ci.low;
            out[name + CI_HIGH_SUFFIX] = stat.ci.high;
        }
    }
    return out;
}
/** The inverse of loggedMetrics: a run's metrics read back, intervals re-attached. */
function metricStatsFrom(logged) {
    const out = {};
    for (const [name, value] of Object.entries(logged)) {
        if (name.endsWith(CI_LOW_SUFFIX) || name.endsWith(CI_HIGH_SUFFIX))
            continue;
        const low = logged[name + CI_LOW_SUFFIX];
        const high = logged[name + CI_HIGH_SUFFIX];
        out[name] = low !== undefined && high !== undefined ? { value, ci: { low, high } } : { value };
    }
    return out;
}


/***/ }),

/***/ 69601:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $t: () => (/* binding */ tableJson),
/* harmony export */   ST: () => (/* binding */ RESULTS_CSV),
/* harmony export */   YH: () => (/* binding */ RESULTS_JSON),
/* harmony export */   l4: () => (/* binding */ tableCsv),
/* harmony export */   r6: () => (/* binding */ resultsTable),
/* harmony export */   t9: () => (/* binding */ OWN_COLUMNS)
/* harmony export */ });
/* harmony import */ var csv_stringify_sync__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96789);
/**
 * The per-row results table, as MLflow's `log_table` stores one (`{"columns": [...], "data":
 * [[...]]}`, pandas' split orientation), so MLflow's own tools and our report read the same
 * artifact. The CSV twin is for spreadsheets.
 */

const RESULTS_JSON = 'eval_results.json';
const RESULTS_CSV = 'eval_results.csv';
/** The table's own columns; a dataset column with one of these names is written as `input.<name>`. */
const OWN_COLUMNS = ['row', 'repeat', 'expected', 'output', 'error', 'latency_ms', 'total_tokens', 'cost_usd', 'trace_id'];
const SCORE_FIELDS = ['score', 'passed', 'rationale', 'error'];
function resultsTable(results, scorerNames) {
    const inputNames = [];
    const seen = new Set();
    for (const r of results) {
        for (const key of Object.keys(r.inputs)) {
            if (!seen.has(key)) {
                seen.add(key);
                inputNames.push(key);
            }
        }
    }
    const own = new Set(OWN_COLUMNS);
    const columns = [
        'row',
        'repeat',
        ...inputNames.map((n) => (own.has(n) ? `input.${n}` : n)),
        ...OWN_COLUMNS.slice(2),
        ...scorerNames.flatMap((s) => SCORE_FIELDS.map((f) => `${s}/${f}`)),
    ];
    const data = results.map((r) => [
        r.rowIndex,
        r.repeat,
        ...inputNames.map((n) => r.inputs[n] ?? null),
        r.expected ?? null,
        r.output?.text ?? null,
        r.error ?? null,
        r.output?.latencyMs ?? null,
        r.output?.usage?.total_tokens ?? null,
        r.output?.costUsd ?? null,
        r.traceId ?? null,
        ...scorerNames.flatMap((s) => {
            const score = r.scores[s];
            return [score?.value ?? null, score?.passed ?? null, score?.rationale ?? null, score?.error ?? null];
        }),
    ]);
    return { columns, data };
}
/** JSON with non-finite numbers spelled as MLflow's JSON does. */
function tableJson(table) {
    return JSON.stringify(table, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
}
function tableCsv(table) {
    // Table cells are JSON values: scalars print as themselves, objects and arrays as JSON.
    const cell = (v) => (v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));
    return (0,csv_stringify_sync__WEBPACK_IMPORTED_MODULE_0__/* .stringify */ .A)([table.columns, ...table.data.map((row) => row.map(cell))]);
}


/***/ }),

/***/ 57152:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ EvalTag)
/* harmony export */ });
/** Run tags an evaluation writes, so the Action, bundles and reports can find and match its runs. Pure data. */
const EvalTag = {
    SUITE: 'mlflow_ts.eval.suite',
    TARGET: 'mlflow_ts.eval.target',
    DATASET_DIGEST: 'mlflow_ts.eval.dataset_digest',
    GATES_PASSED: 'mlflow_ts.gates.passed',
    GATES: 'mlflow_ts.gates',
    BASELINE_RUN: 'mlflow_ts.eval.baseline_run_id',
};


/***/ }),

/***/ 15991:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Pr: () => (/* reexport */ compileMetricThreshold),
  ud: () => (/* reexport */ evaluateGates),
  Zt: () => (/* reexport */ formatGateTable),
  nG: () => (/* reexport */ metricThresholdSchema),
  zd: () => (/* reexport */ recordedGatesTag),
  Zu: () => (/* reexport */ runScopeSchema),
  eh: () => (/* reexport */ summarize)
});

// UNUSED EXPORTS: GateDefinitionError, GateSyntaxError, comparisonsOf, conditionSchema, failOnSchema, formatCondition, formatMetricRef, formatOperand, gateKind, gateSchema, operandSchema, parseGates, recordedGatesSchema, referencesOf

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js
var schemas = __webpack_require__(55156);
;// CONCATENATED MODULE: ./build/src/report/gates/tree.js
/**
 * The gate expression tree: what evaluation thresholds (MLflow's MetricThreshold) and the Action's
 * threshold grammar both compile into, and the only thing the evaluator reads. Plain JSON, so a
 * report can store the gates it was judged by and a later reader can re-check them; the zod
 * schemas are how such a stored (possibly untrusted) tree is read back.
 */

const runScopeSchema = schemas.strictObject({ kind: schemas["enum"](['run', 'entry_point', 'eval']), name: schemas.string().min(1).optional() })
    .refine((s) => s.kind === 'eval' || s.name !== undefined, { message: 'a run or entry_point scope needs a name' });
const operandSchema = schemas.lazy(() => schemas.discriminatedUnion('type', [
    schemas.strictObject({ type: schemas.literal('metric'), name: schemas.string().min(1), scope: runScopeSchema.optional() }),
    schemas.strictObject({ type: schemas.literal('baseline'), name: schemas.string().min(1), scope: runScopeSchema.optional() }),
    schemas.strictObject({ type: schemas.literal('number'), value: schemas.number() }),
    schemas.strictObject({ type: schemas.literal('binary'), op: schemas["enum"](['+', '-', '*', '/']), left: operandSchema, right: operandSchema }),
    schemas.strictObject({ type: schemas.literal('neg'), operand: operandSchema }),
]));
const conditionSchema = schemas.lazy(() => schemas.discriminatedUnion('type', [
    schemas.strictObject({
        type: schemas.literal('compare'),
        op: schemas["enum"](['>=', '>', '<=', '<', '==', '!=']),
        left: operandSchema,
        right: operandSchema,
        noise: schemas.literal('ci').optional(),
    }),
    schemas.strictObject({ type: schemas.literal('and'), conditions: schemas.array(conditionSchema).min(2) }),
    schemas.strictObject({ type: schemas.literal('or'), conditions: schemas.array(conditionSchema).min(2) }),
    schemas.strictObject({ type: schemas.literal('not'), condition: conditionSchema }),
]));
const gateSchema = schemas.strictObject({ source: schemas.string(), condition: conditionSchema });
/** Every comparison of a condition, in reading order. */
function comparisonsOf(condition) {
    switch (condition.type) {
        case 'compare':
            return [condition];
        case 'not':
            return comparisonsOf(condition.condition);
        case 'and':
        case 'or':
            return condition.conditions.flatMap(comparisonsOf);
    }
}
/** Every metric and baseline reference of an operand, in reading order. */
function tree_referencesOf(operand) {
    switch (operand.type) {
        case 'metric':
        case 'baseline':
            return [operand];
        case 'number':
            return [];
        case 'neg':
            return tree_referencesOf(operand.operand);
        case 'binary':
            return [...tree_referencesOf(operand.left), ...tree_referencesOf(operand.right)];
    }
}
/**
 * A gate that reads a baseline value guards against regressions; one that does not is an absolute
 * threshold. The Action's `fail-on: regression` blocks only on the first kind.
 */
function gateKind(gate) {
    const usesBaseline = comparisonsOf(gate.condition).some((c) => [...tree_referencesOf(c.left), ...tree_referencesOf(c.right)].some((r) => r.type === 'baseline'));
    return usesBaseline ? 'regression' : 'threshold';
}
const sameScope = (a, b) => a === b || (a !== undefined && b !== undefined && a.kind === b.kind && a.name === b.name);

;// CONCATENATED MODULE: ./build/src/report/gates/errors.js
/** The two ways a gate can be wrong before it is evaluated: bad grammar text, bad threshold numbers. */
/** The gate text does not parse; the message shows the line with a caret under the token. */
class errors_GateSyntaxError extends Error {
    line;
    column;
    token;
    expected;
    hint;
    constructor(details, lineText) {
        const expected = details.expected.length > 0 ? `expected ${orList(details.expected)}, found ${details.token}` : `unexpected ${details.token}`;
        const caret = `${' '.repeat(Math.max(0, details.column - 1))}^`;
        super(`Gate syntax error at line ${details.line}, column ${details.column}: ${expected}.` +
            (details.hint ? ` ${details.hint}` : '') +
            `\n  ${lineText}\n  ${caret}`);
        this.name = 'GateSyntaxError';
        this.line = details.line;
        this.column = details.column;
        this.token = details.token;
        this.expected = details.expected;
        this.hint = details.hint;
    }
}
/** A MetricThreshold whose numbers MLflow would refuse (e.g. no threshold at all, a negative change). */
class GateDefinitionError extends Error {
    metric;
    constructor(metric, problem) {
        super(`Threshold for metric "${metric}": ${problem}`);
        this.name = 'GateDefinitionError';
        this.metric = metric;
    }
}
function orList(items) {
    if (items.length <= 1)
        return items.join('');
    return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

;// CONCATENATED MODULE: ./build/src/report/gates/lexer.js
/**
 * The tokenizer of the gate grammar (see parser.ts for the grammar itself). Newlines separate
 * gates, except inside parentheses or brackets, where a long gate may continue on the next line.
 */

/** A bare name starts with a letter or `_` and goes on with letters, digits, `_ . / - :`. */
const NAME_START = /[\p{L}_]/u;
const NAME_PART = /[\p{L}\p{N}_./:-]/u;
const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const OPERATORS = (/* unused pure expression or super */ null && (['>=', '<=', '==', '!=', '>', '<', '+', '-', '*', '/', '(', ')', '[', ']', '=']));
const MISTAKES = {
    '%': { expected: 'a number', hint: 'Percentages are not part of the grammar: write 1.05 for +5% (e.g. baseline * 1.05) and 0.9 for 90%.' },
    '&': { expected: 'and', hint: 'Combine conditions with `and`.' },
    '|': { expected: 'or', hint: 'Combine conditions with `or`.' },
    '!': { expected: 'not or !=', hint: 'Negate a condition with `not`.' },
    '"': { expected: 'a metric name', hint: 'Quote a metric name with backquotes: `my metric`.' },
    "'": { expected: 'a metric name', hint: 'Quote a metric name with backquotes: `my metric`.' },
};
/** Where each line starts, for turning offsets into line/column and quoting a line in an error. */
class lexer_SourceText {
    text;
    lineStarts = [0];
    constructor(text) {
        this.text = text;
        for (let i = 0; i < text.length; i++)
            if (text[i] === '\n')
                this.lineStarts.push(i + 1);
    }
    position(offset) {
        let lo = 0;
        let hi = this.lineStarts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.lineStarts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return { line: lo + 1, column: offset - this.lineStarts[lo] + 1 };
    }
    lineText(line) {
        const start = this.lineStarts[line - 1] ?? 0;
        const next = this.lineStarts[line];
        return this.text.slice(start, next === undefined ? undefined : next - 1).replace(/\r$/, '');
    }
    error(offset, token, expected, hint) {
        const { line, column } = this.position(offset);
        return new GateSyntaxError({ line, column, token, expected, ...(hint ? { hint } : {}) }, this.lineText(line));
    }
}
/** How a token is named in an error message. */
function lexer_describeToken(token) {
    if (token.type === 'eof')
        return 'end of input';
    if (token.type === 'sep' && token.text === '\n')
        return 'end of line';
    if (token.type === 'quoted')
        return token.text;
    return `"${token.text}"`;
}
function lexer_tokenize(source) {
    const text = source.text;
    const tokens = [];
    let depth = 0;
    let i = 0;
    const push = (type, start, end, extra) => {
        tokens.push({ type, text: text.slice(start, end), start, end, ...source.position(start), ...extra });
    };
    while (i < text.length) {
        const ch = text[i];
        if (ch === '\n') {
            // Inside ( ) or [ ] a newline only continues the gate.
            if (depth === 0)
                push('sep', i, i + 1);
            i++;
        }
        else if (ch === ' ' || ch === '\t' || ch === '\r') {
            i++;
        }
        else if (ch === '#') {
            while (i < text.length && text[i] !== '\n')
                i++;
        }
        else if (ch === ';' || ch === ',') {
            push('sep', i, i + 1);
            i++;
        }
        else if (ch === '`') {
            i = quotedName(source, i, push);
        }
        else if (/\d/.test(ch) || (ch === '.' && /\d/.test(text[i + 1] ?? ''))) {
            NUMBER.lastIndex = i;
            const end = NUMBER.exec(text) ? NUMBER.lastIndex : i + 1;
            const after = text[end] ?? '';
            if (after === '%' || NAME_START.test(after) || /[\d._:]/.test(after)) {
                const mistake = MISTAKES[after];
                throw source.error(end, `"${after}"`, ['an operator'], mistake?.hint ?? 'Quote a metric name that starts with a digit with backquotes: `5xx_rate`.');
            }
            push('number', i, end, { value: Number(text.slice(i, end)) });
            i = end;
        }
        else if (NAME_START.test(ch)) {
            let end = i + 1;
            while (end < text.length && NAME_PART.test(text[end]))
                end++;
            push('name', i, end);
            i = end;
        }
        else {
            const op = OPERATORS.find((o) => text.startsWith(o, i));
            if (!op) {
                const mistake = MISTAKES[ch];
                throw source.error(i, `"${ch}"`, mistake ? [mistake.expected] : [], mistake?.hint ?? 'Quote a metric name with other characters in backquotes: `name`.');
            }
            if (op === '(' || op === '[')
                depth++;
            else if ((op === ')' || op === ']') && depth > 0)
                depth--;
            push('op', i, i + op.length);
            i += op.length;
        }
    }
    push('eof', text.length, text.length);
    return tokens;
}
/** `` `any text` ``, with a doubled backquote standing for one; it ends on the same line. */
function quotedName(source, start, push) {
    const text = source.text;
    let name = '';
    let i = start + 1;
    for (;;) {
        const ch = text[i];
        if (ch === undefined || ch === '\n')
            throw source.error(start, '"`"', ['a closing ` on the same line']);
        if (ch === '`') {
            if (text[i + 1] === '`') {
                name += '`';
                i += 2;
                continue;
            }
            break;
        }
        name += ch;
        i++;
    }
    if (name === '')
        throw source.error(start, '"``"', ['a metric name between the backquotes']);
    push('quoted', start, i + 1, { name });
    return i + 1;
}

;// CONCATENATED MODULE: ./build/src/report/gates/print.js
/**
 * Gate trees back to grammar text: what a compiled MetricThreshold is shown as, and what a
 * comparison inside a larger gate is called in a result. The output parses back into the same tree.
 */

/** Words that cannot be bare metric names. */
const print_RESERVED = new Set(['and', 'or', 'not', 'baseline']);
/** The shorthand for a metric of the evaluation run: `eval.correctness/pass_rate`. */
const print_EVAL_PREFIX = 'eval.';
const BARE_NAME = /^[\p{L}_][\p{L}\p{N}_./:-]*$/u;
/** A reserved word glued to `-` or `/` (`baseline-0.01`) is nearly always a missing space. */
const print_GLUED_RESERVED = /^(?:and|or|not|baseline)[-/]/;
const isBare = (name) => BARE_NAME.test(name) && !print_RESERVED.has(name) && !print_GLUED_RESERVED.test(name) && !name.startsWith(print_EVAL_PREFIX);
function formatName(name) {
    return isBare(name) ? name : `\`${name.replaceAll('`', '``')}\``;
}
function print_formatScope(scope) {
    return scope.name === undefined ? `[${scope.kind}]` : `[${scope.kind}=${formatName(scope.name)}]`;
}
const isEvalShorthand = (scope, name) => scope !== undefined && scope.kind === 'eval' && scope.name === undefined && BARE_NAME.test(name);
/** A metric reference as written inside a gate whose gate-wide scope is `gateScope`. */
function formatRef(ref, gateScope) {
    if (sameScope(ref.scope, gateScope))
        return formatName(ref.name);
    if (gateScope === undefined && isEvalShorthand(ref.scope, ref.name))
        return `${print_EVAL_PREFIX}${ref.name}`;
    return ref.scope ? `${print_formatScope(ref.scope)} ${formatName(ref.name)}` : formatName(ref.name);
}
/** A metric with its scope, for messages: `accuracy`, `[run=train] accuracy`, `eval.correctness/mean`. */
const formatMetricRef = (name, scope) => formatRef({ type: 'metric', name, ...(scope ? { scope } : {}) }, undefined);
/**
 * The scope written once in front of the gate: the one every reference shares, unless every
 * reference can use the `eval.` shorthand instead (which reads better).
 */
function gateScopeOf(condition) {
    const refs = comparisonsOf(condition).flatMap((c) => [...tree_referencesOf(c.left), ...tree_referencesOf(c.right)]);
    const first = refs[0]?.scope;
    if (first === undefined || !refs.every((r) => sameScope(r.scope, first)))
        return undefined;
    if (refs.every((r) => isEvalShorthand(r.scope, r.name)))
        return undefined;
    return first;
}
const ADDITIVE = 1;
const MULTIPLICATIVE = 2;
const UNARY = 3;
function formatOperandIn(op, minPrec, gateScope, soleMetric) {
    const recur = (o, p) => formatOperandIn(o, p, gateScope, soleMetric);
    switch (op.type) {
        case 'metric':
            return formatRef(op, gateScope);
        case 'baseline':
            return soleMetric && soleMetric.name === op.name && sameScope(soleMetric.scope, op.scope) ? 'baseline' : `baseline(${formatRef(op, gateScope)})`;
        case 'number':
            return String(op.value);
        case 'neg': {
            // `-(5)` keeps a negated literal a negation: a bare `-5` parses as the number -5.
            const inner = op.operand.type === 'number' || op.operand.type === 'neg' ? `(${recur(op.operand, 0)})` : recur(op.operand, UNARY);
            return minPrec > UNARY ? `(-${inner})` : `-${inner}`;
        }
        case 'binary': {
            const prec = op.op === '+' || op.op === '-' ? ADDITIVE : MULTIPLICATIVE;
            const text = `${recur(op.left, prec)} ${op.op} ${recur(op.right, prec + 1)}`;
            return prec < minPrec ? `(${text})` : text;
        }
    }
}
/** The one metric a bare `baseline` in this comparison stands for, if there is exactly one. */
function print_soleMetricOf(compare) {
    const metrics = [...tree_referencesOf(compare.left), ...tree_referencesOf(compare.right)].filter((r) => r.type === 'metric');
    const first = metrics[0];
    return first && metrics.every((m) => m.name === first.name && sameScope(m.scope, first.scope)) ? first : undefined;
}
function formatConditionIn(condition, gateScope) {
    switch (condition.type) {
        case 'compare': {
            const sole = print_soleMetricOf(condition);
            const side = (o) => formatOperandIn(o, 0, gateScope, sole);
            return `${side(condition.left)} ${condition.op} ${side(condition.right)}${condition.noise === 'ci' ? ' if significant' : ''}`;
        }
        case 'not':
            return `not (${formatConditionIn(condition.condition, gateScope)})`;
        case 'and':
        case 'or':
            return condition.conditions
                .map((c) => {
                const text = formatConditionIn(c, gateScope);
                // Parentheses the parser would need to rebuild the same tree (it never merges a parenthesized and/or).
                const wrap = c.type === 'or' || (condition.type === 'and' && c.type === 'and');
                return wrap ? `(${text})` : text;
            })
                .join(` ${condition.type} `);
    }
}
/** A condition as gate grammar text (parseGates of it gives the same tree back). */
function formatCondition(condition) {
    const scope = gateScopeOf(condition);
    const text = formatConditionIn(condition, scope);
    if (scope)
        return `${print_formatScope(scope)} ${text}`;
    // A selector at the very start would scope the whole gate: parentheses keep it on its metric.
    return text.startsWith('[') ? `(${text})` : text;
}
/** An operand as grammar text, references written with their own scopes. */
function formatOperand(operand) {
    return formatOperandIn(operand, 0, undefined, undefined);
}

;// CONCATENATED MODULE: ./build/src/report/gates/parser.js
/**
 * The Action's threshold grammar: text → gate trees, by a tokenizer (lexer.ts) and a
 * recursive-descent parser. The user-facing description is README.md next to this file.
 *
 *   gates      = { sep } [ gate { sep { sep } gate } ] { sep } EOF       sep = newline | ";" | ","
 *   gate       = [ selector ] or                       (a leading selector scopes the whole gate)
 *   or         = and { "or" and }
 *   and        = not { "and" not }
 *   not        = "not" not | comparison
 *   comparison = sum [ cmpop sum [ "if" "significant" ] ]   cmpop = ">=" | ">" | "<=" | "<" | "==" | "!="
 *   sum        = product { ("+" | "-") product }
 *   product    = unary { ("*" | "/") unary }
 *   unary      = "-" unary | primary
 *   primary    = number | ref | "baseline" [ "(" ref ")" ] | "(" or ")"
 *   ref        = [ selector ] ( name | `quoted name` )
 *   selector   = "[" ( "run" "=" value | "entry_point" "=" value | "eval" [ "=" value ] ) "]"
 *
 * Conditions and numbers share the precedence ladder (so `(a + b) * 2 >= 1` and
 * `(a >= 1 or b >= 1) and c >= 1` both parse); a check on each node then says which one was
 * expected where. A bare `baseline` stands for the one metric of its comparison.
 */



const COMPARE_OPS = new Set(['>=', '>', '<=', '<', '==', '!=']);
const SCOPE_KINDS = (/* unused pure expression or super */ null && (['run', 'entry_point', 'eval']));
const OPERAND_START = (/* unused pure expression or super */ null && (['a number', 'a metric name', '"baseline"', '"("']));
/** Parses gate text into one gate per line (or per `;`/`,`-separated part). Throws GateSyntaxError. */
function parseGates(text) {
    return new Parser(text).gates();
}
class Parser {
    source;
    tokens;
    pos = 0;
    gateScope;
    /** Bare `baseline`s waiting for their comparison to say which metric they mean. */
    pendingBaselines = [];
    constructor(text) {
        this.source = new SourceText(text);
        this.tokens = tokenize(this.source);
    }
    gates() {
        const gates = [];
        for (;;) {
            while (this.peek().type === 'sep')
                this.pos++;
            if (this.peek().type === 'eof')
                return gates;
            gates.push(this.gate());
            const next = this.peek();
            if (next.type !== 'sep' && next.type !== 'eof') {
                throw this.error(next, ['"and"', '"or"', 'a new line', '";"', '","'], 'Put each gate on its own line or separate gates with ";" or ",".');
            }
        }
    }
    gate() {
        const first = this.peek();
        this.gateScope = first.type === 'op' && first.text === '[' ? this.selector() : undefined;
        const parsed = this.or();
        if (parsed.kind !== 'condition') {
            const next = this.peek();
            const ended = next.type === 'sep' || next.type === 'eof';
            throw this.error(next, ended ? ['a comparison operator (>=, >, <=, <, ==, !=)'] : ['a comparison operator (>=, >, <=, <, ==, !=)', 'an arithmetic operator (+, -, *, /)'], ended ? 'A gate compares a metric with a bound, e.g. accuracy >= 0.9.' : undefined);
        }
        return { source: this.sourceText(first, this.tokens[this.pos - 1]), condition: parsed.node };
    }
    or() {
        return this.logical('or', () => this.and());
    }
    and() {
        return this.logical('and', () => this.not());
    }
    logical(word, next) {
        const first = next();
        if (!this.atWord(word))
            return first;
        const conditions = [this.condition(first, word)];
        while (this.atWord(word)) {
            this.pos++;
            conditions.push(this.condition(next(), word));
        }
        return { kind: 'condition', node: { type: word, conditions }, at: first.at };
    }
    not() {
        const at = this.peek();
        if (!this.atWord('not'))
            return this.comparison();
        this.pos++;
        const inner = this.not();
        return { kind: 'condition', node: { type: 'not', condition: this.condition(inner, 'not') }, at };
    }
    comparison() {
        const pendingBefore = this.pendingBaselines.length;
        const left = this.sum();
        const opToken = this.peek();
        if (opToken.type !== 'op' || !COMPARE_OPS.has(opToken.text)) {
            if (opToken.type === 'op' && opToken.text === '=')
                throw this.error(opToken, ['a comparison operator'], 'Write == to test equality.');
            return left;
        }
        this.pos++;
        const leftOperand = this.operand(left, opToken.text);
        const compare = { type: 'compare', op: opToken.text, left: leftOperand, right: this.operand(this.sum(), opToken.text) };
        if (this.atWord('if')) {
            this.pos++;
            if (!this.atWord('significant'))
                throw this.error(this.peek(), ['"significant"'], 'Write `if significant` to judge by the confidence interval.');
            this.pos++;
            compare.noise = 'ci';
        }
        this.resolveBaselines(compare, this.pendingBaselines.splice(pendingBefore));
        if (this.peek().type === 'op' && COMPARE_OPS.has(this.peek().text)) {
            throw this.error(this.peek(), ['"and"', '"or"', 'end of gate'], 'Chained comparisons are not supported: write a >= 1 and a <= 2.');
        }
        return { kind: 'condition', node: compare, at: left.at };
    }
    resolveBaselines(compare, pending) {
        if (pending.length === 0)
            return;
        const sole = soleMetricOf(compare);
        if (!sole) {
            const why = [...referencesOf(compare.left), ...referencesOf(compare.right)].some((r) => r.type === 'metric') ? 'several metrics' : 'no metric';
            throw this.error(pending[0].at, ['baseline(<metric>)'], `This comparison has ${why}, so say which metric's baseline: e.g. baseline(accuracy).`);
        }
        for (const { node } of pending) {
            node.name = sole.name;
            if (sole.scope)
                node.scope = sole.scope;
        }
    }
    sum() {
        return this.arithmetic(['+', '-'], () => this.product());
    }
    product() {
        return this.arithmetic(['*', '/'], () => this.unary());
    }
    arithmetic(ops, next) {
        let left = next();
        for (;;) {
            const t = this.peek();
            const op = ops.find((o) => t.type === 'op' && t.text === o);
            if (!op)
                return left;
            this.pos++;
            const right = next();
            left = { kind: 'operand', node: { type: 'binary', op, left: this.operand(left, op), right: this.operand(right, op) }, at: left.at };
        }
    }
    unary() {
        const t = this.peek();
        if (t.type === 'op' && t.text === '-') {
            this.pos++;
            const literal = this.peek();
            if (literal.type === 'number') {
                this.pos++;
                return { kind: 'operand', node: { type: 'number', value: -literal.value }, at: t };
            }
            return { kind: 'operand', node: { type: 'neg', operand: this.operand(this.unary(), '-') }, at: t };
        }
        return this.primary();
    }
    primary() {
        const t = this.peek();
        if (t.type === 'number') {
            this.pos++;
            return { kind: 'operand', node: { type: 'number', value: t.value }, at: t };
        }
        if (t.type === 'op' && t.text === '(') {
            this.pos++;
            const inner = this.or();
            this.expectOp(')', inner.kind === 'operand' ? ['an operator', '")"'] : ['"and"', '"or"', '")"']);
            return { ...inner, at: t };
        }
        if (t.type === 'name' && t.text === 'baseline') {
            this.pos++;
            if (this.peek().type === 'op' && this.peek().text === '(') {
                this.pos++;
                const ref = this.ref();
                this.expectOp(')', ['")"']);
                return { kind: 'operand', node: { type: 'baseline', ...ref }, at: t };
            }
            const node = { type: 'baseline', name: '' };
            this.pendingBaselines.push({ node, at: t });
            return { kind: 'operand', node, at: t };
        }
        if (t.type === 'name' || t.type === 'quoted' || (t.type === 'op' && t.text === '[')) {
            return { kind: 'operand', node: { type: 'metric', ...this.ref() }, at: t };
        }
        throw this.error(t, OPERAND_START);
    }
    /** `[selector] name`: a metric name with the scope it is read in. */
    ref() {
        const t = this.peek();
        const own = t.type === 'op' && t.text === '[' ? this.selector() : undefined;
        const nameToken = this.peek();
        let name;
        let scope = own ?? this.gateScope;
        if (nameToken.type === 'quoted') {
            name = nameToken.name;
        }
        else if (nameToken.type === 'name' && !RESERVED.has(nameToken.text)) {
            if (GLUED_RESERVED.test(nameToken.text)) {
                throw this.error(nameToken, OPERAND_START, `"-" and "/" can be part of a metric name: put spaces around them when they are operators (e.g. baseline - 0.01).`);
            }
            name = nameToken.text;
            if (name.startsWith(EVAL_PREFIX) && name.length > EVAL_PREFIX.length) {
                // `eval.` is the metric's own `[eval]` selector: it overrides a gate-wide run or entry
                // point, takes the target of a gate-wide `[eval=...]`, and contradicts its own `[run=...]`.
                name = name.slice(EVAL_PREFIX.length);
                if (own && own.kind !== 'eval') {
                    throw this.error(nameToken, ['a metric name'], `"eval.<name>" reads an evaluation metric, so it cannot also be read from ${formatScope(own)}; backquote the name if it really starts with "eval.".`);
                }
                scope = scope?.kind === 'eval' ? scope : { kind: 'eval' };
            }
        }
        else {
            const hint = nameToken.type === 'name' ? `"${nameToken.text}" is a keyword: backquote a metric with that name (\`${nameToken.text}\`).` : undefined;
            throw this.error(nameToken, own ? ['a metric name'] : OPERAND_START, hint);
        }
        this.pos++;
        return scope ? { name, scope } : { name };
    }
    /** `[run=train]`, `[entry_point=main]`, `[eval=gpt-4o]`, `[eval]`. */
    selector() {
        this.pos++; // [
        const kindToken = this.peek();
        const kind = SCOPE_KINDS.find((k) => kindToken.type === 'name' && kindToken.text === k);
        if (!kind)
            throw this.error(kindToken, SCOPE_KINDS.map((k) => `"${k}"`), 'A selector names the run a metric is read from, e.g. [run=train] or [eval=gpt-4o].');
        this.pos++;
        if (kind === 'eval' && this.peek().type === 'op' && this.peek().text === ']') {
            this.pos++;
            return { kind };
        }
        this.expectOp('=', kind === 'eval' ? ['"="', '"]"'] : ['"="']);
        const value = this.peek();
        if (value.type !== 'name' && value.type !== 'quoted' && value.type !== 'number') {
            throw this.error(value, [`the ${kind === 'entry_point' ? 'entry point' : kind === 'eval' ? 'evaluation target' : 'run'} name`], 'Backquote a name with other characters: [run=`my run`].');
        }
        this.pos++;
        this.expectOp(']', ['"]"']);
        return { kind, name: value.type === 'quoted' ? value.name : value.text };
    }
    condition(node, context) {
        if (node.kind === 'condition')
            return node.node;
        throw this.error(node.at, ['a comparison'], `"${context}" combines conditions such as accuracy >= 0.9, not numbers.`);
    }
    operand(node, context) {
        if (node.kind === 'operand')
            return node.node;
        throw this.error(node.at, ['a number or metric'], `"${context}" needs numbers or metrics, not a condition.`);
    }
    expectOp(op, expected) {
        const t = this.peek();
        if (t.type !== 'op' || t.text !== op)
            throw this.error(t, expected);
        this.pos++;
    }
    atWord(word) {
        const t = this.peek();
        return t.type === 'name' && t.text === word;
    }
    peek() {
        return this.tokens[this.pos];
    }
    error(at, expected, hint) {
        return this.source.error(at.start, describeToken(at), expected, hint);
    }
    /** The gate as written, comments dropped and each run of spacing shown as one space. */
    sourceText(first, last) {
        let text = '';
        for (let i = this.tokens.indexOf(first); i < this.tokens.length; i++) {
            const t = this.tokens[i];
            const prev = this.tokens[i - 1];
            if (text !== '' && prev && prev.end < t.start)
                text += ' ';
            text += t.text;
            if (t === last)
                break;
        }
        return text;
    }
}

;// CONCATENATED MODULE: ./build/src/report/gates/mlflow-threshold.js
/**
 * MLflow's MetricThreshold (mlflow.models.MetricThreshold) compiled into gates, one gate per
 * criterion, with the verdicts of mlflow/models/evaluation/validation.py `_validate`:
 *
 * - `threshold`:           candidate >= threshold            (<= when lower is better)
 * - `min_absolute_change`: candidate >= baseline + change    (candidate <= baseline - change)
 * - `min_relative_change`: (candidate - baseline) / baseline >= change
 *                          ((baseline - candidate) / baseline >= change)
 *
 * The relative gate keeps MLflow's formula rather than `candidate >= baseline * (1 + change)`,
 * because the two differ when the baseline is negative: MLflow divides by the signed baseline, so
 * for a negative baseline the candidate must move *down* by the fraction when greater is better
 * (baseline -10, change 0.1: candidate <= -11). A suite migrated from MLflow keeps its verdicts.
 * For a zero baseline MLflow falls back to "candidate better than baseline by 1e-10"; here the
 * division gives ±Infinity (or NaN for 0/0, which fails), the same verdict except for candidates
 * within 1e-10 of zero.
 *
 * Deviations, both at the edges: a comparison with NaN fails here, while MLflow lets a NaN relative
 * change pass (`nan < change` is False); and a candidate exactly at a computed bound passes here
 * (0.85 against 0.8 + 0.05, which rounds to 0.8500000000000001), where MLflow compares the
 * rounded floats and fails it.
 */



/**
 * A threshold as a suite file writes it (MLflow's constructor arguments, plus `significance`);
 * `greater_is_better` may be left to the metric's known direction.
 */
const metricThresholdSchema = schemas.strictObject({
    threshold: schemas.number().optional(),
    min_absolute_change: schemas.number().positive('must be a positive number (MLflow refuses 0 or less)').optional(),
    min_relative_change: schemas.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1').optional(),
    greater_is_better: schemas.boolean().optional(),
    /** Judge the change gates by the metric's confidence interval (evaluations with `repeat`). */
    significance: schemas.boolean().optional(),
})
    .refine((t) => t.threshold !== undefined || t.min_absolute_change !== undefined || t.min_relative_change !== undefined, {
    message: 'set at least one of threshold, min_absolute_change, min_relative_change',
});
const compiledSchema = metricThresholdSchema.and(schemas.object({ greater_is_better: schemas.boolean('greater_is_better must be true or false') }));
/** The gates MLflow would check for `metric` under threshold `t` (1 to 3 of them). Throws GateDefinitionError. */
function compileMetricThreshold(metric, t, scope) {
    const parsed = compiledSchema.safeParse(t);
    if (!parsed.success) {
        const problems = parsed.error.issues.map((i) => (i.path.length > 0 ? `${i.path.join('.')} ${i.message}` : i.message));
        throw new GateDefinitionError(metric, `${problems.join('; ')}.`);
    }
    const { threshold, min_absolute_change: absolute, min_relative_change: relative, greater_is_better: up, significance } = parsed.data;
    const ref = scope ? { name: metric, scope } : { name: metric };
    const current = { type: 'metric', ...ref };
    const baseline = { type: 'baseline', ...ref };
    const num = (value) => ({ type: 'number', value });
    const noise = significance ? { noise: 'ci' } : {};
    const conditions = [];
    if (threshold !== undefined)
        conditions.push({ type: 'compare', op: up ? '>=' : '<=', left: current, right: num(threshold) });
    if (absolute !== undefined) {
        conditions.push({ type: 'compare', op: up ? '>=' : '<=', left: current, right: { type: 'binary', op: up ? '+' : '-', left: baseline, right: num(absolute) }, ...noise });
    }
    if (relative !== undefined) {
        const change = up ? { type: 'binary', op: '-', left: current, right: baseline } : { type: 'binary', op: '-', left: baseline, right: current };
        conditions.push({ type: 'compare', op: '>=', left: { type: 'binary', op: '/', left: change, right: baseline }, right: num(relative), ...noise });
    }
    return conditions.map((condition) => ({ source: formatCondition(condition), condition }));
}

// EXTERNAL MODULE: ./build/src/report/gates/number.js
var number = __webpack_require__(33846);
;// CONCATENATED MODULE: ./build/src/report/gates/evaluator.js
/**
 * The one evaluator of gate trees, whatever they were compiled from. Values are carried as
 * intervals (a metric's confidence interval, or a point) so that `if significant` comparisons can
 * ask "could this hold anywhere in the interval?" through arithmetic such as
 * `(accuracy - baseline) / baseline`.
 *
 * A comparison involving NaN fails (and so does its negation): NaN never passes a gate.
 * Numbers within 1e-12 of each other (relative) compare equal, so the rounding of a computed bound
 * (0.5 * 1.1 is 0.55000000000000004) cannot decide a gate.
 */




const failOnSchema = schemas["enum"](['regression', 'threshold', 'never']);
/** Evaluates each gate against the context; never throws for missing or odd values. */
function evaluateGates(gates, ctx, options = {}) {
    return gates.map((gate) => evaluateGate(gate, ctx, options.missing ?? 'fail'));
}
/**
 * The verdict of a set of gate results under the Action's `fail-on`: `threshold` blocks on any
 * failed gate, `regression` only on failed gates that compare with the baseline, `never` on none.
 * `failed` lists the gates that block (formatGateTable shows all of them).
 */
function summarize(results, failOn) {
    const failed = failOn === 'never' ? [] : results.filter((r) => r.status === 'fail' && (failOn === 'threshold' || r.kind === 'regression'));
    return { passed: failed.length === 0, failed };
}
function evaluateGate(gate, ctx, missingMode) {
    const comparisons = [];
    const missing = [];
    const verdict = evaluateCondition(gate.condition, { ctx, missingMode, comparisons, missing });
    const status = toStatus(verdict.state);
    let single = gate.condition;
    while (single.type === 'not')
        single = single.condition;
    const only = single.type === 'compare' ? comparisons[0] : undefined;
    return {
        source: gate.source,
        kind: gateKind(gate),
        status,
        ...(only?.left !== undefined ? { left: only.left } : {}),
        ...(only?.right !== undefined ? { right: only.right } : {}),
        ...(only?.leftCi ? { leftCi: only.leftCi } : {}),
        ...(only?.rightCi ? { rightCi: only.rightCi } : {}),
        ...(status === 'pass' && verdict.notSignificant ? { notSignificant: true } : {}),
        ...(verdict.reason ? { reason: verdict.reason } : {}),
        comparisons,
        ...(missing.length > 0 ? { missing } : {}),
    };
}
const toStatus = (state) => (state === 'pass' ? 'pass' : state === 'skip' ? 'skipped' : 'fail');
function evaluateCondition(condition, run) {
    switch (condition.type) {
        case 'compare':
            return evaluateComparison(condition, run);
        case 'not': {
            const inner = evaluateCondition(condition.condition, run);
            if (inner.state === 'pass')
                return { state: 'fail', reason: `${formatCondition(condition.condition)} holds` };
            if (inner.state === 'fail')
                return { state: 'pass' };
            return inner;
        }
        case 'and':
        case 'or': {
            const children = condition.conditions.map((c) => ({ condition: c, verdict: evaluateCondition(c, run) }));
            const order = condition.type === 'and' ? ['error', 'fail', 'skip', 'pass'] : ['pass', 'error', 'skip', 'fail'];
            const state = order.find((s) => children.some((c) => c.verdict.state === s));
            const deciding = children.filter((c) => c.verdict.state === state);
            if (state === 'pass') {
                // An `or` is significant when any passing branch is; an `and` only when all are.
                const notSignificant = condition.type === 'and' ? deciding.some((c) => c.verdict.notSignificant) : deciding.every((c) => c.verdict.notSignificant);
                const reasons = deciding.filter((c) => c.verdict.notSignificant).map((c) => label(c.condition, c.verdict.reason));
                return notSignificant ? { state, notSignificant, reason: reasons.join('; ') } : { state };
            }
            return { state, reason: deciding.map((c) => label(c.condition, c.verdict.reason)).join('; ') };
        }
    }
}
/** A comparison's reason is shown with the comparison's text once it is one of several. */
const label = (condition, reason) => condition.type === 'compare' ? `${formatCondition(condition)}: ${reason ?? ''}` : (reason ?? formatCondition(condition));
function evaluateComparison(compare, run) {
    const missing = [];
    const left = evaluateOperand(compare.left, run.ctx, missing);
    const right = evaluateOperand(compare.right, run.ctx, missing);
    for (const m of missing)
        addMissing(run.missing, m);
    const result = { source: formatCondition(compare), status: 'skipped' };
    run.comparisons.push(result);
    const finish = (verdict) => {
        result.status = toStatus(verdict.state);
        if (verdict.notSignificant)
            result.notSignificant = true;
        if (verdict.reason)
            result.reason = verdict.reason;
        return verdict;
    };
    if (!left || !right) {
        const current = missing.filter((m) => m.side === 'current');
        const reasons = missing.map((m) => (m.side === 'current' ? `no value for metric ${formatMetricRef(m.name, m.scope)}` : `no baseline value for ${formatMetricRef(m.name, m.scope)}`));
        return finish({ state: current.length > 0 && run.missingMode === 'fail' ? 'error' : 'skip', reason: reasons.join('; ') });
    }
    result.left = left.value;
    result.right = right.value;
    if (left.low !== left.high && !intervalNaN(left))
        result.leftCi = { low: left.low, high: left.high };
    if (right.low !== right.high && !intervalNaN(right))
        result.rightCi = { low: right.low, high: right.high };
    for (const [span, operand] of [[left, compare.left], [right, compare.right]]) {
        if (Number.isNaN(span.value))
            return finish({ state: 'error', reason: `${formatOperand(operand)} is not a number (NaN)` });
    }
    if (holds(compare.op, left.value, right.value))
        return finish({ state: 'pass' });
    const ranged = result.leftCi !== undefined || result.rightCi !== undefined;
    if (compare.noise === 'ci' && ranged) {
        if (possible(compare.op, left, right)) {
            return finish({ state: 'pass', notSignificant: true, reason: `not significant: ${inequality(compare.op, left, right)} fails on the point estimates, but the interval ${describeSpans(left, right)} reaches the bound` });
        }
        return finish({ state: 'fail', reason: `significant: the whole interval ${describeSpans(left, right)} is on the failing side` });
    }
    return finish({ state: 'fail', reason: `${inequality(compare.op, left, right)} does not hold` });
}
const intervalNaN = (s) => Number.isNaN(s.low) || Number.isNaN(s.high);
function describeSpans(left, right) {
    const span = (s) => (s.low === s.high ? (0,number/* formatNumber */.Z)(s.value) : `[${(0,number/* formatNumber */.Z)(s.low)}, ${(0,number/* formatNumber */.Z)(s.high)}]`);
    return `${span(left)} vs ${span(right)}`;
}
function inequality(op, left, right) {
    const [l, r] = (0,number/* formatPair */.k)(left.value, right.value);
    return `${l} ${op} ${r}`;
}
function evaluateOperand(operand, ctx, missing) {
    switch (operand.type) {
        case 'number':
            return point(operand.value);
        case 'metric': {
            const v = ctx.current(operand.name, operand.scope);
            if (!v)
                return addMissing(missing, { side: 'current', name: operand.name, ...(operand.scope ? { scope: operand.scope } : {}) });
            const ci = v.ci && !Number.isNaN(v.ci.low) && !Number.isNaN(v.ci.high) ? v.ci : undefined;
            // An interval that leaves out its own point estimate is stretched to include it.
            return ci ? { value: v.value, low: Math.min(ci.low, v.value), high: Math.max(ci.high, v.value) } : point(v.value);
        }
        case 'baseline': {
            // The baseline is the reference point: its own interval is not used.
            const v = ctx.baseline(operand.name, operand.scope);
            return v ? point(v.value) : addMissing(missing, { side: 'baseline', name: operand.name, ...(operand.scope ? { scope: operand.scope } : {}) });
        }
        case 'neg': {
            const s = evaluateOperand(operand.operand, ctx, missing);
            return s && { value: -s.value, low: -s.high, high: -s.low };
        }
        case 'binary': {
            const a = evaluateOperand(operand.left, ctx, missing);
            const b = evaluateOperand(operand.right, ctx, missing);
            return a && b && arithmetic(operand.op, a, b);
        }
    }
}
function addMissing(list, m) {
    if (!list.some((o) => o.side === m.side && o.name === m.name && sameScope(o.scope, m.scope)))
        list.push(m);
    return undefined;
}
const point = (value) => ({ value, low: value, high: value });
/** Interval arithmetic: the range of `a op b` over every value of both intervals. */
function arithmetic(op, a, b) {
    switch (op) {
        case '+':
            return { value: a.value + b.value, low: a.low + b.low, high: a.high + b.high };
        case '-':
            return { value: a.value - b.value, low: a.low - b.high, high: a.high - b.low };
        case '*':
            return extremes(a.value * b.value, [a.low * b.low, a.low * b.high, a.high * b.low, a.high * b.high]);
        case '/':
            if (b.low < 0 && b.high > 0)
                return { value: a.value / b.value, low: -Infinity, high: Infinity };
            return extremes(a.value / b.value, [a.low / b.low, a.low / b.high, a.high / b.low, a.high / b.high]);
    }
}
function extremes(value, corners) {
    if (corners.some(Number.isNaN))
        return { value, low: NaN, high: NaN };
    return { value, low: Math.min(...corners), high: Math.max(...corners) };
}
const TOLERANCE = 1e-12;
function evaluator_close(a, b) {
    return a === b || (Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) <= TOLERANCE * Math.max(Math.abs(a), Math.abs(b)));
}
function holds(op, a, b) {
    if (Number.isNaN(a) || Number.isNaN(b))
        return false;
    switch (op) {
        case '>=':
            return a > b || evaluator_close(a, b);
        case '>':
            return a > b && !evaluator_close(a, b);
        case '<=':
            return a < b || evaluator_close(a, b);
        case '<':
            return a < b && !evaluator_close(a, b);
        case '==':
            return evaluator_close(a, b);
        case '!=':
            return !evaluator_close(a, b);
    }
}
/** Whether `op` holds for some pair of values from the two intervals. */
function possible(op, l, r) {
    switch (op) {
        case '>=':
        case '>':
            return holds(op, l.high, r.low);
        case '<=':
        case '<':
            return holds(op, l.low, r.high);
        case '==':
            return holds('<=', l.low, r.high) && holds('>=', l.high, r.low);
        case '!=':
            return !(evaluator_close(l.low, l.high) && evaluator_close(r.low, r.high) && evaluator_close(l.low, r.low));
    }
}

// EXTERNAL MODULE: ./build/src/report/text-table.js
var text_table = __webpack_require__(27376);
;// CONCATENATED MODULE: ./build/src/report/gates/format.js


const ORDER = { fail: 0, skipped: 1, pass: 2 };
const LABEL = { fail: 'FAIL', skipped: 'skipped', pass: 'pass' };
function formatGateTable(results) {
    if (results.length === 0)
        return '(no gates)\n';
    const sorted = [...results].sort((a, b) => ORDER[a.status] - ORDER[b.status]);
    const rows = sorted.map((r) => {
        const [left, right] = (0,number/* formatPair */.k)(r.left, r.right);
        return [
            r.status === 'pass' && r.notSignificant ? 'pass*' : LABEL[r.status],
            r.kind,
            r.source,
            withInterval(left, r.leftCi),
            withInterval(right, r.rightCi),
            r.reason ?? '',
        ];
    });
    let out = (0,text_table/* textTable */.e)(['result', 'kind', 'gate', 'value', 'bound', 'note'], rows);
    if (sorted.some((r) => r.notSignificant))
        out += '* passed although the point estimate misses the bound: the confidence interval reaches it (not significant)\n';
    return out;
}
const withInterval = (text, ci) => (ci ? `${text} [${(0,number/* formatNumber */.Z)(ci.low)}, ${(0,number/* formatNumber */.Z)(ci.high)}]` : text);

// EXTERNAL MODULE: ./build/src/mlflow/limits.js
var limits = __webpack_require__(45167);
;// CONCATENATED MODULE: ./build/src/report/gates/record.js
/**
 * Gate results as a run keeps them: the `mlflow_ts.gates` tag, JSON of each gate's text, status,
 * numbers and kind, cut to MLflow's tag-value limit. Written by evaluations and by the Action, read
 * back by the Action when it judges a job from runs it did not evaluate itself.
 */


const recordedGatesSchema = schemas.array(schemas.object({
    gate: schemas.string(),
    status: schemas["enum"](['pass', 'fail', 'skipped']),
    left: schemas.number().nullish(),
    right: schemas.number().nullish(),
    kind: schemas["enum"](['threshold', 'regression']).optional(),
}));
const TRUNCATED = '…(truncated)';
/** The tag value; a value cut at the limit no longer parses, which readers report. */
function recordedGatesTag(results) {
    const json = JSON.stringify(results.map((r) => ({ gate: r.source, status: r.status, left: r.left, right: r.right, kind: r.kind })));
    const max = limits/* MLFLOW_LIMITS */.rh.maxRunTagValueLength;
    return json.length <= max ? json : `${json.slice(0, max - 20)}${TRUNCATED}`;
}

;// CONCATENATED MODULE: ./build/src/report/gates/index.js
/**
 * Gates: pass/fail criteria on metrics. Evaluation thresholds (MLflow's MetricThreshold) and the
 * Action's threshold grammar both compile into one gate tree, judged by one evaluator. The grammar
 * is described in README.md next to this file.
 */










/***/ }),

/***/ 33846:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ formatNumber),
/* harmony export */   k: () => (/* binding */ formatPair)
/* harmony export */ });
/** Numbers as gate messages and tables show them: integers whole, others to `digits` significant digits. */
function formatNumber(n, digits = 6) {
    // null is what JSON makes of NaN and ±Infinity, for a result read back from a stored report.
    if (n === null)
        return 'n/a';
    if (n === undefined)
        return '';
    if (!Number.isFinite(n) || Number.isInteger(n))
        return String(n);
    return String(Number(n.toPrecision(digits)));
}
/** Two numbers printed with enough digits to tell them apart (0.55 vs 0.55000000000000004). */
function formatPair(a, b) {
    for (let digits = 6; digits < 17; digits++) {
        const pair = [formatNumber(a, digits), formatNumber(b, digits)];
        if (pair[0] !== pair[1] || a === b)
            return pair;
    }
    return [formatNumber(a, 17), formatNumber(b, 17)];
}


/***/ }),

/***/ 27376:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ textTable)
/* harmony export */ });
/** Plain-text tables for terminals and CI logs: columns padded to their widest cell. */
function textTable(headers, rows, indent = '') {
    const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    const line = (cells) => indent + cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
    return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}


/***/ })

};
