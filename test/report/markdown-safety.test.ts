/**
 * Bundles are untrusted: anyone who can open a pull request shapes the current bundle, and a
 * stored comparison read back in the fork-safe `mode: comment` path is as untrusted. Names and
 * values carrying `|`, a forged sticky-comment marker, @-mentions, `<script>`, images, links and
 * line breaks must come out as plain text: tables keep their cells, the caller's marker stays the
 * only HTML comment, nobody is pinged, no tag or link is injected.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compareBundles, parseComparison, renderJson, renderMarkdown } from '../../src/report/compare/index.ts';
import { evaluateGates, parseGates } from '../../src/report/gates/index.ts';
import { bundle, evalSection, run } from './fixtures/bundles/index.ts';
import { mermaidBlocks, parseMermaid, tableFacts, toHtml } from './fixtures/bundles/check-markdown.ts';

const MARKER = '<!-- mlflow-ts-action:ci/test -->';
const EVIL = 'a|b <!-- mlflow-ts-action:x --> @octocat <script>x</script>![i](//e.x/i)';
const LINKY = '[l](javascript:x) `c` *e* https://evil.example www.evil.example <https://evil.example>';
const BREAKING = 'x\n\n</details>\n\n| forged | row |\n<!-- mlflow-ts-action:ci/test -->';

/** HTML elements the report itself writes (micromark's rendering of them included). */
const ALLOWED_TAGS = new Set(['h2', 'h4', 'h3', 'p', 'strong', 'em', 'b', 'br', 'a', 'code', 'pre', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'details', 'summary', 'blockquote', 'ul', 'li', 'hr']);

function evilComparison() {
  const points = (base: number) => [0, 1, 2].map((step) => ({ value: base - step * 0.1, step, timestamp: step }));
  const table = {
    columns: ['row', 'repeat', EVIL, 'expected', 'output', 'correctness/passed'],
    data: [
      [0, 0, EVIL, EVIL, BREAKING, true],
      [1, 0, EVIL, EVIL, EVIL, false],
    ],
  };
  const flipped = { ...table, data: [table.data[0]!.with(5, false), table.data[1]!.with(5, true)] };
  const evilRun = (side: 'b' | 'c') =>
    run({
      run_id: `${side}-evil`,
      run_name: EVIL,
      tags: { 'mlflow.project.entryPoint': EVIL, 'mlflow_ts.eval.dataset_digest': side === 'b' ? EVIL : BREAKING },
      params: { [EVIL]: side === 'b' ? EVIL : BREAKING, [BREAKING]: '1', [LINKY]: side === 'b' ? LINKY : '2' },
      values: { [EVIL]: side === 'b' ? 1 : 2, [BREAKING]: side === 'b' ? 3 : 1 },
      metrics: { [`${EVIL}/loss`]: points(side === 'b' ? 1 : 0.9) },
      artifacts: [{ path: EVIL, file_size: 10 }],
      eval: evalSection(JSON.stringify(side === 'b' ? table : flipped)),
      traces: {
        count: 2,
        span_traces: 2,
        spans: { [EVIL]: { count: 2, p50_ms: 10, p95_ms: side === 'b' ? 20 : 40 } },
        tokens: { input: 1, output: 1, total: 2 },
        cost_usd: 0.01,
        cache_hits: 0,
        cache_misses: 2,
        latency_ms: { p50: 10, p95: 20 },
      },
    });
  const b = bundle([evilRun('b')], { sha: EVIL, ref: BREAKING });
  const c = { ...bundle([evilRun('c')], { sha: EVIL, ref: EVIL, pr_number: 1 }), warnings: [EVIL, BREAKING] };
  const gates = evaluateGates(parseGates('`a|b <!-- x --> @octocat` >= 2'), { current: () => ({ value: 1 }), baseline: () => undefined });
  return compareBundles(b, c, { gates, baselineMissingReason: EVIL });
}

/** What a cell holding `text` must render as: the same text, HTML-escaped, with a zero-width space after each @. */
const asCell = (text: string): string => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll('@', '@\u200B');

