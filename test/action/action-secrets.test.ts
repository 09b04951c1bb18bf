/**
 * The offline example end to end through the action (gateway in replay mode, examples/qa-eval
 * scored by its recorded endpoints), and no secret on any surface: the GitHub token, the gateway's
 * provider key and the runner's runtime token never reach the comment, the job summary, the
 * commit status, the outputs, the results directory or the uploaded artifact, and each one is
 * registered with the runner (`::add-mask::`) before it could appear in the log.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { startFakeGitHub } from '../fakes/github.ts';
import { groupAlive } from '../../src/action/servers.ts';
import { PROJECT, pullRequestPayload, ROOT, runJob, savedPid, removeScratch } from './fixtures/harness.ts';

const RECORDINGS = path.join(ROOT, 'examples/qa-eval/recordings');
const haveRecordings = existsSync(RECORDINGS) && readdirSync(RECORDINGS).some((f) => f.endsWith('.json'));

const fake = await startFakeGitHub();
after(async () => {
  await fake.close();
  await removeScratch();
});

describe('the offline example through the action', () => {
  it('evaluates examples/qa-eval against the replayed gateway and leaks no secret anywhere', { skip: haveRecordings ? false : 'examples/qa-eval/recordings is missing: record it with `npm run record:eval-example`' }, async () => {
    const githubToken = fake.addToken({ kind: 'installation', permissions: 'write' });
    const providerKey = 'sk-live-7f3a9c2e5b1d4e8f9a0b1c2d3e4f5a6b';
    const repo = 'acme/secrets';
    const pr = fake.addPullRequest(repo, { number: 41 });
    const run = fake.addRun(repo, { workflow: 'ci.yml', headBranch: pr.headRef, headSha: pr.headSha, event: 'pull_request', pullRequests: [41], status: 'in_progress' });
    const { main, post } = await runJob({
      fake,
      run,
      token: githubToken,
      inputs: {
        project: path.relative(ROOT, PROJECT),
        'entry-points': 'train: accuracy=0.9',
        'gateway-config': 'examples/qa-eval/gateway-config.yaml',
        'gateway-replay': 'examples/qa-eval/recordings',
        eval: 'examples/qa-eval/eval.yaml',
        thresholds: '[eval=large] icontains/pass_rate >= 0.9',
        baseline: 'none',
        // The example's small model misses its thresholds on purpose; they do not block here.
        'fail-on': 'regression',
      },
      payload: pullRequestPayload(repo, pr),
      env: { OPENAI_API_KEY: providerKey },
    });
    assert.equal(main.code, 0, main.stdout);
    assert.equal(post.code, 0, post.stdout);
    assert.equal(groupAlive(savedPid(main)!), false);

    // The example ran: both targets and the judge through the replayed gateway.
    const reportDir = main.outputs['report-path']!;
    const bundleText = readFileSync(path.join(reportDir, 'bundle.json'), 'utf8');
    const bundle = JSON.parse(bundleText);
    const targets = bundle.runs.map((r: { tags: Record<string, string> }) => r.tags['mlflow_ts.eval.target']).filter(Boolean).sort();
    assert.deepEqual(targets, ['large', 'small']);
    const large = bundle.runs.find((r: { tags: Record<string, string> }) => r.tags['mlflow_ts.eval.target'] === 'large');
    assert.ok(large.metrics['correctness/pass_rate'], 'the judge scored through the gateway');
    assert.ok(large.traces.count > 0, 'gateway calls were traced');
    const gates = JSON.parse(readFileSync(path.join(reportDir, 'report.json'), 'utf8')).comparison.gates.results.map((g: { source: string; status: string }) => `${g.status} ${g.source}`);
    assert.ok(gates.some((g: string) => g.startsWith('pass [eval=large] icontains/pass_rate >= 0.7')), gates.join('\n'));
    assert.ok(gates.includes('pass [eval=large] icontains/pass_rate >= 0.9'), gates.join('\n'));
    assert.ok(gates.some((g: string) => g.startsWith('fail [eval=small] icontains/pass_rate >= 0.7')), gates.join('\n'));

    // The training script logged the key into a tag and printed it.
    assert.match(main.stdout, /using OPENAI_API_KEY=/);
    const train = bundle.runs.find((r: { tags: Record<string, string> }) => r.tags['mlflow.project.entryPoint'] === 'train');
    assert.equal(train.tags.leaked_key, 'key=***');

    const runtimeToken = fake.env({ runId: run.id, job: 'train' }).ACTIONS_RUNTIME_TOKEN!;
    const secrets = { 'github token': githubToken, 'provider key': providerKey, 'runtime token': runtimeToken };
    const artifactText = fake.artifacts({ repo }).flatMap((a) => [...fake.artifactFiles(a.id).values()].map((b) => b.toString('utf8'))).join('\n');
    const surfaces: Record<string, string> = {
      comment: fake.comments(repo, 41).map((c) => c.body).join('\n'),
      summary: main.summary + post.summary,
      statuses: JSON.stringify(fake.statuses(repo)),
      outputs: JSON.stringify([main.outputs, post.outputs, main.exported, main.state]),
      results: readdirSync(reportDir).map((f) => readFileSync(path.join(reportDir, f), 'utf8')).join('\n'),
      artifact: artifactText,
      stderr: main.stderr + post.stderr,
    };
    assert.ok(surfaces.comment!.length > 1000 && surfaces.artifact!.length > 1000, 'the surfaces are really there');
    for (const [what, secret] of Object.entries(secrets)) {
      for (const [where, text] of Object.entries(surfaces)) assert.equal(text.includes(secret), false, `the ${what} is in the ${where}`);
      // The log: the runner masks what was registered, so it must be registered before its first use.
      for (const step of [main, post]) {
        const first = step.stdout.indexOf(secret);
        if (first === -1) continue;
        assert.ok(step.masks.includes(secret), `the ${what} is registered with ::add-mask::`);
        assert.equal(step.stdout.lastIndexOf('::add-mask::', first), first - '::add-mask::'.length, `the ${what} first appears in its ::add-mask:: line`);
      }
    }
  });
});
