/**
 * What the main step leaves for the post step (core.saveState → STATE_* in the post step): the
 * servers' process group and URLs, and whether the report is already done. Saved as soon as the
 * servers are up, so a main step that dies later still has them stopped.
 */
import * as core from '@actions/core';
import { z } from 'zod';

const STATE_KEY = 'mlflow-ts';

export const actionStateSchema = z.object({
  mode: z.enum(['run', 'start']),
  /** The process group to stop; absent when nothing was started (a remote server, no gateway). */
  pid: z.number().int().positive().optional(),
  logFile: z.string().optional(),
  trackingUri: z.string(),
  gatewayUri: z.string().optional(),
  ephemeral: z.boolean(),
  /** Epoch ms: runs started before this are not the job's (a remote server). */
  since: z.number(),
  /** The main step finished the report (mode `run`); the post step only cleans up. */
  reported: z.boolean(),
});
export type ActionState = z.output<typeof actionStateSchema>;

export function saveActionState(state: ActionState): void {
  core.saveState(STATE_KEY, JSON.stringify(state));
}

/** The saved state, or undefined when the main step started nothing (or saved something unreadable). */
export function loadActionState(): ActionState | undefined {
  const raw = core.getState(STATE_KEY);
  if (!raw) return undefined;
  try {
    const parsed = actionStateSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
