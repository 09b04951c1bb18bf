/**
 * The Markdown report: a snapshot for the fixed pair of bundles; every table really is a GFM table
 * (micromark with its GFM extension) with the expected rows; every Mermaid chart parses with
 * Mermaid's own parser; 200 runs × 50 metrics stay under 65,000 characters, shed detail in order
 * and end with a pointer to the full report; no baseline is a warning, not an error.
 */
import { describe, it, snapshot } from 'node:test';
import assert from 'node:assert/strict';
import { basename, dirname, join } from 'node:path';
import { compareBundles, renderMarkdown, type Comparison } from '../../src/report/compare/index.ts';
import { evaluateGates, parseGates, type GateContext, type MetricValue, type RunScope } from '../../src/report/gates/index.ts';
import { bundle, largePair, loadPair, run } from './fixtures/bundles/index.ts';
import { mermaidBlocks, parseMermaid, tableFacts, toHtml } from './fixtures/bundles/check-markdown.ts';

snapshot.setResolveSnapshotPath((test) => join(dirname(test!), '__snapshots__', `${basename(test!)}.snapshot`));
/** Markdown is stored as written, not as a JSON string, so a snapshot diff reads like the report. */
const asMarkdown = { serializers: [(v: unknown): string => String(v)] };

const MARKER = '<!-- mlflow-ts-action:ci/evaluate -->';

/** Gate metrics read from the comparison's runs, by the gate's run selector. */
function gateContext(c: Comparison): GateContext {
  const kinds: Record<RunScope['kind'], string> = { run: 'run_name', entry_point: 'entry_point', eval: 'eval_target' };
  const value = (side: 'baseline' | 'current') => (name: string, scope?: RunScope): MetricValue | undefined => {
    const run = c.runs.find((r) => !scope || (r.key.kind === kinds[scope.kind] && (scope.name === undefined || r.key.value === scope.name)));
    const m = run?.metrics.find((x) => x.name === name);
    const v = m?.[side];
    const ci = side === 'baseline' ? m?.baselineCi : m?.currentCi;
    return v === undefined ? undefined : { value: v, ...(ci ? { ci } : {}) };
  };
  return { current: value('current'), baseline: value('baseline') };
}

const GATES = `
[entry_point=train] accuracy >= 0.9
[entry_point=train_mlp] loss <= baseline + 0.01
[eval=gpt-4o-mini] correctness/pass_rate >= baseline - 0.05 if significant
[eval=gpt-4o-mini] latency_ms/p95 < baseline * 1.10
[eval=claude-haiku] cost_usd/total <= 0.01
`;

function fixtureComparison(): Comparison {
  const { baseline, current } = loadPair();
  const plain = compareBundles(baseline, current);
  const gates = evaluateGates(parseGates(GATES), gateContext(plain));
  return compareBundles(baseline, current, {
    gates,
    links: {
      jobUrl: 'https://github.com/acme/iris/actions/runs/9042/job/1',
      reportArtifactUrl: 'https://github.com/acme/iris/actions/runs/9042/artifacts/77',
      runUrl: (id, side) => (side === 'current' ? `https://github.com/acme/iris/actions/runs/9042#run-${id}` : undefined),
    },
  });
}

