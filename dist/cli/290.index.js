export const id = 290;
export const ids = [290,397];
export const modules = {

/***/ 59290:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  EnvironmentError: () => (/* reexport */ EnvironmentError),
  ProjectError: () => (/* reexport */ ProjectError),
  ProjectSourceError: () => (/* reexport */ ProjectSourceError),
  buildCommand: () => (/* reexport */ buildCommand),
  isGitUri: () => (/* reexport */ isGitUri),
  loadProject: () => (/* reexport */ loadProject),
  resolveEntryPoint: () => (/* reexport */ resolveEntryPoint),
  resolveSource: () => (/* reexport */ resolveSource),
  runProject: () => (/* reexport */ runProject),
  stripCredentials: () => (/* reexport */ stripCredentials)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./build/src/projects/errors.js
/**
 * The one error type of `mlflow-ts run` for problems the user can fix: a malformed MLproject, an
 * unknown entry point, a missing or mistyped parameter. The message names the file, entry point or
 * parameter and says what to change, so the CLI prints it as is (no stack trace) and creates no run.
 */
class ProjectError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = 'ProjectError';
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js
var schemas = __webpack_require__(55156);
;// CONCATENATED MODULE: ./build/src/projects/mlproject.js
/**
 * The MLproject model: reading a project directory the way MLflow Projects does, and turning an
 * entry point plus `-P` values into one shell command line that is safe to hand to `sh -c`.
 *
 * Where we follow MLflow (`mlflow/projects/_project_spec.py`):
 * - the file is the one whose name is `mlproject` in any case (`MLproject` by convention);
 * - parameters are `name: type` or `name: {type, default}`, type `string` when left out, required
 *   when there is no default (or the default is null);
 * - at most one of `python_env`, `conda_env`, `docker_env`; without any, a `python_env.yaml` and
 *   then a `conda.yaml` next to the MLproject are used, else the current environment;
 * - an entry point that is not declared may name a script in the project (`.py` runs with
 *   `python`, `.sh` with `bash`; we add `.js`/`.ts` etc., run by the Node running us);
 * - the command is a Python `str.format` template: `{name}` is a declared parameter, `{{` and `}}`
 *   are literal braces, and any other `{...}` is an error (MLflow fails with a KeyError);
 * - undeclared `-P` parameters are appended as `--key value`, in the order given;
 * - `path` values must exist locally and become absolute; `uri` values keep their scheme, and
 *   local paths become absolute (as MLflow's documentation describes).
 *
 * Where we are stricter or safer than MLflow, on purpose:
 * - unknown keys inside an entry point, a parameter, `docker_env` or python_env.yaml are errors
 *   (a typo such as `paramters:` would otherwise turn every parameter into an undeclared one);
 *   unknown top-level keys are ignored, as MLflow does, so files made for other tools still load;
 * - a parameter type outside float/int/string/path/uri is an error (MLflow passes it through);
 * - float and int values (given or default) must parse; a relative `path`/`uri` *default* is
 *   resolved against the project directory (its author wrote it relative to the project), a given
 *   value against the caller's working directory (the user typed it from there);
 * - a value is quoted for the shell context its placeholder sits in (plain, inside '...' or
 *   inside "..."), so even a template such as `echo "{msg}"` cannot run `$(...)` from a value;
 *   placeholders where no quoting is reliable (after a backslash or `$`, inside backticks, `$(...)`,
 *   `${...}`, comments or here-documents) are rejected with a message saying how to write it;
 * - undeclared parameter names are quoted too (MLflow quotes only their values);
 * - the logged values are the raw final values, not MLflow's shell-quoted ones.
 */







const PARAMETER_TYPES = ['float', 'int', 'string', 'path', 'uri'];
const MLPROJECT_NAME = 'mlproject';
const DEFAULT_PYTHON_ENV = 'python_env.yaml';
const DEFAULT_CONDA_ENV = 'conda.yaml';
const SCRIPT_RUNNERS = {
    '.py': 'python',
    '.sh': 'bash',
    '.js': 'node',
    '.mjs': 'node',
    '.cjs': 'node',
    '.ts': 'node',
    '.mts': 'node',
    '.cts': 'node',
};
// ---------------------------------------------------------------------------------------------
// File format
/** A YAML scalar as text; numbers and booleans arrive as their source text (see readYaml). */
const Text = schemas.union([schemas.string(), schemas.number(), schemas.boolean()], { error: 'expected a single value (text or a number), not a list or mapping' })
    .transform((v) => String(v));
function strictMapping(shape, hint) {
    const allowed = Object.keys(shape).join(', ');
    return schemas.strictObject(shape, {
        error: (issue) => {
            if (issue.code === 'unrecognized_keys') {
                const keys = issue.keys.map((k) => `'${k}'`).join(', ');
                return `unknown key${issue.keys.length > 1 ? 's' : ''} ${keys} (allowed: ${allowed})`;
            }
            if (issue.code === 'invalid_type')
                return `expected a mapping; ${hint}`;
            return undefined;
        },
    });
}
const ParameterSchema = schemas.preprocess((v) => (typeof v === 'string' ? { type: v } : v), strictMapping({
    type: schemas["enum"](PARAMETER_TYPES, {
        error: (issue) => `type must be one of ${PARAMETER_TYPES.join(', ')}, not ${JSON.stringify(issue.input)}`,
    })
        .optional(),
    default: Text.nullish(),
}, 'write `lr: float` or `lr: {type: float, default: 0.1}`'));
const EntryPointSchema = strictMapping({
    parameters: schemas.record(schemas.string(), ParameterSchema).nullish(),
    command: schemas.string({ error: 'every entry point needs a `command`: the shell command to run, e.g. `python train.py --lr {lr}`' })
        .refine((c) => c.trim() !== '', 'the command is empty'),
}, 'write `train: {command: "python train.py --lr {lr}", parameters: {lr: float}}`');
const DockerEnvSchema = strictMapping({
    image: schemas.string({ error: 'docker_env needs an `image` (a name, tag or ID that `docker run` accepts)' })
        .refine((s) => s.trim() !== '', 'docker_env needs a non-empty `image`'),
    volumes: schemas.array(Text).nullish(),
    environment: schemas.array(schemas.union([Text, schemas.tuple([Text, Text])], {
        error: 'each entry is a variable name to copy from the host (`- HOME`) or a [name, value] pair (`- [MODE, test]`)',
    }))
        .nullish(),
}, 'write `docker_env: {image: my-image:latest}`');
const MLprojectSchema = schemas.looseObject({
    name: Text.nullish(),
    entry_points: schemas.record(schemas.string(), EntryPointSchema, { error: 'expected a mapping from entry point names to {parameters, command}' }).nullish(),
    python_env: schemas.string({ error: 'expected the path of a python_env.yaml file, relative to the project' }).nullish(),
    conda_env: schemas.string({ error: 'expected the path of a conda environment file, relative to the project' }).nullish(),
    docker_env: DockerEnvSchema.nullish(),
}, { error: 'expected a mapping with `name`, `entry_points` and an environment' });
const PythonEnvSchema = strictMapping({
    python: Text.nullish(),
    build_dependencies: schemas.array(Text).nullish(),
    dependencies: schemas.array(Text).nullish(),
}, 'write `python: "3.12"` and `dependencies: [numpy]`');
/**
 * Parses YAML with every number and boolean kept as its source text, so `python: 3.10` stays
 * "3.10" and `default: 0.10` stays "0.10" instead of passing through a float.
 */
async function readYaml(file, what) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (err) {
        throw new ProjectError(`Cannot read ${what} ${file}: ${err.message}`, { cause: err });
    }
    const doc = (0,dist.parseDocument)(text);
    const first = doc.errors[0];
    if (first)
        throw new ProjectError(`${what} ${file} is not valid YAML: ${first.message}`, { cause: first });
    (0,dist.visit)(doc, {
        Scalar(_key, node) {
            if ((typeof node.value === 'number' || typeof node.value === 'boolean') && node.source !== undefined)
                node.value = node.source;
        },
    });
    return doc.toJS({ maxAliasCount: 100 });
}
function invalidFile(what, file, error) {
    const lines = error.issues.map((issue) => {
        const where = issue.path.map(String).join('.');
        return `  - ${where ? `${where}: ` : ''}${issue.message}`;
    });
    return new ProjectError(`${what} ${file} is invalid:\n${lines.join('\n')}`);
}
async function isFile(p) {
    try {
        return (await (0,promises_.stat)(p)).isFile();
    }
    catch {
        return false;
    }
}
async function findMLproject(dir) {
    const names = (await (0,promises_.readdir)(dir)).filter((n) => n.toLowerCase() === MLPROJECT_NAME);
    const files = [];
    for (const n of names)
        if (await isFile(external_node_path_.join(dir, n)))
            files.push(n);
    if (files.length > 1) {
        throw new ProjectError(`${dir} holds ${files.join(' and ')}; MLflow reads only one MLproject file. Keep one of them.`);
    }
    return files[0] === undefined ? undefined : external_node_path_.join(dir, files[0]);
}
async function loadPythonEnv(file) {
    const parsed = PythonEnvSchema.safeParse((await readYaml(file, 'python_env file')) ?? {});
    if (!parsed.success)
        throw invalidFile('python_env file', file, parsed.error);
    const { python, build_dependencies, dependencies } = parsed.data;
    return {
        kind: 'python_env',
        file,
        ...(python != null && python !== '' ? { python } : {}),
        buildDependencies: build_dependencies ?? [],
        dependencies: dependencies ?? [],
    };
}
async function referencedFile(dir, mlproject, key, value) {
    const file = external_node_path_.resolve(dir, value);
    if (!(await isFile(file))) {
        throw new ProjectError(`${mlproject} sets ${key}: ${value}, but ${file} does not exist. Add the file or fix the path (it is relative to the project directory).`);
    }
    return file;
}
/** Reads `dir` as an MLflow project; a directory without an MLproject file is a valid project. */
async function loadProject(dir) {
    const absDir = external_node_path_.resolve(dir);
    let dirStat;
    try {
        dirStat = await (0,promises_.stat)(absDir);
    }
    catch {
        throw new ProjectError(`Project directory ${absDir} does not exist. Pass an existing directory or a git URL.`);
    }
    if (!dirStat.isDirectory())
        throw new ProjectError(`${absDir} is not a directory. Pass the project's directory, not a file in it.`);
    const mlproject = await findMLproject(absDir);
    let data = {};
    if (mlproject !== undefined) {
        const parsed = MLprojectSchema.safeParse((await readYaml(mlproject, 'MLproject')) ?? {});
        if (!parsed.success)
            throw invalidFile('MLproject', mlproject, parsed.error);
        data = parsed.data;
    }
    const where = mlproject ?? absDir;
    const entryPoints = new Map();
    const problems = [];
    for (const [name, ep] of Object.entries(data.entry_points ?? {})) {
        const parameters = [];
        for (const [pname, p] of Object.entries(ep.parameters ?? {})) {
            const type = p.type ?? 'string';
            const spec = { name: pname, type };
            if (p.default != null) {
                spec.default = p.default;
                const bad = numberProblem(type, p.default);
                if (bad)
                    problems.push(`  - entry_points.${name}.parameters.${pname}.default: ${bad}`);
            }
            parameters.push(spec);
        }
        entryPoints.set(name, { name, parameters, command: ep.command });
    }
    if (problems.length > 0)
        throw new ProjectError(`MLproject ${where} is invalid:\n${problems.join('\n')}`);
    const envKeys = ['python_env', 'conda_env', 'docker_env'].filter((k) => data[k] != null);
    if (envKeys.length > 1) {
        throw new ProjectError(`MLproject ${where} sets ${envKeys.join(' and ')}, but a project has at most one environment. Keep one of them.`);
    }
    let env = { kind: 'local' };
    if (data.docker_env != null) {
        env = {
            kind: 'docker_env',
            image: data.docker_env.image,
            volumes: data.docker_env.volumes ?? [],
            environment: data.docker_env.environment ?? [],
        };
    }
    else if (data.python_env != null) {
        env = await loadPythonEnv(await referencedFile(absDir, where, 'python_env', data.python_env));
    }
    else if (data.conda_env != null) {
        env = { kind: 'conda_env', file: await referencedFile(absDir, where, 'conda_env', data.conda_env) };
    }
    else if (await isFile(external_node_path_.join(absDir, DEFAULT_PYTHON_ENV))) {
        env = await loadPythonEnv(external_node_path_.join(absDir, DEFAULT_PYTHON_ENV));
    }
    else if (await isFile(external_node_path_.join(absDir, DEFAULT_CONDA_ENV))) {
        env = { kind: 'conda_env', file: external_node_path_.join(absDir, DEFAULT_CONDA_ENV) };
    }
    return { name: data.name ?? undefined, dir: absDir, entryPoints, env, hasMLproject: mlproject !== undefined };
}
/** A declared entry point, else a script file in the project named by `name` (as MLflow allows). */
function resolveEntryPoint(project, name) {
    const declared = project.entryPoints.get(name);
    if (declared)
        return declared;
    const ext = external_node_path_.extname(name).toLowerCase();
    const runner = SCRIPT_RUNNERS[ext];
    const declaredNames = [...project.entryPoints.keys()];
    const known = project.hasMLproject
        ? `The MLproject declares ${declaredNames.length > 0 ? declaredNames.map((n) => `'${n}'`).join(', ') : 'no entry points'}`
        : `${project.dir} has no MLproject file`;
    const scripts = Object.keys(SCRIPT_RUNNERS).join(', ');
    if (runner === undefined) {
        throw new ProjectError(`Entry point '${name}' not found. ${known}, and '${name}' is not a script (${scripts}). Pass a declared entry point with -e, or a script file in the project.`);
    }
    const abs = external_node_path_.resolve(project.dir, name);
    const rel = external_node_path_.relative(project.dir, abs);
    if (rel === '' || rel.startsWith('..') || external_node_path_.isAbsolute(rel)) {
        throw new ProjectError(`Entry point '${name}' points outside the project ${project.dir}. Name a script inside the project, relative to it.`);
    }
    if (!(0,external_node_fs_.existsSync)(abs) || !(0,external_node_fs_.statSync)(abs).isFile()) {
        throw new ProjectError(`Entry point '${name}' not found. ${known}, and there is no file ${abs}.`);
    }
    const file = rel.split(external_node_path_.sep).join('/');
    return { name, parameters: [], command: `${runner} ${shellQuote(file)}`, script: { runner, file } };
}
// ---------------------------------------------------------------------------------------------
// Values
const FLOAT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const FLOAT_WORDS = /^[+-]?(?:inf|infinity|nan)$/i;
const INT = /^[+-]?\d+$/;
const URI_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
function numberProblem(type, value) {
    if (type === 'float' && !FLOAT.test(value) && !FLOAT_WORDS.test(value))
        return `must be a float such as 0.1 or 1e-3, not '${value}'`;
    if (type === 'int' && !INT.test(value))
        return `must be an integer such as 10, not '${value}'`;
    return undefined;
}
/** A local path (plain or `file:` URI without a host), or undefined for any other URI. */
function localPath(value) {
    if (!URI_SCHEME.test(value))
        return value;
    if (!value.toLowerCase().startsWith('file:'))
        return undefined;
    try {
        const url = new URL(value);
        if (url.host !== '')
            return undefined;
        return (0,external_node_url_.fileURLToPath)(url);
    }
    catch {
        return undefined;
    }
}
function finalValue(entry, spec, value, fromDefault, options) {
    const what = `Parameter '${spec.name}' of entry point '${entry.name}'${fromDefault ? ' (its default)' : ''}`;
    const bad = numberProblem(spec.type, value);
    if (bad)
        return { problem: `${what} ${bad}.` };
    if (spec.type !== 'path' && spec.type !== 'uri')
        return { value };
    if (value === '')
        return { problem: `${what} is a ${spec.type} and cannot be empty.` };
    const base = fromDefault ? options.projectDir : (options.cwd ?? process.cwd());
    const local = localPath(value);
    if (spec.type === 'uri')
        return { value: local === undefined ? value : external_node_path_.resolve(base, local) };
    if (local === undefined) {
        return { problem: `${what} is a path and needs a local file or directory, but '${value}' is a remote URI. Download it first, or declare the parameter as type uri to pass it on unchanged.` };
    }
    const abs = external_node_path_.resolve(base, local);
    if (!(0,external_node_fs_.existsSync)(abs)) {
        return { problem: `${what} is a path, but '${value}' does not exist (looked for ${abs}${fromDefault ? ', relative to the project' : ''}).` };
    }
    return { value: abs };
}
// ---------------------------------------------------------------------------------------------
// Shell quoting
// Characters with no meaning to a POSIX shell in any quoting context; `=` is left out so a value
// in command position can never become a variable assignment, `~` so it is never expanded.
const SHELL_SAFE = /^[A-Za-z0-9_@%+:,./-]+$/;
/** One POSIX shell word that the shell turns back into exactly `value`. */
function shellQuote(value) {
    if (SHELL_SAFE.test(value))
        return value;
    return `'${value.replaceAll("'", `'\\''`)}'`;
}
function quoteFor(context, value) {
    if (SHELL_SAFE.test(value))
        return value;
    // Inside quotes the template's own quote is closed, the quoted value follows, and the quote is
    // reopened, so the value ends up as literal text at that spot of the same word.
    if (context === 'single')
        return value.includes("'") ? `'${shellQuote(value)}'` : value;
    if (context === 'double')
        return /[$`"\\!]/.test(value) ? `"${shellQuote(value)}"` : value;
    return shellQuote(value);
}
function newScan() {
    return {
        stack: [{ kind: 'top', parens: 0 }],
        escaped: false,
        afterDollar: false,
        wordStart: true,
        word: '',
        heredoc: false,
        uncertain: false,
        lineEmpty: true,
        trailing: 0,
        lineEmptyBeforeTrailing: true,
    };
}
const BLANK = /[ \t\n]/;
const WORD_BREAK = /[ \t\n;&|()<>]/;
function scanLiteral(s, text) {
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        const next = text[i + 1];
        const frame = s.stack[s.stack.length - 1];
        const atTop = s.stack.length === 1;
        const wasEscaped = s.escaped;
        s.escaped = false;
        s.afterDollar = false;
        if (atTop && !wasEscaped && BLANK.test(c)) {
            if (s.trailing === 0)
                s.lineEmptyBeforeTrailing = s.lineEmpty;
            s.trailing++;
            if (c === '\n')
                s.lineEmpty = true;
            s.wordStart = true;
            endWord(s);
            continue;
        }
        s.trailing = 0;
        if (wasEscaped) {
            s.lineEmpty = false;
            s.wordStart = false;
            continue;
        }
        switch (frame.kind) {
            case 'comment':
                if (c === '\n') {
                    s.stack.pop();
                    s.wordStart = true;
                    if (s.stack.length === 1)
                        s.lineEmpty = true;
                }
                continue;
            case 'single':
                if (c === "'")
                    s.stack.pop();
                continue;
            case 'param':
                if (c === '}')
                    s.stack.pop();
                continue;
            case 'ansi':
                if (c === '\\')
                    s.escaped = true;
                else if (c === "'")
                    s.stack.pop();
                continue;
            case 'backtick':
                if (c === '\\')
                    s.escaped = true;
                else if (c === '`')
                    s.stack.pop();
                continue;
            case 'double':
                if (c === '\\')
                    s.escaped = true;
                else if (c === '"')
                    s.stack.pop();
                else if (c === '`')
                    s.stack.push({ kind: 'backtick', parens: 0 });
                else if (c === '$')
                    i += dollar(s, next, true);
                continue;
            case 'top':
            case 'cmdsub':
                break;
        }
        // Unquoted text, at the top level or inside $(...).
        s.lineEmpty = false;
        if (WORD_BREAK.test(c)) {
            endWord(s);
        }
        else if (frame.kind === 'cmdsub') {
            s.word += c;
        }
        const wordStart = s.wordStart;
        s.wordStart = WORD_BREAK.test(c);
        if (c === '\\')
            s.escaped = true;
        else if (c === "'")
            s.stack.push({ kind: 'single', parens: 0 });
        else if (c === '"')
            s.stack.push({ kind: 'double', parens: 0 });
        else if (c === '`')
            s.stack.push({ kind: 'backtick', parens: 0 });
        else if (c === '$')
            i += dollar(s, next, false);
        else if (c === '#' && wordStart)
            s.stack.push({ kind: 'comment', parens: 0 });
        else if (c === '(')
            frame.parens++;
        else if (c === ')') {
            if (frame.parens > 0)
                frame.parens--;
            else if (frame.kind === 'cmdsub')
                s.stack.pop();
        }
        else if (c === '<' && next === '<')
            s.heredoc = true;
    }
}
// `case` patterns end in an unbalanced `)`, which would close a $(...) early in our count.
function endWord(s) {
    if (s.word === 'case' && s.stack.some((f) => f.kind === 'cmdsub'))
        s.uncertain = true;
    s.word = '';
}
/** Handles a `$`; returns how many following characters it consumed. */
function dollar(s, next, inDoubleQuotes) {
    if (next === '(') {
        s.stack.push({ kind: 'cmdsub', parens: 0 });
        s.wordStart = true;
        return 1;
    }
    if (next === '{') {
        s.stack.push({ kind: 'param', parens: 0 });
        return 1;
    }
    // bash's $'...' (backslash escapes, so a quote can be escaped) and $"..." (like "...").
    if (!inDoubleQuotes && next === "'") {
        s.stack.push({ kind: 'ansi', parens: 0 });
        return 1;
    }
    if (!inDoubleQuotes && next === '"') {
        s.stack.push({ kind: 'double', parens: 0 });
        return 1;
    }
    s.afterDollar = true;
    return 0;
}
const CONTEXT_NAMES = {
    top: '',
    single: '',
    double: '',
    cmdsub: '$(...)',
    backtick: 'backticks',
    param: '${...}',
    ansi: "$'...'",
    comment: 'a comment',
};
/** Where a placeholder sits, or why it cannot be quoted reliably there. */
function placeholderContext(s) {
    if (s.escaped)
        return { problem: 'directly after a backslash' };
    if (s.afterDollar)
        return { problem: "directly after '$'" };
    if (s.heredoc)
        return { problem: 'after a here-document (<<)' };
    if (s.uncertain)
        return { problem: 'after a case statement inside $(...)' };
    const nested = s.stack.slice(1).find((f) => f.kind !== 'single' && f.kind !== 'double');
    if (nested)
        return { problem: `inside ${CONTEXT_NAMES[nested.kind]}` };
    const frame = s.stack[s.stack.length - 1];
    return { context: frame.kind === 'single' ? 'single' : frame.kind === 'double' ? 'double' : 'plain' };
}
function compileTemplate(entry) {
    const command = entry.command;
    const declared = new Set(entry.parameters.map((p) => p.name));
    const declaredList = entry.parameters.length > 0 ? entry.parameters.map((p) => p.name).join(', ') : 'none';
    const fail = (what) => new ProjectError(`The command of entry point '${entry.name}' ${what}. Commands are MLflow templates: {name} is a declared parameter, and {{ and }} are literal braces.`);
    const s = newScan();
    const parts = [];
    let literal = '';
    const flush = () => {
        if (literal === '')
            return;
        scanLiteral(s, literal);
        parts.push(literal);
        literal = '';
    };
    for (let i = 0; i < command.length; i++) {
        const c = command[i];
        if (c === '{') {
            if (command[i + 1] === '{') {
                literal += '{';
                i++;
                continue;
            }
            const close = command.indexOf('}', i + 1);
            const reopen = command.indexOf('{', i + 1);
            if (close < 0 || (reopen >= 0 && reopen < close))
                throw fail(`has an unmatched '{' at position ${i}`);
            const name = command.slice(i + 1, close);
            if (!declared.has(name))
                throw fail(`uses {${name}}, which is not a declared parameter (declared: ${declaredList}); declare it under parameters`);
            flush();
            const where = placeholderContext(s);
            if ('problem' in where) {
                throw fail(`has {${name}} ${where.problem}, where a value cannot be quoted safely; put it in a plain word (e.g. --${name} {${name}}) or inside '...' or "..."`);
            }
            parts.push({ name, context: where.context });
            s.trailing = 0;
            s.lineEmpty = false;
            s.wordStart = false;
            i = close;
            continue;
        }
        if (c === '}') {
            if (command[i + 1] === '}') {
                literal += '}';
                i++;
                continue;
            }
            throw fail(`has an unmatched '}' at position ${i}`);
        }
        literal += c;
    }
    flush();
    const frame = s.stack[s.stack.length - 1];
    let noAppend;
    if (s.heredoc)
        noAppend = 'it contains a here-document (<<)';
    else if (s.uncertain)
        noAppend = 'it contains a case statement inside $(...)';
    else if (s.escaped)
        noAppend = 'it ends with a backslash';
    else if (frame.kind === 'comment')
        noAppend = 'it ends in a comment';
    else if (s.stack.length > 1)
        noAppend = `it ends inside ${frame.kind === 'single' ? "'...'" : frame.kind === 'double' ? '"..."' : CONTEXT_NAMES[frame.kind]}`;
    else if (s.trailing > 0 ? s.lineEmptyBeforeTrailing : s.lineEmpty)
        noAppend = 'its last line is empty or a comment';
    return { parts, noAppend, trailing: s.trailing };
}
/**
 * The command line for `entry` with `given` values (typed, defaults filled in, placeholders
 * substituted and quoted, undeclared parameters appended), and the parameters to log.
 */
