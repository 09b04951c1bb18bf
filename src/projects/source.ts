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
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, realpath, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

export interface GitInfo {
  commit: string;
  branch?: string;
  repoURL?: string;
}

export interface ProjectSource {
  /** Absolute directory holding the project (after `#subdirectory`). */
  dir: string;
  /** For the `mlflow.source.name` tag: the URI as given, a local directory made absolute, no credentials. */
  sourceName: string;
  /** For `mlflow.source.git.commit` / `.branch` / `.repoURL`; absent outside git. */
  git?: GitInfo;
  /** Removes a temporary clone; a no-op for local directories. Safe to call twice. */
  cleanup(): Promise<void>;
}

export interface ResolveSourceOptions {
  /** A git ref to check out: commit sha, branch or tag. Only for git URIs. */
  version?: string;
  /** Where clones go; default `os.tmpdir()`. */
  workDir?: string;
  /** The git executable; default `git` on PATH. */
  git?: string;
}

/** The project URI, `#subdirectory` or `--version` cannot be used; the message says what to change. */
export class ProjectSourceError extends Error {
  override name = 'ProjectSourceError';
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
const stripQuotes = (uri: string): string => uri.trim().replace(/^['"]+|['"]+$/g, '');

function splitSubdirectory(uri: string): { base: string; subdirectory: string } {
  const hash = uri.indexOf('#');
  if (hash < 0) return { base: uri, subdirectory: '' };
  return { base: uri.slice(0, hash), subdirectory: uri.slice(hash + 1) };
}

/** True for `https://…`, `http://…`, `ssh://…`, `git://…`, `file://…`, `user@host:path` and paths ending in `.git`. */
export function isGitUri(uri: string): boolean {
  const { base } = splitSubdirectory(stripQuotes(uri));
  return GIT_SCHEME.test(base) || SCP_LIKE.test(base) || BARE_PATH.test(base);
}

/**
 * Drops credentials from a URL: all user info for http(s) and other schemes (a token is often
 * given as the user name), only the password for ssh (the user there is an account name).
 * scp-like `git@host:path` carries no secret and is returned unchanged.
 */
export function stripCredentials(uri: string): string {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)([\s\S]*)$/i.exec(uri);
  if (!match) return uri;
  const scheme = match[1] ?? '';
  const authority = match[2] ?? '';
  const rest = match[3] ?? '';
  const at = authority.lastIndexOf('@');
  if (at < 0) return uri;
  const host = authority.slice(at + 1);
  if (/^(?:git\+)?ssh:\/\/$/i.test(scheme)) {
    const user = authority.slice(0, at).split(':')[0] ?? '';
    return `${scheme}${user ? `${user}@` : ''}${host}${rest}`;
  }
  return `${scheme}${host}${rest}`;
}

/** The same scrubbing for free text such as git's stderr, which may quote the URL. */
function scrubText(text: string, rawUri: string, safeUri: string): string {
  let out = rawUri && rawUri !== safeUri ? text.split(rawUri).join(safeUri) : text;
  out = out.replace(/\b((?:git\+)?ssh:\/\/[^\s/@:]+):[^\s/@]+@/gi, '$1@');
  out = out.replace(/\b((?!(?:git\+)?ssh:)[a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi, '$1');
  return out;
}

type GitResult = { ok: true; stdout: string } | { ok: false; stderr: string; notFound: boolean };

function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_TERMINAL_PROMPT: '0', GCM_INTERACTIVE: 'never' };
  for (const key of REPO_PINNING_VARS) delete env[key];
  return env;
}

function runGit(git: string, args: string[], cwd: string): Promise<GitResult> {
  return new Promise((done) => {
    execFile(git, args, { cwd, env: gitEnv(), encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
      if (!error) return done({ ok: true, stdout });
      // execFile's own message quotes the command line, which may hold a token: never pass it on.
      const notFound = (error as NodeJS.ErrnoException).code === 'ENOENT';
      done({ ok: false, stderr: String(stderr ?? ''), notFound });
    });
  });
}

/** The last few lines git wrote, on one line, without credentials. */
function stderrTail(result: { stderr: string }, rawUri: string, safeUri: string): string {
  const lines = scrubText(result.stderr, rawUri, safeUri)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(-4);
  // The caller ends the sentence; git's own last line often ends in a full stop.
  const text = lines.join(' | ').replace(/[.\s]+$/, '');
  return text.length > 800 ? `…${text.slice(-800)}` : text || '(git printed nothing)';
}

function gitMissing(git: string, safeUri: string): ProjectSourceError {
  return new ProjectSourceError(`Cannot fetch project ${safeUri}: the git executable '${git}' was not found. Install git or put it on PATH.`);
}

function checkSubdirectory(subdirectory: string, safeUri: string): void {
  if (isAbsolute(subdirectory) || /^[a-z]:/i.test(subdirectory) || subdirectory.startsWith('\\')) {
    throw new ProjectSourceError(`Project subdirectory '#${subdirectory}' of ${safeUri} must be a relative path inside the project.`);
  }
  if (subdirectory.split(/[\\/]+/).includes('..')) {
    throw new ProjectSourceError(`Project subdirectory '#${subdirectory}' of ${safeUri} may not contain '..': it must stay inside the project.`);
  }
}

/** The project directory under `root`, which must exist and must not lead out of `root` through a symlink. */
async function locateSubdirectory(root: string, subdirectory: string, safeUri: string, where: string): Promise<string> {
  if (!subdirectory) return root;
  const dir = resolve(root, subdirectory);
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new ProjectSourceError(`Could not find subdirectory '${subdirectory}' in ${safeUri}${where}. Check the path after '#' (it is relative to the repository or directory root).`);
  }
  const rel = relative(await realpath(root), await realpath(dir));
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    throw new ProjectSourceError(`Project subdirectory '#${subdirectory}' of ${safeUri} leads outside the project (through a symbolic link).`);
  }
  return dir;
}

