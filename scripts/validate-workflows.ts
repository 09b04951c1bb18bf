/**
 * `npm run validate:workflows` (.ci/run calls it): action.yml and every workflow under
 * .github/workflows checked against the JSON schemas @action-validator/core embeds, then what a
 * schema cannot know: a step that uses this action (`uses: ./`) passes only inputs action.yml
 * declares, and those inputs are ones the action accepts (the action's own readInputs, so a
 * threshold that does not parse or a file that does not exist fails here, not on a runner).
 *
 * Problems are printed as GitHub annotations (file and line), so CI shows them on the file. The
 * validator's Node API does not check `paths:` globs (it says so on stderr); GitHub does not need
 * them to match anything either.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as core from '@actions/core';
import { validateAction, validateWorkflow, type ValidationError } from '@action-validator/core';
import { isMap, LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { ActionInputError, INPUTS, readInputs, type InputName } from '../src/action/inputs.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const ACTION_FILE = 'action.yml';
export const WORKFLOWS_DIR = '.github/workflows';

export interface Finding {
  /** Repository-relative path. */
  file: string;
  line?: number;
  message: string;
}

export interface FileReport {
  file: string;
  errors: Finding[];
  notices: Finding[];
}

interface Parsed {
  doc: Document;
  lines: LineCounter;
}

function parse(source: string): Parsed {
  const lines = new LineCounter();
  return { doc: parseDocument(source, { lineCounter: lines }), lines };
}

/** The line of the deepest node a JSON pointer (`/jobs/a/steps/0`) still reaches. */
function lineOf(parsed: Parsed, pointer: string): number | undefined {
  const keys = pointer
    .split('/')
    .slice(1)
    .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
  for (let n = keys.length; n >= 0; n--) {
    const node: unknown = n === 0 ? parsed.doc.contents : parsed.doc.getIn(keys.slice(0, n), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return parsed.lines.linePos(range[0]).line;
  }
  return undefined;
}

/** One validator error as indented lines: a oneOf lists what each alternative lacked. */
export function describeError(error: ValidationError, indent = ''): string[] {
  const where = 'path' in error && error.path ? error.path : '(document)';
  const out = [`${indent}${where}: ${error.title}${error.detail ? ` (${error.detail})` : ''}`];
  if ('states' in error && error.states) {
    error.states.forEach((state, i) => {
      out.push(`${indent}  alternative ${i + 1}:`);
      for (const e of state.errors) out.push(...describeError(e, `${indent}    `));
    });
  }
  return out;
}

function findings(file: string, parsed: Parsed, errors: readonly ValidationError[]): Finding[] {
  return errors.map((error) => {
    const line = 'location' in error && error.location ? error.location.line : 'path' in error ? lineOf(parsed, error.path) : undefined;
    return { file, ...(line !== undefined ? { line } : {}), message: describeError(error).join('\n') };
  });
}

/**
 * KNOWN GAP, accepted narrowly. @action-validator/core 0.6.0, the newest on npm, embeds a copy of
 * SchemaStore's github-action.json from before GitHub added the `node24` runtime (2025): in it
 * `definitions.runs-javascript.properties.using.enum` is ["node12", "node16", "node20"] (see it
 * with `strings node_modules/@action-validator/core/action_validator_bg.wasm | grep -B3 node20`;
 * upstream: https://github.com/SchemaStore/schemastore/blob/master/src/schemas/json/github-action.json,
 * vendored by https://github.com/mpalmer/action-validator). So `runs.using: node24` fails the
 * schema's oneOf of JavaScript | composite | Docker runs.
 *
 * We still validate action.yml as written and accept exactly that one error: action.yml says
 * `using: node24`, the validator reports one error, the oneOf at /runs, and its JavaScript
 * alternative failed on nothing but the `using` enum. Any other error (in `runs` or anywhere else,
 * or another `using` value) fails as usual. Drop this once a validator release knows node24.
 */
export function isKnownNode24Gap(errors: readonly ValidationError[], using: unknown): boolean {
  if (using !== 'node24' || errors.length !== 1) return false;
  const [only] = errors;
  if (!only || only.code !== 'one_of' || !('path' in only) || only.path !== '/runs' || !only.states) return false;
  return only.states.some((state) => {
    const [e, ...more] = state.errors;
    return more.length === 0 && e !== undefined && e.code === 'enum' && 'path' in e && e.path === '/runs/using';
  });
}

export const NODE24_NOTICE =
  '`runs.using: node24` is rejected by @action-validator/core 0.6.0, whose embedded schema stops at node20; ' +
  'GitHub runs node24 actions, so this one error is accepted (scripts/validate-workflows.ts, isKnownNode24Gap). Every other check applied.';

export function validateActionSource(source: string, file: string = ACTION_FILE): FileReport {
  const parsed = parse(source);
  const { errors } = validateAction(source);
  if (isKnownNode24Gap(errors, parsed.doc.getIn(['runs', 'using']))) {
    return { file, errors: [], notices: [{ file, ...lineAt(parsed, '/runs/using'), message: NODE24_NOTICE }] };
  }
  return { file, errors: findings(file, parsed, errors), notices: [] };
}

function lineAt(parsed: Parsed, pointer: string): { line?: number } {
  const line = lineOf(parsed, pointer);
  return line !== undefined ? { line } : {};
}

const SELF = new Set(['./', '.']);

const WorkflowShape = z.object({
  jobs: z.record(z.string(), z.looseObject({ steps: z.array(z.looseObject({ uses: z.string().optional(), with: z.record(z.string(), z.unknown()).optional() })).optional() })),
});

/** Checks each `uses: ./` step's `with:` against action.yml's inputs and the action's own input rules. */
function checkSelfUses(file: string, parsed: Parsed, declared: ReadonlySet<string>): Finding[] {
  const workflow = WorkflowShape.safeParse(parsed.doc.toJS());
  // The schema has accepted the file; a shape this reader does not know is not a usage of ours.
  if (!workflow.success) return [];
  const out: Finding[] = [];
  for (const [jobId, job] of Object.entries(workflow.data.jobs)) {
    (job.steps ?? []).forEach((step, index) => {
      if (step.uses === undefined || !SELF.has(step.uses)) return;
      const at = `/jobs/${jobId}/steps/${index}`;
      const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, String(v)]));
      const unknown = Object.keys(inputs).filter((k) => !declared.has(k));
      for (const name of unknown) {
        out.push({ file, ...lineAt(parsed, `${at}/with/${name}`), message: `${at}: \`${name}\` is not an input of ${ACTION_FILE} (its inputs: ${[...declared].join(', ')}).` });
      }
      // An expression's value is only known on the runner, which checks the inputs then.
      if (unknown.length > 0 || Object.values(inputs).some((v) => v.includes('${{'))) return;
      try {
        readInputs((name: InputName) => inputs[name] ?? INPUTS.find((i) => i.name === name)!.default);
      } catch (error) {
        if (!(error instanceof ActionInputError)) throw error;
        out.push({ file, ...lineAt(parsed, `${at}/with/${error.input}`), message: `${at}: the action would reject this step. ${error.message}` });
      }
    });
  }
  return out;
}