function buildCommand(entry, given, options) {
    const problems = [];
    const declared = new Set(entry.parameters.map((p) => p.name));
    const missing = entry.parameters.filter((p) => !Object.hasOwn(given, p.name) && p.default === undefined).map((p) => p.name);
    if (missing.length > 0) {
        const plural = missing.length > 1;
        problems.push(`Missing required parameter${plural ? 's' : ''} for entry point '${entry.name}': ${missing.join(', ')}. ` +
            `Pass ${plural ? 'them' : 'it'} with ${missing.map((n) => `-P ${n}=<value>`).join(' ')}.`);
    }
    const values = new Map();
    for (const spec of entry.parameters) {
        const fromDefault = !Object.hasOwn(given, spec.name);
        const raw = fromDefault ? spec.default : given[spec.name];
        if (raw === undefined)
            continue;
        const result = finalValue(entry, spec, raw, fromDefault, options);
        if ('problem' in result)
            problems.push(result.problem);
        else
            values.set(spec.name, result.value);
    }
    const extras = Object.entries(given).filter(([key]) => !declared.has(key));
    for (const [key] of extras)
        if (key === '')
            problems.push('A -P parameter has an empty name. Write -P name=value.');
    for (const [key, value] of Object.entries(given)) {
        if (key.includes('\0') || value.includes('\0'))
            problems.push(`Parameter '${key.replaceAll('\0', '\\0')}' contains a NUL character, which no program can receive as an argument.`);
    }
    if (problems.length > 0)
        throw new ProjectError(problems.join('\n'));
    let command;
    let template;
    if (entry.script) {
        const { runner, file } = entry.script;
        const program = runner === 'node' ? `'${options.nodePath.replaceAll("'", `'\\''`)}'` : runner;
        command = `${program} ${shellQuote(file)}`;
    }
    else {
        template = compileTemplate(entry);
        command = template.parts.map((p) => (typeof p === 'string' ? p : quoteFor(p.context, values.get(p.name)))).join('');
    }
    if (extras.length > 0) {
        if (template) {
            if (template.noAppend !== undefined) {
                const names = extras.map(([k]) => k).join(', ');
                throw new ProjectError(`Cannot append the undeclared parameters ${names} to the command of entry point '${entry.name}': ${template.noAppend}. Declare them under the entry point's parameters and use {name} in the command.`);
            }
            command = command.slice(0, command.length - template.trailing);
        }
        for (const [key, value] of extras)
            command += ` ${shellQuote(`--${key}`)} ${shellQuote(value)}`;
    }
    const params = Object.fromEntries([...entry.parameters.map((p) => [p.name, values.get(p.name)]), ...extras]);
    return { command, params };
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:readline"
var external_node_readline_ = __webpack_require__(80481);
;// CONCATENATED MODULE: ./build/src/projects/environment.js
/**
 * Where a project command runs: the current environment, a cached virtualenv built from a
 * python_env, or a Docker container for a docker_env. Each is reduced to the same two things, how
 * to start the command line (`argv`) and with which environment variables (`env`), so running and
 * logging stay one code path (process.ts).
 */







