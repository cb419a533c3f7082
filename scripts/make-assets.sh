#!/bin/sh
# Regenerates the README's pictures under assets/ with the release build (run by hand after a
# change to the look of frames; the files are committed).
#
#   scripts/make-assets.sh
set -eu
cd "$(dirname "$0")/.."
scripts/build-release.sh gmmviz >/dev/null
G=.build/release/gmmviz
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p assets/frames assets/gallery assets/data

# The demo GIF and its frames at iterations 0, 1, 5 and the last.
$G render --out assets/demo.gif --frames-dir "$WORK/demo" --quiet
last=$(ls "$WORK/demo" | sort | tail -n 1)
rm -f assets/frames/demo-iteration-*.png
for f in frame_0000.png frame_0001.png frame_0005.png "$last"; do
    n=$(echo "$f" | sed 's/frame_0*\([0-9][0-9]*\)\.png/\1/; s/^$/0/')
    cp "$WORK/demo/$f" "assets/frames/demo-iteration-$(printf %02d "$n").png"
done

# Gallery: E- and M-steps, tweened motion, the dark theme, your own CSV.
$G render --steps em --max-iter 8 --size 800x480 --out assets/gallery/em-steps.gif --quiet
$G render --tween 5 --size 800x480 --out assets/gallery/tween.gif --quiet
$G render --theme dark --max-iter 3 --tol 0 --out none --frames-dir "$WORK/dark" --quiet
cp "$WORK/dark/frame_0003.png" assets/gallery/dark-iteration-03.png
$G generate --means "-4,0;3,4;4,-3;0,7" --count 150 --std 1.3 --seed 7 --out assets/data/four-blobs.csv
$G render --data assets/data/four-blobs.csv -k 4 --init random-from-data --seed 1 --bounds auto --equal-aspect \
    --size 800x480 --title "Your CSV: four blobs, K = 4" --out assets/gallery/csv.gif --quiet

# Old Faithful (R's datasets::faithful): a CSV drawn in a window that fits it, frames 0, 1 and
# the last; and the teaching start, which begins far from the answer.
$G render --data assets/data/faithful.csv -k 2 --out none --frames-dir "$WORK/faithful" --quiet
last=$(ls "$WORK/faithful" | sort | tail -n 1)
rm -f assets/frames/faithful-iteration-*.png
for f in frame_0000.png frame_0001.png "$last"; do
    n=$(echo "$f" | sed 's/frame_0*\([0-9][0-9]*\)\.png/\1/; s/^$/0/')
    cp "$WORK/faithful/$f" "assets/frames/faithful-iteration-$(printf %02d "$n").png"
done
$G render --data assets/data/faithful.csv -k 2 --init bunched --size 800x480 --out assets/gallery/faithful-bunched.gif --quiet

# The slide preset, a 1-D, a pairs, a PCA and a regions frame, a pinned pair of points, and a
# collapse's last frame with its banner.
$G render --preset slides --steps em --max-iter 3 --out none --frames-dir "$WORK/slides" --quiet
cp "$WORK/slides/frame_0003.png" assets/gallery/slides-e-step.png
$G render --data assets/data/iris.csv --columns petal_length --means "3;4" \
    --bounds auto --tween 3 --size 800x480 --out assets/gallery/line-1d.gif --quiet
$G render --data assets/data/iris.csv -k 3 --seed 1 --view pairs --out none --frames-dir "$WORK/pairs" --quiet
cp "$WORK/pairs/frame_0003.png" assets/gallery/iris-pairs.png
$G render --data assets/data/iris.csv -k 3 --seed 1 --view pca --equal-aspect --out none --frames-dir "$WORK/pca" --quiet
cp "$(ls "$WORK/pca"/*.png | sort | tail -n 1)" assets/gallery/iris-pca.png
$G render --data assets/data/four-blobs.csv -k 4 --seed 1 --bounds auto --regions --density contours --no-ellipses \
    --out none --frames-dir "$WORK/regions" --quiet
cp "$WORK/regions/frame_0002.png" assets/gallery/regions.png
$G render --data assets/data/faithful.csv -k 2 --init bunched --pin 12,57 --out none --frames-dir "$WORK/pins" --quiet
cp "$WORK/pins/frame_0004.png" assets/gallery/pins.png
# Two rings of 30 points and a lone point (Tests/TestSupport/FailureFixtures.swift): without
# regularisation the third component falls onto the lone point and its covariance collapses.
python3 -c '
import math
print("x,y")
for cx, cy in [(-4.0, -2.0), (3.0, 2.0)]:
    for i in range(30):
        a, r = 2 * math.pi * i / 30, 0.6 + 0.5 * ((i * 7) % 5) / 4
        print(f"{cx + r * math.cos(a)!r},{cy + 0.8 * r * math.sin(a)!r}")
print("6.5,-6")' > "$WORK/collapse.csv"
$G render --data "$WORK/collapse.csv" -k 3 --means "-4,-2;3,2;3,-2" --reg-covar 0 --out none \
    --frames-dir "$WORK/collapse" --quiet 2>/dev/null || true
cp "$(ls "$WORK/collapse"/*.png | sort | tail -n 1)" assets/gallery/collapse.png
# k-means beside EM (iteration 3's assignment and E-step), and nine starts side by side.
$G render --data assets/data/faithful.csv -k 2 --init bunched --compare kmeans --steps em --out none \
    --frames-dir "$WORK/compare" --quiet
cp "$WORK/compare/frame_0005.png" assets/gallery/compare-kmeans.png
$G render --data assets/data/four-blobs.csv -k 4 --init random-from-data --starts 9 --tol 1e-6 --out none \
    --frames-dir "$WORK/starts" --quiet
cp "$(ls "$WORK/starts"/*.png | sort | tail -n 1)" assets/gallery/starts.png
ls -la assets/demo.gif assets/frames assets/gallery

# Model selection: BIC against K for four blobs, scikit-learn's four covariance types (all
# fourteen of mclust's would crowd the chart with lines that lie on top of each other).
$G generate --means "0,0;8,0;0,8;8,8" --count 100 --seed 1 --out "$WORK/blobs4.csv"
$G select --data "$WORK/blobs4.csv" --k 1...8 --covariance-type sklearn --chart assets/select-bic.png >/dev/null

# Spark MLlib's EM of 300,000 points from Spark's own random start (seed 1), recorded by
# scripts/spark-history.py in local mode (about 3 minutes; the committed history is used when
# pyspark is not installed), drawn over a sample of 20,000 points: iteration 10.
$G generate --means "0,0;6,0;3,5" --count 100000 --std 1.0 --out "$WORK/blobs.csv"
if python3 -c "import pyspark" 2>/dev/null; then
    python3 scripts/spark-history.py "$WORK/blobs.csv" 3 assets/data/spark-blobs-history.json --seed 1 \
        --max-iter 100 --rule mean --tol 1e-4 --master "local[2]" --quiet
fi
$G render --history-in assets/data/spark-blobs-history.json --data "$WORK/blobs.csv" --sample 20000 --bounds auto \
    --out none --frames-dir "$WORK/spark" --quiet
cp "$WORK/spark/frame_0010.png" assets/gallery/spark-sample.png

# The choice of K as a picture: every K's fitted model on Old Faithful beside BIC against K.
$G select --data assets/data/faithful.csv --k 1...9 --covariance-type all --gallery assets/select-gallery.png >/dev/null
