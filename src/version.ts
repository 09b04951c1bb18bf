import pkg from '../package.json' with { type: 'json' };

/** This package's own version (`mlflow-ts --version`), distinct from the MLflow version we speak. */
export const PACKAGE_VERSION: string = pkg.version;