/**
 * An environment that cannot be prepared (no Python, no Docker, a failed pip install, conda_env).
 * Raised after the run exists, so the run ends FAILED; the message says what to install or change.
 */
class EnvironmentError extends Error {
    name = 'EnvironmentError';
}
/** Where a docker_env container sees the project, as in MLflow. */
const DOCKER_WORKDIR = '/mlflow/projects/code';
/** Written last into a virtualenv: a directory without it is a build that did not finish. */
const VENV_MARKER = '.mlflow-ts-env.json';
async function prepareEnvironment(spec, options) {
    if (spec.kind === 'local' || options.envManager === 'local') {
        if (spec.kind !== 'local')
            options.log(`--env-manager local: running the ${spec.kind} project in the current environment`);
        return localEnvironment(options);
    }
    switch (spec.kind) {
        case 'python_env':
            return pythonEnvironment(spec, options);
        case 'docker_env':
            return dockerEnvironment(spec, options);
        case 'conda_env':
            throw new EnvironmentError(`conda_env is not supported: use python_env (a python_env.yaml) or docker_env, or --env-manager local (the project's ${spec.file} is not read).`);
    }
}
const shell = (command) => ['/bin/sh', '-c', command];
/**
 * PATH with the running Node's directory first. mlflow-ts needs Node 24 and runs on it, while the
 * `node` first on PATH may be older (the system Node on CI images and here is v20, which cannot
 * run a project's `.ts` files): a command's `node`, `npm` and `npx` must be the running one.
 */
