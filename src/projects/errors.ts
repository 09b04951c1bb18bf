/**
 * The one error type of `mlflow-ts run` for problems the user can fix: a malformed MLproject, an
 * unknown entry point, a missing or mistyped parameter. The message names the file, entry point or
 * parameter and says what to change, so the CLI prints it as is (no stack trace) and creates no run.
 */
export class ProjectError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ProjectError';
  }
}
