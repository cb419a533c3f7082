#!/usr/bin/env python3
"""Spark MLlib's EM recorded by scripts/spark-history.py, drawn by gmmviz and checked against it.

Usage: test_spark.py [--gmmviz PATH]

On Old Faithful (272 × 2), from gmmviz's deliberately poor `--init bunched` start (K = 2, about
fifteen iterations, with points far in the tails of the start's components), in local[2]:
  - the script records a history that `gmmviz render --history-in` draws as a GIF and PNG
    frames, one per snapshot, and `--sample` draws over part of the data;
  - every Spark iteration equals one EM step of gmmviz (`--reg-covar 0`) from the same model
    within a bound computed from the data: MLlib adds EPSILON (2.2e-16) to every weighted
    density πₖ N(xᵢ | μₖ, Σₖ) before normalising, which moves point i's responsibilities by at
    most K·EPSILON / p(xᵢ), p the mixture density; the M-step's sums carry that into the
    weights, means and covariances (the bound in `epsilon_bound`), plus rounding;
  - Spark adds no covariance regularisation: the same step of gmmviz with its default
    `--reg-covar 1e-6` differs on every covariance diagonal by 1e-6, within the same bound;
  - the log-likelihood the script records is gmmviz's for the same parameters, to 1e-12;
  - the whole run matches gmmviz's own fit from the same start with the rule Spark's is
    equivalent to (`--tol` = Spark's tol / N on the mean): the same iterations and converged
    flag, each snapshot within 1e-6 (relative to the entry's size, at least 1), and final mean
    log-likelihoods within tol / N, the change the rule lets a converged run still make;
  - stepping changes nothing: one `train` call with maxIterations = n from the start equals
    the stepped run's last model (and with a larger maxIterations too: Spark's own rule
    stops at the same iteration; with n − 1 it does not), and Spark's own random start
    stepped equals one `train` call from that start.
  - a data path Spark cannot read, a start of another K and a cell that is not a number are
    each refused in one line, with no file written.
Prints "spark: N passed, M failed" and exits non-zero on any failure. One Spark session in the
script and a few here, in one JVM: about two minutes in all.
"""
import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import traceback

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCRIPT = os.path.join(ROOT, "scripts", "spark-history.py")
DATA = os.path.join(ROOT, "assets", "data", "faithful.csv")
K = 2
TOL = 1e-3                  # Spark's default convergenceTol, on the total log-likelihood
EPSILON = np.finfo(float).eps   # MLlib's MLUtils.EPSILON: the smallest e with 1 + e != 1
# Differences from rounding alone, beside EPSILON's: both sides are exact EM in float64, but
# Spark inverts covariances by an eigendecomposition and forms covariances as E[xxᵀ] − μμᵀ in
# one pass, which rounds at the scale of x² rather than of Σ (waiting times near 90 minutes:
# x² ≈ 8,000, Σ ≈ 30). 64 roundings at those scales.
ROUNDING = 64 * EPSILON
RUN_RELATIVE = 1e-6