function pathWithNodeFirst(path) {
    const nodeDir = (0,external_node_path_.dirname)(process.execPath);
    const rest = (path ?? '/usr/local/bin:/usr/bin:/bin').split(external_node_path_.delimiter).filter((dir) => dir !== nodeDir);
    return [nodeDir, ...rest].join(external_node_path_.delimiter);
}
function localEnvironment(options) {
    return {
        argv: shell,
        env: { ...options.baseEnv, ...options.trackingEnv, PATH: pathWithNodeFirst(options.baseEnv.PATH) },
        description: 'local',
        tags: {},
    };
}
const majorMinor = (version) => version.split('.').slice(0, 2).join('.');
async function findPython(wanted, options) {
    const candidates = options.python
        ? [options.python]
        : wanted && /^\d+(\.\d+)*$/.test(wanted)
            ? [`python${majorMinor(wanted)}`, 'python3']
            : ['python3'];
    const env = { ...options.baseEnv };
    const failures = [];
    for (const command of [...new Set(candidates)]) {
        const probe = await exec([command, '-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3]); print(sys.executable)'], {
            cwd: options.projectDir,
            env,
            keepStdout: true,
        });
        const [version, executable] = probe.stdout.trim().split('\n');
        if (probe.code === 0 && version && executable)
            return { command, version, executable };
        failures.push(`${command}: ${probe.error?.code === 'ENOENT' ? 'not found' : (probe.stderrTail.at(-1) ?? `exit code ${probe.code}`)}`);
    }
    throw new EnvironmentError(`python_env needs Python 3 to build a virtualenv, and none ran (${failures.join('; ')}). ` +
        'Install Python (in GitHub Actions: actions/setup-python) or run with --env-manager local.');
}
async function pythonEnvironment(spec, options) {
    const { log } = options;
    const python = await findPython(spec.python, options);
    if (spec.python && majorMinor(spec.python) !== majorMinor(python.version)) {
        // Warn, not fail: most projects run on a nearby Python, and CI chooses its Python with
        // actions/setup-python. MLflow would install the exact one with pyenv; we do not download Pythons.
        log(`warning: ${spec.file} asks for Python ${spec.python} but ${python.command} is ${python.version}; building the virtualenv with ${python.version}. ` +
            `To get ${spec.python}, put a python${majorMinor(spec.python)} on PATH (actions/setup-python) or pass the interpreter to use.`);
    }
    // The interpreter is part of the key so a venv never outlives the Python it links to. The
    // dependency lists are hashed as written: a `-r requirements.txt` line whose file changes keeps
    // the same venv (as in MLflow).
    const key = {
        python: spec.python ?? null,
        interpreter: { version: python.version, executable: python.executable },
        buildDependencies: [...spec.buildDependencies].sort(),
        dependencies: [...spec.dependencies].sort(),
    };
    // 32 hex digits keep the venv path short: pip-installed scripts start with a `#!<venv>/bin/python`
    // line, which kernels cut at 127 (older) or 255 characters.
    const venv = (0,external_node_path_.join)(options.cacheDir, (0,external_node_crypto_.createHash)('sha256').update(JSON.stringify(key)).digest('hex').slice(0, 32));
    const venvPython = (0,external_node_path_.join)(venv, 'bin', 'python');
    const prepared = {
        argv: shell,
        env: venvEnv(venv, options),
        description: 'virtualenv',
        tags: {},
    };
    if ((await environment_isFile((0,external_node_path_.join)(venv, VENV_MARKER))) && (await environment_isFile(venvPython))) {
        log(`Reusing virtualenv ${venv}`);
        return prepared;
    }
    log(`Creating virtualenv ${venv} (Python ${python.version})`);
    await (0,promises_.rm)(venv, { recursive: true, force: true });
    await (0,promises_.mkdir)(options.cacheDir, { recursive: true });
    // pip's own settings (PIP_INDEX_URL, PIP_FIND_LINKS, PIP_NO_INDEX, pip.conf) pass through
    // untouched, which is what makes offline installs from a local wheel directory work.
    const toolEnv = { PIP_DISABLE_PIP_VERSION_CHECK: '1', ...options.baseEnv };
    const tool = { cwd: options.projectDir, env: toolEnv, log };
    await execOrThrow([python.executable, '-m', 'venv', venv], tool, 'creating the virtualenv');
    for (const [what, deps] of [
        ['build_dependencies', spec.buildDependencies],
        ['dependencies', spec.dependencies],
    ]) {
        if (deps.length === 0)
            continue;
        log(`Installing ${what}: ${deps.join(' ')}`);
        // One requirements line per entry, as MLflow does, so entries such as `-r requirements.txt`
        // or `--find-links ./wheels` work. It lives in the project so relative paths in it resolve
        // against the project, as they do for MLflow.
        const requirements = (0,external_node_path_.join)(options.projectDir, `.mlflow-ts-requirements-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.txt`);
        await (0,promises_.writeFile)(requirements, `${deps.join('\n')}\n`);
        try {
            await execOrThrow([venvPython, '-m', 'pip', 'install', '-r', requirements], tool, `installing the python_env ${what}`);
        }
        finally {
            await (0,promises_.unlink)(requirements).catch(() => undefined);
        }
    }
    await (0,promises_.writeFile)((0,external_node_path_.join)(venv, VENV_MARKER), `${JSON.stringify(key, null, 2)}\n`);
    return prepared;
}
/** What `source <venv>/bin/activate` does, plus the running Node first after the venv. */
function venvEnv(venv, options) {
    const env = {
        ...options.baseEnv,
        ...options.trackingEnv,
        VIRTUAL_ENV: venv,
        PATH: [(0,external_node_path_.join)(venv, 'bin'), pathWithNodeFirst(options.baseEnv.PATH)].join(external_node_path_.delimiter),
    };
    delete env.PYTHONHOME;
    return env;
}
// --- docker_env -------------------------------------------------------------------------------
/** Credentials the command's MLflow client needs inside the container, if the host has them. */
const TRACKING_PASSTHROUGH = ['MLFLOW_TRACKING_USERNAME', 'MLFLOW_TRACKING_PASSWORD', 'MLFLOW_TRACKING_TOKEN', 'MLFLOW_TRACKING_INSECURE_TLS'];
/** Values that must not appear in a process listing (`ps`) as part of docker's arguments. */
function sensitive(name, value) {
    return /TOKEN|PASSWORD|SECRET|KEY/i.test(name) || /^[a-z][a-z0-9+.-]*:\/\/[^/@]*@/i.test(value);
}
const LOOPBACK = /^(\w[\w+.-]*:\/\/(?:[^/@]*@)?)(localhost|127\.0\.0\.1|\[::1\])(?=[:/]|$)/i;
async function dockerEnvironment(spec, options) {
    const dockerCommand = options.docker ?? 'docker';
    const docker = await which(dockerCommand, options.baseEnv.PATH);
    if (!docker) {
        throw new EnvironmentError(`docker_env needs Docker: '${dockerCommand}' was not found on PATH. Install it (GitHub's hosted Ubuntu runners have it) or run with --env-manager local.`);
    }
    const linux = (options.platform ?? process.platform) === 'linux';
    const env = { ...options.baseEnv, ...options.trackingEnv };
    // --init: the command is not PID 1, so the SIGTERM that docker relays when a run is stopped
    // ends it instead of being ignored by a shell as PID 1 (which would leave the container running).
    const args = ['run', '--rm', '--init'];
    const containerEnv = { ...options.trackingEnv };
    // A tracking server on the host's loopback: on Linux the container shares the host's network;
    // Docker Desktop (macOS, Windows) runs containers in a VM, where the host is host.docker.internal.
    if (linux)
        args.push('--network', 'host');
    else if (containerEnv.MLFLOW_TRACKING_URI)
        containerEnv.MLFLOW_TRACKING_URI = containerEnv.MLFLOW_TRACKING_URI.replace(LOOPBACK, '$1host.docker.internal');
    args.push('-v', `${options.projectDir}:${DOCKER_WORKDIR}`);
    for (const volume of spec.volumes)
        args.push('-v', volume);
    // A tracking store on the local disk is mounted at the same path, so the URI means the same there.
    const storePath = localStorePath(containerEnv.MLFLOW_TRACKING_URI);
    if (storePath)
        args.push('-v', `${storePath}:${storePath}`);
    args.push('-w', DOCKER_WORKDIR);
    for (const [name, value] of Object.entries(containerEnv)) {
        if (sensitive(name, value)) {
            // `-e NAME` alone makes docker copy the value from its own environment.
            env[name] = value;
            args.push('-e', name);
        }
        else {
            args.push('-e', `${name}=${value}`);
        }
    }
    for (const name of TRACKING_PASSTHROUGH) {
        if (options.baseEnv[name] !== undefined && !(name in containerEnv))
            args.push('-e', name);
    }
    for (const entry of spec.environment) {
        if (typeof entry === 'string') {
            if (options.baseEnv[entry] === undefined)
                options.log(`warning: docker_env copies ${entry} from the environment, but it is not set`);
            args.push('-e', entry);
        }
        else {
            args.push('-e', `${entry[0]}=${entry[1]}`);
        }
    }
    args.push(spec.image);
    return {
        argv: (command) => [docker, ...args, 'sh', '-c', command],
        env,
        description: 'docker',
        tags: { 'mlflow.docker.image.uri': spec.image },
    };
}
function localStorePath(uri) {
    if (!uri)
        return undefined;
    if (uri.startsWith('file:'))
        return (0,external_node_url_.fileURLToPath)(uri);
    return (0,external_node_path_.isAbsolute)(uri) ? uri : undefined;
}
// --- helpers ----------------------------------------------------------------------------------
async function environment_isFile(path) {
    try {
        return (await (0,promises_.stat)(path)).isFile();
    }
    catch {
        return false;
    }
}
/** The executable `command` names, looked up like a shell would on `path`. */
async function which(command, path) {
    const candidates = command.includes('/') ? [command] : (path ?? '').split(external_node_path_.delimiter).map((dir) => (0,external_node_path_.join)(dir || '.', command));
    for (const candidate of candidates) {
        try {
            await (0,promises_.access)(candidate, external_node_fs_.constants.X_OK);
            if (await environment_isFile(candidate))
                return candidate;
        }
        catch {
            // not here
        }
    }
    return undefined;
}
const TAIL_LINES = 20;
/** Run a build tool, its lines passed to `log` as they come, keeping the last ones for errors. */
function exec(argv, options) {
    return new Promise((resolve) => {
        const child = (0,external_node_child_process_.spawn)(argv[0], argv.slice(1), { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
        const outcome = { code: null, signal: null, stdout: '', stderrTail: [], stdoutTail: [] };
        const follow = (stream, tail, keep) => {
            (0,external_node_readline_.createInterface)({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
                if (keep)
                    outcome.stdout += `${line}\n`;
                tail.push(line);
                if (tail.length > TAIL_LINES)
                    tail.shift();
                options.log?.(`  ${line}`);
            });
        };
        follow(child.stdout, outcome.stdoutTail, options.keepStdout === true);
        follow(child.stderr, outcome.stderrTail, false);
        child.on('error', (err) => {
            outcome.error = err;
        });
        child.on('close', (code, signal) => {
            outcome.code = outcome.error ? null : code;
            outcome.signal = signal;
            resolve(outcome);
        });
    });
}
async function execOrThrow(argv, options, what) {
    const outcome = await exec(argv, options);
    if (outcome.code === 0)
        return;
    const how = outcome.error ? outcome.error.message : outcome.signal ? `killed by ${outcome.signal}` : `exit code ${outcome.code}`;
    const tail = outcome.stderrTail.length ? outcome.stderrTail : outcome.stdoutTail;
    const hint = argv.includes('venv') && tail.some((line) => line.includes('ensurepip')) ? ' (on Debian or Ubuntu: apt-get install python3-venv)' : '';
    throw new EnvironmentError(`${what} failed: \`${argv.join(' ')}\` ended with ${how}${hint}.${tail.length ? `\nIts output ended with:\n${tail.join('\n')}` : ''}`);
}

// EXTERNAL MODULE: ./build/src/projects/process.js
var projects_process = __webpack_require__(84397);
;// CONCATENATED MODULE: ./build/src/projects/source.js
/**
 * Where a project comes from: a local directory, or a git repository cloned into a temporary
 * directory, optionally narrowed to `#subdirectory` and pinned to a `--version` (commit, branch or
 * tag). Follows MLflow's `mlflow/projects/utils.py` (`_parse_subdirectory`, `_fetch_git_repo`,
 * `_is_valid_branch_name`), with two deliberate differences: git URIs are recognised by scheme
 * (MLflow's `^[^/]*:` also swallows `s3://` and Windows drive letters), and a subdirectory may
 * contain dots as long as no `..` segment or symlink leads out of the project.
 *
 * git always runs through execFile (no shell) with GIT_TERMINAL_PROMPT=0, so a private repository
 * without credentials fails at once instead of waiting for a password nobody will type in CI.
 * Credentials embedded in a URL are used for cloning but never appear in a tag, an error message
 * or the clone's own `.git/config` (the project's command runs in that clone).
 */





/** The project URI, `#subdirectory` or `--version` cannot be used; the message says what to change. */
class ProjectSourceError extends Error {
    name = 'ProjectSourceError';
}
const GIT_SCHEME = /^(?:https?|ssh|git|git\+ssh|file):\/\//i;
/** scp-like `user@host:path`, as git itself accepts it. */
const SCP_LIKE = /^[^\s/@:]+@[^\s/:]+:/;
const BARE_PATH = /\.git\/?$/;
const ANY_SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;
const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i;
/** Variables that pin git to some other repository; our calls choose the repository by cwd. */
const REPO_PINNING_VARS = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_COMMON_DIR', 'GIT_NAMESPACE'];
/** MLflow strips quotes a shell or a YAML file left around the URI. */
const stripQuotes = (uri) => uri.trim().replace(/^['"]+|['"]+$/g, '');
function splitSubdirectory(uri) {
    const hash = uri.indexOf('#');
    if (hash < 0)
        return { base: uri, subdirectory: '' };
    return { base: uri.slice(0, hash), subdirectory: uri.slice(hash + 1) };
}
/** True for `https://…`, `http://…`, `ssh://…`, `git://…`, `file://…`, `user@host:path` and paths ending in `.git`. */
function isGitUri(uri) {
    const { base } = splitSubdirectory(stripQuotes(uri));
    return GIT_SCHEME.test(base) || SCP_LIKE.test(base) || BARE_PATH.test(base);
}
/**
 * Drops credentials from a URL: all user info for http(s) and other schemes (a token is often
 * given as the user name), only the password for ssh (the user there is an account name).
 * scp-like `git@host:path` carries no secret and is returned unchanged.
 */
function stripCredentials(uri) {
    const match = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)([\s\S]*)$/i.exec(uri);
    if (!match)
        return uri;
    const scheme = match[1] ?? '';
    const authority = match[2] ?? '';
    const rest = match[3] ?? '';
    const at = authority.lastIndexOf('@');
    if (at < 0)
        return uri;
    const host = authority.slice(at + 1);
    if (/^(?:git\+)?ssh:\/\/$/i.test(scheme)) {
        const user = authority.slice(0, at).split(':')[0] ?? '';
        return `${scheme}${user ? `${user}@` : ''}${host}${rest}`;
    }
    return `${scheme}${host}${rest}`;
}
/** The same scrubbing for free text such as git's stderr, which may quote the URL. */
function scrubText(text, rawUri, safeUri) {
    let out = rawUri && rawUri !== safeUri ? text.split(rawUri).join(safeUri) : text;
    out = out.replace(/\b((?:git\+)?ssh:\/\/[^\s/@:]+):[^\s/@]+@/gi, '$1@');
    out = out.replace(/\b((?!(?:git\+)?ssh:)[a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi, '$1');
    return out;
}
function gitEnv() {
    const env = { ...process.env, GIT_TERMINAL_PROMPT: '0', GCM_INTERACTIVE: 'never' };
    for (const key of REPO_PINNING_VARS)
        delete env[key];
    return env;
}
function runGit(git, args, cwd) {
    return new Promise((done) => {
        (0,external_node_child_process_.execFile)(git, args, { cwd, env: gitEnv(), encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
            if (!error)
                return done({ ok: true, stdout });
            // execFile's own message quotes the command line, which may hold a token: never pass it on.
            const notFound = error.code === 'ENOENT';
            done({ ok: false, stderr: String(stderr ?? ''), notFound });
        });
    });
}
/** The last few lines git wrote, on one line, without credentials. */
function stderrTail(result, rawUri, safeUri) {
    const lines = scrubText(result.stderr, rawUri, safeUri)
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean)
        .slice(-4);
    // The caller ends the sentence; git's own last line often ends in a full stop.
    const text = lines.join(' | ').replace(/[.\s]+$/, '');
    return text.length > 800 ? `…${text.slice(-800)}` : text || '(git printed nothing)';
}
function gitMissing(git, safeUri) {
    return new ProjectSourceError(`Cannot fetch project ${safeUri}: the git executable '${git}' was not found. Install git or put it on PATH.`);
}
function checkSubdirectory(subdirectory, safeUri) {
    if ((0,external_node_path_.isAbsolute)(subdirectory) || /^[a-z]:/i.test(subdirectory) || subdirectory.startsWith('\\')) {
        throw new ProjectSourceError(`Project subdirectory '#${subdirectory}' of ${safeUri} must be a relative path inside the project.`);
    }
    if (subdirectory.split(/[\\/]+/).includes('..')) {
        throw new ProjectSourceError(`Project subdirectory '#${subdirectory}' of ${safeUri} may not contain '..': it must stay inside the project.`);
    }
}
/** The project directory under `root`, which must exist and must not lead out of `root` through a symlink. */
async function locateSubdirectory(root, subdirectory, safeUri, where) {
    if (!subdirectory)
        return root;
    const dir = (0,external_node_path_.resolve)(root, subdirectory);
    const info = await (0,promises_.stat)(dir).catch(() => undefined);
    if (!info?.isDirectory()) {
        throw new ProjectSourceError(`Could not find subdirectory '${subdirectory}' in ${safeUri}${where}. Check the path after '#' (it is relative to the repository or directory root).`);
    }
    const rel = (0,external_node_path_.relative)(await (0,promises_.realpath)(root), await (0,promises_.realpath)(dir));
    if (rel === '..' || rel.startsWith(`..${external_node_path_.sep}`) || (0,external_node_path_.isAbsolute)(rel)) {
        throw new ProjectSourceError(`Project subdirectory '#${subdirectory}' of ${safeUri} leads outside the project (through a symbolic link).`);
    }
    return dir;
}
async function gitInfoAt(git, dir, remoteUrl) {
    const commit = await runGit(git, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], dir);
    if (!commit.ok || !commit.stdout.trim())
        return undefined;
    const info = { commit: commit.stdout.trim() };
    const branch = await runGit(git, ['rev-parse', '--abbrev-ref', 'HEAD'], dir);
    // A detached HEAD (a tag or commit checked out, or CI's merge checkout) answers 'HEAD'.
    if (branch.ok && branch.stdout.trim() && branch.stdout.trim() !== 'HEAD')
        info.branch = branch.stdout.trim();
    if (remoteUrl !== undefined) {
        info.repoURL = remoteUrl;
    }
    else {
        const origin = await runGit(git, ['remote', 'get-url', 'origin'], dir);
        if (origin.ok && origin.stdout.trim())
            info.repoURL = stripCredentials(origin.stdout.trim());
    }
    return info;
}
async function resolveLocal(base, subdirectory, git) {
    const root = (0,external_node_path_.resolve)(base || '.');
    const sourceName = subdirectory ? `${root}#${subdirectory}` : root;
    checkSubdirectory(subdirectory, root);
    const info = await (0,promises_.stat)(root).catch(() => undefined);
    if (!info) {
        throw new ProjectSourceError(`Project directory ${root} does not exist. Pass an existing directory, or a git URI (https://…, ssh://…, git@host:path, file://…, or a path ending in .git).`);
    }
    if (!info.isDirectory())
        throw new ProjectSourceError(`Project path ${root} is not a directory. Pass the directory that holds the MLproject file.`);
    const dir = await locateSubdirectory(root, subdirectory, root, '');
    // Only a work tree counts: a bare repository or a .git directory has no checked-out project.
    const inside = await runGit(git, ['rev-parse', '--is-inside-work-tree'], dir);
    const gitInfo = inside.ok && inside.stdout.trim() === 'true' ? await gitInfoAt(git, dir, undefined) : undefined;
    return { dir, sourceName, ...(gitInfo ? { git: gitInfo } : {}), cleanup: async () => { } };
}
/** Checks out `version` in a fresh clone: a branch stays a branch (so it is reported), anything else detaches. */
async function checkoutVersion(git, root, version, rawUri, safeUri) {
    const fail = (detail) => new ProjectSourceError(`Unable to check out version '${version}' of ${safeUri}: ${detail}. Check that the branch, tag or commit exists (\`git ls-remote ${safeUri}\` lists branches and tags).`);
    if (!version.trim() || version.startsWith('-') || /[\s\p{Cc}]/u.test(version))
        throw fail('not a valid git ref');
    if (version !== 'HEAD') {
        const remoteBranch = `refs/remotes/origin/${version}`;
        const isBranch = await runGit(git, ['rev-parse', '--verify', '--quiet', remoteBranch], root);
        if (isBranch.ok) {
            const checkout = await runGit(git, ['checkout', '-q', '-B', version, remoteBranch, '--'], root);
            if (!checkout.ok)
                throw fail(stderrTail(checkout, rawUri, safeUri));
            return;
        }
    }
    let commit = await runGit(git, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${version}^{commit}`], root);
    if (!commit.ok && FULL_SHA.test(version)) {
        // A commit no branch or tag reaches (a pull request head, say) is not in a plain clone;
        // servers hand it out when asked for by its full sha.
        const fetched = await runGit(git, ['fetch', '-q', 'origin', '--', version], root);
        if (!fetched.ok)
            throw fail(`not found, and fetching it failed: ${stderrTail(fetched, rawUri, safeUri)}`);
        commit = await runGit(git, ['rev-parse', '--verify', '--quiet', 'FETCH_HEAD^{commit}'], root);
    }
    if (!commit.ok)
        throw fail('no branch, tag or commit of that name');
    const checkout = await runGit(git, ['checkout', '-q', '--detach', commit.stdout.trim(), '--'], root);
    if (!checkout.ok)
        throw fail(stderrTail(checkout, rawUri, safeUri));
}
async function resolveGit(base, subdirectory, options, git) {
    // A local bare-repository path is cloned by its absolute path so the tags say where it was.
    const rawUri = GIT_SCHEME.test(base) || SCP_LIKE.test(base) ? base : (0,external_node_path_.resolve)(base);
    const safeUri = stripCredentials(rawUri);
    const sourceName = subdirectory ? `${safeUri}#${subdirectory}` : safeUri;
    checkSubdirectory(subdirectory, safeUri);
    const workDir = (0,external_node_path_.resolve)(options.workDir ?? (0,external_node_os_.tmpdir)());
    await (0,promises_.mkdir)(workDir, { recursive: true });
    const root = await (0,promises_.mkdtemp)((0,external_node_path_.join)(workDir, 'mlflow-ts-project-'));
    const cleanup = async () => (0,promises_.rm)(root, { recursive: true, force: true });
    try {
        const clone = await runGit(git, ['clone', '-q', '--', rawUri, root], workDir);
        if (!clone.ok) {
            if (clone.notFound)
                throw gitMissing(git, safeUri);
            throw new ProjectSourceError(`Could not clone ${safeUri}: ${stderrTail(clone, rawUri, safeUri)}. Check the URL and that the repository is reachable; ` +
                'for a private repository provide credentials (a git credential helper, or a token in the URL).');
        }
        if (options.version !== undefined) {
            await checkoutVersion(git, root, options.version, rawUri, safeUri);
        }
        else if (!(await runGit(git, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], root)).ok) {
            throw new ProjectSourceError(`Cloned ${safeUri}, but its default branch has no commit to check out. Pass --version with a branch, tag or commit.`);
        }
        if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(root, '.gitmodules'))) {
            const submodules = await runGit(git, ['submodule', 'update', '--init', '--recursive', '-q'], root);
            if (!submodules.ok) {
                throw new ProjectSourceError(`Could not fetch the submodules of ${safeUri}: ${stderrTail(submodules, rawUri, safeUri)}. Check that they are reachable with the same credentials.`);
            }
        }
        if (rawUri !== safeUri) {
            // The project's command runs in this clone: it gets no token from .git/config.
            const reset = await runGit(git, ['remote', 'set-url', 'origin', safeUri], root);
            if (!reset.ok)
                throw new ProjectSourceError(`Could not remove credentials from the clone of ${safeUri}: ${stderrTail(reset, rawUri, safeUri)}.`);
        }
        const where = options.version !== undefined ? ` at version '${options.version}'` : '';
        const dir = await locateSubdirectory(root, subdirectory, safeUri, where);
        const gitInfo = await gitInfoAt(git, root, safeUri);
        if (!gitInfo)
            throw new ProjectSourceError(`Cloned ${safeUri}, but could not read its checked-out commit. Try the clone by hand with git to see why.`);
        return { dir, sourceName, git: gitInfo, cleanup };
    }
    catch (error) {
        await cleanup();
        throw error;
    }
}
/**
 * Finds the project `uri` names: a local directory (made absolute, with its git commit, branch
 * and origin when it sits in a work tree) or a git URI cloned under `workDir`. `#subdirectory`
 * selects a directory inside either. Call `cleanup()` when the run is over.
 */
async function resolveSource(uri, options = {}) {
    const git = options.git ?? 'git';
    const given = stripQuotes(uri);
    if (!given)
        throw new ProjectSourceError('No project URI given. Pass a directory or a git URI.');
    const { base, subdirectory } = splitSubdirectory(given);
    if (isGitUri(given))
        return resolveGit(base, subdirectory, options, git);
    const scheme = ANY_SCHEME.exec(base)?.[1];
    if (scheme) {
        throw new ProjectSourceError(`Unsupported project URI scheme '${scheme}' in ${stripCredentials(base)}. Use a local directory or a git URI (https://, http://, ssh://, git://, file://, git@host:path).`);
    }
    if (options.version !== undefined) {
        throw new ProjectSourceError(`Setting a version is only supported for Git project URIs; ${(0,external_node_path_.resolve)(base || '.')} is a local directory. Drop --version, or pass the repository's git URL.`);
    }
    return resolveLocal(base, subdirectory, git);
}

;// CONCATENATED MODULE: ./build/src/projects/runner.js
/**
 * Running a project's entry points as tracked runs (MLflow Projects, `mlflow run`): resolve the
 * source (a directory or a git URL), read its MLproject, check every parameter before any run
 * exists, create the run with MLflow's standard tags and the params, prepare the environment,
 * run the command with MLFLOW_TRACKING_URI / MLFLOW_RUN_ID / MLFLOW_EXPERIMENT_ID set so the
 * command's own MLflow client logs into that run, keep its stdout and stderr as artifacts, and
 * end the run with the status the process earned. Several entry points run as child runs of one
 * parent, in order, stopping at the first failure unless told to go on.
 *
 * Talks to the tracking server only through the client.
 */








const STEP_SEPARATOR = ':';
/** Which `-P` values each step gets: declared keys go to declaring steps, `step:key` to that step. */
function paramsFor(entry, all, single) {
    if (single) {
        const out = {};
        for (const [k, v] of Object.entries(all)) {
            const i = k.indexOf(STEP_SEPARATOR);
            if (i < 0)
                out[k] = v;
            else if (k.slice(0, i) === entry.name)
                out[k.slice(i + 1)] = v;
        }
        return out;
    }
    const declared = new Set(entry.parameters.map((p) => p.name));
    const out = {};
    for (const [k, v] of Object.entries(all)) {
        const i = k.indexOf(STEP_SEPARATOR);
        if (i >= 0) {
            if (k.slice(0, i) === entry.name)
                out[k.slice(i + 1)] = v;
        }
        else if (declared.has(k)) {
            out[k] = v;
        }
    }
    return out;
}
/** Every parameter is checked for every step before any run is created. */
function plan(project, names, params) {
    const single = names.length === 1;
    const steps = names.map((name) => {
        const entry = resolveEntryPoint(project, name);
        return { entry, built: buildCommand(entry, paramsFor(entry, params, single), { projectDir: project.dir, nodePath: process.execPath }) };
    });
    if (!single) {
        const stepNames = new Set(names);
        for (const key of Object.keys(params)) {
            const i = key.indexOf(STEP_SEPARATOR);
            if (i >= 0 && !stepNames.has(key.slice(0, i))) {
                throw new ProjectError(`Parameter '${key}' names step '${key.slice(0, i)}', which is not one of the entry points run (${names.join(', ')}).`);
            }
            if (i < 0 && !steps.some((s) => s.entry.parameters.some((p) => p.name === key))) {
                throw new ProjectError(`No entry point of ${names.join(', ')} declares parameter '${key}'. Declare it in the MLproject, or pass it to one step as -P <step>:${key}=<value>.`);
            }
        }
    }
    return steps;
}
async function experimentIdFor(client, options, env) {
    if (options.experimentId)
        return options.experimentId;
    const name = options.experimentName ?? env.MLFLOW_EXPERIMENT_NAME;
    if (name)
        return (await client.getOrCreateExperiment(name)).experiment_id;
    return env.MLFLOW_EXPERIMENT_ID || '0';
}
function userName(env) {
    if (env.MLFLOW_TRACKING_USERNAME)
        return env.MLFLOW_TRACKING_USERNAME;
    try {
        return (0,external_node_os_.userInfo)().username;
    }
    catch {
        return env.USER ?? 'unknown';
    }
}
/** MLflow's tags for a project run (mlflow/projects/utils.py `_create_run`). */
function sourceTags(source, env) {
    const tags = {
        'mlflow.source.name': source.sourceName,
        'mlflow.source.type': 'PROJECT',
        'mlflow.project.backend': 'local',
        'mlflow.user': userName(env),
    };
    if (source.git) {
        tags['mlflow.source.git.commit'] = source.git.commit;
        if (source.git.branch)
            tags['mlflow.source.git.branch'] = source.git.branch;
        if (source.git.repoURL) {
            tags['mlflow.source.git.repoURL'] = source.git.repoURL;
            tags['mlflow.gitRepoURL'] = source.git.repoURL;
        }
    }
    return tags;
}
async function runStep(step, project, runId, experimentId, options, env, log) {
    const { client } = options;
    const logDir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'mlflow-ts-run-'));
    let status = 'FAILED';
    try {
        const prepared = await prepareEnvironment(project.env, {
            projectDir: project.dir,
            // Unset: the project's own environment (a venv for python_env, a container for docker_env), as MLflow.
            ...(options.envManager ? { envManager: options.envManager } : {}),
            cacheDir: options.cacheDir ?? (0,external_node_path_.join)(env.XDG_CACHE_HOME ?? (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.cache'), 'mlflow-ts', 'envs'),
            baseEnv: env,
            trackingEnv: { MLFLOW_TRACKING_URI: client.trackingUri, MLFLOW_RUN_ID: runId, MLFLOW_EXPERIMENT_ID: experimentId },
            log,
        });
        await client.logBatch(runId, { tags: { ...prepared.tags, 'mlflow.project.env': prepared.description } });
        log(`=== Running entry point '${step.entry.name}' (run ${runId}): ${step.built.command}`);
        const result = await (0,projects_process.runCommand)({
            argv: prepared.argv(step.built.command),
            cwd: project.dir,
            env: prepared.env,
            logDir,
            ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
            ...(options.signal ? { signal: options.signal } : {}),
            echo: options.echo ?? { stdout: process.stdout, stderr: process.stderr },
        });
        status = result.status;
        await client.logArtifact(runId, result.stdoutFile, 'logs');
        await client.logArtifact(runId, result.stderrFile, 'logs');
        const how = result.timedOut ? `killed after the ${options.timeoutMs} ms timeout` : result.signal ? `killed by ${result.signal}` : `exit code ${result.exitCode}`;
        log(`=== Entry point '${step.entry.name}' ${status} (${how}); run ${runId}`);
        return { entryPoint: step.entry.name, runId, status, exitCode: result.exitCode };
    }
    finally {
        // The command's own client may have ended the run; the process's outcome has the last word.
        await client.updateRun(runId, { status, endTime: Date.now() });
        await (0,promises_.rm)(logDir, { recursive: true, force: true });
    }
}
async function runProject(options) {
    const env = options.env ?? process.env;
    const log = options.log ?? ((line) => void process.stderr.write(`mlflow-ts: ${line}\n`));
    const names = options.entryPoints?.length ? options.entryPoints : ['main'];
    const source = await resolveSource(options.uri, options.version !== undefined ? { version: options.version } : {});
    try {
        const project = await loadProject(source.dir);
        const steps = plan(project, names, options.params ?? {});
        const { client } = options;
        const experimentId = await experimentIdFor(client, options, env);
        const tags = sourceTags(source, env);
        if (steps.length === 1) {
            const step = steps[0];
            const run = await client.createRun({
                experimentId,
                ...(options.runName ? { runName: options.runName } : {}),
                tags: { ...tags, 'mlflow.project.entryPoint': step.entry.name },
            });
            const runId = run.info.run_id;
            if (Object.keys(step.built.params).length)
                await client.logBatch(runId, { params: step.built.params });
            const result = await runStep(step, project, runId, experimentId, options, env, log);
            return { runId, experimentId, status: result.status, steps: [result] };
        }
        const parent = await client.createRun({
            experimentId,
            ...(options.runName ? { runName: options.runName } : {}),
            tags: { ...tags, 'mlflow.project.entryPoint': names.join(',') },
        });
        const parentId = parent.info.run_id;
        const results = [];
        let status = 'FINISHED';
        try {
            for (const step of steps) {
                if (options.signal?.aborted)
                    break;
                const child = await client.createRun({
                    experimentId,
                    runName: step.entry.name,
                    tags: { ...tags, 'mlflow.project.entryPoint': step.entry.name, 'mlflow.parentRunId': parentId },
                });
                const childId = child.info.run_id;
                if (Object.keys(step.built.params).length)
                    await client.logBatch(childId, { params: step.built.params });
                const result = await runStep(step, project, childId, experimentId, options, env, log);
                results.push(result);
                if (result.status !== 'FINISHED') {
                    // A KILLED step ends the chain (below), so an earlier status here is FINISHED or FAILED.
                    status = result.status === 'KILLED' ? 'KILLED' : 'FAILED';
                    if (result.status === 'KILLED' || !options.continueOnFailure)
                        break;
                }
            }
        }
        catch (err) {
            status = 'FAILED';
            throw err;
        }
        finally {
            await client.updateRun(parentId, { status, endTime: Date.now() });
        }
        return { runId: parentId, experimentId, status, steps: results };
    }
    finally {
        await source.cleanup();
    }
}

;// CONCATENATED MODULE: ./build/src/projects/index.js
/**
 * MLflow Projects for any language: run an MLproject's entry points as tracked runs
 * (`mlflow-ts run`). `runProject` is the whole job; the rest is exposed for tools that want to
 * read a project or check parameters without running anything.
 */







/***/ }),

