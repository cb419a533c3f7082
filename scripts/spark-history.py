#!/usr/bin/env python3
"""Record Spark MLlib's GaussianMixture one EM iteration at a time as a gmmviz history.

    python3 scripts/spark-history.py DATA K OUT.json [--start START.json | --seed S]
                                     [--tol T] [--rule spark|mean] [--max-iter N]
                                     [--columns LIST] [--master URL] [--partitions P]
    spark-submit scripts/spark-history.py hdfs:///points/ 5 h.json --max-iter 200

DATA is a CSV file or directory Spark reads (a local path, hdfs://, s3a://, …), with or
without a header row; --columns picks columns by header name or 1-based number, default every
column whose first value is a number. The history is docs/history-schema.md's: draw it with
`gmmviz render --history-in OUT.json --data DATA.csv` (add `--sample N` for large data).

How it steps. MLlib's RDD `GaussianMixture.train` takes an `initialModel`; each iteration is one
call with `maxIterations=1` from the previous model. Spark's EM loop carries nothing from one
iteration to the next but the weights and Gaussians (its log-likelihood serves only its own
stopping test), so the stepped run computes exactly what one `train` call with
`maxIterations=N` computes, bit for bit on the same partitions (Tests/Spark/test_spark.py
checks this). The data is parsed once and cached as MLlib vectors in the JVM; each call
ships only the K·(1 + D + D²) numbers of the model.

The start. --start takes a JSON object with "weights" (K), "means" (K × D) and "covariances"
(K × D × D), or a gmmviz history, whose snapshot 0 is used (so Spark and gmmviz can start from
the same model). Without it, Spark's own random start with --seed: per component the mean and
the diagonal variances of 5 points drawn with replacement, equal weights (`train` with
`maxIterations=0` returns it).

The log-likelihood. The RDD API reports none, so after each iteration the script makes one
more pass over the cached data: the mean log-likelihood of the schema, (1/N) Σᵢ log Σₖ πₖ
N(xᵢ | μₖ, Σₖ), in float64 with a Cholesky factor per component and log-sum-exp, summed per
partition with numpy and then across partitions. It differs from gmmviz's own value for the same
parameters only by summation order (about 1e-15 relative).

The stopping rule, after iteration t ≥ 2, on the log-likelihoods of snapshots t−2 and t−1
(the ones the E-steps of iterations t−1 and t see), for both rules:
  --rule spark (default): stop when N·|L(t−1) − L(t−2)| ≤ tol — Spark's own loop, on the
      *total* log-likelihood, so on a million points Spark's default 1e-3 asks for a change
      of the mean below 1e-9.
  --rule mean: stop when |L(t−1) − L(t−2)| < tol — scikit-learn's and gmmviz's rule on the
      *mean*; `--rule mean --tol 1e-3` stops where `gmmviz fit` would.
Spark tests its own log-likelihood, which adds MLlib's EPSILON (2.2e-16) to every weighted
density and is summed in another order; a change within about 1e-12 relative of tol could stop
one iteration apart from a single `train` call. `converged` is true when the rule fired.

What Spark's EM does differently from gmmviz's (and scikit-learn's):
  - no covariance regularisation: gmmviz adds --reg-covar (default 1e-6) to every diagonal;
    compare with `gmmviz fit --reg-covar 0`. A covariance Spark leaves singular (it uses a
    pseudo-inverse) stops this script with an error: gmmviz draws only positive definite ones.
  - covariances as E[xxᵀ] − μμᵀ from one pass (scikit-learn: Σ γ (x − μ)(x − μ)ᵀ / n), which
    loses digits when the data sit far from the origin compared with their spread: centre such
    data first.
  - densities, not log-densities: a point far enough from every component that each density
    underflows gets equal responsibilities (gmmviz gives it to the nearest component).
  - full covariances only.
"""
import argparse
import json
import math
import os
import sys
import tempfile
import warnings

import numpy as np

# pyspark warns on import when pandas is newer than it has been tested with; the script does
# not use pandas.
warnings.filterwarnings("ignore", category=FutureWarning, module="pyspark")

