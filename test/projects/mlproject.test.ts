/**
 * The MLproject model: every form of the file and of its environments, entry point lookup
 * (declared and script files), parameter typing, defaults and errors, and the command line that
 * buildCommand makes, run for real with `sh -c` so hostile values are seen to arrive at the
 * program as one verbatim argument and to run nothing.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ProjectError } from '../../src/projects/errors.ts';
import { buildCommand, loadProject, resolveEntryPoint, shellQuote, type EntryPoint, type ProjectSpec } from '../../src/projects/mlproject.ts';

const NODE = process.execPath;
const roots: string[] = [];
after(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mlproject-test-'));
  roots.push(dir);
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return dir;
}

/** A script that prints the arguments it received, as JSON. */
const ARGV_JS = 'console.log(JSON.stringify(process.argv.slice(2)));\n';

function sh(command: string, cwd: string, shell = '/bin/sh'): { argv: string[]; status: number | null; stderr: string } {
  const r = spawnSync(shell, ['-c', command], { cwd, encoding: 'utf8' });
  const out = r.stdout.trim().split('\n').at(-1) ?? '';
  return { argv: out === '' ? [] : (JSON.parse(out) as string[]), status: r.status, stderr: r.stderr };
}

function ep(command: string, parameters: EntryPoint['parameters'] = [], name = 'main'): EntryPoint {
  return { name, parameters, command };
}

async function rejects(p: Promise<unknown>, pattern: RegExp): Promise<void> {
  await assert.rejects(p, (err: unknown) => {
    assert.ok(err instanceof ProjectError, `expected ProjectError, got ${String(err)}`);
    assert.equal(err.name, 'ProjectError');
    assert.match(err.message, pattern);
    return true;
  });
}

function throws(fn: () => unknown, pattern: RegExp): ProjectError {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  assert.ok(caught instanceof ProjectError, `expected ProjectError, got ${String(caught)}`);
  assert.match(caught.message, pattern);
  return caught;
}

const opts = (projectDir: string, cwd = projectDir) => ({ projectDir, nodePath: NODE, cwd });