function checkHarmless(markdown: string, linked: readonly string[] = ['https://github.com/acme/']): void {
  const html = toHtml(markdown);
  assert.ok(markdown.startsWith(`${MARKER}\n`));
  assert.equal(markdown.split('<!--').length - 1, 1, 'the caller’s marker is the only HTML comment');
  assert.equal(markdown.split('mlflow-ts-action:ci/test -->').length - 1, 1, 'the marker text cannot be forged, escaped or not');
  assert.equal(html.split('<!--').length - 1, 1);
  assert.ok(!/@octocat/i.test(html) && !/@octocat/i.test(markdown), 'no mention survives');
  assert.ok(!/<script/i.test(markdown) && !/<script/i.test(html));
  const tags = new Set([...html.matchAll(/<\/?([a-z0-9]+)/gi)].map((m) => m[1]!.toLowerCase()));
  assert.deepEqual([...tags].filter((t) => !ALLOWED_TAGS.has(t)), [], 'no injected element');
  const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
  assert.deepEqual(hrefs.filter((h) => !linked.some((l) => h.startsWith(l))), [], 'no injected link');
  const facts = tableFacts(markdown, html);
  assert.equal(facts.tables, facts.markdownTables, 'every table still parses');
  assert.equal(facts.rows, facts.markdownRows, 'no line broke out of a table or into one');
  assert.equal((html.match(/<details>/g) ?? []).length, (html.match(/<\/details>/g) ?? []).length);
}

describe('untrusted names and values in the Markdown report', () => {
  const comparison = evilComparison();
  const links = { job: 'https://github.com/acme/repo/actions/runs/1' };
  const markdown = renderMarkdown({ ...comparison, links }, { marker: MARKER });
  const html = toHtml(markdown);

  it('renders them as text: no comment, mention, tag, link or image gets through', () => {
    checkHarmless(markdown);
  });

  it('keeps the whole name in its own table cell, pipes included', () => {
    assert.ok(EVIL.length < 80, 'short enough to be shown whole');
    assert.ok(html.includes(`">${asCell(EVIL)}</td>`), 'a metric or param name cell');
    assert.ok(html.includes(`">${asCell(BREAKING.replace(/\n+/g, ' '))}</td>`), 'line breaks become spaces');
    assert.ok(html.includes(`">${asCell(LINKY)}</td>`), 'link, code and emphasis syntax shown as typed');
    // A <summary> is raw HTML: the entities stay as written.
    assert.ok(html.includes(`<summary><b>${asCell(EVIL).replaceAll('\u200B', '&#8203;')}</b>`), 'the details summary');
  });

  it('keeps Mermaid titles plain and parseable', async () => {
    const blocks = mermaidBlocks(markdown);
    assert.equal(blocks.length, 1);
    assert.equal(await parseMermaid(blocks[0]!), 'xychart');
    const title = /^ {2}title "(.*)"$/m.exec(blocks[0]!)?.[1];
    assert.ok(title?.startsWith('a_b __-- mlflow-ts-action:x --_ _octocat _script_x_/script_'), title);
    assert.match(title!, /^[\p{L}\p{N} _\-./:()+,=…]*$/u);
  });

  it('stays harmless when the comparison itself is read back from untrusted JSON', () => {
    const stored = JSON.parse(renderJson(comparison));
    stored.links = { job: 'javascript:alert(1)', reportArtifact: 'https://evil.example/x> <!-- mlflow-ts-action:ci/test -->' };
    stored.runs[0].current.url = 'data:text/html,<script>alert(1)</script>';
    stored.runs[0].baseline.url = 'https://github.com/acme/ok)](javascript:alert(1)';
    const md = renderMarkdown(parseComparison(stored), { marker: MARKER, maxChars: 5_000 });
    // An http(s) link in a stored comparison stays a link, but with its marker text percent-encoded.
    checkHarmless(md, ['https://github.com/acme/', 'https://evil.example/x%3E%20%3C!--%20mlflow-ts-action:ci/test%20--%3E']);
    assert.ok(!md.includes('[CI job]') && !md.includes('[current run]'), 'a URL that is not http(s) is not linked');
  });

  it('refuses a marker that is not a single HTML comment', () => {
    assert.throws(() => renderMarkdown(comparison, { marker: '<!-- a --> @octocat' }), TypeError);
    assert.throws(() => renderMarkdown(comparison, { marker: 'mlflow-ts-action' }), TypeError);
  });
});
