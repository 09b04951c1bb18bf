/**
 * Project sources against real git, offline: a repository built here (an MLproject under proj/,
 * a branch, an annotated tag, a commit only a pull-request ref reaches) is cloned by file:// URL,
 * by a bare `.git` path and through a credentialed https URL that git's `insteadOf` maps back to
 * the local repository. A stand-in git records what it was run with.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isGitUri, ProjectSourceError, resolveSource, stripCredentials } from '../../src/projects/source.ts';

// realpath: on macOS the temp dir is a symlink, and git reports real paths.
const base = realpathSync(mkdtempSync(join(tmpdir(), 'mlflow-ts-source-test-')));
const repo = join(base, 'repo');
const bare = join(base, 'bare-repo.git');
const superRepo = join(base, 'super');
const subRepo = join(base, 'subrepo');
const CRED_URL = 'https://alice:s3cret-token@example.invalid/org/repo.git';

// Commits must work on a CI machine without a git identity, and the developer's own git config
// (signing, hooks, default branch) must not leak in. Each test file runs in its own process.
writeFileSync(join(base, 'gitconfig'), '');
Object.assign(process.env, {
  GIT_AUTHOR_NAME: 'Source Test',
  GIT_AUTHOR_EMAIL: 'source-test@example.com',
  GIT_COMMITTER_NAME: 'Source Test',
  GIT_COMMITTER_EMAIL: 'source-test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: join(base, 'gitconfig'),
  // Git discovery must stop at our temp dir, whatever tmpdir() sits in.
  GIT_CEILING_DIRECTORIES: dirname(base),
  GIT_CONFIG_COUNT: '2',
  // The credentialed URL is served by the local repository, so credential handling runs offline.
  GIT_CONFIG_KEY_0: `url.${pathToFileURL(repo).href}.insteadOf`,
  GIT_CONFIG_VALUE_0: CRED_URL,
  // Submodules over file:// are off by default since git 2.38.1.
  GIT_CONFIG_KEY_1: 'protocol.file.allow',
  GIT_CONFIG_VALUE_1: 'always',
});

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

function write(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

const marker = (dir: string): string => readFileSync(join(dir, 'marker.txt'), 'utf8');

let shaV1 = '';
let shaFeature = '';
let shaMain = '';
let shaPull = '';
let workDir = '';
let workDirs = 0;

/** A fresh, empty clone directory per test, so "nothing left behind" can be checked. */
function freshWorkDir(): string {
  workDir = join(base, `work-${++workDirs}`);
  return workDir;
}

const isEmptyDir = (dir: string): boolean => !existsSync(dir) || readdirSync(dir).length === 0;

before(() => {
  mkdirSync(repo);
  git(repo, 'init', '-q', '-b', 'main');
  write(join(repo, 'proj', 'MLproject'), 'name: demo\nentry_points:\n  main:\n    command: "echo hi"\n');
  write(join(repo, 'proj', 'marker.txt'), 'v1');
  write(join(repo, 'README.md'), 'root\n');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'one');
  shaV1 = git(repo, 'rev-parse', 'HEAD');
  git(repo, 'tag', '-a', 'v1', '-m', 'release 1');

  git(repo, 'checkout', '-q', '-b', 'feature');
  write(join(repo, 'proj', 'marker.txt'), 'feature');
  git(repo, 'commit', '-q', '-am', 'feature');
  shaFeature = git(repo, 'rev-parse', 'HEAD');

  // A commit only refs/pull/1/head reaches: a plain clone does not have it.
  git(repo, 'checkout', '-q', '--detach', shaV1);
  write(join(repo, 'proj', 'marker.txt'), 'pull');
  git(repo, 'commit', '-q', '-am', 'pull request');
  shaPull = git(repo, 'rev-parse', 'HEAD');
  git(repo, 'update-ref', 'refs/pull/1/head', shaPull);
  // GitHub serves any reachable commit by sha; a local repository must be told to.
  git(repo, 'config', 'uploadpack.allowAnySHA1InWant', 'true');

  git(repo, 'checkout', '-q', 'main');
  write(join(repo, 'proj', 'marker.txt'), 'main');
  symlinkSync('..', join(repo, 'up'));
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'main');
  shaMain = git(repo, 'rev-parse', 'HEAD');

  git(base, 'clone', '-q', '--bare', repo, bare);

  mkdirSync(subRepo);
  git(subRepo, 'init', '-q', '-b', 'main');
  write(join(subRepo, 'lib.txt'), 'from submodule');
  git(subRepo, 'add', '-A');
  git(subRepo, 'commit', '-q', '-m', 'lib');
  mkdirSync(superRepo);
  git(superRepo, 'init', '-q', '-b', 'main');
  write(join(superRepo, 'MLproject'), 'name: super\n');
  git(superRepo, 'submodule', '-q', 'add', pathToFileURL(subRepo).href, 'vendor/lib');
  git(superRepo, 'add', '-A');
  git(superRepo, 'commit', '-q', '-m', 'with submodule');
});