describe('loadProject: the MLproject file', () => {
  it('reads name, entry points, long and short parameter forms, and keeps defaults as written', async () => {
    const dir = project({
      MLproject: [
        'name: demo',
        'entry_points:',
        '  main:',
        '    parameters:',
        '      lr: {type: float, default: 0.10}',
        '      epochs: {type: int, default: 5}',
        '      alpha: float',
        '      big: {type: int, default: 12345678901234567890}',
        '      tag: {default: 3}',
        '      flag: {default: true}',
        '      data: path',
        '      out: {type: uri, default: out/dir}',
        '      required_text: {type: string, default: null}',
        '    command: "python train.py --lr {lr}"',
        '  evaluate:',
        '    command: python eval.py',
        'some_other_tool: {anything: [1, 2]}',
        '',
      ].join('\n'),
    });
    const p = await loadProject(dir);
    assert.equal(p.name, 'demo');
    assert.equal(p.dir, dir);
    assert.equal(p.hasMLproject, true);
    assert.deepEqual(p.env, { kind: 'local' });
    assert.deepEqual([...p.entryPoints.keys()], ['main', 'evaluate']);
    assert.deepEqual(p.entryPoints.get('main'), {
      name: 'main',
      command: 'python train.py --lr {lr}',
      parameters: [
        { name: 'lr', type: 'float', default: '0.10' },
        { name: 'epochs', type: 'int', default: '5' },
        { name: 'alpha', type: 'float' },
        { name: 'big', type: 'int', default: '12345678901234567890' },
        { name: 'tag', type: 'string', default: '3' },
        { name: 'flag', type: 'string', default: 'true' },
        { name: 'data', type: 'path' },
        { name: 'out', type: 'uri', default: 'out/dir' },
        { name: 'required_text', type: 'string' },
      ],
    });
    assert.deepEqual(p.entryPoints.get('evaluate'), { name: 'evaluate', command: 'python eval.py', parameters: [] });
  });

  it('finds the file whatever its case, as MLflow does, and an empty file is a project without entry points', async () => {
    const p = await loadProject(project({ mlproject: 'entry_points: {main: {command: echo hi}}\n' }));
    assert.equal(p.hasMLproject, true);
    assert.equal(p.entryPoints.get('main')?.command, 'echo hi');
    const empty = await loadProject(project({ MLproject: '' }));
    assert.equal(empty.hasMLproject, true);
    assert.equal(empty.entryPoints.size, 0);
    assert.equal(empty.name, undefined);
  });

  it('a directory without MLproject is a local project with no declared entry points', async () => {
    const dir = project({ 'train.py': 'print(1)\n' });
    const p = await loadProject(path.relative(process.cwd(), dir));
    assert.deepEqual(p, { name: undefined, dir, entryPoints: new Map(), env: { kind: 'local' }, hasMLproject: false });
  });

  it('rejects unknown keys inside entry points and parameters, naming the key and what is allowed', async () => {
    await rejects(
      loadProject(project({ MLproject: 'entry_points:\n  main:\n    paramters: {lr: float}\n    command: x\n' })),
      /entry_points\.main: unknown key 'paramters' \(allowed: parameters, command\)/,
    );
    await rejects(
      loadProject(project({ MLproject: 'entry_points:\n  main:\n    parameters: {lr: {type: float, deafult: 1}}\n    command: x\n' })),
      /entry_points\.main\.parameters\.lr: unknown key 'deafult' \(allowed: type, default\)/,
    );
  });

  it('rejects unknown parameter types, a missing or empty command, and a bad parameter shape', async () => {
    await rejects(
      loadProject(project({ MLproject: 'entry_points:\n  main:\n    parameters: {on: bool}\n    command: x\n' })),
      /parameters\.on\.type: type must be one of float, int, string, path, uri, not "bool"/,
    );
    await rejects(loadProject(project({ MLproject: 'entry_points:\n  main:\n    parameters: {a: float}\n' })), /entry_points\.main\.command: every entry point needs a `command`/);
    await rejects(loadProject(project({ MLproject: 'entry_points:\n  main: {command: "  "}\n' })), /command: the command is empty/);
    await rejects(loadProject(project({ MLproject: 'entry_points:\n  main:\n    parameters: {a: [1]}\n    command: x\n' })), /parameters\.a: expected a mapping/);
    await rejects(loadProject(project({ MLproject: 'entry_points:\n  main:\n    parameters: {a: }\n    command: x\n' })), /parameters\.a: expected a mapping/);
  });

  it('rejects float and int defaults that do not parse', async () => {
    await rejects(
      loadProject(project({ MLproject: 'entry_points:\n  main:\n    parameters:\n      lr: {type: float, default: fast}\n      n: {type: int, default: 1.5}\n    command: x\n' })),
      /parameters\.lr\.default: must be a float such as 0\.1 or 1e-3, not 'fast'[\s\S]*parameters\.n\.default: must be an integer such as 10, not '1\.5'/,
    );
  });

  it('rejects invalid YAML, a non-mapping file, and a missing or non-directory project', async () => {
    await rejects(loadProject(project({ MLproject: 'entry_points: [\n' })), /MLproject .* is not valid YAML/);
    await rejects(loadProject(project({ MLproject: '- a\n- b\n' })), /expected a mapping with `name`, `entry_points`/);
    await rejects(loadProject(path.join(os.tmpdir(), 'no-such-project-dir-xyz')), /does not exist/);
    const dir = project({ 'f.txt': 'x' });
    await rejects(loadProject(path.join(dir, 'f.txt')), /is not a directory/);
  });

  it('rejects two MLproject files that differ only in case', async () => {
    const dir = project({ MLproject: 'name: a\n' });
    writeFileSync(path.join(dir, 'mlproject'), 'name: b\n');
    if (readdirSync(dir).length < 2) return; // case-insensitive file system
    await rejects(loadProject(dir), /MLproject and mlproject|mlproject and MLproject/);
  });
});