/***/ 84397:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_KILL_GRACE_MS: () => (/* binding */ DEFAULT_KILL_GRACE_MS),
/* harmony export */   forwardSignals: () => (/* binding */ forwardSignals),
/* harmony export */   runCommand: () => (/* binding */ runCommand)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(46466);
/**
 * Running one project command as a child process tree: output streamed live and kept in log
 * files, the outcome mapped to MLflow's run statuses, and a timeout, an abort or the parent's own
 * Ctrl-C stopping the whole tree, not just the shell at its top.
 */





const DEFAULT_KILL_GRACE_MS = 5000;
/** setTimeout fires at once for delays beyond a signed 32-bit int, so longer ones mean "never". */
const MAX_TIMER_MS = 2 ** 31 - 1;
/**
 * Run a command to its end. Never rejects for the command's own failure: a non-zero exit is
 * FAILED, a signal (ours on timeout/abort, or anyone else's) is KILLED, a program or working
 * directory that does not exist is FAILED with `startError`. Rejects only when the log directory
 * cannot be written.
 */
async function runCommand(options) {
    const { argv, cwd, env, logDir, timeoutMs, signal: abortSignal, echo } = options;
    const graceMs = options.killGraceMs ?? DEFAULT_KILL_GRACE_MS;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(logDir, { recursive: true });
    const stdoutFile = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(logDir, 'stdout.txt');
    const stderrFile = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(logDir, 'stderr.txt');
    const outFile = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(stdoutFile);
    const errFile = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(stderrFile);
    // Without a listener a write error (disk full) would be thrown from the event loop; the
    // `finished` in settle() turns it into this call's rejection instead.
    for (const file of [outFile, errFile])
        file.on('error', () => undefined);
    const started = performance.now();
    const settle = async (partial) => {
        for (const file of [outFile, errFile])
            if (!file.writableEnded)
                file.end();
        await Promise.all([(0,node_stream_promises__WEBPACK_IMPORTED_MODULE_4__.finished)(outFile), (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_4__.finished)(errFile)]);
        if (partial.startError !== undefined) {
            // After the files are closed: the (empty) stderr pipe has already ended errFile.
            const line = `mlflow-ts: ${partial.startError}\n`;
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.appendFile)(stderrFile, line);
            echo?.stderr.write(line);
        }
        return { ...partial, stdoutFile, stderrFile, durationMs: Math.round(performance.now() - started) };
    };
    if (abortSignal?.aborted)
        return settle({ status: 'KILLED', exitCode: null, signal: null, timedOut: false });
    // detached: the command leads its own process group, so one kill(-pid) reaches every process it
    // started (a shell's children, npm's node, a trainer's workers). stdin is closed because a
    // process in a background group that reads the terminal would be stopped by SIGTTIN.
    const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(argv[0], argv.slice(1), { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const pid = child.pid;
    // pipe() keeps back-pressure: a slow console or disk pauses the child's output instead of
    // buffering it here.
    child.stdout.pipe(outFile);
    child.stderr.pipe(errFile);
    if (echo) {
        child.stdout.pipe(echo.stdout, { end: false });
        child.stderr.pipe(echo.stderr, { end: false });
    }
    let exited = false;
    let killedByUs = false;
    let timedOut = false;
    let startError;
    const timers = [];
    const later = (ms, fn) => void timers.push(setTimeout(fn, ms));
    const signalGroup = (sig) => {
        if (pid === undefined)
            return false;
        try {
            process.kill(-pid, sig);
            return true;
        }
        catch {
            return false; // ESRCH: the group is already empty
        }
    };
    const stopGroup = () => {
        if (signalGroup('SIGTERM'))
            later(graceMs, () => signalGroup('SIGKILL'));
    };
    const killTree = () => {
        if (exited || killedByUs)
            return;
        killedByUs = true;
        stopGroup();
    };
    const onAbort = () => killTree();
    abortSignal?.addEventListener('abort', onAbort, { once: true });
    if (timeoutMs !== undefined && timeoutMs <= MAX_TIMER_MS) {
        later(Math.max(0, timeoutMs), () => {
            if (exited)
                return;
            timedOut = true;
            killTree();
        });
    }
    child.on('error', (err) => {
        if (pid !== undefined)
            return; // spawned fine; kill errors do not concern the outcome
        startError =
            err.code === 'ENOENT'
                ? `could not start '${argv[0]}' in ${cwd}: the program or the working directory does not exist`
                : `could not start '${argv[0]}' in ${cwd}: ${err.message}`;
    });
    child.on('exit', () => {
        exited = true;
        // The command is done, but processes it left in its group (`server &`, a stray worker) would
        // hold the output pipes open, so the logs never end, and would outlive the run on the CI
        // machine. They are stopped like a timed-out tree; the status is the command's own.
        if (!killedByUs)
            stopGroup();
        // A straggler that left our group (setsid, a daemon) could still hold the pipes open: stop
        // reading after the grace period so the run ends anyway.
        later(graceMs + 1000, () => {
            child.stdout.destroy();
            child.stderr.destroy();
        });
    });
    const [code, sig] = await new Promise((resolve) => {
        child.once('close', (c, s) => resolve([c, s]));
    });
    for (const t of timers)
        clearTimeout(t);
    abortSignal?.removeEventListener('abort', onAbort);
    if (echo) {
        child.stdout.unpipe(echo.stdout);
        child.stderr.unpipe(echo.stderr);
    }
    if (startError !== undefined)
        return settle({ status: 'FAILED', exitCode: null, signal: null, timedOut: false, startError });
    const status = killedByUs || sig !== null ? 'KILLED' : code === 0 ? 'FINISHED' : 'FAILED';
    return settle({ status, exitCode: code, signal: sig, timedOut });
}
/**
 * Turn the parent's SIGINT/SIGTERM into `abort.abort()`, so Ctrl-C (which the terminal sends to
 * the foreground process group only, not to the command's own group) stops the command's tree
 * and its run ends KILLED instead of this process dying and leaving the tree running. While
 * subscribed, those signals no longer end this process: a second Ctrl-C waits for the tree to go
 * (at most the kill grace period). Returns the unsubscribe, which restores Node's default.
 */
function forwardSignals(abort, signals = ['SIGINT', 'SIGTERM']) {
    const handler = (sig) => {
        if (!abort.signal.aborted)
            abort.abort(new Error(`received ${sig}`));
    };
    for (const sig of signals)
        process.on(sig, handler);
    return () => {
        for (const sig of signals)
            process.off(sig, handler);
    };
}


/***/ })

};