def load_script():
    spec = importlib.util.spec_from_file_location("spark_history", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def numbers(xs):
    return ",".join(repr(float(x)) for x in np.ravel(xs))


def start_options(snapshot):
    """gmmviz's options for a model: --means, --weights, --covariances (row-major)."""
    return [f"--means={';'.join(numbers(m) for m in snapshot['means'])}",
            f"--weights={numbers(snapshot['weights'])}",
            f"--covariances={';'.join(numbers(c) for c in snapshot['covariances'])}"]


class Gmmviz:
    def __init__(self, binary, work):
        self.binary, self.work = binary, work

    def run(self, *args):
        r = subprocess.run([self.binary, *args], cwd=self.work, capture_output=True, text=True)
        assert r.returncode == 0, f"gmmviz {' '.join(args[:3])} …: exit {r.returncode}: {r.stderr.strip()}"
        return r

    def fit(self, snapshot, *extra):
        """A history of gmmviz's EM on the data from `snapshot`'s model."""
        path = os.path.join(self.work, "gmmviz-fit.json")
        self.run("fit", "--data", DATA, *start_options(snapshot), "--history", path, *extra)
        with open(path) as f:
            return json.load(f)


def densities(x, snapshot):
    """N × K weighted densities πₖ N(xᵢ | μₖ, Σₖ), computed here with numpy."""
    d = x.shape[1]
    out = []
    for w, m, c in zip(snapshot["weights"], snapshot["means"], snapshot["covariances"]):
        c = np.asarray(c)
        z = np.linalg.solve(np.linalg.cholesky(c), (x - m).T)
        out.append(w * np.exp(-0.5 * (z * z).sum(0)) / np.sqrt((2 * np.pi) ** d * np.linalg.det(c)))
    return np.stack(out, 1)


def epsilon_bound(x, before, after):
    """Per entry, how far MLlib's EPSILON can move the step from `before` to `after`.

    δᵢ = K·EPSILON / p(xᵢ) bounds |r'ᵢₖ − rᵢₖ| (r' = (aᵢₖ + ε)/(pᵢ + Kε), r = aᵢₖ/pᵢ, so
    r' − r = ε(pᵢ − K·aᵢₖ)/(pᵢ(pᵢ + Kε)) and |pᵢ − K·aᵢₖ| ≤ K·pᵢ). With nₖ = Σ rᵢₖ:
      weights  |Δπₖ| ≤ Σᵢ δᵢ / N              (both sides' responsibilities sum to N)
      means    |Δμₖ| ≤ Σᵢ δᵢ |xᵢ − μₖ| / nₖ   (Σ rᵢₖ(xᵢ − μₖ) = 0, so only Δr counts)
      Σ entry  |ΔΣₖ| ≤ Σᵢ δᵢ |(xᵢ − μₖ)(xᵢ − μₖ)ᵀ − Σₖ| / nₖ + |Δμₖ||Δμₖ|ᵀ
    with μₖ, Σₖ, nₖ the step's result (`after`), to first order in δ.
    """
    a = densities(x, before)
    delta = K * EPSILON / a.sum(1)
    r = a / a.sum(1, keepdims=True)
    n = r.sum(0)
    weights = np.full(K, delta.sum() / len(x))
    means, covariances = [], []
    for k in range(K):
        mu, sigma = np.asarray(after["means"][k]), np.asarray(after["covariances"][k])
        dx = x - mu
        dmu = (delta[:, None] * np.abs(dx)).sum(0) / n[k]
        outer = np.abs(dx[:, :, None] * dx[:, None, :] - sigma)
        means.append(dmu)
        covariances.append((delta[:, None, None] * outer).sum(0) / n[k] + np.outer(dmu, dmu))
    return {"weights": weights, "means": np.array(means), "covariances": np.array(covariances)}


def rounding_slack(x):
    scale = np.abs(x).max()
    return {"weights": ROUNDING, "means": ROUNDING * scale, "covariances": ROUNDING * scale * scale}


def worst_relative(a, b, keys=("weights", "means", "covariances")):
    """The largest |a − b| / max(1, |b|) over every entry of the parameters."""
    worst = 0.0
    for key in keys:
        p, q = np.asarray(a[key], float), np.asarray(b[key], float)
        worst = max(worst, float((np.abs(p - q) / np.maximum(1, np.abs(q))).max()))
    return worst


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--gmmviz", default=os.path.join(ROOT, ".build/debug/gmmviz"))
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="gmmviz-spark-")
    g = Gmmviz(os.path.abspath(args.gmmviz), work)
    x = np.loadtxt(DATA, delimiter=",", skiprows=1)
    n_points = len(x)
    results = []

    def check(name, body):
        try:
            body()
            results.append((name, None))
            print(f"  ok    {name}")
        except Exception as e:  # a failed check is reported and the others still run
            results.append((name, e))
            print(f"  FAIL  {name}: {e}")
            traceback.print_exc(limit=2, file=sys.stdout)

    g.run("fit", "--data", DATA, "-k", str(K), "--init", "bunched", "--max-iter", "0", "--history", "start.json")
    with open(os.path.join(work, "start.json")) as f:
        start = json.load(f)
    spark_path = os.path.join(work, "spark.json")
    r = subprocess.run([sys.executable, SCRIPT, DATA, str(K), spark_path, "--start", "start.json",
                        "--tol", repr(TOL), "--master", "local[2]", "-q"], cwd=work, capture_output=True, text=True)
    if r.returncode != 0:
        print(f"  FAIL  spark-history.py exit {r.returncode}:\n{r.stderr[-3000:]}")
        print("spark: 0 passed, 1 failed")
        return 1
    with open(spark_path) as f:
        spark = json.load(f)
    snaps = spark["snapshots"]
    n = spark["iterations"]
    print(f"        Spark: {n} iterations, converged {spark['converged']}")

    def history_is_drawn():
        assert spark["samples"] == n_points and spark["components"] == K and spark["dimensions"] == 2
        assert len(snaps) == n + 1 and snaps[0]["weights"] == start["snapshots"][0]["weights"]
        assert snaps[0]["means"] == start["snapshots"][0]["means"]
        g.run("render", "--history-in", spark_path, "--data", DATA, "--out", "spark.gif", "--frames-dir", "frames", "-q")
        frames = sorted(os.listdir(os.path.join(work, "frames")))
        assert frames == [f"frame_{i:04d}.png" for i in range(n + 1)], f"frames: {frames[:3]} … ({len(frames)})"
        with open(os.path.join(work, "spark.gif"), "rb") as f:
            assert f.read(6) == b"GIF89a"
        g.run("render", "--history-in", spark_path, "--data", DATA, "--sample", "100", "--seed", "1",
              "--out", "none", "--frames-dir", "sampled", "-q")
        assert len(os.listdir(os.path.join(work, "sampled"))) == n + 1

    def each_step_is_an_em_step_up_to_epsilon():
        worst = 0.0
        for t in range(1, n + 1):
            one = g.fit(snaps[t - 1], "--reg-covar", "0", "--tol", "0", "--max-iter", "1")["snapshots"][1]
            bound, slack = epsilon_bound(x, snaps[t - 1], one), rounding_slack(x)
            for key in ("weights", "means", "covariances"):
                diff = np.abs(np.asarray(snaps[t][key]) - np.asarray(one[key]))
                allowed = bound[key] + slack[key]
                assert (diff <= allowed).all(), \
                    f"iteration {t} {key}: differences {diff.ravel()} beyond {allowed.ravel()}"
                worst = max(worst, float((diff / allowed).max()))
        print(f"        largest difference / bound over {n} steps: {worst:.3f}")

    def spark_adds_no_regularisation():
        regularised = g.fit(snaps[0], "--reg-covar", "1e-6", "--tol", "0", "--max-iter", "1")["snapshots"][1]
        plain = g.fit(snaps[0], "--reg-covar", "0", "--tol", "0", "--max-iter", "1")["snapshots"][1]
        bound = epsilon_bound(x, snaps[0], plain)["covariances"] + rounding_slack(x)["covariances"]
        gap = np.asarray(regularised["covariances"]) - np.asarray(snaps[1]["covariances"])
        for k in range(K):
            off = gap[k] - 1e-6 * np.eye(2)
            assert (np.abs(off) <= bound[k]).all(), f"component {k + 1}: {gap[k].ravel()} is not 1e-6·I within {bound[k].ravel()}"
        assert (bound.max() < 1e-7), f"the bound {bound.max()} cannot tell 1e-6 from none"

    def log_likelihood_is_gmmvizs():
        worst = 0.0
        for t in range(n + 1):
            ours = g.fit(snaps[t], "--reg-covar", "0", "--max-iter", "0")["snapshots"][0]["log_likelihood"]
            worst = max(worst, abs(ours - snaps[t]["log_likelihood"]) / abs(ours))
        assert worst <= 1e-12, f"relative difference {worst}"
        print(f"        largest relative difference: {worst:.1e}")

    def run_matches_gmmvizs_fit():
        ours = g.fit(snaps[0], "--reg-covar", "0", "--tol", repr(TOL / n_points), "--max-iter", "100")
        assert ours["iterations"] == n and ours["converged"] == spark["converged"], \
            f"gmmviz: {ours['iterations']} iterations, converged {ours['converged']}"
        worst = max(worst_relative(a, b) for a, b in zip(snaps, ours["snapshots"]))
        assert worst <= RUN_RELATIVE, f"largest relative difference {worst}"
        final = abs(snaps[-1]["log_likelihood"] - ours["snapshots"][-1]["log_likelihood"])
        assert final <= TOL / n_points, f"final log-likelihoods differ by {final}"
        print(f"        largest relative difference {worst:.1e}; final log-likelihoods {final:.1e} apart "
              f"(allowed {TOL / n_points:.1e})")

    check("the history is drawn: a GIF and one frame per snapshot; --sample 100 too", history_is_drawn)
    check("each Spark iteration is gmmviz's EM step within MLlib's EPSILON bound", each_step_is_an_em_step_up_to_epsilon)
    check("Spark adds no covariance regularisation (gmmviz's 1e-6 shows on the diagonals)", spark_adds_no_regularisation)
    check("the recorded log-likelihood is gmmviz's for the same parameters, to 1e-12", log_likelihood_is_gmmvizs)
    check(f"the run is gmmviz's fit with --tol {TOL} / N: same iterations, within {RUN_RELATIVE}",
          run_matches_gmmvizs_fit)

    script = load_script()
    spark_session = script.session("local[2]")
    try:
        blocks, _, n_rows = script.load_blocks(spark_session, DATA)
        vectors = script.jvm_vectors(blocks)
        Model = script.Model

        def one_call(start_model, iterations, tol, seed=None):
            from pyspark.mllib.clustering import GaussianMixtureModel
            from pyspark.mllib.common import callMLlibFunc
            w, mu, sigma = start_model.to_mllib_arguments() if start_model else (None, None, None)
            java = callMLlibFunc("trainGaussianMixtureModel", vectors, K, tol, iterations, seed, w, mu, sigma)
            return Model.from_mllib(GaussianMixtureModel(java)).snapshot(0, None)

        first = Model(snaps[0]["weights"], snaps[0]["means"], snaps[0]["covariances"])

        def stepping_changes_nothing():
            assert n_rows == n_points
            stepped = script.record(blocks, vectors, n_rows, first, TOL, script.SPARK_RULE, 100, quiet=True)
            assert stepped["snapshots"] == snaps, "stepping here differs from the script's run"
            whole = one_call(first, n, TOL)
            differs = worst_relative(whole, snaps[-1])
            assert differs == 0, f"one train call with maxIterations={n} differs by {differs}"
            assert worst_relative(one_call(first, n + 10, TOL), snaps[-1]) == 0, "Spark's own rule ran past iteration n"
            assert worst_relative(one_call(first, n - 1, TOL), snaps[-1]) > 0, "Spark's own rule stopped before n"

        def random_start_is_sparks():
            start_model = script.spark_start(vectors, K, 7)
            stepped = script.record(blocks, vectors, n_rows, start_model, 0.0, script.SPARK_RULE, 5, quiet=True)
            whole = one_call(None, 5, 0.0, seed=7)
            differs = worst_relative(whole, stepped["snapshots"][-1])
            assert differs == 0, f"5 steps from Spark's seeded start differ from train(seed=7) by {differs}"

        check(f"one train call equals the stepped run, and Spark's own rule stops at iteration {n}",
              stepping_changes_nothing)
        check("Spark's random start, stepped, is train(seed) without a start", random_start_is_sparks)
    finally:
        spark_session.stop()

    def refused(arguments, words):
        """The script run in this process exits with one line holding `words` and writes no file."""
        out = os.path.join(work, "refused.json")
        try:
            script.main(arguments[:2] + [out] + arguments[2:] + ["--master", "local[2]", "-q"])
        except SystemExit as e:
            message = str(e.code)
            assert e.code != 0 and words in message and "\n" not in message, f"exit {e.code!r}"
            assert not os.path.exists(out), "an output file was written"
            return
        raise AssertionError("the script did not refuse")

    with open(os.path.join(work, "three.json"), "w") as f:
        json.dump({"weights": [0.5, 0.25, 0.25], "means": [[2, 60], [3, 70], [4, 80]],
                   "covariances": [np.eye(2).tolist()] * 3}, f)
    with open(os.path.join(work, "text.csv"), "w") as f:
        f.write("x,y\n1,2\n3,oops\n")
    check("a missing data path is refused in one line, no file written",
          lambda: refused([os.path.join(work, "missing.csv"), "2"], "Spark cannot read it"))
    check("a start of another K is refused in one line",
          lambda: refused([DATA, "2", "--start", os.path.join(work, "three.json")], "give K = 3"))
    check("a value that is not a number is refused in one line",
          lambda: refused([os.path.join(work, "text.csv"), "1"], "1 values are empty, not numbers or not finite"))

    failed = sum(1 for _, e in results if e is not None)
    print(f"spark: {len(results) - failed} passed, {failed} failed")
    if failed == 0:
        shutil.rmtree(work, ignore_errors=True)
    else:
        print(f"spark: files kept in {work}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