describe('loadProject: environments', () => {
  it('python_env: reads the referenced file, keeping `python: 3.10` as text', async () => {
    const dir = project({
      MLproject: 'python_env: envs/python_env.yaml\nentry_points: {main: {command: python x.py}}\n',
      'envs/python_env.yaml': 'python: 3.10\nbuild_dependencies:\n  - pip\n  - setuptools==70.0\ndependencies:\n  - numpy==2.0\n  - -r requirements.txt\n',
    });
    const p = await loadProject(dir);
    assert.deepEqual(p.env, {
      kind: 'python_env',
      file: path.join(dir, 'envs/python_env.yaml'),
      python: '3.10',
      buildDependencies: ['pip', 'setuptools==70.0'],
      dependencies: ['numpy==2.0', '-r requirements.txt'],
    });
  });

  it('python_env: an empty or python-less file means no pinned version and no dependencies', async () => {
    const dir = project({ MLproject: 'python_env: python_env.yaml\n', 'python_env.yaml': 'dependencies: []\n' });
    assert.deepEqual((await loadProject(dir)).env, { kind: 'python_env', file: path.join(dir, 'python_env.yaml'), buildDependencies: [], dependencies: [] });
  });

  it('python_env: a missing file or an unknown key is an error', async () => {
    await rejects(loadProject(project({ MLproject: 'python_env: nope.yaml\n' })), /sets python_env: nope\.yaml, but .*nope\.yaml does not exist/);
    await rejects(
      loadProject(project({ MLproject: 'python_env: p.yaml\n', 'p.yaml': 'python: "3.12"\ndependecies: [x]\n' })),
      /python_env file .*p\.yaml is invalid:\n {2}- unknown key 'dependecies' \(allowed: python, build_dependencies, dependencies\)/,
    );
  });

  it('without an environment key, python_env.yaml and then conda.yaml are picked up (with or without MLproject)', async () => {
    const withPy = project({ 'python_env.yaml': 'python: "3.11"\n', 'conda.yaml': 'name: x\n' });
    assert.equal((await loadProject(withPy)).env.kind, 'python_env');
    const withConda = project({ MLproject: 'name: c\n', 'conda.yaml': 'name: x\n' });
    assert.deepEqual((await loadProject(withConda)).env, { kind: 'conda_env', file: path.join(withConda, 'conda.yaml') });
  });

  it('conda_env: the referenced file must exist', async () => {
    const dir = project({ MLproject: 'conda_env: env/conda.yml\n', 'env/conda.yml': 'name: x\n' });
    assert.deepEqual((await loadProject(dir)).env, { kind: 'conda_env', file: path.join(dir, 'env/conda.yml') });
    await rejects(loadProject(project({ MLproject: 'conda_env: missing.yml\n' })), /conda_env: missing\.yml, but .* does not exist/);
  });

  it('docker_env: image, volumes, and environment as names to copy and [name, value] pairs', async () => {
    const dir = project({
      MLproject: [
        'docker_env:',
        '  image: ghcr.io/acme/train:1.0',
        '  volumes: ["/data:/data", "/tmp/cache:/cache:ro"]',
        '  environment: [["MODE", "test"], "HOME", ["PORT", 8080], [FLAG, true]]',
        'entry_points: {main: {command: python x.py}}',
      ].join('\n'),
    });
    assert.deepEqual((await loadProject(dir)).env, {
      kind: 'docker_env',
      image: 'ghcr.io/acme/train:1.0',
      volumes: ['/data:/data', '/tmp/cache:/cache:ro'],
      environment: [['MODE', 'test'], 'HOME', ['PORT', '8080'], ['FLAG', 'true']],
    });
    const bare = await loadProject(project({ MLproject: 'docker_env: {image: alpine}\n' }));
    assert.deepEqual(bare.env, { kind: 'docker_env', image: 'alpine', volumes: [], environment: [] });
  });

  it('docker_env: a missing image, a malformed environment entry or an unknown key is an error', async () => {
    await rejects(loadProject(project({ MLproject: 'docker_env: {volumes: [a]}\n' })), /docker_env\.image: docker_env needs an `image`/);
    await rejects(loadProject(project({ MLproject: 'docker_env: {image: ""}\n' })), /docker_env needs a non-empty `image`/);
    await rejects(loadProject(project({ MLproject: 'docker_env: {image: a, environment: [[A, b, c]]}\n' })), /docker_env\.environment\.0: each entry is a variable name to copy/);
    await rejects(loadProject(project({ MLproject: 'docker_env: {image: a, volume: [x]}\n' })), /docker_env: unknown key 'volume' \(allowed: image, volumes, environment\)/);
  });

  it('more than one environment is an error', async () => {
    await rejects(
      loadProject(project({ MLproject: 'python_env: p.yaml\ndocker_env: {image: a}\n', 'p.yaml': '' })),
      /sets python_env and docker_env, but a project has at most one environment/,
    );
  });
});

