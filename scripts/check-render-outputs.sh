#!/bin/sh
# Validates the renderer's outputs with independent decoders and checks that SVG and PDF are
# byte-identical across two separate processes (issue 3, acceptance 2).
#
#   scripts/check-render-outputs.sh [package-dir]
#
# Renders the demo's sample frames twice (the writeSampleFrames test, with GMMVIZ_RENDER_SAMPLES
# set), then runs pngcheck on every PNG, rsvg-convert on every SVG and pdftoppm on every PDF,
# and compares the two runs' SVG and PDF files with cmp. Needs pngcheck, librsvg2-bin and
# poppler-utils. Builds in .build-render so it never blocks other builds.
set -eu

PACKAGE_DIR=${1:-$(cd "$(dirname "$0")/.." && pwd)}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

for tool in pngcheck rsvg-convert pdftoppm cmp; do
    command -v "$tool" >/dev/null || { echo "check-render-outputs: $tool is missing (apt-get install pngcheck librsvg2-bin poppler-utils)" >&2; exit 2; }
done

render() {
    (cd "$PACKAGE_DIR" && GMMVIZ_RENDER_SAMPLES="$1" swift test --scratch-path .build-render \
        --filter GMMRenderTests.writeSampleFrames >"$WORK/test.log" 2>&1) ||
        { cat "$WORK/test.log" >&2; echo "check-render-outputs: rendering failed" >&2; exit 1; }
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