export function validateWorkflowSource(source: string, file: string, declaredInputs: ReadonlySet<string>): FileReport {
  const parsed = parse(source);
  const { errors } = validateWorkflow(source);
  const schema = findings(file, parsed, errors);
  // Usage checks need a well-formed file; the schema errors already say what is wrong with it.
  return { file, errors: schema.length > 0 ? schema : checkSelfUses(file, parsed, declaredInputs), notices: [] };
}

/** action.yml and every workflow of this repository (paths in `with:` are read from the working directory). */
export function validateRepository(): FileReport[] {
  const actionSource = readFileSync(path.join(ROOT, ACTION_FILE), 'utf8');
  const declared = parseDocument(actionSource).get('inputs');
  const names = new Set(isMap(declared) ? declared.items.map((i) => String((i.key as { value?: unknown }).value)) : []);
  const reports = [validateActionSource(actionSource)];
  const dir = path.join(ROOT, WORKFLOWS_DIR);
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  for (const f of files) {
    const file = `${WORKFLOWS_DIR}/${f}`;
    reports.push(validateWorkflowSource(readFileSync(path.join(dir, f), 'utf8'), file, names));
  }
  return reports;
}

function main(): void {
  // readInputs checks paths relative to the working directory, as the runner's workspace is.
  process.chdir(ROOT);
  const reports = validateRepository();
  let failed = 0;
  for (const report of reports) {
    for (const n of report.notices) core.notice(n.message, { file: n.file, ...(n.line !== undefined ? { startLine: n.line } : {}) });
    for (const e of report.errors) core.error(e.message, { file: e.file, ...(e.line !== undefined ? { startLine: e.line } : {}) });
    if (report.errors.length > 0) failed++;
    console.log(`${report.errors.length > 0 ? '✗' : '✓'} ${report.file}${report.errors.length > 0 ? ` (${report.errors.length} problem(s))` : ''}`);
  }
  if (failed > 0) {
    console.error(`${failed} of ${reports.length} file(s) failed validation; fix them (the messages above name the YAML path and line).`);
    process.exitCode = 1;
  } else {
    console.log(`${reports.length} file(s) valid: ${ACTION_FILE} and ${reports.length - 1} workflow(s).`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
