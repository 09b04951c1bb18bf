/**
 * The artifacts destination on local disk (`--artifacts-destination`): where the proxied
 * `mlflow-artifacts:/` files live. Paths are always relative to the root, use `/` separators and
 * are checked before touching the disk; uploads are streamed to a temporary sibling and renamed
 * into place, so a reader never sees a half-written file. No HTTP here.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, type Dirent } from 'node:fs';
import { lstat, mkdir, open, readdir, realpath, rename, rm, stat } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { MlflowError, invalidParam } from '../../mlflow/errors.ts';

/** One entry of a directory listing. `path` is the listed directory joined with `name`. */
export interface ArtifactEntry {
  name: string;
  path: string;
  is_dir: boolean;
  /** Only for files, as MLflow's FileInfo. */
  file_size?: number;
}

export interface ArtifactReadStream {
  stream: Readable;
  size: number;
}

const ALLOWED =
  'Artifact paths are relative to the artifact root, use "/" between names, and contain no "..", no backslash, no "#" and no control characters.';

/** Uploads in flight; hidden from listings and never accepted as a user-chosen name. */
const TEMP_NAME = /^\.mlflow-ts-upload-[0-9a-f]{16}\.tmp$/;

/** Clients percent-encode more than once; decode leniently (malformed escapes stay) until stable. */
function percentDecodeFully(value: string): string {
  let current = value;
  for (let i = 0; i < 8; i++) {
    const next = current.replace(/%([0-9a-fA-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    if (next === current) break;
    current = next;
  }
  return current;
}

function unsafeReason(path: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'contains a control character (e.g. NUL)';
  if (path.includes('\\')) return 'contains a backslash';
  if (path.startsWith('/') || /^[A-Za-z]:[/\\]/.test(path)) return 'is absolute';
  if (path.split('/').includes('..')) return 'contains a ".." segment';
  if (path.includes('#')) return 'contains "#"';
  return undefined;
}

/**
 * Validates a relative artifact path (already URL-decoded once by the caller) and returns it
 * normalised: no empty or "." segments, no leading or trailing slash; "" names the root.
 * Escapes that would still decode into something unsafe are refused too, as MLflow does.
 */
export function normalizeArtifactPath(path: string): string {
  const shown = JSON.stringify(path.length > 200 ? `${path.slice(0, 200)}…` : path);
  const direct = unsafeReason(path);
  if (direct) throw invalidParam(`Invalid artifact path ${shown}: it ${direct}. ${ALLOWED}`);
  const decoded = percentDecodeFully(path);
  if (decoded !== path) {
    const encoded = unsafeReason(decoded);
    if (encoded) throw invalidParam(`Invalid artifact path ${shown}: once percent-decoded it ${encoded}. ${ALLOWED}`);
  }
  return path
    .split('/')
    .filter((segment) => segment !== '' && segment !== '.')
    .join('/');
}

function joinRelative(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}

function errorCode(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | undefined)?.code;
}

function notFoundMessage(rel: string): string {
  // MLflow names its artifact directory here; the absolute server path stays private.
  return `The following failures occurred while downloading one or more artifacts from the artifacts destination:\n##### File ${rel} #####\nNo such artifact: '${rel}'`;
}

export class LocalArtifactRepository {
  readonly root: string;
  #realRoot: Promise<string> | undefined;

  constructor(root: string) {
    this.root = root;
  }

  /** The root's canonical location; created on first use so a fresh server needs no setup. */
  #canonicalRoot(): Promise<string> {
    if (this.#realRoot === undefined) {
      const attempt = mkdir(this.root, { recursive: true }).then(() => realpath(this.root));
      // A failed attempt (e.g. permissions fixed later) must not stick.
      attempt.catch(() => {
        if (this.#realRoot === attempt) this.#realRoot = undefined;
      });
      this.#realRoot = attempt;
    }
    return this.#realRoot;
  }

  #inside(realRoot: string, candidate: string): boolean {
    const rel = relative(realRoot, candidate);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  }

  async #locate(rel: string): Promise<string> {
    const realRoot = await this.#canonicalRoot();
    const segments = rel === '' ? [] : rel.split('/');
    // Canonicalise the deepest part that exists; what does not exist yet cannot be a link.
    for (let depth = segments.length; depth >= 0; depth--) {
      const probe = join(realRoot, ...segments.slice(0, depth));
      let real: string;
      try {
        real = await realpath(probe);
      } catch (err) {
        const code = errorCode(err);
        if (code === 'ELOOP') throw invalidParam(`Invalid artifact path '${rel}': it runs into a symbolic link loop. ${ALLOWED}`);
        // Too long a name cannot exist either; the write reports it when it tries to create it.
        if (code !== 'ENOENT' && code !== 'ENOTDIR' && code !== 'ENAMETOOLONG') throw err;
        const dangling = await lstat(probe).then(
          (s) => s.isSymbolicLink(),
          () => false,
        );
        if (dangling) {
          throw invalidParam(`Invalid artifact path '${rel}': it goes through a symbolic link whose target does not exist. Only paths inside the artifact root are allowed.`);
        }
        continue;
      }
      if (!this.#inside(realRoot, real)) {
        throw invalidParam(`Invalid artifact path '${rel}': it resolves through a symbolic link to a location outside the artifact root. Only paths inside the artifact root are allowed.`);
      }
      return join(real, ...segments.slice(depth));
    }
    return join(realRoot, ...segments);
  }

  /**
   * The absolute location of a relative artifact path, after checking that it stays inside the
   * root, symbolic links included. Throws INVALID_PARAMETER_VALUE otherwise.
   */
  async resolve(relPath: string): Promise<string> {
    return this.#locate(normalizeArtifactPath(relPath));
  }

  /** Streams `source` into the file atomically; returns the number of bytes written. */
  async write(relPath: string, source: Readable): Promise<number> {
    const rel = normalizeArtifactPath(relPath);
    const name = rel.split('/').pop() ?? '';
    if (rel === '') throw invalidParam(`An artifact upload needs a file path below the artifact root, e.g. "1/<run_id>/artifacts/model.pkl". ${ALLOWED}`);
    if (TEMP_NAME.test(name)) throw invalidParam(`Invalid artifact path '${rel}': the name '${name}' is reserved for uploads in progress.`);
    const target = await this.#locate(rel);
    const dir = join(target, '..');
    try {
      await mkdir(dir, { recursive: true });
    } catch (err) {
      const code = errorCode(err);
      if (code === 'EEXIST' || code === 'ENOTDIR') {
        throw invalidParam(`Cannot write artifact '${rel}': one of its parent directories is an existing file.`);
      }
      if (code === 'ENAMETOOLONG') throw invalidParam(`Cannot write artifact '${rel}': a name in the path is too long for the file system.`);
      throw err;
    }
    // The directories just made could in theory be raced into links; check again before writing.
    await this.#locate(rel);
    const existing = await stat(target).catch(() => undefined);
    if (existing?.isDirectory()) throw invalidParam(`Cannot write artifact '${rel}': a directory with that path already exists.`);

    const temp = join(dir, `.mlflow-ts-upload-${randomBytes(8).toString('hex')}.tmp`);
    // No fsync per file (MLflow's local artifact store does none either): the rename keeps readers
    // from ever seeing a partial file, and a per-file fsync made every small upload ~1 ms slower.
    const out = createWriteStream(temp, { flags: 'wx', mode: 0o644 });
    try {
      await pipeline(source, out);
      await rename(temp, target);
    } catch (err) {
      // The temp file may still be opening; remove it only once the stream has let go of it.
      if (!out.closed) {
        const closed = new Promise<void>((resolve) => out.once('close', () => resolve()));
        out.destroy();
        await closed;
      }
      await rm(temp, { force: true }).catch(() => undefined);
      const code = errorCode(err);
      if (code === 'EISDIR' || code === 'ENOTEMPTY') throw invalidParam(`Cannot write artifact '${rel}': a directory with that path already exists.`);
      if (code === 'ENAMETOOLONG') throw invalidParam(`Cannot write artifact '${rel}': a name in the path is too long for the file system.`);
      throw err;
    }
    return out.bytesWritten;
  }

  /** Opens a file for streaming. Missing paths and directories are RESOURCE_DOES_NOT_EXIST. */
  async openRead(relPath: string): Promise<ArtifactReadStream> {
    const rel = normalizeArtifactPath(relPath);
    const target = await this.#locate(rel);
    const missing = new MlflowError('RESOURCE_DOES_NOT_EXIST', notFoundMessage(rel));
    // stat before open: opening a FIFO someone left in the root would block forever.
    const info = await stat(target).catch(() => undefined);
    if (!info?.isFile()) throw missing;
    let handle;
    try {
      handle = await open(target, 'r');
    } catch (err) {
      const code = errorCode(err);
      if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') throw missing;
      throw err;
    }
    try {
      const opened = await handle.stat();
      if (!opened.isFile()) throw missing;
      if (opened.size === 0) {
        await handle.close();
        return { stream: Readable.from([]), size: 0 };
      }
      // A bounded range ends with its last byte instead of one more read to find EOF, so the
      // response is finished as soon as the client has it all.
      return { stream: handle.createReadStream({ start: 0, end: opened.size - 1, autoClose: true }), size: opened.size };
    } catch (err) {
      await handle.close().catch(() => undefined);
      throw err;
    }
  }

  /**
   * The entries of a directory, sorted by name. A missing path, or one naming a file, lists
   * nothing: the MLflow client takes an empty listing to mean "download it as a file".
   */
  async list(relPath = ''): Promise<ArtifactEntry[]> {
    const rel = normalizeArtifactPath(relPath);
    const dir = await this.#locate(rel);
    let dirents: Dirent[];
    try {
      dirents = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      const code = errorCode(err);
      if (code === 'ENOENT' || code === 'ENOTDIR') return [];
      throw err;
    }
    const realRoot = await this.#canonicalRoot();
    const entries = await Promise.all(
      dirents.map(async (dirent): Promise<ArtifactEntry | undefined> => {
        if (TEMP_NAME.test(dirent.name)) return undefined;
        const full = join(dir, dirent.name);
        if (dirent.isSymbolicLink()) {
          // Links leading out of the root are invisible, so their targets' sizes do not leak.
          const real = await realpath(full).catch(() => undefined);
          if (real === undefined || !this.#inside(realRoot, real)) return undefined;
        } else if (!dirent.isFile() && !dirent.isDirectory()) {
          return undefined;
        }
        const info = await stat(full).catch(() => undefined);
        if (!info) return undefined;
        const path = joinRelative(rel, dirent.name);
        if (info.isDirectory()) return { name: dirent.name, path, is_dir: true };
        if (info.isFile()) return { name: dirent.name, path, is_dir: false, file_size: info.size };
        return undefined;
      }),
    );
    return entries
      .filter((entry): entry is ArtifactEntry => entry !== undefined)
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** Removes a file or a whole directory; a missing path is already deleted. */
  async delete(relPath: string): Promise<void> {
    const rel = normalizeArtifactPath(relPath);
    if (rel === '') throw invalidParam('Refusing to delete the whole artifact root. Name the file or directory to delete.');
    await this.#locate(rel);
    const segments = rel.split('/');
    const name = segments.pop()!;
    // Join the last name unresolved, so a link inside the root is removed, not its target.
    const parent = await this.#locate(segments.join('/'));
    await rm(join(parent, name), { recursive: true, force: true });
  }
}