async function gitInfoAt(git: string, dir: string, remoteUrl: string | undefined): Promise<GitInfo | undefined> {
  const commit = await runGit(git, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], dir);
  if (!commit.ok || !commit.stdout.trim()) return undefined;
  const info: GitInfo = { commit: commit.stdout.trim() };
  const branch = await runGit(git, ['rev-parse', '--abbrev-ref', 'HEAD'], dir);
  // A detached HEAD (a tag or commit checked out, or CI's merge checkout) answers 'HEAD'.
  if (branch.ok && branch.stdout.trim() && branch.stdout.trim() !== 'HEAD') info.branch = branch.stdout.trim();
  if (remoteUrl !== undefined) {
    info.repoURL = remoteUrl;
  } else {
    const origin = await runGit(git, ['remote', 'get-url', 'origin'], dir);
    if (origin.ok && origin.stdout.trim()) info.repoURL = stripCredentials(origin.stdout.trim());
  }
  return info;
}

async function resolveLocal(base: string, subdirectory: string, git: string): Promise<ProjectSource> {
  const root = resolve(base || '.');
  const sourceName = subdirectory ? `${root}#${subdirectory}` : root;
  checkSubdirectory(subdirectory, root);
  const info = await stat(root).catch(() => undefined);
  if (!info) {
    throw new ProjectSourceError(
      `Project directory ${root} does not exist. Pass an existing directory, or a git URI (https://…, ssh://…, git@host:path, file://…, or a path ending in .git).`,
    );
  }
  if (!info.isDirectory()) throw new ProjectSourceError(`Project path ${root} is not a directory. Pass the directory that holds the MLproject file.`);
  const dir = await locateSubdirectory(root, subdirectory, root, '');
  // Only a work tree counts: a bare repository or a .git directory has no checked-out project.
  const inside = await runGit(git, ['rev-parse', '--is-inside-work-tree'], dir);
  const gitInfo = inside.ok && inside.stdout.trim() === 'true' ? await gitInfoAt(git, dir, undefined) : undefined;
  return { dir, sourceName, ...(gitInfo ? { git: gitInfo } : {}), cleanup: async () => {} };
}

