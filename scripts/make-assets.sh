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
ls -la assets/demo.gif assets/frames assets/gallery

# Model selection: BIC against K for four blobs, every covariance type.
$G generate --means "0,0;8,0;0,8;8,8" --count 100 --seed 1 --out "$WORK/blobs4.csv"
$G select --data "$WORK/blobs4.csv" --k 1...8 --covariance-type all --chart assets/select-bic.png >/dev/null
