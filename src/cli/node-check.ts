import nodeModule from 'node:module';

// Imported first by main.ts so an old Node fails with advice instead of a syntax or module error
// from deeper code. Kept to syntax Node 18 parses: no types, no newer operators.
const found = process.versions.node;
const major = Number(found.split('.')[0]);
if (!(major >= 24)) {
  process.stderr.write(
    'mlflow-ts needs Node.js 24 or newer (found v' + found + '). ' +
      'Install Node 24 (https://nodejs.org/en/download, `nvm install 24`, or in GitHub Actions ' +
      'actions/setup-node with node-version: 24) and run it again.\n',
  );
  process.exit(1);
}
// Cache compiled bytecode across runs (Node >= 22.1): the bundle is megabytes of JS, and an
// ephemeral server in CI is started many times; this roughly halves the start-up compile work.
if (typeof nodeModule.enableCompileCache === 'function') nodeModule.enableCompileCache();
