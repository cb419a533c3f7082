#!/bin/sh
# Checks that the release binary built for this machine's vector width (scripts/target-cpu.sh)
# writes byte for byte what a binary built for any x86-64 writes, and times EM in both.
#
#   scripts/check-cpu-target.sh
#
# Builds both (the baseline in .build-x86-64), then for each: the demo (GIF, PNG frames and
# history), `--steps em` frames and `fit --json` of 200,000 generated points for every
# covariance type, compared with cmp; then one EM iteration at N = 10⁶, K = 8 (gmmviz-bench em).
set -eu
cd "$(dirname "$0")/.."
TUNED=${TARGET_CPU-$(scripts/target-cpu.sh)}
[ -n "$TUNED" ] || { echo "check-cpu-target: this machine has no target above baseline x86-64"; exit 0; }
scripts/build-release.sh gmmviz gmmviz-bench >/dev/null
TARGET_CPU= SCRATCH=.build-x86-64 scripts/build-release.sh gmmviz gmmviz-bench >/dev/null
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

.build/release/gmmviz generate --means "0,0;6,1;-3,5;2,-6;-5,-4" --count 40000 --seed 7 --out "$WORK/data.csv" >/dev/null
for build in tuned baseline; do
    if [ $build = tuned ]; then G=.build/release/gmmviz; else G=.build-x86-64/release/gmmviz; fi
    O="$WORK/$build"
    mkdir -p "$O"
    "$G" render --frames-dir "$O/frames" --out "$O/comb.gif" --history "$O/history.json" --quiet
    "$G" render --steps em --max-iter 4 --frames-dir "$O/em" --out none --quiet
    for type in full tied diag spherical; do
        "$G" fit --data "$WORK/data.csv" -k 5 --covariance-type $type --seed 1 --json >"$O/fit-$type.json"
    done
done
diff -r "$WORK/tuned" "$WORK/baseline" >/dev/null ||
    { echo "check-cpu-target: the $TUNED build writes other bytes than the x86-64 build" >&2; diff -rq "$WORK/tuned" "$WORK/baseline" >&2; exit 1; }
echo "check-cpu-target: $TUNED and x86-64 builds write identical files ($(find "$WORK/tuned" -type f | wc -l) compared)"

python3 - "$WORK" <<'PY'
import json, subprocess, sys
import numpy as np
work = sys.argv[1]
rng = np.random.default_rng(0)
k, d, n = 8, 2, 1_000_000
centres = rng.uniform(-8, 8, (k, d))
x = centres[rng.integers(0, k, n)] + rng.standard_normal((n, d))
x.astype("<f8").tofile(f"{work}/x.f64")
with open(f"{work}/init.json", "w") as f:
    json.dump({"weights": [1 / k] * k, "means": (centres + rng.normal(0, 1, centres.shape)).tolist(),
               "covariances": [np.eye(d).tolist()] * k}, f)
for kind in ("full", "tied", "diag", "spherical"):
    best = {}
    for name, exe in (("tuned", ".build/release/gmmviz-bench"), ("x86-64", ".build-x86-64/release/gmmviz-bench")):
        runs = [json.loads(subprocess.run([exe, "em", f"{work}/x.f64", "2", f"{work}/init.json", "10", "all", kind],
                                          check=True, capture_output=True, text=True).stdout) for _ in range(3)]
        best[name] = (min(r["seconds_per_iteration"] for r in runs), runs[0]["final_log_likelihood"])
    t, b = best["tuned"], best["x86-64"]
    same = "same" if t[1] == b[1] else "DIFFERENT"
    print(f"  EM {kind:9s} tuned {t[0] * 1e3:6.2f} ms/iter, x86-64 {b[0] * 1e3:6.2f} ms/iter: "
          f"{b[0] / t[0]:4.2f}x, final log-likelihood {same} ({t[1]!r})")
PY
