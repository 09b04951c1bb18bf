/**
 * The action's own overhead on the demo project, run as GitHub runs it (the built
 * dist/action-main and dist/action-post with INPUT_*, GITHUB_*, ACTIONS_* and an event payload,
 * against the fake GitHub): `examples/logistic-regression`'s train entry point three times and the
 * `examples/qa-eval` evaluation against the gateway in replay mode, on a pull request whose base
 * branch has a baseline.
 *
 * - action_ready_ms: from the main step's process start to the tracking server and gateway
 *   answering (target < 1 s);
 * - action_report_ms: from the last run finished to the comment posted: export, baseline,
 *   gates, verdict tags, comparison, results files, artifact upload, summary, comment and status
 *   (target < 2 s).
 *
 * Both are measured inside the action (performance.now(), whose origin is the process start) and
 * printed as `::debug::timing` lines; the medians over the repetitions are reported.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeGitHub } from '../test/fakes/github.ts';
import { pullRequestPayload, pushPayload, removeScratch, runJob, type StepResult } from '../test/action/fixtures/harness.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

export const ACTION_TARGETS = { readyMs: 1000, reportMs: 2000 } as const;

function timing(step: StepResult, name: string): number {
  const m = new RegExp(`^::debug::timing ${name}=([\\d.]+)$`, 'm').exec(step.stdout);
  if (!m) throw new Error(`the action printed no ${name} timing (exit ${step.code}):\n${step.stdout.slice(-3000)}`);
  return Number(m[1]);
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export async function benchAction(options: { smoke: boolean }): Promise<{ action_ready_ms: number; action_report_ms: number }> {
  const fake = await startFakeGitHub();
  try {
    const token = fake.addToken({ kind: 'installation', permissions: 'write' });
    const repo = 'bench/demo';
    const inputs = {
      project: path.relative(root, path.join(root, 'examples/logistic-regression')),
      'entry-points': 'train: lr=0.01\ntrain: lr=0.05\ntrain: lr=0.3',
      'gateway-config': 'examples/qa-eval/gateway-config.yaml',
      'gateway-replay': 'examples/qa-eval/recordings',
      eval: 'examples/qa-eval/eval.yaml',
      'experiment-name': 'demo',
      thresholds: '[entry_point=train] test_log_loss <= baseline + 0.05',
      'fail-on': 'regression',
    };
    const job = async (run: Parameters<typeof runJob>[0]['run'], payload: Record<string, unknown>): Promise<StepResult> => {
      const { main, post } = await runJob({ fake, run, token, cwd: root, inputs, payload });
      if (main.code !== 0 || post.code !== 0) throw new Error(`the action failed (main ${main.code}, post ${post.code}):\n${main.stdout.slice(-3000)}`);
      return main;
    };
    const base = fake.addRun(repo, { workflow: 'ci.yml', headBranch: 'main', event: 'push' });
    await job(base, pushPayload(repo, base));

    const ready: number[] = [];
    const report: number[] = [];
    for (let i = 0; i < (options.smoke ? 1 : 5); i++) {
      const pr = fake.addPullRequest(repo, { number: 100 + i });
      const run = fake.addRun(repo, { workflow: 'ci.yml', headBranch: pr.headRef, headSha: pr.headSha, event: 'pull_request', pullRequests: [pr.number], status: 'in_progress' });
      const main = await job(run, pullRequestPayload(repo, pr));
      if (fake.comments(repo, pr.number).length !== 1) throw new Error('the action posted no comment');
      ready.push(timing(main, 'ready_ms'));
      report.push(timing(main, 'report_ms'));
    }
    return { action_ready_ms: Math.round(median(ready)), action_report_ms: Math.round(median(report)) };
  } finally {
    await fake.close();
    await removeScratch();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await benchAction({ smoke: process.argv.includes('--smoke') }), null, 2));
}
