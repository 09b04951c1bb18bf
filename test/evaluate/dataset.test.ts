/**
 * Datasets: JSONL, CSV, JSON (records and pandas split) and inline rows giving the same rows and
 * digest; column mapping and its errors; limit; the MLflow dataset description; and errors that
 * name the file and line.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatasetError, datasetDigest, formatFromPath, loadDataset } from '../../src/evaluate/dataset.ts';
import type { DatasetFormat, DatasetSpec, LoadedDataset } from '../../src/evaluate/dataset.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'suites');
const dir = mkdtempSync(join(tmpdir(), 'eval-dataset-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const MAPPING = { expected: 'answer', question: 'q' };
const WANT_ROWS = [
  { index: 0, inputs: { question: 'Capital of France?', lang: 'en' }, expected: 'Paris' },
  { index: 1, inputs: { question: 'Hauptstadt von Österreich?', lang: 'de' }, expected: 'Wien' },
  { index: 2, inputs: { question: '日本の首都は?', lang: 'ja' }, expected: '東京' },
];

let fileCount = 0;
/** Writes `text` into a fresh file with the given extension; returns its path. */
function write(text: string, ext: string): string {
  const path = join(dir, `data-${++fileCount}.${ext}`);
  writeFileSync(path, text);
  return path;
}

function fileSpec(path: string, format: DatasetFormat, extra: Partial<DatasetSpec> = {}): DatasetSpec {
  return { source: 'file', path, format, columns: {}, ...extra } as DatasetSpec;
}

async function load(text: string, format: DatasetFormat, extra: Partial<DatasetSpec> = {}): Promise<LoadedDataset> {
  return loadDataset(fileSpec(write(text, format), format, extra));
}

async function datasetError(promise: Promise<unknown>): Promise<DatasetError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof DatasetError, String(err));
    return err;
  }
  assert.fail('expected a DatasetError');
}

describe('one dataset in every format', () => {
  const sources: [string, () => Promise<LoadedDataset>][] = [
    ['JSONL', () => loadDataset(fileSpec(join(FIXTURES, 'qa.jsonl'), 'jsonl', { columns: MAPPING }))],
    ['CSV', () => loadDataset(fileSpec(join(FIXTURES, 'qa.csv'), 'csv', { columns: MAPPING }))],
    ['JSON records', () => loadDataset(fileSpec(join(FIXTURES, 'qa.json'), 'json', { columns: MAPPING }))],
    ['JSON split orientation', () => loadDataset(fileSpec(join(FIXTURES, 'qa-split.json'), 'json', { columns: MAPPING }))],
    [
      'inline rows',
      () =>
        loadDataset({
          source: 'inline',
          columns: MAPPING,
          rows: [
            { q: 'Capital of France?', answer: 'Paris', lang: 'en' },
            { q: 'Hauptstadt von Österreich?', answer: 'Wien', lang: 'de' },
            { q: '日本の首都は?', answer: '東京', lang: 'ja' },
          ],
        }),
    ],
  ];

  it('gives the same rows and the same digest', async () => {
    const loaded = await Promise.all(sources.map(([, load]) => load()));
    for (const [i, d] of loaded.entries()) {
      assert.deepEqual(d.rows, WANT_ROWS, sources[i]![0]);
      assert.equal(d.input.digest, loaded[0]!.input.digest, sources[i]![0]);
      assert.match(d.input.digest, /^[0-9a-f]{8}$/);
    }
  });

  it('keeps the expected answer out of the inputs and the data\'s column order', async () => {
    const d = await sources[0]![1]();
    assert.deepEqual(Object.keys(d.rows[0]!.inputs), ['question', 'lang']);
    assert.deepEqual(d.columns, ['question', 'lang', 'expected']);
  });
});

describe('the digest', () => {
  const base = [
    { index: 0, inputs: { a: 'x', b: 1 }, expected: 'y' },
    { index: 1, inputs: { a: 'z', b: 2 } },
  ];

  it('is stable, and ignores the order of keys', () => {
    const reordered = [{ index: 0, inputs: { b: 1, a: 'x' }, expected: 'y' }, base[1]!];
    assert.equal(datasetDigest(base), datasetDigest(structuredClone(base)));
    assert.equal(datasetDigest(base), datasetDigest(reordered));
  });

  it('changes with any value, name, type, the expected answer or the row order', () => {
    const variants = [
      [{ ...base[0]!, inputs: { a: 'x', b: 3 } }, base[1]!],
      [{ ...base[0]!, inputs: { a: 'x', c: 1 } }, base[1]!],
      [{ ...base[0]!, inputs: { a: 'x', b: '1' } }, base[1]!],
      [{ ...base[0]!, expected: 'Y' }, base[1]!],
      [{ index: 0, inputs: base[0]!.inputs }, base[1]!],
      [base[1]!, base[0]!],
      [base[0]!],
    ];
    const digests = new Set([datasetDigest(base), ...variants.map((v) => datasetDigest(v))]);
    assert.equal(digests.size, variants.length + 1);
  });

  it('is the same for a file whatever its line endings, byte-order mark or blank lines', async () => {
    const lf = await load('{"a": "1"}\n{"a": "2"}\n', 'jsonl');
    const crlf = await load('\uFEFF{"a": "1"}\r\n\r\n{"a": "2"}\r\n', 'jsonl');
    const csv = await load('\uFEFFa\r\n1\r\n2\r\n', 'csv');
    assert.equal(crlf.input.digest, lf.input.digest);
    assert.equal(csv.input.digest, lf.input.digest);
  });
});

