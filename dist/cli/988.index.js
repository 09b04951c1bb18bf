export const id = 988;
export const ids = [988];
export const modules = {

/***/ 28988:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  compareFiles: () => (/* reexport */ compareFiles)
});

// UNUSED EXPORTS: COMPARISON_SCHEMA, COMPARISON_VERSION, ComparisonFormatError, DEFAULT_MAX_CHARS, ENTRY_POINT_TAG, GITHUB_COMMENT_LIMIT, MAX_CHARTS_PER_RUN, MAX_CHART_POINTS, MIN_MAX_CHARS, compareBundles, compareFormatSchema, comparisonSchema, defaultDirection, directionOf, directionSchema, gateResultSchema, htmlText, matchRuns, mdText, parseComparison, renderJson, renderMarkdown, renderTable, safeUrl

// EXTERNAL MODULE: ./build/src/report/gates/index.js + 9 modules
var gates = __webpack_require__(15991);
;// CONCATENATED MODULE: ./build/src/report/compare/escape.js
/**
 * Untrusted text made harmless for where a report puts it. Run, metric and param names, values,
 * digests and table cells all come from bundles, which anyone who can open a pull request can
 * shape; in a PR comment they must not open HTML (or an HTML comment, which could forge the sticky
 * comment's marker), break a table, ping people with @-mentions, or turn into links and images.
 */
const LINE_BREAKS = /[\r\n\u2028\u2029]+/g;
/** C0 and C1 controls (ANSI escape sequences start with one). */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
/** An @ that GitHub would read as a mention gets a zero-width space after it. */
const MENTION = /@(?=[\p{L}\p{N}_-])/gu;
const ZERO_WIDTH_SPACE = '&#8203;';
const HTML_ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
/**
 * Markdown syntax characters a name could use to start emphasis, code, links, images, math,
 * strikethrough or a table cell; `#` and list markers only matter at a line start, where untrusted
 * text never is.
 */