SPARK_RULE, MEAN_RULE = "spark", "mean"


def fail(message):
    sys.exit(f"spark-history.py: {message}")


# ---------------------------------------------------------------- the data

def _is_number(cell):
    try:
        float(cell)
        return True
    except (TypeError, ValueError):
        return False


def _pick_columns(names, first_row, selectors):
    """0-based indices of the columns to fit: by header name or 1-based number, or every column
    whose first value is a number."""
    if not selectors:
        picked = [i for i, cell in enumerate(first_row) if _is_number(cell)]
        if not picked:
            fail("no column of the first row holds a number; give --columns")
        return picked
    picked = []
    for s in selectors.split(","):
        s = s.strip()
        if s in names:
            picked.append(names.index(s))
        elif s.isdigit() and 1 <= int(s) <= len(names):
            picked.append(int(s) - 1)
        else:
            fail(f"--columns: no column {s!r}; the data has {', '.join(names)}")
    return picked


def load_blocks(spark, path, columns=None, partitions=None):
    """The data as a cached RDD of numpy blocks (one N_p × D float64 array per partition),
    its column names and N.

    The header is detected as gmmviz's reader does: the first line is a header when one of its
    cells is not a number. Values are parsed by Spark's CSV reader (Java's correctly rounded
    `Double.parseDouble`, as gmmviz's reader rounds).
    """
    from pyspark.errors import AnalysisException
    from pyspark.sql import functions as F

    try:
        raw = spark.read.csv(path, header=False)
    except AnalysisException as e:
        fail(f"{path}: Spark cannot read it ({str(e).splitlines()[0]}); give a CSV file or directory")
    first = raw.first()
    if first is None:
        fail(f"{path}: no rows; give a CSV file of numbers")
    header = not all(_is_number(c) for c in first if c is not None)
    df = spark.read.csv(path, header=True) if header else raw
    names = list(df.columns) if header else [f"x{i + 1}" for i in range(len(df.columns))]
    data_first = df.first() if header else first
    if data_first is None:
        fail(f"{path}: a header and no rows; give at least one sample")
    picked = _pick_columns(names, list(data_first), columns)
    source = df.columns
    # try_cast: a cell that is not a number becomes null (NaN in numpy), counted below, instead
    # of failing the job under Spark 4's ANSI mode.
    df = df.select([F.col(f"`{source[i]}`").try_cast("double") for i in picked])
    if partitions:
        df = df.repartition(partitions)

    def to_block(rows):
        block = np.array([tuple(r) for r in rows], dtype=float)
        return [block] if len(block) else []

    blocks = df.rdd.mapPartitions(to_block).cache()
    n, bad = blocks.map(lambda b: (len(b), int(np.count_nonzero(~np.isfinite(b))))) \
                   .fold((0, 0), lambda a, b: (a[0] + b[0], a[1] + b[1]))
    if bad:
        fail(f"{path}: {bad} values are empty, not numbers or not finite; gmmviz needs every value numeric")
    if n == 0:
        fail(f"{path}: no rows; give at least one sample")
    return blocks, [names[i] for i in picked], n


def jvm_vectors(blocks):
    """The rows as a cached JavaRDD of MLlib vectors, built once so each `train` call reads
    the JVM's copy instead of pickling the data again."""
    from pyspark.mllib.common import _to_java_object_rdd
    from pyspark.mllib.linalg import DenseVector

    rows = blocks.flatMap(lambda b: [DenseVector(r) for r in b])
    return _to_java_object_rdd(rows).cache()


# ---------------------------------------------------------------- the model

