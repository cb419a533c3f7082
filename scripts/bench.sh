#!/bin/sh
# Every benchmark quoted in the README, in one run on this machine (release build).
#
#   scripts/bench.sh            (make bench runs it)
#
# Needs Python with numpy, scipy, scikit-learn, matplotlib and Pillow, and gifsicle.
set -eu
cd "$(dirname "$0")/.."
swift build -c release --product gmmviz --product gmmviz-bench >/dev/null 2>&1 || swift build -c release >/dev/null
B=.build/release/gmmviz-bench
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

echo "== CSV: reading 1,000,000 x 2 against pandas, and the peak memory of fit -k 8 on it"
python3 scripts/bench-csv.py

echo "== EM: one iteration at N = 1,000,000, K = 8, D = 2"
python3 scripts/bench-em.py

echo "== Rendering one 1000x600 frame"
$B render 300 60
$B render 100000 30

echo "== PNG frames: libdeflate (the library's encoder) against the hand-written encoder it replaced"
$B png 5

echo "== GIF: quantise + encode per 1000x600 frame, peak memory for 100 and 1,000 frames"
$B gif-synthetic 100
$B gif-synthetic 1000

echo "== GIF size and quality on the demo animation"
.build/release/gmmviz render --frames-dir "$WORK/frames" --out "$WORK/comb.gif" --quiet
python3 scripts/bench-gif.py "$WORK/frames" --gif "$WORK/comb.gif"

echo "== End to end against the notebook's pipeline"
python3 scripts/bench-notebook.py --repeats 3
