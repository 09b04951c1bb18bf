/**
 * MLflow Projects for any language: run an MLproject's entry points as tracked runs
 * (`mlflow-ts run`). `runProject` is the whole job; the rest is exposed for tools that want to
 * read a project or check parameters without running anything.
 */
export { runProject, type ProjectRunResult, type RunProjectOptions, type StepResult } from './runner.ts';
export { EnvironmentError, type EnvManager } from './environment.ts';
export { buildCommand, loadProject, resolveEntryPoint, type BuiltCommand, type EntryPoint, type EnvSpec, type ParameterSpec, type ProjectSpec } from './mlproject.ts';
export { ProjectError } from './errors.ts';
export { isGitUri, ProjectSourceError, resolveSource, stripCredentials, type GitInfo, type ProjectSource } from './source.ts';