describe('resolveEntryPoint', () => {
  it('returns a declared entry point, which wins over a file of the same name', async () => {
    const p = await loadProject(project({ MLproject: 'entry_points: {train.py: {command: echo declared}}\n', 'train.py': '' }));
    assert.equal(resolveEntryPoint(p, 'train.py').command, 'echo declared');
  });

  it('runs .py with python, .sh with bash and .js/.ts with the given Node (quoted), from subdirectories too', async () => {
    const dir = project({ 'train.py': '', 'scripts/run.sh': '', 'a.js': '', 'b.ts': '', 'my dir/c.mjs': '' });
    const p = await loadProject(dir);
    const nodePath = '/opt/my node/bin/node';
    const build = (name: string) => buildCommand(resolveEntryPoint(p, name), {}, { projectDir: dir, nodePath }).command;
    assert.deepEqual(resolveEntryPoint(p, 'train.py'), { name: 'train.py', parameters: [], command: 'python train.py', script: { runner: 'python', file: 'train.py' } });
    assert.equal(build('train.py'), 'python train.py');
    assert.equal(build('./scripts/run.sh'), 'bash scripts/run.sh');
    assert.equal(build('a.js'), "'/opt/my node/bin/node' a.js");
    assert.equal(build('b.ts'), "'/opt/my node/bin/node' b.ts");
    assert.equal(build('my dir/c.mjs'), "'/opt/my node/bin/node' 'my dir/c.mjs'");
  });

  it('names the declared entry points when the name is neither declared nor a script file', async () => {
    const p = await loadProject(project({ MLproject: 'entry_points: {train: {command: a}, evaluate: {command: b}}\n' }));
    throws(() => resolveEntryPoint(p, 'trian'), /Entry point 'trian' not found\. The MLproject declares 'train', 'evaluate', and 'trian' is not a script \(\.py, \.sh, \.js/);
    throws(() => resolveEntryPoint(p, 'trian.py'), /Entry point 'trian\.py' not found\. The MLproject declares 'train', 'evaluate', and there is no file .*trian\.py/);
    const bare = await loadProject(project({}));
    throws(() => resolveEntryPoint(bare, 'main'), /has no MLproject file, and 'main' is not a script/);
    throws(() => resolveEntryPoint(bare, 'x.R'), /not a script/);
  });

  it('refuses a script outside the project and a directory named like a script', async () => {
    const outer = project({ 'evil.py': '', 'inner/dir.py/x': '' });
    const p = await loadProject(path.join(outer, 'inner'));
    throws(() => resolveEntryPoint(p, '../evil.py'), /points outside the project/);
    throws(() => resolveEntryPoint(p, path.join(outer, 'evil.py')), /points outside the project/);
    throws(() => resolveEntryPoint(p, 'dir.py'), /there is no file/);
  });
});

describe('buildCommand: parameters', () => {
  const dir = project({ 'data/train.csv': 'x\n', 'defaults/d.csv': 'y\n' });
  const train = ep('python train.py --lr {lr} --epochs {epochs}', [
    { name: 'lr', type: 'float' },
    { name: 'epochs', type: 'int' },
    { name: 'optimizer', type: 'string', default: 'adam' },
  ], 'train');

  it('fills defaults, keeps given values as text, and returns params in declared order then extras', () => {
    const built = buildCommand(train, { seed: '7', epochs: '10', lr: '0.10', note: 'a b' }, opts(dir));
    assert.equal(built.command, "python train.py --lr 0.10 --epochs 10 --seed 7 --note 'a b'");
    assert.deepEqual(built.params, { lr: '0.10', epochs: '10', optimizer: 'adam', seed: '7', note: 'a b' });
    assert.deepEqual(Object.keys(built.params), ['lr', 'epochs', 'optimizer', 'seed', 'note']);
  });

  it('names every missing required parameter in one error', () => {
    const err = throws(() => buildCommand(train, {}, opts(dir)), /^Missing required parameters for entry point 'train': lr, epochs\. Pass them with -P lr=<value> -P epochs=<value>\.$/);
    assert.equal(err.name, 'ProjectError');
    throws(() => buildCommand(train, { lr: '1' }, opts(dir)), /^Missing required parameter for entry point 'train': epochs\. Pass it with -P epochs=<value>\.$/);
  });

  it('checks float and int values, reporting all problems together', () => {
    for (const lr of ['0.1', '-2', '+3.', '.5', '1e-3', '2E+10', 'inf', '-Infinity', 'NaN']) {
      assert.equal(buildCommand(train, { lr, epochs: '1' }, opts(dir)).params.lr, lr);
    }
    for (const epochs of ['0', '-4', '+12', '007']) assert.equal(buildCommand(train, { lr: '1', epochs }, opts(dir)).params.epochs, epochs);
    for (const lr of ['abc', '', ' 1', '1,5', '0x10', '1e', '1_000']) {
      throws(() => buildCommand(train, { lr, epochs: '1' }, opts(dir)), new RegExp(`Parameter 'lr' of entry point 'train' must be a float such as 0\\.1 or 1e-3, not '${lr}'\\.`));
    }
    for (const epochs of ['1.5', '1e3', 'ten', '']) throws(() => buildCommand(train, { lr: '1', epochs }, opts(dir)), /Parameter 'epochs' of entry point 'train' must be an integer/);
    const err = throws(() => buildCommand(train, { epochs: 'x' }, opts(dir)), /Missing required parameter for entry point 'train': lr/);
    assert.match(err.message, /\nParameter 'epochs' of entry point 'train' must be an integer such as 10, not 'x'\./);
  });

  it('path: given values are resolved against the caller cwd and must exist; defaults against the project', () => {
    const e = ep('cat {data}', [{ name: 'data', type: 'path' }, { name: 'ref', type: 'path', default: 'defaults/d.csv' }]);
    const built = buildCommand(e, { data: 'data/train.csv' }, opts(dir, dir));
    assert.deepEqual(built.params, { data: path.join(dir, 'data/train.csv'), ref: path.join(dir, 'defaults/d.csv') });
    assert.equal(built.command, `cat ${shellQuote(path.join(dir, 'data/train.csv'))}`);
    // From elsewhere, the given value follows the caller's cwd while the default still follows the project.
    const elsewhere = path.join(dir, 'data');
    assert.deepEqual(buildCommand(e, { data: 'train.csv' }, opts(dir, elsewhere)).params, {
      data: path.join(dir, 'data/train.csv'),
      ref: path.join(dir, 'defaults/d.csv'),
    });
    assert.equal(buildCommand(e, { data: pathToFileURL(path.join(dir, 'data')).href }, opts(dir)).params.data, path.join(dir, 'data'));
    throws(() => buildCommand(e, { data: 'nope.csv' }, opts(dir)), /Parameter 'data' of entry point 'main' is a path, but 'nope\.csv' does not exist \(looked for .*nope\.csv\)/);
    throws(() => buildCommand(e, { data: 's3://bucket/key' }, opts(dir)), /is a path and needs a local file or directory, but 's3:\/\/bucket\/key' is a remote URI/);
    throws(() => buildCommand(e, { data: '' }, opts(dir)), /is a path and cannot be empty/);
    const badDefault = ep('x', [{ name: 'ref', type: 'path', default: 'missing.csv' }]);
    throws(() => buildCommand(badDefault, {}, opts(dir)), /Parameter 'ref' of entry point 'main' \(its default\) is a path, but 'missing\.csv' does not exist \(looked for .*, relative to the project\)/);
  });

  it('uri: URIs are kept, local paths become absolute without having to exist', () => {
    const e = ep('x {in} {out}', [{ name: 'in', type: 'uri' }, { name: 'out', type: 'uri', default: 'out/model' }]);
    assert.deepEqual(buildCommand(e, { in: 's3://bucket/data?v=1' }, opts(dir, '/somewhere')).params, { in: 's3://bucket/data?v=1', out: path.join(dir, 'out/model') });
    assert.deepEqual(buildCommand(e, { in: 'rel/file', out: 'runs:/abc/model' }, opts(dir, '/somewhere')).params, { in: '/somewhere/rel/file', out: 'runs:/abc/model' });
    assert.equal(buildCommand(e, { in: 'file:///tmp/x' }, opts(dir)).params.in, '/tmp/x');
  });

  it('rejects a NUL character and an empty extra name', () => {
    throws(() => buildCommand(ep('echo {m}', [{ name: 'm', type: 'string' }]), { m: 'a\0b' }, opts(dir)), /Parameter 'm' contains a NUL character/);
    throws(() => buildCommand(ep('echo'), { '': 'x' }, opts(dir)), /empty name/);
  });

  it('gives __proto__ and other odd names no special meaning', () => {
    const given = JSON.parse('{"__proto__": "x", "constructor": "y"}') as Record<string, string>;
    const built = buildCommand(ep('echo'), given, opts(dir));
    assert.deepEqual(Object.entries(built.params), [['__proto__', 'x'], ['constructor', 'y']]);
    assert.equal(built.command, 'echo --__proto__ x --constructor y');
  });
});

describe('buildCommand: templates', () => {
  const dir = project({ 'argv.js': ARGV_JS });
  const node = shellQuote(NODE);
  const m = [{ name: 'msg', type: 'string' as const }];

  it('substitutes placeholders, keeps {{ }} as literal braces and leaves safe values bare', () => {
    const built = buildCommand(ep(`${node} argv.js {{literal}} --m={msg} x{msg}y`, m), { msg: 'hello' }, opts(dir));
    assert.equal(built.command, `${node} argv.js {literal} --m=hello xhelloy`);
    assert.deepEqual(sh(built.command, dir).argv, ['{literal}', '--m=hello', 'xhelloy']);
  });

  it('rejects an undeclared placeholder, naming it and the declared ones, and unmatched braces', () => {
    throws(() => buildCommand(ep('python t.py {learning_rate}', [{ name: 'lr', type: 'float', default: '1' }], 'train'), {}, opts(dir)), /The command of entry point 'train' uses \{learning_rate\}, which is not a declared parameter \(declared: lr\)/);
    throws(() => buildCommand(ep('echo {}'), {}, opts(dir)), /uses \{\}, which is not a declared parameter \(declared: none\)/);
    throws(() => buildCommand(ep('awk {print}', m), { msg: 'x' }, opts(dir)), /uses \{print\}/);
    throws(() => buildCommand(ep('echo {msg', m), { msg: 'x' }, opts(dir)), /unmatched '\{' at position 5/);
    throws(() => buildCommand(ep('echo {a{msg}}', m), { msg: 'x' }, opts(dir)), /unmatched '\{' at position 5/);
    throws(() => buildCommand(ep('echo }', m), { msg: 'x' }, opts(dir)), /unmatched '\}' at position 5.*\{\{ and \}\} are literal braces/);
  });

  it('rejects placeholders where a value cannot be quoted reliably', () => {
    const cases: [string, RegExp][] = [
      ['echo \\{msg}', /directly after a backslash/],
      ['echo "\\{msg}"', /directly after a backslash/],
      ['echo ${msg}', /directly after '\$'/],
      ['echo $({msg})', /inside \$\(\.\.\.\)/],
      ['echo "$(echo {msg})"', /inside \$\(\.\.\.\)/],
      ['echo `echo {msg}`', /inside backticks/],
      ['echo ${{X:-{msg}}}', /inside \$\{\.\.\.\}/],
      ["echo $'{msg}'", /inside \$'\.\.\.'/],
      ['echo hi # {msg}', /inside a comment/],
      ['cat <<EOF\n{msg}\nEOF', /after a here-document/],
      ['x=$(case a in a) echo;; esac) {msg}', /after a case statement/],
    ];
    for (const [command, pattern] of cases) {
      throws(() => buildCommand(ep(command, m), { msg: 'v' }, opts(dir)), pattern);
    }
    // The same constructs are fine where no placeholder is involved.
    assert.equal(buildCommand(ep('echo $(date) `date` ${{HOME}} \\{{x}} "$HOME" # {{c}}', []), {}, opts(dir)).command, 'echo $(date) `date` ${HOME} \\{x} "$HOME" # {c}');
  });

  it('appends undeclared parameters on the last line, after a YAML block newline', () => {
    const built = buildCommand(ep(`echo first >/dev/null\n${node} argv.js {msg}\n`, m), { msg: 'a', epochs: '3', 'odd key': "it's" }, opts(dir));
    assert.equal(built.command, `echo first >/dev/null\n${node} argv.js a --epochs 3 '--odd key' 'it'\\''s'`);
    assert.deepEqual(sh(built.command, dir).argv, ['a', '--epochs', '3', '--odd key', "it's"]);
  });

  it('refuses to append where the words would land in a comment, quote or here-document', () => {
    const cases: [string, RegExp][] = [
      ['echo hi # note', /it ends in a comment/],
      ['echo hi # note\n', /its last line is empty or a comment/],
      ["echo 'open", /it ends inside '\.\.\.'/],
      ['echo "open', /it ends inside "\.\.\."/],
      ['echo $(date', /it ends inside \$\(\.\.\.\)/],
      ['echo hi \\', /it ends with a backslash/],
      ['cat <<EOF\nx\nEOF', /it contains a here-document/],
    ];
    for (const [command, pattern] of cases) {
      throws(() => buildCommand(ep(command), { extra: 'v' }, opts(dir)), new RegExp(`Cannot append the undeclared parameters extra to the command of entry point 'main': ${pattern.source}`));
      // Without extras the same command is returned unchanged.
      assert.equal(buildCommand(ep(command), {}, opts(dir)).command, command);
    }
    // A line continuation is significant: the extras continue the same command.
    const cont = buildCommand(ep(`${node} argv.js \\\n  a`), { k: 'v' }, opts(dir));
    assert.deepEqual(sh(cont.command, dir).argv, ['a', '--k', 'v']);
  });
});

describe('buildCommand: injection', () => {
  const dir = project({ 'argv.js': ARGV_JS, 'argv.ts': ARGV_JS, 'argv.sh': 'printf "%s\\n" "$@" | "$NODE_FOR_TEST" -e \'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.stringify(s.split("\\n").slice(0,-1))))\'\n' });
  const marker = path.join(dir, 'PWNED');
  const node = shellQuote(NODE);
  const touch = `touch ${marker}`;
  const hostile = [
    `$(${touch})`,
    `\`${touch}\``,
    `; ${touch}`,
    `&& ${touch}`,
    `| ${touch}`,
    `\n${touch}\n`,
    `' ; ${touch} ; '`,
    `" ; ${touch} ; "`,
    `'"'"'; ${touch}; '"'"'`,
    `\\'; ${touch} #`,
    `\\"; ${touch} #`,
    `$'\\x27'; ${touch}`,
    `}; ${touch}; {`,
    `{msg}; ${touch}`,
    `\${IFS}${touch}`,
    `> ${marker}`,
    `*`,
    `~`,
    `$HOME`,
    `!!`,
    `A=B`,
    `-rf`,
    '',
    ' ',
    'trailing backslash\\',
    'héllo wörld ✓',
  ];
  // Each fragment is one word of the template, `{p}` its placeholder; all hostile values go into one
  // command line (one placeholder each) so every shell starts Node once per fragment.
  const fragments: [string, (v: string) => string][] = [
    ['{p}', (v) => v],
    ["'{p}'", (v) => v],
    ['"{p}"', (v) => v],
    ['"pre {p} post"', (v) => `pre ${v} post`],
    ["'pre {p} post'", (v) => `pre ${v} post`],
    ['--msg={p}', (v) => `--msg=${v}`],
    [`x{p}"y"'z'{p}`, (v) => `x${v}yz${v}`],
  ];
  const shells = ['/bin/sh', '/bin/bash', '/bin/dash'].filter((s) => existsSync(s));

  it('a hostile value reaches the program as exactly one argument, in every quoting context and shell', () => {
    const parameters = hostile.map((_, i) => ({ name: `m${i}`, type: 'string' as const }));
    const given = Object.fromEntries(hostile.map((v, i) => [`m${i}`, v]));
    for (const [fragment, expected] of fragments) {
      const template = `${node} argv.js ${hostile.map((_, i) => fragment.replaceAll('{p}', `{m${i}}`)).join(' ')}`;
      const { command } = buildCommand(ep(template, parameters), given, opts(dir));
      for (const shell of shells) {
        const r = sh(command, dir, shell);
        assert.equal(r.status, 0, `${shell}: ${command}\n${r.stderr}`);
        assert.deepEqual(r.argv, hostile.map(expected), `${shell}: ${fragment} gave ${command}`);
        assert.equal(existsSync(marker), false, `${shell} ran a value: ${command}`);
      }
    }
  });

  it('hostile undeclared names and values are appended as inert words, to templates and scripts', async () => {
    const p = await loadProject(dir);
    const given: Record<string, string> = {};
    hostile.forEach((v, i) => {
      given[`k${i}`] = v;
    });
    given[`x; ${touch}`] = `$(${touch})`;
    const expected = Object.entries(given).flatMap(([k, v]) => [`--${k}`, v]);
    const entries: EntryPoint[] = [ep(`${node} argv.js`), ep(`${node} argv.js\n`), resolveEntryPoint(p, 'argv.js'), resolveEntryPoint(p, 'argv.ts')];
    for (const entry of entries) {
      const { command, params } = buildCommand(entry, given, opts(dir));
      assert.deepEqual(params, given);
      for (const shell of shells) {
        const r = sh(command, dir, shell);
        assert.equal(r.status, 0, r.stderr);
        assert.deepEqual(r.argv, expected, `${shell}: ${command}`);
        assert.equal(existsSync(marker), false);
      }
    }
  });

  it('a .sh script entry point gets the values verbatim too', async () => {
    const p = await loadProject(dir);
    const { command } = buildCommand(resolveEntryPoint(p, 'argv.sh'), { a: `$(${touch})`, b: `'; ${touch}` }, opts(dir));
    const r = spawnSync('/bin/sh', ['-c', command], { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_FOR_TEST: NODE } });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout) as string[], ['--a', `$(${touch})`, '--b', `'; ${touch}`]);
    assert.equal(existsSync(marker), false);
  });

  it('a Node path with spaces and quotes still runs the script', async () => {
    const odd = path.join(project({}), "my node's dir");
    mkdirSync(odd);
    symlinkSync(NODE, path.join(odd, 'node'));
    const p = await loadProject(dir);
    const { command } = buildCommand(resolveEntryPoint(p, 'argv.js'), { v: '1' }, { projectDir: dir, nodePath: path.join(odd, 'node') });
    assert.ok(command.startsWith(`'${odd.replace("'", "'\\''")}/node' argv.js`), command);
    assert.deepEqual(sh(command, dir).argv, ['--v', '1']);
  });

  it('the project directory and the marker are untouched by building', () => {
    assert.equal(existsSync(marker), false);
  });
});

describe('shellQuote', () => {
  it('leaves plain words bare and single-quotes the rest', () => {
    assert.equal(shellQuote('abc-1.2/x_y:z@w%+,'), 'abc-1.2/x_y:z@w%+,');
    assert.equal(shellQuote(''), "''");
    assert.equal(shellQuote('a=b'), "'a=b'");
    assert.equal(shellQuote('~'), "'~'");
    assert.equal(shellQuote("it's"), "'it'\\''s'");
  });
});

// Keeps the type import honest: a ProjectSpec can be built by hand for other modules' tests.
const _spec: ProjectSpec = { name: undefined, dir: '/', entryPoints: new Map(), env: { kind: 'local' }, hasMLproject: false };
void _spec;
