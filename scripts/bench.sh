#!/bin/sh
# Every benchmark quoted in the README, in one run on this machine (release build).
#
#   scripts/bench.sh            (make bench runs it)
#
# Needs Python with numpy, scipy, scikit-learn, matplotlib and Pillow, gifsicle, and ffmpeg.
set -eu
cd "$(dirname "$0")/.."
scripts/build-release.sh gmmviz gmmviz-bench >/dev/null
TARGET_CPU=${TARGET_CPU-$(scripts/target-cpu.sh)}
echo "release build for CPU: ${TARGET_CPU:-x86-64 (baseline)}"
B=.build/release/gmmviz-bench
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

echo "== CSV: reading 1,000,000 x 2 against pandas, and the peak memory of fit -k 8 on it"
python3 scripts/bench-csv.py

echo "== EM: one iteration, every covariance type, N = 1,000,000, K = 8, D = 2, against scikit-learn in the same run;"
echo "   then the whole job (CSV read + fit to convergence) against pandas + scikit-learn"
python3 scripts/bench-em.py --types all --whole-job

echo "== EM: one iteration, N = 100,000, K = 5, D = 8, full, against scikit-learn in the same run"
python3 scripts/bench-em.py --samples 100000 --components 5 --dimensions 8 --types full

echo "== Scale: CSV read, fit and render of 1,000,000 and 10,000,000 x 2 (five blobs, K = 5): wall time and peak memory,"
echo "   render time per frame against one E-step + drawing (make bench-scale adds 10^8, by hand)"
python3 scripts/bench-scale.py --sizes 1e6 1e7

echo "== Rendering one 1000x600 frame"
$B render 300 60
$B render 100000 30
echo "== 1,000,000 points as a density image, against 100,000 points drawn as discs in the same run"
$B render-large 30

echo "== Views: a pairs frame (D = 4, 150 points) and a frame with --density contours --regions, 1000x600"
$B views 60

echo "== PNG frames: libdeflate (the library's encoder) against the hand-written encoder it replaced"
$B png 5

echo "== GIF: quantise + encode per 1000x600 frame, peak memory for 100 and 1,000 frames"
$B gif-synthetic 100
$B gif-synthetic 1000

echo "== GIF size and quality on the demo animation"
.build/release/gmmviz render --frames-dir "$WORK/frames" --out "$WORK/comb.gif" --quiet
python3 scripts/bench-gif.py "$WORK/frames" --gif "$WORK/comb.gif"

echo "== Video: MP4 and WebM size and quality on the demo animation, against matplotlib's FFMpegWriter in the same run"
.build/release/gmmviz render --out "$WORK/comb.mp4" --quiet
.build/release/gmmviz render --out "$WORK/comb.webm" --quiet
python3 scripts/bench-video.py "$WORK/frames" --gif "$WORK/comb.gif" --mp4 "$WORK/comb.mp4" --webm "$WORK/comb.webm"

echo "== Model choice: select on 100,000 x 2 over K = 1...9 and scikit-learn's four types, against scikit-learn on the same grid (k-means, 5 restarts); then at its defaults (mclust's fourteen models)"
.build/release/gmmviz generate --means "0,0;6,0;0,6;6,6" --count 25000 --seed 1 --out "$WORK/select.csv"
/usr/bin/time -f "gmmviz select, four types: %e s wall, %M KB peak" .build/release/gmmviz select --data "$WORK/select.csv" --k 1...9 \
    --covariance-type sklearn >/dev/null
/usr/bin/time -f "gmmviz select, fourteen models: %e s wall, %M KB peak" .build/release/gmmviz select --data "$WORK/select.csv" >/dev/null
python3 scripts/bench-select.py "$WORK/select.csv"

echo "== End to end against the notebook's pipeline"
python3 scripts/bench-notebook.py --repeats 3