class Model:
    """K weights, K × D means, K × D × D covariances, as float64 numpy arrays."""

    def __init__(self, weights, means, covariances):
        self.weights = np.asarray(weights, dtype=float)
        self.means = np.asarray(means, dtype=float)
        self.covariances = np.asarray(covariances, dtype=float)

    @property
    def k(self):
        return len(self.weights)

    @staticmethod
    def from_mllib(model):
        return Model(list(model.weights), [g.mu.toArray() for g in model.gaussians],
                     [g.sigma.toArray() for g in model.gaussians])

    def to_mllib_arguments(self):
        """The weights, means and covariances as `trainGaussianMixtureModel` takes them."""
        from pyspark.mllib.linalg import DenseMatrix, DenseVector

        d = self.means.shape[1]
        # DenseMatrix is column-major; a covariance is symmetric, but its transpose is given so
        # an asymmetric start would reach Spark as written.
        return ([float(w) for w in self.weights], [DenseVector(m) for m in self.means],
                [DenseMatrix(d, d, c.T.ravel().tolist()) for c in self.covariances])

    def snapshot(self, iteration, log_likelihood):
        return {"iteration": iteration,
                "weights": self.weights.tolist(),
                "means": self.means.tolist(),
                "covariances": self.covariances.tolist(),
                "log_likelihood": log_likelihood}


def read_start(path, d):
    """A start model from JSON: a gmmviz history's snapshot 0, or an object with weights,
    means and covariances."""
    try:
        with open(path) as f:
            obj = json.load(f)
    except (OSError, ValueError) as e:
        fail(f"--start {path}: {e}")
    if isinstance(obj, dict) and obj.get("format") == "gmmviz.history":
        obj = (obj.get("snapshots") or [None])[0]
    if not isinstance(obj, dict) or not all(key in obj for key in ("weights", "means", "covariances")):
        fail(f"--start {path}: expected a gmmviz history or an object with weights, means and covariances")
    start = Model(obj["weights"], obj["means"], obj["covariances"])
    k = start.k
    if start.means.shape != (k, d) or start.covariances.shape != (k, d, d):
        fail(f"--start {path}: expected {k} means of {d} values and {k} covariances of {d} × {d} "
             f"for the data's {d} columns")
    return start


def cholesky_factors(model, iteration):
    factors = []
    for j, c in enumerate(model.covariances):
        try:
            factors.append(np.linalg.cholesky(c))
        except np.linalg.LinAlgError:
            fail(f"iteration {iteration}: component {j + 1}'s covariance is not positive definite "
                 "(Spark's EM carries singular covariances through a pseudo-inverse, gmmviz cannot "
                 "draw them); use fewer components, another start, or drop duplicate points")
    return factors


def log_likelihood(blocks, n, model, iteration):
    """The mean log-likelihood (1/N) Σᵢ log Σₖ πₖ N(xᵢ | μₖ, Σₖ), one pass over the data."""
    factors = cholesky_factors(model, iteration)
    log_w = np.log(model.weights)
    means = model.means
    d = means.shape[1]
    constants = [-0.5 * d * math.log(2 * math.pi) - np.log(np.diag(f)).sum() for f in factors]

    def block_total(x):
        import numpy as np  # on the executors

        logp = np.empty((len(x), len(factors)))
        for j, f in enumerate(factors):
            z = np.linalg.solve(f, (x - means[j]).T)
            logp[:, j] = log_w[j] + constants[j] - 0.5 * np.einsum("ij,ij->j", z, z)
        top = logp.max(axis=1)
        return float(np.sum(top + np.log(np.exp(logp - top[:, None]).sum(axis=1))))

    return blocks.map(block_total).sum() / n


def em_step(vectors, k, model):
    """One iteration of MLlib's EM from `model`: `train` with maxIterations=1."""
    from pyspark.mllib.clustering import GaussianMixtureModel
    from pyspark.mllib.common import callMLlibFunc

    weights, mus, sigmas = model.to_mllib_arguments()
    java_model = callMLlibFunc("trainGaussianMixtureModel", vectors, k, 0.0, 1, None, weights, mus, sigmas)
    return Model.from_mllib(GaussianMixtureModel(java_model))


def spark_start(vectors, k, seed):
    """Spark's own random start: `train` with maxIterations=0 returns the initial model."""
    from pyspark.mllib.clustering import GaussianMixtureModel
    from pyspark.mllib.common import callMLlibFunc

    java_model = callMLlibFunc("trainGaussianMixtureModel", vectors, k, 0.0, 0, seed, None, None, None)
    return Model.from_mllib(GaussianMixtureModel(java_model))


