"""Logs into an MLflow run through the REST API, with nothing but Python's standard library.

This is the whole contract between `mlflow-ts run` (or `mlflow run`) and a project's command:
the run already exists, and three environment variables say where it is:

  MLFLOW_TRACKING_URI    the tracking server, e.g. http://127.0.0.1:5000
  MLFLOW_RUN_ID          the run to log into
  MLFLOW_EXPERIMENT_ID   its experiment

Any language that can POST JSON can do the same. The runner sets the run's final status from
the exit code, so the script leaves the status alone. Run on its own (no MLFLOW_RUN_ID), it
creates a run in experiment "python-rest" and ends it itself.

The "work" is deliberately small: an exponential moving average with smoothing factor alpha
over a fixed series, logged step by step, and how far the average lags behind the series.
"""

import argparse
import base64
import json
import os
import platform
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

SERIES = [3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0, 5.0, 3.0]


class MlflowError(Exception):
    pass


class Rest:
    """MLflow's REST API (/api/2.0/mlflow/...) over urllib."""

    def __init__(self, tracking_uri):
        self.base = tracking_uri.rstrip("/") + "/api/2.0/mlflow"
        self.headers = {"Content-Type": "application/json"}
        token = os.environ.get("MLFLOW_TRACKING_TOKEN")
        user = os.environ.get("MLFLOW_TRACKING_USERNAME")
        if token:
            self.headers["Authorization"] = "Bearer " + token
        elif user:
            pair = "%s:%s" % (user, os.environ.get("MLFLOW_TRACKING_PASSWORD", ""))
            self.headers["Authorization"] = "Basic " + base64.b64encode(pair.encode()).decode()

    def call(self, method, path, body=None, query=None):
        url = self.base + path
        if query:
            url += "?" + urllib.parse.urlencode(query)
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(url, data=data, method=method, headers=self.headers)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                text = response.read().decode()
        except urllib.error.HTTPError as err:
            # MLflow answers errors as {"error_code": ..., "message": ...}.
            detail = err.read().decode(errors="replace")
            try:
                parsed = json.loads(detail)
                detail = "%s: %s" % (parsed.get("error_code"), parsed.get("message"))
            except ValueError:
                pass
            raise MlflowError("%s %s failed (HTTP %d): %s" % (method, path, err.code, detail)) from None
        except urllib.error.URLError as err:
            raise MlflowError(
                "cannot reach the tracking server at %s (%s); check MLFLOW_TRACKING_URI" % (self.base, err.reason)
            ) from None
        return json.loads(text) if text else {}


def now_ms():
    return int(time.time() * 1000)


def start_standalone_run(rest):
    """Without a runner: find or create experiment "python-rest" and create a run in it."""
    try:
        experiment_id = rest.call("GET", "/experiments/get-by-name", query={"experiment_name": "python-rest"})[
            "experiment"
        ]["experiment_id"]
    except MlflowError as err:
        if "RESOURCE_DOES_NOT_EXIST" not in str(err):
            raise
        experiment_id = rest.call("POST", "/experiments/create", {"name": "python-rest"})["experiment_id"]
    run = rest.call(
        "POST",
        "/runs/create",
        {"experiment_id": experiment_id, "start_time": now_ms(), "run_name": "python-rest-standalone"},
    )
    return run["run"]["info"]["run_id"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--alpha", required=True, help="smoothing factor, 0 < alpha <= 1")
    args = parser.parse_args()
    try:
        alpha = float(args.alpha)
    except ValueError:
        parser.error("--alpha must be a number, got %r" % args.alpha)
    if not 0 < alpha <= 1:
        parser.error("--alpha must be in (0, 1], got %s" % args.alpha)

    rest = Rest(os.environ.get("MLFLOW_TRACKING_URI") or "http://127.0.0.1:5000")
    run_id = os.environ.get("MLFLOW_RUN_ID")
    standalone = not run_id
    if standalone:
        run_id = start_standalone_run(rest)

    metrics = []
    ema = SERIES[0]
    lag = 0.0
    for step, value in enumerate(SERIES):
        ema = value if step == 0 else alpha * value + (1 - alpha) * ema
        lag += abs(value - ema)
        metrics.append({"key": "ema", "value": ema, "timestamp": now_ms(), "step": step})
    metrics.append({"key": "mean_abs_lag", "value": lag / len(SERIES), "timestamp": now_ms(), "step": 0})

    # One request for everything. The param is the text as received: the runner logged the same
    # text, and MLflow refuses a param logged again with a different value ("0.50" vs "0.5").
    rest.call(
        "POST",
        "/runs/log-batch",
        {
            "run_id": run_id,
            "params": [{"key": "alpha", "value": args.alpha}],
            "metrics": metrics,
            "tags": [
                {"key": "example", "value": "python-rest"},
                {"key": "python.version", "value": platform.python_version()},
            ],
        },
    )
    if standalone:
        rest.call("POST", "/runs/update", {"run_id": run_id, "status": "FINISHED", "end_time": now_ms()})
    print("logged %d metric values into run %s (alpha=%s, mean_abs_lag=%.4f)" % (len(metrics), run_id, args.alpha, lag / len(SERIES)))


if __name__ == "__main__":
    try:
        main()
    except MlflowError as err:
        print("error: %s" % err, file=sys.stderr)
        sys.exit(1)