const MARKDOWN_PUNCTUATION = /[\\`*_[\]|~$!]/g;
/**
 * Text for Markdown prose or a table cell: on one line, HTML characters as entities, Markdown
 * punctuation backslash-escaped (including `|`, so a cell cannot end early), mentions broken up,
 * and URL-looking text kept from becoming a link.
 */
function mdText(text) {
    return text
        .replace(LINE_BREAKS, ' ')
        .replace(CONTROLS, '\uFFFD')
        .replace(/[&<>]/g, (c) => HTML_ENTITIES[c])
        .replace(MARKDOWN_PUNCTUATION, '\\$&')
        .replace(/:\/\//g, '\\://')
        .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\\.`)
        .replace(MENTION, `@${ZERO_WIDTH_SPACE}`);
}
/** Text for raw HTML (a `<summary>`), where Markdown is not parsed but entities and mentions are. */
function htmlText(text) {
    return text
        .replace(LINE_BREAKS, ' ')
        .replace(CONTROLS, '\uFFFD')
        .replace(/[&<>"]/g, (c) => HTML_ENTITIES[c])
        .replace(MENTION, `@${ZERO_WIDTH_SPACE}`);
}
/** Text for a Mermaid string: letters, digits and a few plain punctuation marks, at most `max` characters. */
function mermaidText(text, max = 80) {
    const kept = [...text.replace(/[^\p{L}\p{N} _\-./:()+,=]/gu, '_').replace(/\s+/g, ' ').trim()];
    return kept.length > max ? `${kept.slice(0, max - 1).join('')}…` : kept.join('');
}
/** Text for a terminal: control characters (which could carry escape sequences) shown as U+FFFD, on one line. */
function plainText(text) {
    return text.replace(LINE_BREAKS, ' ').replace(CONTROLS, '\uFFFD');
}
/** A caller-given hidden marker: exactly one HTML comment, which the report puts first. */
function checkMarker(marker) {
    if (!/^<!--(?:(?!--)[^])*-->$/.test(marker) || marker.includes('\n')) {
        throw new TypeError(`The report marker must be one single-line HTML comment such as "<!-- mlflow-ts-action:ci/test -->", got ${JSON.stringify(marker)}.`);
    }
    return marker;
}
/**
 * A link target, if it is an http(s) URL: without credentials, and with `|` encoded so that it
 * cannot end a table cell (URL parsing already encodes `<`, `>` and spaces).
 */
function safeUrl(url) {
    if (url === undefined || !URL.canParse(url))
        return undefined;
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
        return undefined;
    parsed.username = '';
    parsed.password = '';
    return parsed.href.replaceAll('|', '%7C');
}

// EXTERNAL MODULE: ./build/src/report/bundle/index.js + 8 modules
var bundle = __webpack_require__(22950);
// EXTERNAL MODULE: ./build/src/evaluate/tags.js
var tags = __webpack_require__(57152);
// EXTERNAL MODULE: ./build/src/evaluate/table.js
var table = __webpack_require__(69601);
;// CONCATENATED MODULE: ./build/src/report/compare/eval.js
/**
 * Evaluation tables compared row by row. Rows are matched by the table's `row` column (the
 * dataset row index), so reordering or parallelism does not matter; with `repeat: N` each row
 * has N verdicts per scorer, and the row passes when more of them are passes than fails (a tie is
 * not a pass majority, so it counts as a fail). A row with no verdict on a side (every repeat
 * errored) is left out of the comparison.
 */



/** Inputs and outputs are cut to this many characters in the comparison. */
const MAX_CELL_CHARS = 200;
/** Columns the evaluation writes for itself; every other non-scorer column is a dataset input. */
const OWN_COLUMNS = new Set(table/* OWN_COLUMNS */.t9);
const SCORER_FIELD = /^(.+)\/(score|passed|rationale|error)$/;
function cellText(v) {
    const text = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
    return text.length > MAX_CELL_CHARS ? `${text.slice(0, MAX_CELL_CHARS - 1)}…` : text;
}
/** Per-row verdict counts of one scorer, keyed by the `row` value. */
function rowsOf(section, scorer) {
    const { columns, data } = section.table;
    const at = (name) => columns.indexOf(name);
    const rowAt = at('row');
    const passedAt = at(`${scorer}/passed`);
    const errorAt = at(`${scorer}/error`);
    const expectedAt = at('expected');
    const outputAt = at('output');
    const inputColumns = columns.flatMap((c, i) => (!OWN_COLUMNS.has(c) && !SCORER_FIELD.test(c) ? [[c, i]] : []));
    const rows = new Map();
    if (rowAt < 0 || passedAt < 0)
        return rows;
    data.forEach((cells, index) => {
        const key = cells[rowAt] === null || cells[rowAt] === undefined ? String(index) : cellText(cells[rowAt]);
        let row = rows.get(key);
        if (!row) {
            row = { inputs: Object.fromEntries(inputColumns.map(([c, i]) => [c, cellText(cells[i])])), passed: 0, failed: 0 };
            if (expectedAt >= 0 && cells[expectedAt] !== null && cells[expectedAt] !== undefined)
                row.expected = cellText(cells[expectedAt]);
            rows.set(key, row);
        }
        // The first output of a row stands for it; repeats of an LLM rarely differ in what matters here.
        if (row.output === undefined && outputAt >= 0 && cells[outputAt] !== null && cells[outputAt] !== undefined)
            row.output = cellText(cells[outputAt]);
        const error = errorAt >= 0 ? cells[errorAt] : undefined;
        if (error !== null && error !== undefined && error !== '')
            return;
        const v = (0,bundle/* verdict */.WJ)(cells[passedAt]);
        if (v === true)
            row.passed++;
        else if (v === false)
            row.failed++;
    });
    return rows;
}
const passes = (r) => (r.passed + r.failed === 0 ? undefined : r.passed > r.failed);
/** Numeric row keys in number order, others after them in text order. */
function byRowKey(a, b) {
    const x = Number(a.row);
    const y = Number(b.row);
    if (Number.isFinite(x) && Number.isFinite(y))
        return x - y;
    if (Number.isFinite(x) !== Number.isFinite(y))
        return Number.isFinite(x) ? -1 : 1;
    return a.row < b.row ? -1 : a.row > b.row ? 1 : 0;
}
function compareScorer(name, baseline, current) {
    const out = { name, compared: 0, passToFail: [], failToPass: [] };
    const b = baseline?.summary.scorers[name];
    const c = current?.summary.scorers[name];
    if (b)
        out.baseline = b;
    if (c)
        out.current = c;
    if (!baseline || !current)
        return out;
    const before = rowsOf(baseline, name);
    const after = rowsOf(current, name);
    for (const [key, now] of after) {
        const then = before.get(key);
        const was = then && passes(then);
        const is = passes(now);
        if (was === undefined || is === undefined)
            continue;
        out.compared++;
        if (was === is)
            continue;
        const flipped = {
            row: key,
            inputs: now.inputs,
            ...(now.expected !== undefined ? { expected: now.expected } : {}),
            ...(then.output !== undefined ? { baselineOutput: then.output } : {}),
            ...(now.output !== undefined ? { currentOutput: now.output } : {}),
            baseline: { passed: then.passed, failed: then.failed },
            current: { passed: now.passed, failed: now.failed },
        };
        (was ? out.passToFail : out.failToPass).push(flipped);
    }
    out.passToFail.sort(byRowKey);
    out.failToPass.sort(byRowKey);
    return out;
}
/**
 * The dataset an evaluation run scored: the evaluation's digest tag, else the digests of the
 * run's dataset inputs logged in the evaluation context.
 */
function datasetDigest(run) {
    if (!run)
        return undefined;
    const tagged = run.tags[tags/* EvalTag */.J.DATASET_DIGEST];
    if (tagged)
        return tagged;
    const digests = run.inputs.filter((i) => i.tags['mlflow.data.context'] === 'evaluation').map((i) => i.dataset.digest);
    return digests.length > 0 ? [...new Set(digests)].sort().join(',') : undefined;
}
/** The eval section of a matched, new or missing run; undefined when neither side has an eval table. */
function compareEval(baseline, current) {
    const b = baseline?.eval;
    const c = current?.eval;
    if (!b && !c)
        return undefined;
    const baselineDigest = datasetDigest(baseline);
    const currentDigest = datasetDigest(current);
    const names = [...new Set([...Object.keys(b?.summary.scorers ?? {}), ...Object.keys(c?.summary.scorers ?? {})])].sort();
    return {
        ...(baselineDigest !== undefined ? { baselineDigest } : {}),
        ...(currentDigest !== undefined ? { currentDigest } : {}),
        digestChanged: baseline !== undefined && current !== undefined && baselineDigest !== undefined && currentDigest !== undefined && baselineDigest !== currentDigest,
        rows: { ...(b ? { baseline: b.total_rows } : {}), ...(c ? { current: c.total_rows } : {}) },
        truncated: (b !== undefined && b.table.data.length < b.total_rows) || (c !== undefined && c.table.data.length < c.total_rows),
        scorers: names.map((name) => compareScorer(name, b, c)),
    };
}

;// CONCATENATED MODULE: ./build/src/report/compare/match.js

const ENTRY_POINT_TAG = 'mlflow.project.entryPoint';
function keyOf(run, kind) {
    switch (kind) {
        case 'entry_point': {
            const ep = run.tags[ENTRY_POINT_TAG];
            return ep ? JSON.stringify([ep, run.tags[tags/* EvalTag */.J.TARGET] ?? null]) : undefined;
        }
        case 'eval_target':
            return run.tags[tags/* EvalTag */.J.TARGET] || undefined;
        case 'run_name':
            return run.run_name;
    }
}
/** What a run is known by in a report: its most specific key. */
function identity(run) {
    const ep = run.tags[ENTRY_POINT_TAG];
    if (ep)
        return { kind: 'entry_point', value: ep };
    const target = run.tags[tags/* EvalTag */.J.TARGET];
    if (target)
        return { kind: 'eval_target', value: target };
    return { kind: 'run_name', value: run.run_name };
}
const PASSES = ['entry_point', 'eval_target', 'run_name'];
const byStart = (a, b) => a.start_time - b.start_time || (a.run_id < b.run_id ? -1 : a.run_id > b.run_id ? 1 : 0);
/** Matched pairs in the current bundle's order, then new runs, then missing runs (each in bundle order). */
function matchRuns(baseline, current) {
    const pairOf = new Map();
    const taken = new Set();
    for (const kind of PASSES) {
        const waiting = new Map();
        for (const run of [...baseline].sort(byStart)) {
            const key = taken.has(run) ? undefined : keyOf(run, kind);
            if (key === undefined)
                continue;
            const list = waiting.get(key);
            if (list)
                list.push(run);
            else
                waiting.set(key, [run]);
        }
        for (const run of [...current].sort(byStart)) {
            if (pairOf.has(run))
                continue;
            const key = keyOf(run, kind);
            const partner = key === undefined ? undefined : waiting.get(key)?.shift();
            if (!partner)
                continue;
            pairOf.set(run, { kind, baseline: partner });
            taken.add(partner);
        }
    }
    const matches = [];
    for (const run of current) {
        const pair = pairOf.get(run);
        if (pair) {
            const value = pair.kind === 'entry_point' ? identity(run).value : keyOf(run, pair.kind);
            matches.push({ kind: pair.kind, value, baseline: pair.baseline, current: run });
        }
    }
    for (const run of current)
        if (!pairOf.has(run))
            matches.push({ ...identity(run), current: run });
    for (const run of baseline)
        if (!taken.has(run))
            matches.push({ ...identity(run), baseline: run });
    return matches;
}

// EXTERNAL MODULE: ./build/src/evaluate/aggregate.js
var aggregate = __webpack_require__(11506);
;// CONCATENATED MODULE: ./build/src/report/compare/direction.js
const LOWER_IS_BETTER = new Set(['loss', 'error', 'errors', 'latency', 'rmse', 'mae', 'mse', 'cost', 'tokens', 'duration', 'flaky', 'excluded']);
function words(name) {
    return name
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter((w) => w !== '');
}
/** The default direction for a metric name (see the module comment). */
function defaultDirection(name) {
    return words(name).some((w) => LOWER_IS_BETTER.has(w) || w.endsWith('loss')) ? 'lower' : 'higher';
}
function directionOf(name, configured) {
    return (configured && Object.hasOwn(configured, name) ? configured[name] : undefined) ?? defaultDirection(name);
}

;// CONCATENATED MODULE: ./build/src/report/compare/metrics.js


/** Points per series in a chart: enough to show a curve, few enough to keep a comment small. */
const MAX_CHART_POINTS = 40;
/** MLflow's order for "latest": step, then timestamp, then value. */
function isLater(a, b) {
    if (a.step !== b.step)
        return a.step > b.step;
    if (a.timestamp !== b.timestamp)
        return a.timestamp > b.timestamp;
    return a.value > b.value;
}
function latest(history) {
    let best;
    for (const p of history)
        if (!best || isLater(p, best))
            best = p;
    return best?.value;
}
/** A run's metrics as their latest values, with intervals re-attached. */
function runMetricStats(run) {
    if (!run)
        return {};
    const logged = {};
    for (const [name, history] of Object.entries(run.metrics)) {
        const value = latest(history);
        if (value !== undefined)
            logged[name] = value;
    }
    return (0,aggregate/* metricStatsFrom */.qW)(logged);
}
const TOLERANCE = 1e-12;
/** Equal within rounding: the same tolerance the gates use, so a report and a gate agree on "unchanged". */
function same(a, b) {
    return a === b || (Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) <= TOLERANCE * Math.max(Math.abs(a), Math.abs(b)));
}
function significance(baseline, current) {
    if (!baseline.ci && !current.ci)
        return undefined;
    const b = baseline.ci ?? { low: baseline.value, high: baseline.value };
    const c = current.ci ?? { low: current.value, high: current.value };
    if ([b.low, b.high, c.low, c.high].some(Number.isNaN))
        return false;
    return c.low > b.high || c.high < b.low;
}
/** One metric compared; either side may be absent. */
function metricDelta(name, direction, baseline, current) {
    const out = { name, direction, delta: null, relative: null, change: 'unchanged' };
    if (baseline) {
        out.baseline = baseline.value;
        if (baseline.ci)
            out.baselineCi = baseline.ci;
    }
    if (current) {
        out.current = current.value;
        if (current.ci)
            out.currentCi = current.ci;
    }
    if (!baseline || !current) {
        out.change = baseline ? 'removed' : 'added';
        return out;
    }
    const b = baseline.value;
    const c = current.value;
    if (Number.isNaN(b) || Number.isNaN(c)) {
        out.change = Number.isNaN(b) && Number.isNaN(c) ? 'unchanged' : 'incomparable';
        return out;
    }
    const delta = c - b;
    out.delta = Number.isNaN(delta) ? null : delta;
    out.relative = out.delta !== null && b !== 0 && Number.isFinite(b) ? out.delta / Math.abs(b) : null;
    if (same(b, c)) {
        out.change = 'unchanged';
        if (out.delta !== null)
            out.delta = 0;
        if (out.relative !== null)
            out.relative = 0;
    }
    else {
        out.change = (c > b) === (direction === 'higher') ? 'better' : 'worse';
    }
    const significant = significance(baseline, current);
    if (significant !== undefined)
        out.significant = out.change === 'unchanged' ? false : significant;
    return out;
}
/** Every metric of either run, in name order. */
function compareMetrics(baseline, current, directions) {
    const b = runMetricStats(baseline);
    const c = runMetricStats(current);
    const names = [...new Set([...Object.keys(b), ...Object.keys(c)])].sort();
    return names.map((name) => metricDelta(name, directionOf(name, directions), b[name], c[name]));
}
/** How much a metric's change matters, for choosing what to show first when space is short. */
function tier(m) {
    const noted = m.significant !== false;
    switch (m.change) {
        case 'worse':
            return noted ? 6 : 3;
        case 'incomparable':
        case 'removed':
            return 5;
        case 'better':
            return noted ? 4 : 2;
        case 'added':
            return 1;
        case 'unchanged':
            return 0;
    }
}
const size = (m) => Math.abs(m.relative ?? 0);
/** Metrics ordered by how much they matter (worse before better, bigger changes first); names break ties. */
function bySalience(metrics) {
    return [...metrics].sort((a, b) => tier(b) - tier(a) || size(b) - size(a) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
/** One value per step (MLflow's latest at that step), finite values only, in step order. */
function series(history) {
    if (!history)
        return [];
    const atStep = new Map();
    for (const p of history) {
        const seen = atStep.get(p.step);
        if (!seen || isLater(p, seen))
            atStep.set(p.step, p);
    }
    return [...atStep.values()].filter((p) => Number.isFinite(p.value)).sort((a, b) => a.step - b.step);
}
/** The value of a series at `step`: linear between its points, held at the end values outside them. */
function valueAt(points, step) {
    const first = points[0];
    const last = points[points.length - 1];
    if (step <= first.step)
        return first.value;
    if (step >= last.step)
        return last.value;
    let lo = 0;
    let hi = points.length - 1;
    while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (points[mid].step <= step)
            lo = mid;
        else
            hi = mid;
    }
    const a = points[lo];
    const b = points[hi];
    return a.step === step ? a.value : a.value + ((b.value - a.value) * (step - a.step)) / (b.step - a.step);
}
/** At most `max` steps, evenly spread over the sorted `steps`, first and last always kept. */
function spread(steps, max) {
    if (steps.length <= max)
        return [...steps];
    return Array.from({ length: max }, (_, i) => steps[Math.round((i * (steps.length - 1)) / (max - 1))]);
}
/**
 * A chart of a metric's baseline and current histories on one step grid (the union of both
 * sides' steps, downsampled to MAX_CHART_POINTS); undefined when neither side has more than one
 * finite point.
 */
function chartOf(name, baseline, current) {
    const b = series(baseline);
    const c = series(current);
    if (b.length < 2 && c.length < 2)
        return undefined;
    const steps = spread([...new Set([...b, ...c].map((p) => p.step))].sort((x, y) => x - y), MAX_CHART_POINTS);
    const chart = { metric: name, steps, points: { baseline: b.length, current: c.length }, range: {} };
    if (b.length > 0) {
        chart.baseline = steps.map((s) => valueAt(b, s));
        chart.range.baseline = [b[0].step, b[b.length - 1].step];
    }
    if (c.length > 0) {
        chart.current = steps.map((s) => valueAt(c, s));
        chart.range.current = [c[0].step, c[c.length - 1].step];
    }
    return chart;
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js
var schemas = __webpack_require__(55156);
// EXTERNAL MODULE: ./build/src/report/bundle/schema.js
var schema = __webpack_require__(59450);
;// CONCATENATED MODULE: ./build/src/report/compare/schema.js
/**
 * The comparison of two run bundles as plain data: what `compareBundles` produces and every
 * renderer (Markdown, JSON, terminal table) reads. It is a wire format too: the fork-safe
 * `mode: comment` path reads a comparison written by another job, so it is parsed with these
 * schemas and treated as untrusted (the renderers escape every name and value in it).
 *
 * Numbers may be NaN or ±Infinity (metric histories hold them); on the wire they are spelled as
 * MLflow's JSON and the bundle spell them ("NaN", "Infinity", "-Infinity").
 */



const COMPARISON_SCHEMA = 'mlflow-ts-comparison';
const COMPARISON_VERSION = 1;
/** Any number, NaN and ±Infinity included: the bundle's metric value. */
const num = schema/* metricPointSchema */.gE.shape.value;
const directionSchema = schemas["enum"](['higher', 'lower']);
const intervalSchema = schemas.object({ low: num, high: num });
/**
 * How a value moved, judged by its direction. `added`: only the current run has it; `removed`:
 * only the baseline; `incomparable`: a side is NaN, so no direction can be told.
 */
const changeSchema = schemas["enum"](['better', 'worse', 'unchanged', 'added', 'removed', 'incomparable']);
const metricDeltaSchema = schemas.object({
    name: schemas.string(),
    direction: directionSchema,
    baseline: num.optional(),
    current: num.optional(),
    baselineCi: intervalSchema.optional(),
    currentCi: intervalSchema.optional(),
    /** current − baseline; null when a side is missing or the difference is not a number. */
    delta: num.nullable(),
    /** delta / |baseline|; null when the baseline is 0 or not finite. */
    relative: num.nullable(),
    change: changeSchema,
    /**
     * Present when either side has a confidence interval: whether the two intervals (a side without
     * one counts as a point) are disjoint. Overlapping intervals are "not significant".
     */
    significant: schemas.boolean().optional(),
});
const paramChangeSchema = schemas.object({
    name: schemas.string(),
    change: schemas["enum"](['added', 'removed', 'changed']),
    baseline: schemas.string().optional(),
    current: schemas.string().optional(),
});
/** A metric's baseline and current histories resampled onto one step grid, ready for a line chart. */
const chartSchema = schemas.object({
    metric: schemas.string(),
    steps: schemas.array(schemas.number()),
    baseline: schemas.array(num).optional(),
    current: schemas.array(num).optional(),
    /** Logged points before resampling (each side), to tell the reader when a chart is a summary. */
    points: schemas.object({ baseline: schemas.number().int(), current: schemas.number().int() }),
    /** Steps each side actually covers; outside them a line is held at its end value. */
    range: schemas.object({ baseline: schemas.tuple([schemas.number(), schemas.number()]).optional(), current: schemas.tuple([schemas.number(), schemas.number()]).optional() }),
});
/** Pass and fail verdicts of one dataset row over its repeats. */
const rowVerdictsSchema = schemas.object({ passed: schemas.number().int(), failed: schemas.number().int() });
const flippedRowSchema = schemas.object({
    /** The table's `row` value. */
    row: schemas.string(),
    /** The row's dataset inputs, each cut to a readable length. */
    inputs: schemas.record(schemas.string(), schemas.string()),
    expected: schemas.string().optional(),
    baselineOutput: schemas.string().optional(),
    currentOutput: schemas.string().optional(),
    baseline: rowVerdictsSchema,
    current: rowVerdictsSchema,
});
const scorerComparisonSchema = schemas.object({
    name: schemas.string(),
    baseline: schema/* scorerSummarySchema */.AZ.optional(),
    current: schema/* scorerSummarySchema */.AZ.optional(),
    /** Rows with a verdict on both sides (compared by `row`). */
    compared: schemas.number().int(),
    passToFail: schemas.array(flippedRowSchema),
    failToPass: schemas.array(flippedRowSchema),
});
const evalComparisonSchema = schemas.object({
    baselineDigest: schemas.string().optional(),
    currentDigest: schemas.string().optional(),
    /** Both digests known and different: the two runs scored different data. */
    digestChanged: schemas.boolean(),
    rows: schemas.object({ baseline: schemas.number().int().optional(), current: schemas.number().int().optional() }),
    /** A bundle kept only the first rows of a table, so rows beyond them were not compared. */
    truncated: schemas.boolean(),
    scorers: schemas.array(scorerComparisonSchema),
});
const spanComparisonSchema = schemas.object({
    name: schemas.string(),
    baselineCount: schemas.number().int().optional(),
    currentCount: schemas.number().int().optional(),
    p50: metricDeltaSchema,
    p95: metricDeltaSchema,
});
const tracesComparisonSchema = schemas.object({
    count: schemas.object({ baseline: schemas.number().int().optional(), current: schemas.number().int().optional() }),
    /** Trace latency p50/p95, token totals, LLM cost, gateway cache hit rate. */
    figures: schemas.array(metricDeltaSchema),
    spans: schemas.array(spanComparisonSchema),
});
const matchKindSchema = schemas["enum"](['entry_point', 'eval_target', 'run_name']);
const runRefSchema = schemas.object({
    run_id: schemas.string(),
    run_name: schemas.string(),
    status: schemas.string(),
    url: schemas.string().optional(),
});
const runComparisonSchema = schemas.object({
    /** `matched`: both sides; `new`: only the current bundle has the run; `missing`: only the baseline. */
    status: schemas["enum"](['matched', 'new', 'missing']),
    /** What identifies the run across bundles (for a match, what it was matched by). */
    key: schemas.object({ kind: matchKindSchema, value: schemas.string() }),
    baseline: runRefSchema.optional(),
    current: runRefSchema.optional(),
    metrics: schemas.array(metricDeltaSchema),
    params: schemas.array(paramChangeSchema),
    unchangedParams: schemas.number().int(),
    eval: evalComparisonSchema.optional(),
    charts: schemas.array(chartSchema),
    /** Metrics with a history that were not charted (charts are capped per run). */
    unchartedHistories: schemas.number().int(),
    traces: tracesComparisonSchema.optional(),
    /** The current run's artifacts (the baseline's for a missing run). */
    artifacts: schemas.array(schema/* artifactEntrySchema */.YC),
});
const comparisonResultShape = {
    source: schemas.string(),
    status: schemas["enum"](['pass', 'fail', 'skipped']),
    left: num.optional(),
    right: num.optional(),
    leftCi: intervalSchema.optional(),
    rightCi: intervalSchema.optional(),
    notSignificant: schemas.literal(true).optional(),
    reason: schemas.string().optional(),
};
/** The gate module's GateResult, as read back from JSON. */
const gateResultSchema = schemas.object({
    ...comparisonResultShape,
    kind: schemas["enum"](['threshold', 'regression']),
    comparisons: schemas.array(schemas.object(comparisonResultShape)),
    missing: schemas.array(schemas.object({ side: schemas["enum"](['current', 'baseline']), name: schemas.string(), scope: gates/* runScopeSchema */.Zu.optional() })).optional(),
});
// Keeps the schema in step with the gate module's type: a drift fails the typecheck here.
const _gateResultMatches = (/* unused pure expression or super */ null && (gateResultSchema));
const warningSchema = schemas.object({
    kind: schemas["enum"](['baseline_missing', 'dataset_digest', 'bundle']),
    message: schemas.string(),
    /** The run (its key value) the warning is about. */
    run: schemas.string().optional(),
});
const bundleInfoSchema = schemas.object({ created_at: schemas.string(), source: schema/* bundleSourceSchema */.fU, runs: schemas.number().int() });
const comparisonSchema = schemas.object({
    schema: schemas.literal(COMPARISON_SCHEMA),
    version: schemas.literal(COMPARISON_VERSION),
    baseline: bundleInfoSchema.optional(),
    current: bundleInfoSchema,
    runs: schemas.array(runComparisonSchema),
    summary: schemas.object({
        matched: schemas.number().int(),
        new: schemas.number().int(),
        missing: schemas.number().int(),
        /** Metrics of matched runs that got worse, not counting changes marked not significant. */
        regressions: schemas.number().int(),
        improvements: schemas.number().int(),
        /** Better or worse on the point values, but within the confidence intervals. */
        notSignificant: schemas.number().int(),
    }),
    gates: schemas.object({
        /** No gate failed that blocks under `failOn`. */
        passed: schemas.boolean(),
        failOn: schemas["enum"](['regression', 'threshold', 'never']),
        results: schemas.array(gateResultSchema),
    })
        .optional(),
    warnings: schemas.array(warningSchema),
    links: schemas.object({ job: schemas.string().optional(), reportArtifact: schemas.string().optional() }),
});
/** A comparison read back from JSON (e.g. a report another job uploaded); throws a ComparisonFormatError naming what is wrong. */
function parseComparison(value, source) {
    const parsed = comparisonSchema.safeParse(value);
    if (!parsed.success) {
        throw new ComparisonFormatError(`${source ? `${source}: ` : ''}not an mlflow-ts comparison (version ${COMPARISON_VERSION}):\n${z.prettifyError(parsed.error)}\n` +
            'A comparison is the JSON `mlflow-ts compare --format json` writes; produce it with the same mlflow-ts release.');
    }
    return parsed.data;
}
class ComparisonFormatError extends (/* unused pure expression or super */ null && (Error)) {
    name = 'ComparisonFormatError';
}

;// CONCATENATED MODULE: ./build/src/report/compare/traces.js


function figures(t) {
    const looked = t.cache_hits + t.cache_misses;
    return {
        'latency_ms/p50': t.latency_ms.p50 ?? undefined,
        'latency_ms/p95': t.latency_ms.p95 ?? undefined,
        'tokens/input': t.tokens.input,
        'tokens/output': t.tokens.output,
        'tokens/total': t.tokens.total,
        cost_usd: t.cost_usd,
        cache_hit_rate: looked > 0 ? t.cache_hits / looked : undefined,
    };
}
const FIGURE_NAMES = ['latency_ms/p50', 'latency_ms/p95', 'tokens/input', 'tokens/output', 'tokens/total', 'cost_usd', 'cache_hit_rate'];
const stat = (v) => (v === undefined ? undefined : { value: v });
/** A figure's direction comes from its name alone: a project's metric directions are about its metrics, not these. */
const delta = (name, b, c) => metricDelta(name, defaultDirection(name), stat(b), stat(c));
function withTraces(run) {
    return run && run.traces.count > 0 ? run.traces : undefined;
}
function compareTraces(baseline, current) {
    const b = withTraces(baseline);
    const c = withTraces(current);
    if (!b && !c)
        return undefined;
    const fb = b ? figures(b) : {};
    const fc = c ? figures(c) : {};
    const spanNames = [...new Set([...Object.keys(b?.spans ?? {}), ...Object.keys(c?.spans ?? {})])].sort();
    const spans = spanNames.map((name) => {
        const sb = b?.spans[name];
        const sc = c?.spans[name];
        return {
            name,
            ...(sb ? { baselineCount: sb.count } : {}),
            ...(sc ? { currentCount: sc.count } : {}),
            p50: delta('latency_ms/p50', sb?.p50_ms, sc?.p50_ms),
            p95: delta('latency_ms/p95', sb?.p95_ms, sc?.p95_ms),
        };
    });
    return {
        count: { ...(b ? { baseline: b.count } : {}), ...(c ? { current: c.count } : {}) },
        figures: FIGURE_NAMES.filter((n) => fb[n] !== undefined || fc[n] !== undefined).map((n) => delta(n, fb[n], fc[n])),
        spans,
    };
}

;// CONCATENATED MODULE: ./build/src/report/compare/compare.js







/** Charts per run: the most changed metrics with a history; the rest are counted, not drawn. */
const MAX_CHARTS_PER_RUN = 6;
function runRef(run, side, links) {
    if (!run)
        return undefined;
    const url = safeUrl(links?.runUrl?.(run.run_id, side));
    return { run_id: run.run_id, run_name: run.run_name, status: run.status, ...(url ? { url } : {}) };
}
function compareParams(baseline, current) {
    const b = baseline?.params ?? {};
    const c = current?.params ?? {};
    const params = [];
    let unchanged = 0;
    for (const name of [...new Set([...Object.keys(b), ...Object.keys(c)])].sort()) {
        const was = Object.hasOwn(b, name) ? b[name] : undefined;
        const is = Object.hasOwn(c, name) ? c[name] : undefined;
        if (was === is)
            unchanged++;
        else if (was === undefined)
            params.push({ name, change: 'added', current: is });
        else if (is === undefined)
            params.push({ name, change: 'removed', baseline: was });
        else
            params.push({ name, change: 'changed', baseline: was, current: is });
    }
    return { params, unchanged };
}
function compareRun(match, options) {
    const { baseline, current } = match;
    const metrics = compareMetrics(baseline, current, options.directions);
    const charts = [];
    let unchartedHistories = 0;
    for (const m of bySalience(metrics)) {
        const chart = chartOf(m.name, baseline?.metrics[m.name], current?.metrics[m.name]);
        if (!chart)
            continue;
        if (charts.length < MAX_CHARTS_PER_RUN)
            charts.push(chart);
        else
            unchartedHistories++;
    }
    const { params, unchanged } = compareParams(baseline, current);
    const evalComparison = compareEval(baseline, current);
    const traces = compareTraces(baseline, current);
    const baselineRef = runRef(baseline, 'baseline', options.links);
    const currentRef = runRef(current, 'current', options.links);
    return {
        status: baseline && current ? 'matched' : current ? 'new' : 'missing',
        key: { kind: match.kind, value: match.value },
        ...(baselineRef ? { baseline: baselineRef } : {}),
        ...(currentRef ? { current: currentRef } : {}),
        metrics,
        params,
        unchangedParams: unchanged,
        ...(evalComparison ? { eval: evalComparison } : {}),
        charts,
        unchartedHistories,
        ...(traces ? { traces } : {}),
        artifacts: (current ?? baseline)?.artifacts ?? [],
    };
}
function bundleInfo(bundle) {
    return { created_at: bundle.created_at, source: bundle.source, runs: bundle.runs.length };
}
function warningsOf(baseline, current, runs, options) {
    const warnings = [];
    if (!baseline) {
        warnings.push({
            kind: 'baseline_missing',
            message: `No baseline to compare with${options.baselineMissingReason ? ` (${options.baselineMissingReason})` : ''}: the current values are shown on their own.`,
        });
    }
    for (const run of runs) {
        if (run.eval?.digestChanged) {
            warnings.push({
                kind: 'dataset_digest',
                run: run.key.value,
                message: `The baseline and current runs evaluated different datasets (digest ${run.eval.baselineDigest} → ${run.eval.currentDigest}): score changes may come from the data, not the change under review.`,
            });
        }
    }
    for (const [side, bundle] of [['baseline', baseline], ['current', current]]) {
        for (const w of bundle?.warnings ?? [])
            warnings.push({ kind: 'bundle', message: `${side} bundle: ${w}` });
    }
    return warnings;
}
/** Compares `current` with `baseline` (undefined: no baseline, which is reported, not fatal). */
/** Parent runs without metrics (an evaluation's, a multi-step project's) hold no results of their own; their children are compared. */
function resultRuns(runs) {
    const parents = new Set(runs.map((r) => r.tags['mlflow.parentRunId']).filter((id) => id !== undefined));
    return runs.filter((r) => !(parents.has(r.run_id) && Object.keys(r.metrics).length === 0));
}
function compareBundles(baseline, current, options = {}) {
    const runs = matchRuns(resultRuns(baseline?.runs ?? []), resultRuns(current.runs)).map((m) => compareRun(m, options));
    const matched = runs.filter((r) => r.status === 'matched');
    const moved = matched.flatMap((r) => r.metrics.filter((m) => m.change === 'better' || m.change === 'worse'));
    const jobUrl = safeUrl(options.links?.jobUrl);
    const reportArtifact = safeUrl(options.links?.reportArtifactUrl);
    const failOn = options.failOn ?? 'threshold';
    return {
        schema: COMPARISON_SCHEMA,
        version: COMPARISON_VERSION,
        ...(baseline ? { baseline: bundleInfo(baseline) } : {}),
        current: bundleInfo(current),
        runs,
        summary: {
            matched: matched.length,
            new: runs.filter((r) => r.status === 'new').length,
            missing: runs.filter((r) => r.status === 'missing').length,
            regressions: moved.filter((m) => m.change === 'worse' && m.significant !== false).length,
            improvements: moved.filter((m) => m.change === 'better' && m.significant !== false).length,
            notSignificant: moved.filter((m) => m.significant === false).length,
        },
        ...(options.gates ? { gates: { passed: (0,gates/* summarize */.eh)(options.gates, failOn).passed, failOn, results: [...options.gates] } } : {}),
        warnings: warningsOf(baseline, current, runs, options),
        links: { ...(jobUrl ? { job: jobUrl } : {}), ...(reportArtifact ? { reportArtifact } : {}) },
    };
}

// EXTERNAL MODULE: ./build/src/report/gates/number.js
var number = __webpack_require__(33846);
;// CONCATENATED MODULE: ./build/src/report/compare/format.js
/**
 * Numbers and changes as the renderers show them, shared by the Markdown and terminal reports so
 * both say the same thing.
 */

const withCi = (text, ci) => (ci ? `${text} [${(0,number/* formatNumber */.Z)(ci.low, 4)}, ${(0,number/* formatNumber */.Z)(ci.high, 4)}]` : text);
/** Baseline and current values, with enough digits to tell them apart; empty for a missing side. */
function formatValues(m) {
    const [b, c] = (0,number/* formatPair */.k)(m.baseline, m.current);
    return [withCi(b, m.baselineCi), withCi(c, m.currentCi)];
}
const signed = (n, digits) => (n > 0 ? '+' : '') + (0,number/* formatNumber */.Z)(n, digits);
/** "+0.012 (+1.4%)", or "" when there is no difference to show. */
function formatDelta(m) {
    if (m.delta === null)
        return '';
    const rel = m.relative === null ? '' : ` (${signed(m.relative * 100, 3)}%)`;
    return `${signed(m.delta, 3)}${rel}`;
}
const ICON = { better: '🟢', worse: '🔴', unchanged: '⚪', added: '🆕', removed: '➖', incomparable: '❔' };
const WORD = { better: 'better', worse: 'WORSE', unchanged: '=', added: 'new', removed: 'removed', incomparable: 'n/a (NaN)' };
function changeText(m) {
    const moved = m.change === 'better' || m.change === 'worse';
    const notSignificant = moved && m.significant === false;
    return {
        icon: notSignificant ? '⚪' : ICON[m.change],
        word: notSignificant ? `${WORD[m.change]} (n.s.)` : WORD[m.change],
        arrow: moved && m.delta !== null ? (m.delta > 0 ? '↑' : '↓') : '',
        notSignificant,
    };
}
const KIND_LABEL = { entry_point: 'entry point', eval_target: 'eval target', run_name: 'run' };
/** The run's name and what it is: "train (entry point)", "gpt-4o (eval target)". */
function runLabel(run) {
    return { name: run.key.value, kind: KIND_LABEL[run.key.kind] };
}
/** Counts of a run's metric changes that matter for its headline. */
function runCounts(run) {
    let worse = 0;
    let better = 0;
    let notSignificant = 0;
    for (const m of run.metrics) {
        if (m.change !== 'better' && m.change !== 'worse')
            continue;
        if (m.significant === false)
            notSignificant++;
        else if (m.change === 'worse')
            worse++;
        else
            better++;
    }
    const flips = run.eval?.scorers.reduce((n, s) => n + s.passToFail.length, 0) ?? 0;
    return { worse, better, notSignificant, flips };
}
/** A byte count for people: 1.2 kB, 3.4 MB. */
function formatBytes(n) {
    if (n < 1000)
        return `${n} B`;
    const units = ['kB', 'MB', 'GB', 'TB'];
    let v = n;
    let i = -1;
    while (v >= 1000 && i < units.length - 1) {
        v /= 1000;
        i++;
    }
    return `${(0,number/* formatNumber */.Z)(v, 3)} ${units[i]}`;
}
/** "pass 2/3", the verdicts of a row over its repeats. */
const formatVerdicts = (v) => `${v.passed > v.failed ? 'pass' : 'fail'} ${v.passed}/${v.passed + v.failed}`;

;// CONCATENATED MODULE: ./build/src/report/compare/mermaid.js
/**
 * Metric histories as Mermaid `xychart-beta` line charts, which GitHub renders in comments. The
 * baseline is drawn grey and the current run blue (one palette entry per line, in line order).
 * Mermaid's grammar accepts plain decimals only (no exponents, no NaN), and quoted strings without
 * escapes, so numbers are written out and titles reduced to plain characters.
 */

const BASELINE_COLOR = '#9ca3af';
const CURRENT_COLOR = '#2563eb';
/** A finite number as a plain decimal with at most 6 significant digits. */
function mermaidNumber(n) {
    if (!Number.isFinite(n))
        return '0';
    const v = Number(n.toPrecision(6));
    const text = String(v);
    if (!text.includes('e'))
        return text;
    if (Math.abs(v) >= 1)
        return BigInt(Math.round(v)).toString();
    // Small values: enough decimals to reach 6 significant digits, trailing zeros dropped.
    const decimals = Math.min(100, 6 - Math.floor(Math.log10(Math.abs(v))));
    return v.toFixed(decimals).replace(/\.?0+$/, '');
}
const list = (values) => `[${values.map(mermaidNumber).join(', ')}]`;
/** The chart as a Mermaid diagram (no code fence). */
function mermaidChart(chart) {
    const lines = [];
    const colors = [];
    if (chart.baseline) {
        lines.push(['baseline', chart.baseline]);
        colors.push(BASELINE_COLOR);
    }
    if (chart.current) {
        lines.push(['current', chart.current]);
        colors.push(CURRENT_COLOR);
    }
    const init = { themeVariables: { xyChart: { plotColorPalette: colors.join(', ') } } };
    return [
        `%%{init: ${JSON.stringify(init)}}%%`,
        'xychart-beta',
        `  title "${mermaidText(chart.metric)}"`,
        `  x-axis "step" [${chart.steps.map((s) => `"${mermaidNumber(s)}"`).join(', ')}]`,
        ...lines.map(([name, values]) => `  line "${name}" ${list(values)}`),
    ].join('\n');
}
/** What a reader needs to read the chart: which line is which, and where a line is only held flat. */
function chartCaption(chart) {
    const parts = [];
    if (chart.baseline)
        parts.push('grey: baseline');
    if (chart.current)
        parts.push('blue: current');
    const { baseline, current } = chart.range;
    if (baseline && current && (baseline[0] !== current[0] || baseline[1] !== current[1])) {
        parts.push(`baseline steps ${mermaidNumber(baseline[0])}–${mermaidNumber(baseline[1])}, current ${mermaidNumber(current[0])}–${mermaidNumber(current[1])} (a line is held flat beyond its own steps)`);
    }
    const logged = Math.max(chart.points.baseline, chart.points.current);
    if (logged > chart.steps.length)
        parts.push(`${chart.steps.length} of ${logged} steps shown`);
    return parts.join(' · ');
}

;// CONCATENATED MODULE: ./build/src/report/compare/markdown.js
/**
 * The comparison as GitHub-flavoured Markdown for a PR comment or a job summary: a headline
 * verdict, warnings, the gates table, a summary table of each run's key metrics, then one
 * collapsed `<details>` section per run (every metric, params, evaluation rows that flipped,
 * Mermaid charts of metric histories, traces), and links.
 *
 * Size: a comment holds at most 65,536 characters, so the report is assembled from whole blocks
 * (a table, a details section, a chart) and never cut inside one. When everything does not fit
 * in `maxChars`, charts go first, then details shrink to what changed, then the summary shows
 * fewer metrics per run, then tables lose rows and runs lose their details, least eventful runs
 * first; the report then ends with a pointer to the full report.
 *
 * Every name and value from a comparison is untrusted (see escape.ts).
 */





const DEFAULT_MAX_CHARS = 60_000;
/** GitHub's limit on a comment body. */
const GITHUB_COMMENT_LIMIT = 65_536;
/** Below this, not even the headline, warnings and pointer are sure to fit. */
const MIN_MAX_CHARS = 4_000;
/** Metrics per run in the summary table. */
const KEY_METRICS = 5;
/** Display caps on untrusted text (characters before escaping). */
const NAME_CHARS = 100;
const CELL_CHARS = 80;
const MESSAGE_CHARS = 300;
const MAX_WARNINGS = 10;
const CAPS = {
    full: { metrics: Infinity, unchangedMetrics: true, params: 200, flips: 20, charts: true, spans: 20, artifacts: 20 },
    nocharts: { metrics: Infinity, unchangedMetrics: true, params: 200, flips: 20, charts: false, spans: 20, artifacts: 20 },
    compact: { metrics: 20, unchangedMetrics: false, params: 10, flips: 5, charts: false, spans: 0, artifacts: 0 },
};
/** At most `max` characters, never splitting a surrogate pair. */
function cut(text, max) {
    if (text.length <= max)
        return text;
    const end = /[\uD800-\uDBFF]/.test(text[max - 2]) ? max - 2 : max - 1;
    return `${text.slice(0, end)}…`;
}
/** Untrusted text for Markdown, cut to `max` characters first. */
const md = (text, max = NAME_CHARS) => mdText(cut(text, max));
const markdown_num = (n) => (n === undefined ? '' : (0,number/* formatNumber */.Z)(n, 4));
const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const row = (cells) => `| ${cells.map((c) => (c === '' ? ' ' : c)).join(' | ')} |`;
function tableMarkdown(table, keep) {
    const rows = keep ? table.rows.filter((r) => keep.has(r)) : table.rows;
    const lines = [row(table.header), row(table.align.map((a) => (a === 'r' ? '--:' : ':--'))), ...rows.map((r) => r.text)];
    const left = table.rows.length - rows.length;
    const note = left > 0 ? `\n\n_${plural(left, table.noun)} left out here; they are in the full report._` : '';
    return `${table.heading}\n\n${lines.join('\n')}${note}`;
}
/** The table within `budget` characters, dropping its least important rows; '' when not even a note fits. */
function fitTable(table, budget) {
    const whole = tableMarkdown(table);
    if (whole.length <= budget)
        return whole;
    const keep = new Set();
    // The note's length with the largest count it can show bounds what the rows may use.
    let used = tableMarkdown({ ...table, rows: table.rows.map((r) => ({ ...r, text: '' })) }, new Set()).length;
    for (const r of [...table.rows].sort((a, b) => a.rank - b.rank)) {
        if (used + r.text.length + 1 > budget)
            break;
        keep.add(r);
        used += r.text.length + 1;
    }
    if (keep.size === 0) {
        const note = `${table.heading}\n\n_${plural(table.rows.length, table.noun)} left out here; they are in the full report._`;
        return note.length <= budget ? note : '';
    }
    return tableMarkdown(table, keep);
}
// ---------------------------------------------------------------------------------------------
// Cells
function changeCell(m) {
    const c = changeText(m);
    switch (m.change) {
        case 'added':
            return `${c.icon} new`;
        case 'removed':
            return `${c.icon} removed`;
        case 'incomparable':
            return `${c.icon} not comparable (NaN)`;
        case 'unchanged':
            return `${c.icon} no change`;
        default:
            return `${c.icon} ${c.arrow} ${formatDelta(m)}${c.notSignificant ? ' _(not significant)_' : ''}`;
    }
}
/** "812 → 1630 🔴 +101%": a figure in one cell. */
function compactCell(m) {
    const [b, c] = formatValues(m);
    const values = m.baseline === undefined ? c : m.current === undefined ? `${b} → –` : `${b} → ${c}`;
    const t = changeText(m);
    if (m.change !== 'better' && m.change !== 'worse')
        return values;
    const rel = m.relative === null ? '' : ` ${m.relative > 0 ? '+' : ''}${(0,number/* formatNumber */.Z)(m.relative * 100, 3)}%`;
    return `${values} ${t.icon}${rel}`;
}
function runIdentity(run) {
    const { kind } = runLabel(run);
    return run.status === 'new' ? `${kind} · 🆕 new run` : run.status === 'missing' ? `${kind} · ➖ not in current` : kind;
}
// ---------------------------------------------------------------------------------------------
// Importance: which runs keep their rows and details when space is short.
function runOrder(runs) {
    const facts = runs.map((run, index) => ({ run, index, ...runCounts(run), digest: run.eval?.digestChanged ? 1 : 0 }));
    facts.sort((a, b) => b.worse - a.worse ||
        b.flips - a.flips ||
        b.digest - a.digest ||
        (a.run.status === 'missing' ? 0 : 1) - (b.run.status === 'missing' ? 0 : 1) ||
        b.better - a.better ||
        b.notSignificant - a.notSignificant ||
        a.index - b.index);
    return new Map(facts.map((f, rank) => [f.run, rank]));
}
// ---------------------------------------------------------------------------------------------
// Sections
function headline(c) {
    const parts = [];
    if (c.gates) {
        const failed = c.gates.results.filter((r) => r.status === 'fail').length;
        const total = c.gates.results.length;
        if (!c.gates.passed)
            parts.push(`❌ **Gates failed** (${failed} of ${total})`);
        else if (failed > 0)
            parts.push(`⚠️ **Gates passed** (${failed} of ${total} failed, not blocking under fail-on: ${c.gates.failOn})`);
        else
            parts.push(`✅ **Gates passed** (${total})`);
    }
    if (c.baseline) {
        const s = c.summary;
        parts.push(s.regressions > 0 ? `🔴 **${plural(s.regressions, 'regression')}**` : '**No regressions**');
        parts.push(`🟢 ${plural(s.improvements, 'improvement')}`);
        if (s.notSignificant > 0)
            parts.push(`⚪ ${s.notSignificant} not significant`);
    }
    else {
        parts.push('⚠️ **No baseline**');
    }
    return parts.join(' · ');
}
function describeSource(info) {
    const git = info.source.git;
    const where = git ? `${md(git.ref, 60)} @ ${md(git.sha.slice(0, 7), 7)}${git.pr_number !== undefined ? ` (PR #${git.pr_number})` : ''}` : md(info.source.tracking_uri, 80);
    return `${where}, ${plural(info.runs, 'run')}`;
}
function context(c) {
    const s = c.summary;
    const runs = [`${s.matched} matched`, ...(s.new > 0 ? [`${s.new} new`] : []), ...(s.missing > 0 ? [`${s.missing} missing`] : [])].join(', ');
    const baseline = c.baseline ? `Baseline: ${describeSource(c.baseline)}` : 'Baseline: none';
    return `Current: ${describeSource(c.current)} · ${baseline} · Runs: ${runs}`;
}
function warningsBlock(c, brief) {
    if (c.warnings.length === 0)
        return undefined;
    if (brief)
        return `> [!WARNING]\n> ${plural(c.warnings.length, 'warning')}: see the full report.`;
    const shown = c.warnings.slice(0, MAX_WARNINGS).map((w) => `> - ${w.run !== undefined ? `**${md(w.run)}**: ` : ''}${md(w.message, MESSAGE_CHARS)}`);
    const more = c.warnings.length - shown.length;
    return ['> [!WARNING]', ...shown, ...(more > 0 ? [`> - …and ${plural(more, 'more warning')} in the full report.`] : [])].join('\n');
}
const GATE_ORDER = { fail: 0, skipped: 1, pass: 2 };
const GATE_LABEL = { fail: '❌ fail', skipped: '⏭️ skipped', pass: '✅ pass' };
function gatesTable(c) {
    if (!c.gates || c.gates.results.length === 0)
        return undefined;
    const sorted = c.gates.results.map((g, i) => ({ g, i })).sort((a, b) => GATE_ORDER[a.g.status] - GATE_ORDER[b.g.status] || a.i - b.i);
    const ci = (v, interval) => v === undefined ? '' : interval ? `${markdown_num(v)} [${markdown_num(interval.low)}, ${markdown_num(interval.high)}]` : markdown_num(v);
    return {
        heading: '### Gates',
        header: ['Result', 'Gate', 'Kind', 'Value', 'Bound', 'Note'],
        align: ['l', 'l', 'l', 'r', 'r', 'l'],
        noun: 'gate',
        rows: sorted.map(({ g }, rank) => ({
            rank,
            text: row([
                g.status === 'pass' && g.notSignificant ? '✅ pass _(not significant)_' : GATE_LABEL[g.status],
                md(g.source, 200),
                g.kind,
                ci(g.left, g.leftCi),
                ci(g.right, g.rightCi),
                md(g.reason ?? '', 200),
            ]),
        })),
    };
}
/** The summary with the `keys` most changed metrics of each run; the run cell says how many there are in all. */
function summaryTable(c, order, keys) {
    const withBaseline = c.baseline !== undefined;
    return {
        heading: '### Summary',
        header: withBaseline ? ['Run', 'Metric', 'Baseline', 'Current', 'Change'] : ['Run', 'Metric', 'Current'],
        align: withBaseline ? ['l', 'l', 'r', 'r', 'l'] : ['l', 'l', 'r'],
        noun: 'run',
        rows: c.runs.map((run) => {
            const key = bySalience(run.metrics).slice(0, keys);
            const shown = key.length < run.metrics.length ? ` · ${key.length} of ${run.metrics.length} metrics` : '';
            const label = `**${md(run.key.value)}**<br>${runIdentity(run)}${shown}`;
            const lines = key.map((m, i) => {
                const [b, cur] = formatValues(m);
                const first = i === 0 ? label : '';
                return row(withBaseline ? [first, md(m.name), b, cur, changeCell(m)] : [first, md(m.name), cur]);
            });
            if (lines.length === 0)
                lines.push(row([label, '_no metrics_', ...(withBaseline ? ['', '', ''] : [''])]));
            return { rank: order.get(run), text: lines.join('\n') };
        }),
    };
}
function tracesTable(c, order) {
    const runs = c.runs.filter((r) => r.traces);
    if (runs.length === 0)
        return undefined;
    const figure = (run, name) => {
        const m = run.traces.figures.find((f) => f.name === name);
        return m ? compactCell(m) : '';
    };
    return {
        heading: '### Traces',
        header: ['Run', 'Traces', 'Latency p50 (ms)', 'Latency p95 (ms)', 'Tokens', 'Cost (USD)', 'Cache hit rate'],
        align: ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
        noun: 'run',
        rows: runs.map((run) => {
            const { baseline, current } = run.traces.count;
            const count = baseline === undefined ? markdown_num(current) : current === undefined ? `${markdown_num(baseline)} → –` : `${markdown_num(baseline)} → ${markdown_num(current)}`;
            return {
                rank: order.get(run),
                text: row([
                    `**${md(run.key.value)}**`,
                    count,
                    figure(run, 'latency_ms/p50'),
                    figure(run, 'latency_ms/p95'),
                    figure(run, 'tokens/total'),
                    figure(run, 'cost_usd'),
                    figure(run, 'cache_hit_rate'),
                ]),
            };
        }),
    };
}
/** A table inside a details section: always shown whole (the section's level already capped it). */
const innerTable = (heading, header, align, rows) => tableMarkdown({ heading, header, align, rows: rows.map((text, rank) => ({ text, rank })), noun: 'row' });
function metricsPart(run, caps, withBaseline) {
    const shown = bySalience(run.metrics).filter((m) => caps.unchangedMetrics || m.change !== 'unchanged');
    const kept = shown.slice(0, caps.metrics);
    const omitted = run.metrics.length - kept.length;
    const heading = `#### Metrics (${run.metrics.length})`;
    if (kept.length === 0)
        return `${heading}\n\n_${run.metrics.length === 0 ? 'No metrics.' : 'No metric changed.'}_`;
    const rows = kept.map((m) => {
        const [b, c] = formatValues(m);
        return row(withBaseline ? [md(m.name), b, c, changeCell(m)] : [md(m.name), c]);
    });
    const table = innerTable(heading, withBaseline ? ['Metric', 'Baseline', 'Current', 'Change'] : ['Metric', 'Current'], withBaseline ? ['l', 'r', 'r', 'l'] : ['l', 'r'], rows);
    return omitted > 0 ? `${table}\n\n_${plural(omitted, 'more metric')} (${caps.unchangedMetrics ? 'least changed' : 'unchanged or least changed'}) in the full report._` : table;
}
function paramsPart(run, caps) {
    if (run.params.length === 0)
        return run.unchangedParams > 0 ? `_${plural(run.unchangedParams, 'param')}, none changed._` : undefined;
    const kept = run.params.slice(0, caps.params);
    const rows = kept.map((p) => row([md(p.name), p.baseline === undefined ? '_(none)_' : md(p.baseline, CELL_CHARS), p.current === undefined ? '_(none)_' : md(p.current, CELL_CHARS)]));
    const changed = run.params.filter((p) => p.change === 'changed').length;
    const counts = [changed > 0 ? `${changed} changed` : '', ...['added', 'removed'].map((k) => {
            const n = run.params.filter((p) => p.change === k).length;
            return n > 0 ? `${n} ${k}` : '';
        }), run.unchangedParams > 0 ? `${run.unchangedParams} unchanged` : ''].filter((s) => s !== '');
    const table = innerTable(`#### Params (${counts.join(', ')})`, ['Param', 'Baseline', 'Current'], ['l', 'l', 'l'], rows);
    const omitted = run.params.length - kept.length;
    return omitted > 0 ? `${table}\n\n_${plural(omitted, 'more param change')} in the full report._` : table;
}
function inputsText(r) {
    return Object.entries(r.inputs)
        .map(([k, v]) => `${k}: ${v}`)
        .join('; ');
}
function flipsTable(scorer, rows, direction, cap) {
    const kept = rows.slice(0, cap);
    const table = innerTable(`**${md(scorer.name)}: ${plural(rows.length, 'row')} flipped ${direction}**`, ['Row', 'Inputs', 'Expected', 'Baseline output', 'Current output', 'Baseline', 'Current'], ['r', 'l', 'l', 'l', 'l', 'l', 'l'], kept.map((r) => row([
        md(r.row, 20),
        md(inputsText(r), CELL_CHARS),
        md(r.expected ?? '', CELL_CHARS),
        md(r.baselineOutput ?? '', CELL_CHARS),
        md(r.currentOutput ?? '', CELL_CHARS),
        formatVerdicts(r.baseline),
        formatVerdicts(r.current),
    ])));
    return rows.length > kept.length ? `${table}\n\n_${plural(rows.length - kept.length, 'more row')} in the full report._` : table;
}
function evalPart(run, caps) {
    const e = run.eval;
    if (!e || e.scorers.length === 0)
        return undefined;
    const rate = (s) => s ? (s.pass_rate !== null ? `${(0,number/* formatNumber */.Z)(s.pass_rate * 100, 3)}% (${s.passed}/${s.passed + s.failed})` : s.mean !== null ? `mean ${markdown_num(s.mean)}` : '') : '';
    const rows = e.scorers.map((s) => row([md(s.name), rate(s.baseline), rate(s.current), s.baseline && s.current ? String(s.passToFail.length) : '', s.baseline && s.current ? String(s.failToPass.length) : '', s.current ? String(s.current.errors) : '']));
    const parts = [
        innerTable(`#### Evaluation (${plural(e.rows.current ?? e.rows.baseline ?? 0, 'result')})`, ['Scorer', 'Baseline', 'Current', 'Pass → fail', 'Fail → pass', 'Errors'], ['l', 'r', 'r', 'r', 'r', 'r'], rows),
    ];
    if (e.digestChanged)
        parts.push(`⚠️ _Different datasets: digest ${md(e.baselineDigest ?? '', 40)} → ${md(e.currentDigest ?? '', 40)}._`);
    if (e.truncated)
        parts.push('_The bundles kept only the first rows of a large table; rows after them were not compared._');
    for (const s of e.scorers) {
        if (s.passToFail.length > 0)
            parts.push(flipsTable(s, s.passToFail, 'pass → fail', caps.flips));
        if (s.failToPass.length > 0)
            parts.push(flipsTable(s, s.failToPass, 'fail → pass', caps.flips));
    }
    return parts.join('\n\n');
}
function chartsPart(run) {
    if (run.charts.length === 0)
        return undefined;
    const charts = run.charts.map((chart) => `\`\`\`mermaid\n${mermaidChart(chart)}\n\`\`\`\n\n_${chartCaption(chart)}_`);
    const more = run.unchartedHistories > 0 ? [`_${plural(run.unchartedHistories, 'more metric history', 'more metric histories')} in the full report._`] : [];
    return ['#### Metric history', ...charts, ...more].join('\n\n');
}
function tracesPart(run, caps, withBaseline) {
    const t = run.traces;
    if (!t)
        return undefined;
    const label = {
        'latency_ms/p50': 'Latency p50 (ms)',
        'latency_ms/p95': 'Latency p95 (ms)',
        'tokens/input': 'Input tokens',
        'tokens/output': 'Output tokens',
        'tokens/total': 'Total tokens',
        cost_usd: 'LLM cost (USD)',
        cache_hit_rate: 'Gateway cache hit rate',
    };
    const figureRows = t.figures.map((m) => {
        const [b, c] = formatValues(m);
        return row(withBaseline ? [label[m.name] ?? md(m.name), b, c, changeCell(m)] : [label[m.name] ?? md(m.name), c]);
    });
    const count = `${t.count.baseline !== undefined ? `${t.count.baseline} → ` : ''}${t.count.current ?? '–'}`;
    const parts = [
        innerTable(`#### Traces (${count})`, withBaseline ? ['', 'Baseline', 'Current', 'Change'] : ['', 'Current'], withBaseline ? ['l', 'r', 'r', 'l'] : ['l', 'r'], figureRows),
    ];
    if (caps.spans > 0 && t.spans.length > 0) {
        const spans = [...t.spans].sort((a, b) => (b.p95.current ?? b.p95.baseline ?? 0) - (a.p95.current ?? a.p95.baseline ?? 0)).slice(0, caps.spans);
        const calls = (b, c) => (withBaseline ? `${b ?? '–'} → ${c ?? '–'}` : String(c ?? ''));
        parts.push(innerTable('**Spans by p95 latency (ms)**', ['Span', 'Calls', 'p50', 'p95'], ['l', 'r', 'r', 'r'], spans.map((s) => row([md(s.name), calls(s.baselineCount, s.currentCount), compactCell(s.p50), compactCell(s.p95)]))));
        if (t.spans.length > spans.length)
            parts.push(`_${plural(t.spans.length - spans.length, 'more span name')} in the full report._`);
    }
    return parts.join('\n\n');
}
function artifactsPart(run, caps) {
    if (caps.artifacts === 0 || run.artifacts.length === 0)
        return undefined;
    const shown = run.artifacts.slice(0, caps.artifacts).map((a) => `${md(a.path, CELL_CHARS)} (${formatBytes(a.file_size)})`);
    const more = run.artifacts.length - shown.length;
    return `**Artifacts**: ${shown.join(', ')}${more > 0 ? `, and ${more} more` : ''}`;
}
/** A link to a URL from the comparison, checked again here: a stored comparison is untrusted. */
function markdown_link(text, url) {
    const safe = safeUrl(url);
    return safe ? `[${text}](<${safe}>)` : '';
}
function runLinks(run) {
    const links = [markdown_link('current run', run.current?.url), markdown_link('baseline run', run.baseline?.url)].filter((s) => s !== '');
    return links.length > 0 ? links.join(' · ') : undefined;
}
function detailsSummary(run) {
    const counts = runCounts(run);
    const notes = [
        runIdentity(run),
        counts.worse > 0 ? `🔴 ${counts.worse} worse` : '',
        counts.better > 0 ? `🟢 ${counts.better} better` : '',
        counts.notSignificant > 0 ? `⚪ ${counts.notSignificant} not significant` : '',
        counts.flips > 0 ? `${plural(counts.flips, 'row')} pass → fail` : '',
        run.eval?.digestChanged ? '⚠️ dataset changed' : '',
    ].filter((s) => s !== '');
    return `<summary><b>${htmlText(cut(run.key.value, NAME_CHARS))}</b> · ${notes.join(' · ')}</summary>`;
}
/** A run with nothing to show beyond its summary row (an evaluation's parent run, say) gets no details section. */
const hasDetails = (run) => run.metrics.length > 0 || run.params.length > 0 || run.unchangedParams > 0 || run.eval !== undefined || run.traces !== undefined || run.artifacts.length > 0;
function runDetails(run, level, withBaseline) {
    if (!hasDetails(run))
        return '';
    const caps = CAPS[level];
    const parts = [
        metricsPart(run, caps, withBaseline),
        paramsPart(run, caps),
        evalPart(run, caps),
        caps.charts ? chartsPart(run) : undefined,
        tracesPart(run, caps, withBaseline),
        artifactsPart(run, caps),
        runLinks(run),
    ].filter((p) => p !== undefined);
    // The blank lines around the body are what make GitHub parse Markdown inside the HTML block.
    return `<details>\n${detailsSummary(run)}\n\n${parts.join('\n\n')}\n\n</details>`;
}
function linksLine(c) {
    const links = [markdown_link('CI job', c.links.job), markdown_link('Full report', c.links.reportArtifact)].filter((s) => s !== '');
    return links.length > 0 ? links.join(' · ') : undefined;
}
function pointer(c, options, what) {
    const artifact = markdown_link('report artifact', c.links.reportArtifact);
    const where = options.fullReportHint ?? (artifact ? `The full report is in the ${artifact}.` : 'The full report is in the workflow run’s report artifact.');
    return `---\n\n✂️ **This report was shortened to fit**: ${what}. ${where}`;
}
// ---------------------------------------------------------------------------------------------
const SEPARATOR = '\n\n';
const join = (blocks) => `${blocks.filter((b) => b !== undefined && b !== '').join(SEPARATOR)}\n`;
const lengthOf = (blocks) => blocks.reduce((n, b) => n + b.length + SEPARATOR.length, 0);
/** Room kept for the pointer's description of what was left out. */
const WHAT_RESERVE = 200;
/** When even the smallest summary does not fit whole, it gets at most this share of the room, so some details remain. */
const SUMMARY_SHARE = 0.6;
/** Ways to shorten the report, tried in order: what each keeps, and how the pointer describes what went. */
const STEPS = [
    { keys: KEY_METRICS, level: 'nocharts', what: 'the metric charts' },
    { keys: KEY_METRICS, level: 'compact', what: 'the charts and the unchanged figures of each run' },
    { keys: 3, level: 'compact', what: 'the charts and unchanged figures; the summary shows 3 metrics per run' },
    { keys: 1, level: 'compact', what: 'the charts and unchanged figures; the summary shows 1 metric per run' },
];
/** The comparison as GitHub-flavoured Markdown, at most `maxChars` characters (see the module comment). */
function renderMarkdown(c, options = {}) {
    const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
    if (!(maxChars >= MIN_MAX_CHARS))
        throw new RangeError(`renderMarkdown: maxChars must be at least ${MIN_MAX_CHARS}, got ${maxChars}.`);
    const marker = options.marker === undefined ? undefined : checkMarker(options.marker);
    const withBaseline = c.baseline !== undefined;
    const order = runOrder(c.runs);
    const heading = `## ${md(options.title ?? 'MLflow run comparison', 200)}`;
    const head = (brief) => [marker, heading, headline(c), context(c), warningsBlock(c, brief)].filter((b) => b !== undefined);
    const gates = gatesTable(c);
    const traces = tracesTable(c, order);
    const tail = [linksLine(c)].filter((b) => b !== undefined);
    const memo = (make) => {
        const seen = new Map();
        return (k) => (seen.has(k) ? seen.get(k) : seen.set(k, make(k)).get(k));
    };
    const summaryWith = memo((keys) => tableMarkdown(summaryTable(c, order, keys)));
    const detailsAt = memo((level) => c.runs.map((run) => runDetails(run, level, withBaseline)));
    const gatesText = gates && tableMarkdown(gates);
    const tracesText = traces && tableMarkdown(traces);
    const full = join([...head(false), gatesText, summaryWith(KEY_METRICS), tracesText, ...detailsAt('full'), ...tail]);
    if (full.length <= maxChars)
        return full;
    for (const step of STEPS) {
        const text = join([...head(false), gatesText, summaryWith(step.keys), tracesText, ...detailsAt(step.level), ...tail, pointer(c, options, step.what)]);
        if (text.length <= maxChars)
            return text;
    }
    // Nothing fits whole: tables lose rows and runs lose their details, least eventful first.
    const left = [];
    let top = head(false);
    const reserve = (blocks) => maxChars - 1 - lengthOf(blocks) - lengthOf(tail) - pointer(c, options, '').length - WHAT_RESERVE - SEPARATOR.length;
    if (reserve(top) < 0)
        top = head(true);
    let budget = reserve(top);
    const place = (name, table, room) => {
        if (!table)
            return '';
        const text = fitTable(table, room - SEPARATOR.length);
        if (text !== tableMarkdown(table))
            left.push(text === '' ? `the ${name} table` : `some ${name} rows`);
        if (text !== '')
            budget -= text.length + SEPARATOR.length;
        return text;
    };
    const gatesFitted = place('gates', gates, budget);
    const summaryFitted = place('summary', summaryTable(c, order, 1), Math.floor(budget * SUMMARY_SHARE));
    const tracesFitted = place('traces', traces, Math.floor(budget * SUMMARY_SHARE));
    const compact = detailsAt('compact');
    const keep = new Set();
    const byRank = c.runs.map((run, i) => ({ i, rank: order.get(run) })).sort((a, b) => a.rank - b.rank);
    for (const { i } of byRank) {
        const size = compact[i].length + SEPARATOR.length;
        if (size > budget)
            break;
        keep.add(i);
        budget -= size;
    }
    const dropped = c.runs.filter((run, i) => !keep.has(i) && compact[i] !== '').length;
    left.push('the charts and unchanged figures', ...(dropped > 0 ? [`the details of ${dropped} of ${plural(c.runs.length, 'run')}`] : []));
    const text = join([...top, gatesFitted, summaryFitted, tracesFitted, ...compact.filter((_, i) => keep.has(i)), ...tail, pointer(c, options, cut(left.join('; '), WHAT_RESERVE))]);
    if (text.length <= maxChars)
        return text;
    // Only a pathological head (a huge caller hint, say) gets here: the cap still holds.
    return join([marker, heading, headline(c), pointer(c, { ...options, fullReportHint: 'The full report is in the workflow run’s report artifact.' }, 'everything but the verdict')]);
}

// EXTERNAL MODULE: ./build/src/client/transport.js
var transport = __webpack_require__(29196);
// EXTERNAL MODULE: ./build/src/report/text-table.js
var text_table = __webpack_require__(27376);
;// CONCATENATED MODULE: ./build/src/report/compare/text.js
/**
 * The comparison for a terminal (`mlflow-ts compare --format table`) and as JSON. The terminal
 * report is complete (no size cap) and plain: aligned columns, words instead of emoji, and names
 * stripped of control characters so a bundle cannot send escape sequences to the terminal.
 */






/** The comparison as JSON, non-finite numbers spelled "NaN", "Infinity", "-Infinity" (parseComparison reads it back). */
function renderJson(c) {
    return `${(0,transport/* encodeJson */.Pr)(c)}\n`;
}
const t = plainText;
/** Tables sit under their run's heading, two spaces in. */
const indentedTable = (headers, rows) => (0,text_table/* textTable */.e)(headers, rows, '  ').slice(0, -1);
function metricRow(m) {
    const [b, c] = formatValues(m);
    const change = changeText(m);
    return [t(m.name), b, c, formatDelta(m), `${change.arrow ? `${change.arrow} ` : ''}${change.word}`];
}
function runSection(run) {
    const { name, kind } = runLabel(run);
    const counts = runCounts(run);
    const out = [`${t(name)} (${kind}, ${run.status}): ${counts.worse} worse, ${counts.better} better, ${counts.notSignificant} not significant`];
    if (run.metrics.length > 0)
        out.push(indentedTable(['metric', 'baseline', 'current', 'delta', 'change'], bySalience(run.metrics).map(metricRow)));
    if (run.params.length > 0) {
        out.push(indentedTable(['param', 'baseline', 'current'], run.params.map((p) => [t(p.name), p.baseline === undefined ? '(none)' : t(p.baseline), p.current === undefined ? '(none)' : t(p.current)])));
    }
    for (const s of run.eval?.scorers ?? []) {
        const flips = (label, rows) => rows.length > 0 ? [`  ${t(s.name)}: ${rows.length} ${label}: ${rows.map((r) => `row ${t(r.row)} (${formatVerdicts(r.baseline)} → ${formatVerdicts(r.current)})`).join(', ')}`] : [];
        out.push(...flips('pass → fail', s.passToFail), ...flips('fail → pass', s.failToPass));
    }
    if (run.eval?.digestChanged)
        out.push(`  ! dataset digest changed: ${t(run.eval.baselineDigest ?? '')} → ${t(run.eval.currentDigest ?? '')}`);
    if (run.traces) {
        const rows = [...run.traces.figures.map(metricRow), ...run.traces.spans.flatMap((s) => [metricRow({ ...s.p50, name: `span ${s.name} p50 (ms)` }), metricRow({ ...s.p95, name: `span ${s.name} p95 (ms)` })])];
        out.push(indentedTable(['trace figure', 'baseline', 'current', 'delta', 'change'], rows));
    }
    return out.join('\n');
}
/** The comparison as plain aligned text for a terminal. */
function renderTable(c) {
    const s = c.summary;
    const out = [];
    const verdict = c.gates ? `gates ${c.gates.passed ? 'passed' : 'FAILED'}; ` : '';
    out.push(c.baseline
        ? `${verdict}${s.regressions} regressions, ${s.improvements} improvements, ${s.notSignificant} not significant (${s.matched} matched, ${s.new} new, ${s.missing} missing runs)`
        : `${verdict}no baseline: ${c.runs.length} runs shown on their own`);
    if (c.warnings.length > 0)
        out.push(c.warnings.map((w) => `! ${w.run !== undefined ? `${t(w.run)}: ` : ''}${t(w.message)}`).join('\n'));
    if (c.gates)
        out.push(`Gates (fail-on: ${c.gates.failOn})\n${(0,gates/* formatGateTable */.Zt)(c.gates.results.map((g) => ({ ...g, source: t(g.source), ...(g.reason !== undefined ? { reason: t(g.reason) } : {}) })))}`.trimEnd());
    for (const run of c.runs)
        out.push(runSection(run));
    const links = [c.links.job ? `job: ${t(c.links.job)}` : '', c.links.reportArtifact ? `full report: ${t(c.links.reportArtifact)}` : ''].filter((l) => l !== '');
    if (links.length > 0)
        out.push(links.join('\n'));
    return `${out.join('\n\n')}\n`;
}

;// CONCATENATED MODULE: ./build/src/report/compare/files.js
/**
 * `mlflow-ts compare` in one call: read the bundles, compare, render. A baseline path that is
 * given must be readable; leaving it out is the "no baseline yet" case, reported in the output.
 */





const compareFormatSchema = schemas["enum"](['markdown', 'json', 'table']);
/** Reads both bundles (readBundle: BundleFormatError / BundleVersionError on a bad one), compares them and renders the result. */
async function compareFiles(options) {
    const [baseline, current] = await Promise.all([options.baseline === undefined ? undefined : (0,bundle.readBundle)(options.baseline), (0,bundle.readBundle)(options.current)]);
    const comparison = compareBundles(baseline, current, { ...options.compare, ...(options.directions ? { directions: options.directions } : {}) });
    switch (options.format) {
        case 'markdown':
            return renderMarkdown(comparison, options.markdown);
        case 'json':
            return renderJson(comparison);
        case 'table':
            return renderTable(comparison);
    }
}

;// CONCATENATED MODULE: ./build/src/report/compare/index.js
/**
 * Comparing run bundles: `compareBundles` matches the runs of a baseline and a current bundle and
 * compares their metrics, params, evaluation rows, metric histories and traces into a
 * JSON-serializable Comparison; `renderMarkdown` (a PR comment or job summary, size-capped),
 * `renderJson` and `renderTable` (a terminal) show it; `compareFiles` does all of it for
 * `mlflow-ts compare`.
 */











/***/ })

};
