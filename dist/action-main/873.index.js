export const id = 873;
export const ids = [873];
export const modules = {

/***/ 52873:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   commentMode: () => (/* binding */ commentMode)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(77094);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(13798);
/* harmony import */ var _artifacts_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(21917);
/* harmony import */ var _github_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(44245);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(52176);
/**
 * Mode `comment`, the fork-safe pattern: a pull request from a fork runs with a read-only token,
 * so its job only uploads the report; a separate workflow, triggered by `workflow_run` in the
 * base repository's context (with a write token), downloads it and posts it here.
 *
 * Everything in the artifact was written by code the pull request could change, so it is
 * untrusted: the report must name the commit the triggering run built (the event payload's
 * `head_sha`, which the PR cannot forge) and a pull request whose head is that commit; the
 * Markdown is rebuilt from the validated JSON by the renderer that escapes every value, then
 * passed through escapeUntrusted; and the comment's marker is derived from the triggering
 * workflow and artifact name here, never from the report, so it cannot take over another job's
 * comment.
 */







const GET_PULL = { what: 'read the pull request', endpoint: 'GET /repos/{owner}/{repo}/pulls/{pull_number}', permission: 'pull-requests: read' };
const ArtifactShape = zod__WEBPACK_IMPORTED_MODULE_6__/* .object */ .Ikc({ id: zod__WEBPACK_IMPORTED_MODULE_6__/* .number */ .aig(), name: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP(), size_in_bytes: zod__WEBPACK_IMPORTED_MODULE_6__/* .number */ .aig(), expired: zod__WEBPACK_IMPORTED_MODULE_6__/* .boolean */ .zMY(), digest: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().nullish(), created_at: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().nullish() });
const PullShape = zod__WEBPACK_IMPORTED_MODULE_6__/* .object */ .Ikc({ number: zod__WEBPACK_IMPORTED_MODULE_6__/* .number */ .aig(), state: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP(), head: zod__WEBPACK_IMPORTED_MODULE_6__/* .object */ .Ikc({ sha: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP() }) });
/** Why a report is not posted; said as a notice, not a failure (the PR may simply have moved on). */
class Refused extends Error {
    name = 'Refused';
}
/** Posts every report artifact of the triggering run; returns how many were posted. */
async function commentMode(options) {
    const { ctx, inputs, octokit } = options;
    const run = ctx.workflowRun;
    if (ctx.eventName !== 'workflow_run' || !run) {
        throw new Error(`mode \`comment\` runs in a workflow triggered by \`workflow_run\` (this event is \`${ctx.eventName}\`): it posts the report a pull request's run uploaded. Use mode \`run\` in the pull request's own workflow.`);
    }
    if (!ctx.owner || !ctx.repo)
        throw new Error('GITHUB_REPOSITORY is not set: mode `comment` needs the runner\'s environment.');
    const { owner, repo } = ctx;
    if (run.event !== 'pull_request' && run.event !== 'pull_request_target') {
        _actions_core__WEBPACK_IMPORTED_MODULE_2__/* .notice */ .lm(`The triggering run was a \`${run.event}\` run, not a pull request's: there is no comment to post.`);
        return 0;
    }
    if (inputs.comment === 'off') {
        _actions_core__WEBPACK_IMPORTED_MODULE_2__/* .notice */ .lm('The `comment` input is `off`: nothing posted.');
        return 0;
    }
    const artifacts = await (0,_github_js__WEBPACK_IMPORTED_MODULE_4__.githubCall)(_github_js__WEBPACK_IMPORTED_MODULE_4__.GITHUB_OPERATIONS.listRunArtifacts, () => octokit.paginate(octokit.rest.actions.listWorkflowRunArtifacts, { owner, repo, run_id: run.id, per_page: 100 }));
    const reports = artifacts
        .map((a) => ArtifactShape.parse(a))
        .filter((a) => !a.expired && (a.name === inputs.artifactName || a.name.startsWith(`${inputs.artifactName}-`)))
        .sort((a, b) => a.id - b.id);
    if (reports.length === 0) {
        _actions_core__WEBPACK_IMPORTED_MODULE_2__/* .notice */ .lm(`Run ${run.id} uploaded no artifact named "${inputs.artifactName}…": nothing to post. Does its job use this action with upload-results: true?`);
        return 0;
    }
    const workflow = node_path__WEBPACK_IMPORTED_MODULE_1__.posix.basename(run.path ?? '') || run.name || String(run.id);
    let posted = 0;
    for (const artifact of reports) {
        try {
            const report = await fetchReport(options, run, {
                artifactId: artifact.id,
                artifactName: artifact.name,
                digest: artifact.digest ?? undefined,
                size: artifact.size_in_bytes,
                runId: run.id,
                runNumber: run.run_number ?? 0,
                runUrl: run.html_url ?? `${ctx.serverUrl}/${owner}/${repo}/actions/runs/${run.id}`,
                headSha: run.head_sha,
                headBranch: run.head_branch ?? '',
                createdAt: artifact.created_at ?? '',
            });
            const prNumber = await checkPullRequest(octokit, owner, repo, run, report);
            // The key comes from what this workflow knows, never from the report.
            const markerKey = (0,_github_js__WEBPACK_IMPORTED_MODULE_4__.stickyMarkerKey)({ workflow: `workflow_run:${workflow}`, job: artifact.name });
            const artifactUrl = `${ctx.serverUrl}/${owner}/${repo}/actions/runs/${run.id}/artifacts/${artifact.id}`;
            const runUrl = `${ctx.serverUrl}/${owner}/${repo}/actions/runs/${run.id}`;
            // Links come from what this workflow knows; the report's own are dropped with the rest of its say.
            const links = `[Pull request run](${runUrl}) · [Full report](${artifactUrl})`;
            const markdown = (0,_report_js__WEBPACK_IMPORTED_MODULE_5__/* .commentMarkdown */ .r)(withoutLinks(report), markerKey, artifactUrl, links.length + 2);
            const body = options.secrets.scrub(`${(0,_github_js__WEBPACK_IMPORTED_MODULE_4__.escapeUntrusted)(markdown).trimEnd()}\n\n${links}\n`);
            await (0,_report_js__WEBPACK_IMPORTED_MODULE_5__/* .postComment */ .Gy)({ octokit, owner, repo, prNumber, markerKey, body, mode: inputs.comment });
            posted++;
        }
        catch (error) {
            if (error instanceof Refused)
                _actions_core__WEBPACK_IMPORTED_MODULE_2__/* .warning */ .$e(`Not posting artifact "${artifact.name}": ${error.message}`);
            else
                throw error;
        }
    }
    return posted;
}
/** The report without the URLs it carries (job, artifact and run links): this workflow links what it knows. */
function withoutLinks(report) {
    const strip = (ref) => {
        if (!ref)
            return ref;
        const { url: _url, ...rest } = ref;
        return rest;
    };
    const runs = report.comparison.runs.map((r) => {
        const baseline = strip(r.baseline);
        const current = strip(r.current);
        const { baseline: _b, current: _c, ...rest } = r;
        return { ...rest, ...(baseline ? { baseline } : {}), ...(current ? { current } : {}) };
    });
    return { ...report, run_url: undefined, comparison: { ...report.comparison, links: {}, runs } };
}
async function fetchReport(options, run, artifact) {
    const destination = node_path__WEBPACK_IMPORTED_MODULE_1__.join(options.downloadDir, String(artifact.artifactId));
    const downloaded = await (0,_artifacts_js__WEBPACK_IMPORTED_MODULE_3__/* .downloadBaselineArtifact */ ._8)({ baseline: artifact, token: options.token, owner: options.ctx.owner, repo: options.ctx.repo, destination });
    if (downloaded.directory === undefined)
        throw new Refused(downloaded.reason);
    let json;
    try {
        json = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(node_path__WEBPACK_IMPORTED_MODULE_1__.join(downloaded.directory, _report_js__WEBPACK_IMPORTED_MODULE_5__/* .REPORT_JSON */ .oA), 'utf8'));
    }
    catch (error) {
        throw new Refused(`its ${_report_js__WEBPACK_IMPORTED_MODULE_5__/* .REPORT_JSON */ .oA} is missing or not JSON (${error.message}).`);
    }
    let report;
    try {
        report = (0,_report_js__WEBPACK_IMPORTED_MODULE_5__/* .parseReport */ .MM)(json, `${artifact.artifactName}/${_report_js__WEBPACK_IMPORTED_MODULE_5__/* .REPORT_JSON */ .oA}`);
    }
    catch (error) {
        throw new Refused(error.message);
    }
    if (report.head_sha !== run.head_sha) {
        throw new Refused(`the report is for commit ${String(report.head_sha).slice(0, 40)}, but the triggering run built ${run.head_sha}.`);
    }
    return report;
}
/** The PR the report names, if the triggering run's event says so or that PR's head is the commit the run built. */
async function checkPullRequest(octokit, owner, repo, run, report) {
    const number = report.pr_number;
    if (number === undefined)
        throw new Refused('the report names no pull request.');
    const listed = run.pull_requests ?? [];
    if (listed.some((p) => p.number === number))
        return number;
    if (listed.length > 0)
        throw new Refused(`the report names PR #${number}, but the triggering run belongs to ${listed.map((p) => `#${p.number}`).join(', ')}.`);
    // GitHub lists no pull requests on runs of fork PRs: ask the PR itself.
    let data;
    try {
        ({ data } = await (0,_github_js__WEBPACK_IMPORTED_MODULE_4__.githubCall)(GET_PULL, () => octokit.rest.pulls.get({ owner, repo, pull_number: number })));
    }
    catch (error) {
        if (error instanceof _github_js__WEBPACK_IMPORTED_MODULE_4__.GitHubApiError && error.status === 404)
            throw new Refused(`the report names PR #${number}, which does not exist.`);
        throw error;
    }
    const pull = PullShape.parse(data);
    if (pull.head.sha !== run.head_sha) {
        throw new Refused(`PR #${number}'s head is ${pull.head.sha}, not the commit the triggering run built (${run.head_sha}); a newer run will post its own report.`);
    }
    return number;
}


/***/ })

};