describe('JSONL', () => {
  it('skips blank lines and keeps JSON types', async () => {
    const d = await load('{"n": 1, "ok": true, "tags": ["a"]}\n\n   \n{"n": 2.5, "ok": null}\n', 'jsonl');
    assert.deepEqual(d.rows, [
      { index: 0, inputs: { n: 1, ok: true, tags: ['a'] } },
      { index: 1, inputs: { n: 2.5, ok: null } },
    ]);
  });

  it('names the line of invalid JSON', async () => {
    const err = await datasetError(load('{"a": 1}\n\n{"a": 2,}\n', 'jsonl'));
    assert.equal(err.line, 3);
    assert.match(err.message, /^.*data-\d+\.jsonl:3: not valid JSON \(.*\)\. Each line must hold one JSON object\.$/);
  });

  it('names the line of a value that is not an object', async () => {
    const err = await datasetError(load('{"a": 1}\n[1, 2]\n', 'jsonl'));
    assert.equal(err.line, 2);
    assert.match(err.message, /:2: must be a JSON object .*, not a list\.$/);
  });
});

describe('CSV', () => {
  it('reads a header row; values stay strings, quoted values may hold commas and line breaks', async () => {
    const d = await load('id,text,score\n1,"a, b",0.5\n2,"line one\nline two",\n', 'csv');
    assert.deepEqual(d.rows, [
      { index: 0, inputs: { id: '1', text: 'a, b', score: '0.5' } },
      { index: 1, inputs: { id: '2', text: 'line one\nline two', score: '' } },
    ]);
  });

  it('names the line of a row with the wrong number of values', async () => {
    const err = await datasetError(load('a,b\n1,2\n3\n', 'csv'));
    assert.equal(err.line, 3);
    assert.match(err.message, /:3: not valid CSV: .*expect 2, got 1/);
  });

  it('refuses a header with a duplicate or empty column name', async () => {
    assert.match((await datasetError(load('a,b,a\n1,2,3\n', 'csv'))).message, /:1: the header names column "a" twice\. Rename one\./);
    assert.match((await datasetError(load('a,,c\n1,2,3\n', 'csv'))).message, /:1: column 2 of the header row has no name/);
  });

  it('points a row problem at the line where the row starts', async () => {
    const path = write('q,answer\n"multi\nline",x\n', 'csv');
    const err = await datasetError(loadDataset(fileSpec(path, 'csv', { placeholders: [{ name: 'question', where: 'prompt' }] })));
    assert.equal(err.line, 2);
  });
});

