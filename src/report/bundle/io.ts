/** Bundles on disk: written whole or not at all, read back validated. */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { BundleFormatError, parseBundle, serializeBundle, type Bundle } from './schema.ts';

/** Writes `bundle` as JSON to `path` (parent directories created); checks it first, so a bad bundle never reaches disk. */
export async function writeBundle(path: string, bundle: Bundle): Promise<void> {
  const text = serializeBundle(parseBundle(bundle, 'the bundle to write'));
  await mkdir(dirname(path), { recursive: true });
  // A half-written bundle would fail the next job's baseline; write aside and rename when done.
  const partial = `${path}.${process.pid}.partial`;
  try {
    await writeFile(partial, text);
    await rename(partial, path);
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  }
}

/** Reads and validates a bundle file; BundleVersionError for a version this build cannot read, BundleFormatError for anything else wrong. */
export async function readBundle(path: string): Promise<Bundle> {
  const text = await readFile(path, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new BundleFormatError(`${path}: not JSON (${(err as Error).message}); a bundle is the JSON file \`mlflow-ts export\` writes.`);
  }
  return parseBundle(json, path);
}
