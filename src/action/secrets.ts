/**
 * Secrets the action holds or can see: the GitHub and tracking tokens, the gateway's resolved
 * provider keys, and every environment variable named like a credential. Each is registered with
 * the runner (core.setSecret, so logs show `***`) and masked in everything the action writes:
 * bundles, reports, the job summary and the PR comment.
 */
import { scrubber } from '../report/bundle/index.ts';

/** Names that hold credentials (the gateway config uses the same rule for its variables). */
const SECRET_NAME = /KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL/i;
/** Shorter values would mask ordinary words (the bundle scrubber ignores them too). */
const MIN_LENGTH = 6;

export interface SecretSources {
  githubToken?: string | undefined;
  trackingToken?: string | undefined;
  /** The gateway config's resolved credentials. */
  gateway?: readonly string[];
  env: NodeJS.ProcessEnv;
}

/** Every secret value, longest first, without duplicates or values too short to mask. */
export function collectSecrets(sources: SecretSources): string[] {
  const values = [sources.githubToken, sources.trackingToken, ...(sources.gateway ?? [])];
  for (const [name, value] of Object.entries(sources.env)) if (SECRET_NAME.test(name)) values.push(value);
  return [...new Set(values.filter((v): v is string => typeof v === 'string' && v.trim().length >= MIN_LENGTH).map((v) => v.trim()))].sort((a, b) => b.length - a.length);
}

export interface Secrets {
  values: readonly string[];
  scrub: (text: string) => string;
}

/** Registers each secret with `register` (core.setSecret) and returns them with their scrubber. */
export function registerSecrets(values: readonly string[], register: (secret: string) => void): Secrets {
  for (const value of values) register(value);
  return { values, scrub: scrubber(values) };
}