describe('JSON', () => {
  it('refuses other shapes, naming the entry', async () => {
    assert.match((await datasetError(load('{"a": 1}', 'json'))).message, /must hold a list of row objects, or pandas' split orientation .*; it holds an object without "columns" and "data" lists\./);
    assert.match((await datasetError(load('[{"a": 1}, 7]', 'json'))).message, /: \[1\]: must be a JSON object .*, not a number\./);
    assert.match((await datasetError(load('{"columns": ["a", "b"], "data": [[1, 2], [3]]}', 'json'))).message, /: data\[1\]: has 1 values but there are 2 columns/);
    assert.match((await datasetError(load('{"columns": ["a", "a"], "data": []}', 'json'))).message, /: columns: names column "a" twice/);
  });

  it('names the line of a syntax error', async () => {
    const err = await datasetError(load('[\n  {"a": 1},\n  {"a": 2,}\n]\n', 'json'));
    assert.equal(err.line, 3);
    assert.match(err.message, /not valid JSON/);
  });
});

describe('column mapping', () => {
  it('names a mapped column the data lacks, with the columns it has', async () => {
    const err = await datasetError(load('{"question": "q", "answer": "a"}\n', 'jsonl', { columns: { expected: 'answr' } }));
    assert.equal(err.line, 1);
    assert.match(err.message, /:1: row 0 has no column "answr", which dataset\.columns maps to "expected"\. Did you mean "answer"\? The data's columns: question, answer\.$/);
  });

  it('refuses to map onto a column that exists', async () => {
    const err = await datasetError(load('{"q": "a", "question": "b"}\n', 'jsonl', { columns: { question: 'q' } }));
    assert.match(err.message, /the data has a column "question" and dataset\.columns also maps "q" to that name/);
  });

  it('may map one column to two names, and swap two names', async () => {
    const d = await load('{"a": 1, "b": 2}\n', 'jsonl', { columns: { x: 'a', y: 'a', a: 'b', b: 'a' } });
    assert.deepEqual(d.rows[0]!.inputs, { x: 1, y: 1, b: 1, a: 2 });
  });

  it('keeps a column named __proto__ as a column', async () => {
    const d = await load('{"__proto__": {"polluted": 1}, "a": 1}\n', 'jsonl');
    assert.ok(Object.hasOwn(d.rows[0]!.inputs, '__proto__'));
    assert.equal((d.rows[0]!.inputs as { polluted?: number }).polluted, undefined);
  });

  it('checks the prompt\'s variables against the first row', async () => {
    const err = await datasetError(load('{"question": "q"}\n', 'jsonl', { placeholders: [{ name: 'questoin', where: 'messages[1].content' }] }));
    assert.match(err.message, /:1: row 0 has no column "questoin", which messages\[1\]\.content uses as \{\{questoin\}\}\. Did you mean "question"\? The row's columns: question\.$/);
    // {{expected}} and {{input.x}} are variables the row has.
    await load('{"q": "q", "answer": "a"}\n', 'jsonl', { columns: MAPPING, placeholders: [{ name: 'expected', where: 'prompt' }, { name: 'input.question', where: 'prompt' }] });
  });

  it('locates an inline row\'s problem in the suite', async () => {
    const err = await datasetError(loadDataset({ source: 'inline', rows: [{ a: 1 }], columns: { expected: 'b' }, origin: 'eval.yaml' }));
    assert.equal(err.message, 'eval.yaml: dataset.rows[0]: row 0 has no column "b", which dataset.columns maps to "expected". The data\'s columns: a.');
  });
});

describe('limit', () => {
  it('takes the first rows, and the digest covers only those', async () => {
    const all = await load('{"a": 1}\n{"a": 2}\n{"a": 3}\n', 'jsonl');
    const two = await load('{"a": 1}\n{"a": 2}\n{"a": 3}\n', 'jsonl', { limit: 2 });
    const only = await load('{"a": 1}\n{"a": 2}\n', 'jsonl');
    assert.deepEqual(two.rows.map((r) => r.inputs.a), [1, 2]);
    assert.equal(two.input.digest, only.input.digest);
    assert.notEqual(two.input.digest, all.input.digest);
  });
});

describe('the MLflow dataset description', () => {
  it('has a name, a local source, a column schema and a profile', async () => {
    const path = write('{"s": "x", "i": 1, "f": 1, "b": true, "o": {"k": 1}, "m": 1, "e": "y"}\n{"s": "z", "i": 2, "f": 1.5, "b": false, "o": [1], "m": "one"}\n', 'jsonl');
    const d = await loadDataset(fileSpec(path, 'jsonl', { columns: { expected: 'e' } }));
    assert.equal(d.input.name, path.split('/').pop()!.replace(/\.jsonl$/, ''));
    assert.equal(d.input.source_type, 'local');
    assert.deepEqual(JSON.parse(d.input.source), { uri: path });
    assert.deepEqual(JSON.parse(d.input.schema!), {
      mlflow_colspec: [
        { type: 'string', name: 's', required: true },
        { type: 'long', name: 'i', required: true },
        { type: 'double', name: 'f', required: true },
        { type: 'boolean', name: 'b', required: true },
        { type: 'any', name: 'o', required: true },
        { type: 'any', name: 'm', required: true },
        { type: 'string', name: 'expected', required: false },
      ],
    });
    assert.deepEqual(JSON.parse(d.input.profile!), { num_rows: 2, num_elements: 14 });
  });

  it('names inline rows after the suite, as code', async () => {
    const d = await loadDataset({ source: 'inline', rows: [{ a: 1 }], columns: {}, origin: 'evals/eval.yaml', name: 'smoke' });
    assert.equal(d.input.name, 'smoke');
    assert.equal(d.input.source_type, 'code');
    assert.deepEqual(JSON.parse(d.input.source), { tags: { 'mlflow.source.name': 'evals/eval.yaml' } });
  });
});

describe('files', () => {
  it('says when the file is missing or empty', async () => {
    assert.match((await datasetError(loadDataset(fileSpec(join(dir, 'nope.jsonl'), 'jsonl')))).message, /nope\.jsonl: file not found\./);
    assert.match((await datasetError(load('\n\n', 'jsonl'))).message, /: the dataset has no rows\. Add at least one\.$/);
    assert.match((await datasetError(load('a,b\n', 'csv'))).message, /: the dataset has no rows/);
  });

  it('resolves a relative path against baseDir', async () => {
    const d = await loadDataset(fileSpec('qa.csv', 'csv', { columns: MAPPING }), { baseDir: FIXTURES });
    assert.equal(d.rows.length, 3);
  });

  it('tells formats from file names', () => {
    assert.deepEqual(['a.jsonl', 'a.NDJSON', 'a.csv', 'a.json', 'a.txt', 'a'].map(formatFromPath), ['jsonl', 'jsonl', 'csv', 'json', undefined, undefined]);
  });
});