after(() => rmSync(base, { recursive: true, force: true }));

describe('isGitUri', () => {
  it('recognises git URIs by scheme, scp-like form or a .git path', () => {
    for (const uri of [
      'https://github.com/mlflow/mlflow-example',
      'http://host/repo#sub',
      'ssh://git@host:22/org/repo.git',
      'git://host/repo',
      'file:///tmp/repo',
      'git@github.com:org/repo.git',
      '/tmp/bare.git',
      '../bare.git/',
      '"https://github.com/org/repo"',
    ]) {
      assert.equal(isGitUri(uri), true, uri);
    }
  });

  it('leaves local directories and other schemes alone', () => {
    for (const uri of ['.', './proj', '/abs/dir', 'proj#sub', 'C:\\work\\proj', 's3://bucket/proj', 'dir.git.d', 'notes@2024']) {
      assert.equal(isGitUri(uri), false, uri);
    }
  });
});

describe('stripCredentials', () => {
  it('drops user info from http(s), only the password from ssh, and keeps the rest of the URL as written', () => {
    assert.equal(stripCredentials('https://user:tok@host/org/repo.git?x=1#sub'), 'https://host/org/repo.git?x=1#sub');
    assert.equal(stripCredentials('https://ghp_token@github.com/org/repo'), 'https://github.com/org/repo');
    assert.equal(stripCredentials('http://u:p@ss@host:8080/r'), 'http://host:8080/r');
    assert.equal(stripCredentials('ssh://git:pw@host/r.git'), 'ssh://git@host/r.git');
    assert.equal(stripCredentials('ssh://git@host/r.git'), 'ssh://git@host/r.git');
    assert.equal(stripCredentials('git@github.com:org/repo.git'), 'git@github.com:org/repo.git');
    assert.equal(stripCredentials('https://host/path@v1'), 'https://host/path@v1');
    assert.equal(stripCredentials('/local/dir'), '/local/dir');
  });
});

