#!/bin/sh
# Validates the renderer's outputs with independent decoders and checks that SVG and PDF are
# byte-identical across two separate processes (Cairo's vector surfaces embed dates and
# generated ids unless told otherwise, so reproducibility has to be checked across processes).
#
#   scripts/check-render-outputs.sh [package-dir]
#
# Renders sample frames twice with the release CLI (the demo in PNG, SVG and PDF, E- and M-step
# frames, the dark theme, and a K = 8 fit of 8 × 250 points with auto bounds), then runs pngcheck
# on every PNG, rsvg-convert on every SVG and pdftoppm on every PDF, and compares the two runs'
# SVG and PDF files with cmp. Needs pngcheck, librsvg2-bin and poppler-utils. Builds in
# .build-render so it never blocks other builds.
set -eu

PACKAGE_DIR=${1:-$(cd "$(dirname "$0")/.." && pwd)}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

for tool in pngcheck rsvg-convert pdftoppm cmp; do
    command -v "$tool" >/dev/null || { echo "check-render-outputs: $tool is missing (apt-get install pngcheck librsvg2-bin poppler-utils)" >&2; exit 2; }
done

(cd "$PACKAGE_DIR" && swift build -c release --product gmmviz --scratch-path .build-render >"$WORK/build.log" 2>&1) ||
    { cat "$WORK/build.log" >&2; echo "check-render-outputs: the build failed" >&2; exit 1; }
G="$PACKAGE_DIR/.build-render/release/gmmviz"
"$G" generate --means "0,6;4.2,4.2;6,0;4.2,-4.2;0,-6;-4.2,-4.2;-6,0;-4.2,4.2" --count 250 --std 1.2 --seed 3 \
    --out "$WORK/ring.csv" >/dev/null

# Every frame of each run lands flat in one directory, named after the run.
render() {
    mkdir -p "$1"
    for run in light:png light:svg light:pdf dark:png; do
        theme=${run%:*} format=${run#*:}
        "$G" render --theme "$theme" --frame-format "$format" --frames-dir "$WORK/tmp" --out none --quiet
        for f in "$WORK"/tmp/*; do mv "$f" "$1/demo-$theme-$(basename "$f")"; done
    done
    "$G" render --steps em --max-iter 3 --frames-dir "$WORK/tmp" --out none --quiet
    for f in "$WORK"/tmp/*; do mv "$f" "$1/em-$(basename "$f")"; done
    "$G" render --data "$WORK/ring.csv" -k 8 --bounds auto --equal-aspect --theme dark --max-iter 3 \
        --frames-dir "$WORK/tmp" --out none --quiet
    for f in "$WORK"/tmp/*; do mv "$f" "$1/ring-$(basename "$f")"; done
}

render "$WORK/a"
render "$WORK/b"

failures=0
for f in "$WORK"/a/*.png; do
    pngcheck -q "$f" >/dev/null || { echo "FAIL pngcheck: $(basename "$f")"; failures=$((failures + 1)); }
done
for f in "$WORK"/a/*.svg; do
    rsvg-convert -o "$WORK/svg.png" "$f" && pngcheck -q "$WORK/svg.png" >/dev/null ||
        { echo "FAIL rsvg-convert: $(basename "$f")"; failures=$((failures + 1)); }
done
for f in "$WORK"/a/*.pdf; do
    pdftoppm -png -r 36 "$f" "$WORK/pdf" && ls "$WORK"/pdf*.png >/dev/null 2>&1 ||
        { echo "FAIL pdftoppm: $(basename "$f")"; failures=$((failures + 1)); }
done
for f in "$WORK"/a/*.svg "$WORK"/a/*.pdf; do
    cmp -s "$f" "$WORK/b/$(basename "$f")" ||
        { echo "FAIL not reproducible across runs: $(basename "$f")"; failures=$((failures + 1)); }
done

count=$(ls "$WORK"/a | wc -l)
if [ "$failures" -eq 0 ]; then
    echo "check-render-outputs: $count files valid; SVG and PDF byte-identical across two runs"
else
    echo "check-render-outputs: $failures failure(s)" >&2
    exit 1
fi