describe('Markdown report of the fixed bundle pair', () => {
  const comparison = fixtureComparison();
  const markdown = renderMarkdown(comparison, { marker: MARKER, title: 'Model report' });
  const html = toHtml(markdown);

  it('matches the snapshot', (t) => {
    t.assert.snapshot(markdown, asMarkdown);
  });

  it('starts with the marker, has the verdict, and fits without shortening', () => {
    assert.ok(markdown.startsWith(`${MARKER}\n\n## Model report\n\n❌ **Gates failed** (2 of 5)`), markdown.slice(0, 200));
    assert.ok(!markdown.includes('shortened to fit'));
    assert.match(markdown, /🔴 \*\*\d+ regressions\*\*/);
  });

  it('renders every table as a real GFM table with the expected rows', () => {
    const facts = tableFacts(markdown, html);
    assert.equal(facts.tables, facts.markdownTables, 'every delimiter row starts a table micromark recognises');
    assert.equal(facts.rows, facts.markdownRows, 'every table line is a <tr>');
    const runs = comparison.runs;
    const summaryRows = runs.reduce((n, r) => n + Math.max(1, Math.min(5, r.metrics.length)), 0);
    // Gates, summary and traces tables come first, in that order.
    assert.equal(facts.rowsPerTable[0], 1 + 5, 'gates: header + 5 gates');
    assert.equal(facts.rowsPerTable[1], 1 + summaryRows, 'summary: header + key metrics of each run');
    assert.equal(facts.rowsPerTable[2], 1 + runs.filter((r) => r.traces).length, 'traces: header + runs with traces');
    // A flipped-rows table per scorer and direction that has flips.
    const flipTables = runs.flatMap((r) => r.eval?.scorers ?? []).reduce((n, s) => n + (s.passToFail.length > 0 ? 1 : 0) + (s.failToPass.length > 0 ? 1 : 0), 0);
    assert.equal(flipTables, 3);
    assert.equal(count(html, /<th[^>]*>Row<\/th>/g), flipTables);
  });

  it('collapses each run into a details block that contains parsed Markdown', () => {
    const withDetails = comparison.runs.filter((r) => r.metrics.length > 0 || r.params.length > 0);
    assert.equal(count(html, /<details>/g), withDetails.length);
    assert.equal(count(html, /<\/details>/g), withDetails.length);
    // The tables inside are real tables: the metrics table header of each section is a <th>.
    assert.equal(count(html, /<th[^>]*>Metric<\/th>/g), 1 + withDetails.length);
  });

  it('draws the metric histories as Mermaid charts that Mermaid parses', async () => {
    const blocks = mermaidBlocks(markdown);
    assert.equal(blocks.length, comparison.runs.reduce((n, r) => n + r.charts.length, 0));
    assert.ok(blocks.length >= 6);
    for (const block of blocks) assert.equal(await parseMermaid(block), 'xychart', block);
  });

  it("uses Mermaid's real parser (a chart it cannot read is rejected)", async () => {
    const [block] = mermaidBlocks(markdown);
    await assert.rejects(parseMermaid(block!.replace(/line "current" \[/, 'line "current" [1e5, ')), /Parse error/);
    await assert.rejects(parseMermaid(block!.replace(/title "[^"]*"/, 'title "a " b"')), /Parse error/);
  });

  it('warns about the changed dataset digest and links the job, the report and the runs', () => {
    assert.match(markdown, /> \[!WARNING\]\n> - \*\*gpt-4o-mini\*\*: The baseline and current runs evaluated different datasets \(digest 3f2a9c1e5d7b → 7b41d0aa93ce\)/);
    assert.ok(markdown.includes('[CI job](<https://github.com/acme/iris/actions/runs/9042/job/1>)'));
    assert.ok(markdown.includes('[current run](<https://github.com/acme/iris/actions/runs/9042#run-c0a1c2d3e4f5061728394a5b6c7d8e9f>)'));
    assert.match(html, /<a href="https:\/\/github.com\/acme\/iris\/actions\/runs\/9042\/artifacts\/77">Full report<\/a>/);
  });
});

function count(text: string, pattern: RegExp): number {
  return (text.match(pattern) ?? []).length;
}

describe('Mermaid numbers', () => {
  it('writes tiny and huge values as plain decimals, which Mermaid reads', async () => {
    const history = (values: number[]) => values.map((value, step) => ({ value, step, timestamp: step }));
    const b = bundle([run({ run_name: 'r', metrics: { lr: history([1.5e-7, 2e-8, 3e-9]), big: history([3e21, 4e22, 1]) } })]);
    const c = bundle([run({ run_name: 'r', metrics: { lr: history([1e-7, 1e-8, 1e-9]), big: history([-2e21, 5e21, 2]) } })]);
    const blocks = mermaidBlocks(renderMarkdown(compareBundles(b, c)));
    assert.equal(blocks.length, 2);
    for (const block of blocks) {
      assert.ok(!/\d[eE][+-]?\d/.test(block), block);
      assert.equal(await parseMermaid(block), 'xychart', block);
    }
    assert.match(blocks.join('\n'), /0\.00000015\b/);
  });
});

describe('Markdown report size cap', () => {
  it('keeps 200 runs × 50 metrics under 65,000 characters, with whole tables and a pointer to the full report', async () => {
    const { baseline, current } = largePair(200, 50);
    const comparison = compareBundles(baseline, current, { links: { reportArtifactUrl: 'https://github.com/acme/big/actions/runs/1/artifacts/2' } });
    const markdown = renderMarkdown(comparison, { marker: MARKER });
    assert.ok(markdown.length < 65_000, `${markdown.length} characters`);
    assert.ok(markdown.length > 50_000, 'the room is used, not thrown away');
    assert.ok(markdown.startsWith(MARKER));
    assert.match(markdown, /✂️ \*\*This report was shortened to fit\*\*: .+\. The full report is in the \[report artifact\]\(<https:\/\/github\.com\/acme\/big\/actions\/runs\/1\/artifacts\/2>\)\.\n$/);
    const html = toHtml(markdown);
    const facts = tableFacts(markdown, html);
    assert.equal(facts.tables, facts.markdownTables);
    assert.equal(facts.rows, facts.markdownRows);
    assert.equal(count(html, /<details>/g), count(html, /<\/details>/g));
    assert.ok(count(html, /<details>/g) > 0, 'some runs keep their details');
    for (const block of mermaidBlocks(markdown)) assert.equal(await parseMermaid(block), 'xychart');
    // The summary keeps the runs with the most regressions.
    const worst = [...comparison.runs].sort((a, b) => b.metrics.filter((m) => m.change === 'worse').length - a.metrics.filter((m) => m.change === 'worse').length)[0]!;
    assert.ok(markdown.includes(`**${worst.key.value.replaceAll('_', '\\_')}**<br>`));
  });

  it('drops charts first, then shrinks details, then drops whole details; never cuts a block', () => {
    const comparison = fixtureComparison();
    const full = renderMarkdown(comparison);
    const sizes = [full.length - 1, 12_000, 8_000, 4_000];
    let previous = full;
    for (const maxChars of sizes) {
      const md = renderMarkdown(comparison, { maxChars });
      assert.ok(md.length <= maxChars, `${md.length} > ${maxChars}`);
      assert.ok(md.length <= previous.length);
      assert.match(md, /This report was shortened to fit/);
      const html = toHtml(md);
      const facts = tableFacts(md, html);
      assert.equal(facts.tables, facts.markdownTables);
      assert.equal(facts.rows, facts.markdownRows);
      assert.equal(count(md, /^<details>$/gm), count(md, /^<\/details>$/gm));
      assert.equal(count(md, /^```mermaid$/gm), count(md, /^```$/gm));
      previous = md;
    }
    const noCharts = renderMarkdown(comparison, { maxChars: full.length - 1 });
    assert.equal(mermaidBlocks(noCharts).length, 0, 'charts go first');
    assert.equal(count(noCharts, /^<details>$/gm), count(full, /^<details>$/gm), 'every run keeps its details');
    assert.match(noCharts, /shortened to fit\*\*: the metric charts\./);
    const tight = renderMarkdown(comparison, { maxChars: 4_000 });
    assert.ok(count(tight, /^<details>$/gm) < count(full, /^<details>$/gm));
    assert.match(tight, /### Gates/, 'the gates table stays');
  });

  it('refuses a cap too small to hold the headline', () => {
    assert.throws(() => renderMarkdown(fixtureComparison(), { maxChars: 1000 }), RangeError);
  });
});

describe('Markdown report without a baseline', () => {
  it('reports the missing baseline and shows current values alone', () => {
    const { current } = loadPair();
    const comparison = compareBundles(undefined, current, { baselineMissingReason: 'no successful run on main yet' });
    const markdown = renderMarkdown(comparison);
    assert.match(markdown, /⚠️ \*\*No baseline\*\*/);
    assert.match(markdown, /> - No baseline to compare with \(no successful run on main yet\): the current values are shown on their own\./);
    assert.match(markdown, /\| Run \| Metric \| Current \|/);
    const facts = tableFacts(markdown);
    assert.equal(facts.tables, facts.markdownTables);
    assert.equal(facts.rows, facts.markdownRows);
  });
});

describe('Markdown report hard cap', () => {
  it('holds even when the caller’s hint alone is too long', () => {
    const md = renderMarkdown(fixtureComparison(), { maxChars: 4_000, marker: MARKER, fullReportHint: 'x'.repeat(5_000) });
    assert.ok(md.length <= 4_000, String(md.length));
    assert.ok(md.startsWith(`${MARKER}\n\n## MLflow run comparison\n\n❌ **Gates failed**`));
    assert.match(md, /This report was shortened to fit\*\*: everything but the verdict\. The full report is in the workflow run’s report artifact\.\n$/);
  });
});