describe('resolveSource: git URIs', () => {
  it('clones a file:// URL, selects #subdirectory and reports the default branch', async () => {
    const url = pathToFileURL(repo).href;
    const src = await resolveSource(`${url}#proj`, { workDir: freshWorkDir() });
    try {
      assert.equal(marker(src.dir), 'main');
      assert.ok(existsSync(join(src.dir, 'MLproject')));
      assert.ok(src.dir.startsWith(workDir), src.dir);
      assert.equal(src.sourceName, `${url}#proj`);
      assert.deepEqual(src.git, { commit: shaMain, branch: 'main', repoURL: url });
    } finally {
      await src.cleanup();
    }
  });

  it('clones a bare repository given as a path ending in .git, made absolute', async () => {
    const rel = relative(process.cwd(), bare);
    const src = await resolveSource(`${rel}#proj`, { workDir: freshWorkDir() });
    try {
      assert.equal(marker(src.dir), 'main');
      assert.equal(src.sourceName, `${bare}#proj`);
      assert.equal(src.git?.repoURL, bare);
      assert.equal(src.git?.commit, shaMain);
    } finally {
      await src.cleanup();
    }
  });

  it('checks out a branch given as version and reports it as the branch', async () => {
    const src = await resolveSource(`${pathToFileURL(repo).href}#proj`, { version: 'feature', workDir: freshWorkDir() });
    try {
      assert.equal(marker(src.dir), 'feature');
      assert.equal(src.git?.commit, shaFeature);
      assert.equal(src.git?.branch, 'feature');
    } finally {
      await src.cleanup();
    }
  });

  it('checks out an annotated tag at its commit, with no branch', async () => {
    const src = await resolveSource(`${bare}#proj`, { version: 'v1', workDir: freshWorkDir() });
    try {
      assert.equal(marker(src.dir), 'v1');
      assert.equal(src.git?.commit, shaV1);
      assert.equal(src.git?.branch, undefined);
    } finally {
      await src.cleanup();
    }
  });

  it('checks out a commit by full or abbreviated sha', async () => {
    for (const version of [shaV1, shaV1.slice(0, 10)]) {
      const src = await resolveSource(`${pathToFileURL(repo).href}#proj`, { version, workDir: freshWorkDir() });
      try {
        assert.equal(marker(src.dir), 'v1', version);
        assert.equal(src.git?.commit, shaV1);
        assert.equal(src.git?.branch, undefined);
      } finally {
        await src.cleanup();
      }
    }
  });

  it('fetches a commit that no branch or tag reaches when given its full sha', async () => {
    const src = await resolveSource(`${pathToFileURL(repo).href}#proj`, { version: shaPull, workDir: freshWorkDir() });
    try {
      assert.equal(marker(src.dir), 'pull');
      assert.equal(src.git?.commit, shaPull);
    } finally {
      await src.cleanup();
    }
  });

  it('rejects a ref that does not exist, naming it and the URI, and leaves nothing behind', async () => {
    const url = pathToFileURL(repo).href;
    const dir = freshWorkDir();
    await assert.rejects(resolveSource(url, { version: 'no-such-ref', workDir: dir }), (error: Error) => {
      assert.ok(error instanceof ProjectSourceError);
      assert.match(error.message, /Unable to check out version 'no-such-ref' of file:\/\//);
      assert.ok(error.message.includes(url));
      assert.match(error.message, /branch, tag or commit/);
      return true;
    });
    assert.ok(isEmptyDir(dir));
  });

  it('does not let a version be read as a git option', async () => {
    const dir = freshWorkDir();
    await assert.rejects(resolveSource(pathToFileURL(repo).href, { version: '--orphan=x', workDir: dir }), /not a valid git ref/);
    assert.ok(isEmptyDir(dir));
  });

  it('rejects a missing subdirectory after cloning, and removes the clone', async () => {
    const dir = freshWorkDir();
    await assert.rejects(resolveSource(`${pathToFileURL(repo).href}#nope`, { version: 'v1', workDir: dir }), (error: Error) => {
      assert.ok(error instanceof ProjectSourceError);
      assert.match(error.message, /Could not find subdirectory 'nope' in file:\/\/.* at version 'v1'/);
      return true;
    });
    assert.ok(isEmptyDir(dir));
  });

  it('rejects a subdirectory with .. before cloning anything', async () => {
    const dir = freshWorkDir();
    for (const sub of ['../repo', 'proj/../../x', '..']) {
      await assert.rejects(resolveSource(`${pathToFileURL(repo).href}#${sub}`, { workDir: dir }), /may not contain '\.\.'/);
    }
    await assert.rejects(resolveSource(`${pathToFileURL(repo).href}#/etc`, { workDir: dir }), /must be a relative path/);
    assert.ok(isEmptyDir(dir));
  });

  it('rejects a subdirectory that leaves the clone through a symlink', async () => {
    const dir = freshWorkDir();
    await assert.rejects(resolveSource(`${pathToFileURL(repo).href}#up`, { workDir: dir }), /leads outside the project/);
    assert.ok(isEmptyDir(dir));
  });

  it('clones with URL credentials but keeps them out of the tags and the clone', async () => {
    const src = await resolveSource(`${CRED_URL}#proj`, { workDir: freshWorkDir() });
    try {
      assert.equal(marker(src.dir), 'main');
      assert.equal(src.sourceName, 'https://example.invalid/org/repo.git#proj');
      assert.equal(src.git?.repoURL, 'https://example.invalid/org/repo.git');
      const config = readFileSync(join(dirname(src.dir), '.git', 'config'), 'utf8');
      assert.ok(!config.includes('s3cret'), config);
    } finally {
      await src.cleanup();
    }
  });

  it('fails fast on an unreachable repository without echoing its credentials', async () => {
    const dir = freshWorkDir();
    await assert.rejects(resolveSource('https://bob:hunter2@127.0.0.1:9/nothing.git', { workDir: dir }), (error: Error) => {
      assert.ok(error instanceof ProjectSourceError);
      assert.match(error.message, /^Could not clone https:\/\/127\.0\.0\.1:9\/nothing\.git: /);
      assert.match(error.message, /credentials/);
      assert.ok(!error.message.includes('hunter2'), error.message);
      return true;
    });
    assert.ok(isEmptyDir(dir));
  });

  it('runs git without a shell or prompts, and scrubs credentials from what git printed', { skip: process.platform === 'win32' }, async () => {
    const record = join(base, 'fake-git.log');
    const fake = join(base, 'fake-git');
    writeFileSync(
      fake,
      `#!/bin/sh\nprintf '%s\\n' "prompt=$GIT_TERMINAL_PROMPT" "$@" > '${record}'\n` +
        `echo "fatal: could not read from 'https://carol:tok-123@host.invalid/r.git'" >&2\nexit 128\n`,
    );
    chmodSync(fake, 0o755);
    const dir = freshWorkDir();
    await assert.rejects(resolveSource('https://carol:tok-123@host.invalid/r.git#a;b', { git: fake, workDir: dir }), (error: Error) => {
      assert.match(error.message, /Could not clone https:\/\/host\.invalid\/r\.git: fatal: could not read from 'https:\/\/host\.invalid\/r\.git'/);
      assert.ok(!error.message.includes('tok-123'), error.message);
      return true;
    });
    const lines = readFileSync(record, 'utf8').trim().split('\n');
    assert.equal(lines[0], 'prompt=0');
    assert.deepEqual(lines.slice(1, 4), ['clone', '-q', '--']);
    assert.equal(lines[4], 'https://carol:tok-123@host.invalid/r.git');
    assert.ok(isEmptyDir(dir));
  });

  it('says so when git is not installed', async () => {
    await assert.rejects(resolveSource(pathToFileURL(repo).href, { git: join(base, 'no-such-git'), workDir: freshWorkDir() }), /git executable .* was not found/);
  });

  it('checks out submodules', async () => {
    const src = await resolveSource(pathToFileURL(superRepo).href, { workDir: freshWorkDir() });
    try {
      assert.equal(readFileSync(join(src.dir, 'vendor', 'lib', 'lib.txt'), 'utf8'), 'from submodule');
    } finally {
      await src.cleanup();
    }
  });

  it('cleanup removes the clone and may be called twice', async () => {
    const dir = freshWorkDir();
    const src = await resolveSource(`${pathToFileURL(repo).href}#proj`, { workDir: dir });
    assert.ok(existsSync(src.dir));
    assert.equal(readdirSync(dir).length, 1);
    await src.cleanup();
    await src.cleanup();
    assert.ok(!existsSync(src.dir));
    assert.ok(isEmptyDir(dir));
  });
});

describe('resolveSource: local directories', () => {
  it('makes a relative directory absolute and fills git info from the work tree', async () => {
    const src = await resolveSource(relative(process.cwd(), join(repo, 'proj')));
    assert.equal(src.dir, join(repo, 'proj'));
    assert.equal(src.sourceName, join(repo, 'proj'));
    assert.deepEqual(src.git, { commit: shaMain, branch: 'main' });
    await src.cleanup();
    assert.ok(existsSync(src.dir), 'cleanup must not touch a local project');
  });

  it('selects #subdirectory of a local directory', async () => {
    const src = await resolveSource(`${repo}#proj`);
    assert.equal(src.dir, join(repo, 'proj'));
    assert.equal(src.sourceName, `${repo}#proj`);
    assert.equal(marker(src.dir), 'main');
    await assert.rejects(resolveSource(`${repo}#missing`), /Could not find subdirectory 'missing'/);
    await assert.rejects(resolveSource(`${repo}#proj/../..`), /may not contain '\.\.'/);
  });

  it('reports origin without credentials, and no branch on a detached HEAD', async () => {
    const work = join(base, 'checkout');
    git(base, 'clone', '-q', repo, work);
    git(work, 'remote', 'set-url', 'origin', 'https://dave:ghp_secret@example.com/org/repo.git');
    const onBranch = await resolveSource(join(work, 'proj'));
    assert.deepEqual(onBranch.git, { commit: shaMain, branch: 'main', repoURL: 'https://example.com/org/repo.git' });

    git(work, 'checkout', '-q', '--detach', 'v1');
    const detached = await resolveSource(join(work, 'proj'));
    assert.deepEqual(detached.git, { commit: shaV1, repoURL: 'https://example.com/org/repo.git' });
  });

  it('gives no git info outside a git work tree', async () => {
    const plain = join(base, 'plain');
    write(join(plain, 'MLproject'), 'name: plain\n');
    const src = await resolveSource(plain);
    assert.equal(src.dir, plain);
    assert.equal(src.git, undefined);
    // A bare repository is git, but not a work tree.
    const inBare = await resolveSource(`${base}#bare-repo.git/refs`);
    assert.equal(inBare.git, undefined);
  });

  it('rejects a version for a local directory, as MLflow does', async () => {
    await assert.rejects(resolveSource(repo, { version: 'main' }), /Setting a version is only supported for Git project URIs/);
  });

  it('rejects a directory that does not exist, a file, and unknown URI schemes', async () => {
    await assert.rejects(resolveSource(join(base, 'missing')), (error: Error) => {
      assert.ok(error instanceof ProjectSourceError);
      assert.match(error.message, /Project directory .*missing does not exist\. Pass an existing directory, or a git URI/);
      return true;
    });
    await assert.rejects(resolveSource(join(repo, 'README.md')), /is not a directory/);
    await assert.rejects(resolveSource('s3://key:secret@bucket/proj'), (error: Error) => {
      assert.match(error.message, /Unsupported project URI scheme 's3' in s3:\/\/bucket\/proj/);
      return true;
    });
    await assert.rejects(resolveSource('  '), /No project URI given/);
  });
});
