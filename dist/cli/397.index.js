export const id = 397;
export const ids = [397];
export const modules = {

/***/ 84397:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_KILL_GRACE_MS: () => (/* binding */ DEFAULT_KILL_GRACE_MS),
/* harmony export */   forwardSignals: () => (/* binding */ forwardSignals),
/* harmony export */   runCommand: () => (/* binding */ runCommand)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(46466);
/**
 * Running one project command as a child process tree: output streamed live and kept in log
 * files, the outcome mapped to MLflow's run statuses, and a timeout, an abort or the parent's own
 * Ctrl-C stopping the whole tree, not just the shell at its top.
 */





const DEFAULT_KILL_GRACE_MS = 5000;
/** setTimeout fires at once for delays beyond a signed 32-bit int, so longer ones mean "never". */
const MAX_TIMER_MS = 2 ** 31 - 1;
/**
 * Run a command to its end. Never rejects for the command's own failure: a non-zero exit is
 * FAILED, a signal (ours on timeout/abort, or anyone else's) is KILLED, a program or working
 * directory that does not exist is FAILED with `startError`. Rejects only when the log directory
 * cannot be written.
 */
async function runCommand(options) {
    const { argv, cwd, env, logDir, timeoutMs, signal: abortSignal, echo } = options;
    const graceMs = options.killGraceMs ?? DEFAULT_KILL_GRACE_MS;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(logDir, { recursive: true });
    const stdoutFile = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(logDir, 'stdout.txt');
    const stderrFile = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(logDir, 'stderr.txt');
    const outFile = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(stdoutFile);
    const errFile = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(stderrFile);
    // Without a listener a write error (disk full) would be thrown from the event loop; the
    // `finished` in settle() turns it into this call's rejection instead.
    for (const file of [outFile, errFile])
        file.on('error', () => undefined);
    const started = performance.now();
    const settle = async (partial) => {
        for (const file of [outFile, errFile])
            if (!file.writableEnded)
                file.end();
        await Promise.all([(0,node_stream_promises__WEBPACK_IMPORTED_MODULE_4__.finished)(outFile), (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_4__.finished)(errFile)]);
        if (partial.startError !== undefined) {
            // After the files are closed: the (empty) stderr pipe has already ended errFile.
            const line = `mlflow-ts: ${partial.startError}\n`;
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.appendFile)(stderrFile, line);
            echo?.stderr.write(line);
        }
        return { ...partial, stdoutFile, stderrFile, durationMs: Math.round(performance.now() - started) };
    };
    if (abortSignal?.aborted)
        return settle({ status: 'KILLED', exitCode: null, signal: null, timedOut: false });
    // detached: the command leads its own process group, so one kill(-pid) reaches every process it
    // started (a shell's children, npm's node, a trainer's workers). stdin is closed because a
    // process in a background group that reads the terminal would be stopped by SIGTTIN.
    const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(argv[0], argv.slice(1), { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const pid = child.pid;
    // pipe() keeps back-pressure: a slow console or disk pauses the child's output instead of
    // buffering it here.
    child.stdout.pipe(outFile);
    child.stderr.pipe(errFile);
    if (echo) {
        child.stdout.pipe(echo.stdout, { end: false });
        child.stderr.pipe(echo.stderr, { end: false });
    }
    let exited = false;
    let killedByUs = false;
    let timedOut = false;
    let startError;
    const timers = [];
    const later = (ms, fn) => void timers.push(setTimeout(fn, ms));
    const signalGroup = (sig) => {
        if (pid === undefined)
            return false;
        try {
            process.kill(-pid, sig);
            return true;
        }
        catch {
            return false; // ESRCH: the group is already empty
        }
    };
    const stopGroup = () => {
        if (signalGroup('SIGTERM'))
            later(graceMs, () => signalGroup('SIGKILL'));
    };
    const killTree = () => {
        if (exited || killedByUs)
            return;
        killedByUs = true;
        stopGroup();
    };
    const onAbort = () => killTree();
    abortSignal?.addEventListener('abort', onAbort, { once: true });
    if (timeoutMs !== undefined && timeoutMs <= MAX_TIMER_MS) {
        later(Math.max(0, timeoutMs), () => {
            if (exited)
                return;
            timedOut = true;
            killTree();
        });
    }
    child.on('error', (err) => {
        if (pid !== undefined)
            return; // spawned fine; kill errors do not concern the outcome
        startError =
            err.code === 'ENOENT'
                ? `could not start '${argv[0]}' in ${cwd}: the program or the working directory does not exist`
                : `could not start '${argv[0]}' in ${cwd}: ${err.message}`;
    });
    child.on('exit', () => {
        exited = true;
        // The command is done, but processes it left in its group (`server &`, a stray worker) would
        // hold the output pipes open, so the logs never end, and would outlive the run on the CI
        // machine. They are stopped like a timed-out tree; the status is the command's own.
        if (!killedByUs)
            stopGroup();
        // A straggler that left our group (setsid, a daemon) could still hold the pipes open: stop
        // reading after the grace period so the run ends anyway.
        later(graceMs + 1000, () => {
            child.stdout.destroy();
            child.stderr.destroy();
        });
    });
    const [code, sig] = await new Promise((resolve) => {
        child.once('close', (c, s) => resolve([c, s]));
    });
    for (const t of timers)
        clearTimeout(t);
    abortSignal?.removeEventListener('abort', onAbort);
    if (echo) {
        child.stdout.unpipe(echo.stdout);
        child.stderr.unpipe(echo.stderr);
    }
    if (startError !== undefined)
        return settle({ status: 'FAILED', exitCode: null, signal: null, timedOut: false, startError });
    const status = killedByUs || sig !== null ? 'KILLED' : code === 0 ? 'FINISHED' : 'FAILED';
    return settle({ status, exitCode: code, signal: sig, timedOut });
}
/**
 * Turn the parent's SIGINT/SIGTERM into `abort.abort()`, so Ctrl-C (which the terminal sends to
 * the foreground process group only, not to the command's own group) stops the command's tree
 * and its run ends KILLED instead of this process dying and leaving the tree running. While
 * subscribed, those signals no longer end this process: a second Ctrl-C waits for the tree to go
 * (at most the kill grace period). Returns the unsubscribe, which restores Node's default.
 */
function forwardSignals(abort, signals = ['SIGINT', 'SIGTERM']) {
    const handler = (sig) => {
        if (!abort.signal.aborted)
            abort.abort(new Error(`received ${sig}`));
    };
    for (const sig of signals)
        process.on(sig, handler);
    return () => {
        for (const sig of signals)
            process.off(sig, handler);
    };
}


/***/ })

};