def stops(rule, tol, n, lls):
    """Whether the rule stops the loop after the iteration whose snapshot ends `lls`."""
    t = len(lls) - 1
    if t < 2:
        return False
    change = abs(lls[t - 1] - lls[t - 2])
    return n * change <= tol if rule == SPARK_RULE else change < tol


def record(blocks, vectors, n, start, tol, rule, max_iter, quiet=False):
    """The history as a dict: snapshot 0 the start, then one per iteration."""
    k, d = start.means.shape
    model = start
    lls = [log_likelihood(blocks, n, model, 0)]
    snapshots = [model.snapshot(0, lls[0])]
    converged = False
    for t in range(1, max_iter + 1):
        model = em_step(vectors, k, model)
        lls.append(log_likelihood(blocks, n, model, t))
        snapshots.append(model.snapshot(t, lls[t]))
        if not quiet:
            print(f"iteration {t}: mean log-likelihood {lls[t]:.6f}", file=sys.stderr)
        if stops(rule, tol, n, lls):
            converged = True
            break
    return {"format": "gmmviz.history", "version": 1, "components": k, "dimensions": d,
            "samples": n, "covariance_type": "full", "converged": converged,
            "iterations": len(snapshots) - 1, "snapshots": snapshots}


def write_atomically(path, text):
    """The file appears whole or not at all."""
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".spark-history-")
    try:
        with os.fdopen(fd, "w") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def session(master):
    """A SparkSession: on --master, or the one spark-submit configured, or local[2]."""
    from pyspark import SparkConf
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("gmmviz spark-history") \
        .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
    if master or not SparkConf().contains("spark.master"):
        builder = builder.master(master or "local[2]")
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def parse_arguments(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("data", help="CSV file or directory Spark can read")
    p.add_argument("k", type=int, help="number of components")
    p.add_argument("out", help="the history JSON to write")
    p.add_argument("--start", help="start model: a gmmviz history (snapshot 0) or {weights, means, covariances}")
    p.add_argument("--seed", type=int, default=0, help="seed of Spark's random start without --start (default 0)")
    p.add_argument("--tol", type=float, default=1e-3, help="convergence tolerance (default 1e-3, Spark's)")
    p.add_argument("--rule", choices=[SPARK_RULE, MEAN_RULE], default=SPARK_RULE,
                   help="spark: total log-likelihood change <= tol (default); mean: mean change < tol, as gmmviz")
    p.add_argument("--max-iter", type=int, default=100, help="most EM iterations (default 100, Spark's)")
    p.add_argument("--columns", help="columns by header name or 1-based number, e.g. 'x,y' or '1,3'")
    p.add_argument("--master", help="Spark master URL (default: spark-submit's, else local[2])")
    p.add_argument("--partitions", type=int, help="repartition the data into this many partitions")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress on standard error")
    args = p.parse_args(argv)
    if args.k < 1:
        p.error(f"K must be at least 1, not {args.k}")
    if args.max_iter < 0:
        p.error(f"--max-iter must be 0 or more, not {args.max_iter}")
    if not (args.tol >= 0 and math.isfinite(args.tol)):
        p.error(f"--tol must be a finite number >= 0, not {args.tol}")
    return args


def main(argv=None):
    args = parse_arguments(argv)
    spark = session(args.master)
    try:
        blocks, names, n = load_blocks(spark, args.data, args.columns, args.partitions)
        vectors = jvm_vectors(blocks)
        d = len(names)
        if args.start:
            start = read_start(args.start, d)
            if start.k != args.k:
                fail(f"--start has {start.k} components and K is {args.k}; give K = {start.k}")
        else:
            start = spark_start(vectors, args.k, args.seed)
        history = record(blocks, vectors, n, start, args.tol, args.rule, args.max_iter, args.quiet)
        write_atomically(args.out, json.dumps(history, allow_nan=False) + "\n")
        if not args.quiet:
            print(f"{args.out}: {history['iterations']} iterations, "
                  f"{'converged' if history['converged'] else 'not converged'}, N = {n}, D = {d}, K = {args.k}",
                  file=sys.stderr)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
