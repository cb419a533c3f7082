#!/usr/bin/env python3
"""CSV ingestion against pandas, and the peak memory of fitting the same file.

Writes a 1,000,000 x 2 CSV of normal samples with 17 significant digits ("%.17g", about
39 MB, with an "x,y" header) into a temporary directory, then in the same run:
  - times pandas.read_csv and `gmmviz-bench csv` (CSVReader.read, file read included) on it,
    best of REPEATS each, page cache warm for both;
  - measures the peak resident memory of `gmmviz fit --data FILE -k 8` (kmeans++ init and EM
    to convergence) with GNU time (/usr/bin/time, Debian package `time`).

    scripts/bench-csv.py [--rows 1000000] [--repeats 5]

Needs a release build of gmmviz and gmmviz-bench (scripts/bench.sh builds them).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
import pandas as pd

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
BENCH = os.path.join(ROOT, ".build", "release", "gmmviz-bench")
GMMVIZ = os.path.join(ROOT, ".build", "release", "gmmviz")


def write_csv(path, rows):
    rng = np.random.default_rng(2021)
    centres = rng.uniform(-10, 10, size=(8, 2))
    labels = rng.integers(0, 8, size=rows)
    points = centres[labels] + rng.standard_normal((rows, 2)) * rng.uniform(0.3, 2.0, size=(8, 1))[labels]
    np.savetxt(path, points, fmt="%.17g", delimiter=",", header="x,y", comments="")


def pandas_seconds(path, repeats):
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        frame = pd.read_csv(path)
        best = min(best, time.perf_counter() - start)
    assert frame.shape[1] == 2
    return best, frame.shape[0]


def gmmviz_seconds(path, repeats):
    out = subprocess.run([BENCH, "csv", path, str(repeats)], check=True, capture_output=True, text=True).stdout
    report = json.loads(out)
    return report["min_seconds"], report["samples"]


def measured(args):
    """Peak RSS in MB, user and system seconds of one command, as GNU time reports them (%M, in
    KiB; %U, %S).

    Not this process's rusage of a child: a child forked from this Python, which holds pandas
    and a data frame, counts the parent's pages it inherited before exec in its ru_maxrss.
    """
    with tempfile.NamedTemporaryFile("r") as report:
        result = subprocess.run(["/usr/bin/time", "-f", "%M %U %S", "-o", report.name] + args,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if result.returncode != 0:
            sys.exit(f"{' '.join(args)} failed ({result.returncode}): {result.stderr}")
        rss, user, system = report.read().split()[-3:]
        return int(rss) / 1024, float(user), float(system)


def peak_rss_mb(args):
    """Peak RSS in MB of one command (see measured)."""
    return measured(args)[0]


def read_memory(path, rows):
    """One read of the file alone (gmmviz-bench csv FILE 1): its peak RSS against the values'
    N x 2 x 8 bytes, and its user and system time."""
    rss, user, system = measured([BENCH, "csv", path, "1"])
    values = rows * 2 * 8 / 2**20
    print(f"CSV read alone: peak RSS {rss:.0f} MiB = values {values:.0f} MiB + {rss - values:.0f} MiB; "
          f"user {user:.2f} s, system {system:.2f} s")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=5)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        path = os.path.join(work, "points.csv")
        write_csv(path, options.rows)
        size_mb = os.path.getsize(path) / 1e6
        # Alternate so that neither gets a colder cache or a quieter machine.
        ours, theirs = float("inf"), float("inf")
        for _ in range(2):
            t, n = gmmviz_seconds(path, options.repeats)
            ours = min(ours, t)
            t, m = pandas_seconds(path, options.repeats)
            theirs = min(theirs, t)
        assert n == m == options.rows, (n, m)
        rows = f"{options.rows:.0e}".replace("+0", "").replace("+", "")
        print(f"CSV read {rows}x2 ({size_mb:.0f} MB, 17 digits): gmmviz {ours:.3f} s, pandas {theirs:.3f} s, "
              f"ratio {ours / theirs:.2f} (target <= 1.5)")
        read_memory(path, options.rows)
        rss = peak_rss_mb([GMMVIZ, "fit", "--data", path, "-k", "8"])
        print(f"fit -k 8 peak RSS: {rss:.0f} MB (target <= 150)")


if __name__ == "__main__":
    main()