/** Checks out `version` in a fresh clone: a branch stays a branch (so it is reported), anything else detaches. */
async function checkoutVersion(git: string, root: string, version: string, rawUri: string, safeUri: string): Promise<void> {
  const fail = (detail: string): ProjectSourceError =>
    new ProjectSourceError(
      `Unable to check out version '${version}' of ${safeUri}: ${detail}. Check that the branch, tag or commit exists (\`git ls-remote ${safeUri}\` lists branches and tags).`,
    );
  if (!version.trim() || version.startsWith('-') || /[\s\p{Cc}]/u.test(version)) throw fail('not a valid git ref');

  if (version !== 'HEAD') {
    const remoteBranch = `refs/remotes/origin/${version}`;
    const isBranch = await runGit(git, ['rev-parse', '--verify', '--quiet', remoteBranch], root);
    if (isBranch.ok) {
      const checkout = await runGit(git, ['checkout', '-q', '-B', version, remoteBranch, '--'], root);
      if (!checkout.ok) throw fail(stderrTail(checkout, rawUri, safeUri));
      return;
    }
  }
  let commit = await runGit(git, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${version}^{commit}`], root);
  if (!commit.ok && FULL_SHA.test(version)) {
    // A commit no branch or tag reaches (a pull request head, say) is not in a plain clone;
    // servers hand it out when asked for by its full sha.
    const fetched = await runGit(git, ['fetch', '-q', 'origin', '--', version], root);
    if (!fetched.ok) throw fail(`not found, and fetching it failed: ${stderrTail(fetched, rawUri, safeUri)}`);
    commit = await runGit(git, ['rev-parse', '--verify', '--quiet', 'FETCH_HEAD^{commit}'], root);
  }
  if (!commit.ok) throw fail('no branch, tag or commit of that name');
  const checkout = await runGit(git, ['checkout', '-q', '--detach', commit.stdout.trim(), '--'], root);
  if (!checkout.ok) throw fail(stderrTail(checkout, rawUri, safeUri));
}

async function resolveGit(base: string, subdirectory: string, options: ResolveSourceOptions, git: string): Promise<ProjectSource> {
  // A local bare-repository path is cloned by its absolute path so the tags say where it was.
  const rawUri = GIT_SCHEME.test(base) || SCP_LIKE.test(base) ? base : resolve(base);
  const safeUri = stripCredentials(rawUri);
  const sourceName = subdirectory ? `${safeUri}#${subdirectory}` : safeUri;
  checkSubdirectory(subdirectory, safeUri);

  const workDir = resolve(options.workDir ?? tmpdir());
  await mkdir(workDir, { recursive: true });
  const root = await mkdtemp(join(workDir, 'mlflow-ts-project-'));
  const cleanup = async (): Promise<void> => rm(root, { recursive: true, force: true });
  try {
    const clone = await runGit(git, ['clone', '-q', '--', rawUri, root], workDir);
    if (!clone.ok) {
      if (clone.notFound) throw gitMissing(git, safeUri);
      throw new ProjectSourceError(
        `Could not clone ${safeUri}: ${stderrTail(clone, rawUri, safeUri)}. Check the URL and that the repository is reachable; ` +
          'for a private repository provide credentials (a git credential helper, or a token in the URL).',
      );
    }
    if (options.version !== undefined) {
      await checkoutVersion(git, root, options.version, rawUri, safeUri);
    } else if (!(await runGit(git, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], root)).ok) {
      throw new ProjectSourceError(`Cloned ${safeUri}, but its default branch has no commit to check out. Pass --version with a branch, tag or commit.`);
    }
    if (existsSync(join(root, '.gitmodules'))) {
      const submodules = await runGit(git, ['submodule', 'update', '--init', '--recursive', '-q'], root);
      if (!submodules.ok) {
        throw new ProjectSourceError(`Could not fetch the submodules of ${safeUri}: ${stderrTail(submodules, rawUri, safeUri)}. Check that they are reachable with the same credentials.`);
      }
    }
    if (rawUri !== safeUri) {
      // The project's command runs in this clone: it gets no token from .git/config.
      const reset = await runGit(git, ['remote', 'set-url', 'origin', safeUri], root);
      if (!reset.ok) throw new ProjectSourceError(`Could not remove credentials from the clone of ${safeUri}: ${stderrTail(reset, rawUri, safeUri)}.`);
    }
    const where = options.version !== undefined ? ` at version '${options.version}'` : '';
    const dir = await locateSubdirectory(root, subdirectory, safeUri, where);
    const gitInfo = await gitInfoAt(git, root, safeUri);
    if (!gitInfo) throw new ProjectSourceError(`Cloned ${safeUri}, but could not read its checked-out commit. Try the clone by hand with git to see why.`);
    return { dir, sourceName, git: gitInfo, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/**
 * Finds the project `uri` names: a local directory (made absolute, with its git commit, branch
 * and origin when it sits in a work tree) or a git URI cloned under `workDir`. `#subdirectory`
 * selects a directory inside either. Call `cleanup()` when the run is over.
 */
export async function resolveSource(uri: string, options: ResolveSourceOptions = {}): Promise<ProjectSource> {
  const git = options.git ?? 'git';
  const given = stripQuotes(uri);
  if (!given) throw new ProjectSourceError('No project URI given. Pass a directory or a git URI.');
  const { base, subdirectory } = splitSubdirectory(given);
  if (isGitUri(given)) return resolveGit(base, subdirectory, options, git);

  const scheme = ANY_SCHEME.exec(base)?.[1];
  if (scheme) {
    throw new ProjectSourceError(
      `Unsupported project URI scheme '${scheme}' in ${stripCredentials(base)}. Use a local directory or a git URI (https://, http://, ssh://, git://, file://, git@host:path).`,
    );
  }
  if (options.version !== undefined) {
    throw new ProjectSourceError(`Setting a version is only supported for Git project URIs; ${resolve(base || '.')} is a local directory. Drop --version, or pass the repository's git URL.`);
  }
  return resolveLocal(base, subdirectory, git);
}
