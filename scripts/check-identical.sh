#!/usr/bin/env bash
# Checks that this tree's gmmviz writes the same bytes as a base revision's:
#
#   scripts/check-identical.sh [BASE_REV]        (default 478bb72)
#
# Builds both in release mode (the flags of scripts/build-release.sh: -target-cpu from
# scripts/target-cpu.sh unless TARGET_CPU is set), runs the same commands with each binary in
# directories of the same name, and compares every output with cmp. Prints one line per output,
# `same` or `DIFFERENT`, then a summary; exits 1 when any output differs or a command fails,
# 2 when a build fails.
#
# The working tree is built as it is, uncommitted changes included, in .build-identity-current.
# The base is checked out into a detached git worktree under .build-identity/ and built in
# .build-identity-base-<commit>; that build is kept, so later runs against the same base only
# rebuild the current tree. The outputs are removed when all are the same, and kept (the path is
# printed) when something differs. Each binary runs with --threads 2.
#
# Covered: the demo GIF and PNG frames with its history JSON, the same with --steps em and with
# --tween 3, SVG and PDF frame files, the pairs, 1-D and PCA views of iris, the PDF deck, the
# HTML player, `fit --json` (with --history) and `select --json` (with a BIC chart), on the
# demo and on the committed CSV files.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BASE_REV=${1:-478bb72}
SWIFT=${SWIFT:-swift}
TARGET_CPU=${TARGET_CPU-$("$ROOT/scripts/target-cpu.sh")}

BASE=$(git -C "$ROOT" rev-parse --verify --quiet "$BASE_REV^{commit}") ||
    { echo "check-identical: $BASE_REV is not a commit of this repository" >&2; exit 2; }
SHORT=${BASE:0:12}
BASE_SRC="$ROOT/.build-identity/base-$SHORT"
BASE_SCRATCH="$ROOT/.build-identity-base-$SHORT"
CURRENT_SCRATCH="$ROOT/.build-identity-current"

# build PACKAGE_DIR SCRATCH LOG: the release gmmviz, as scripts/build-release.sh builds it.
build() {
    "$SWIFT" build -c release --product gmmviz --package-path "$1" --scratch-path "$2" \
        ${TARGET_CPU:+-Xswiftc -target-cpu -Xswiftc "$TARGET_CPU"} >"$3" 2>&1 ||
        { tail -n 30 "$3" >&2; echo "check-identical: the build of $1 failed (log: $3)" >&2; exit 2; }
}

# The base's source: a detached worktree at BASE, made again if it is missing or elsewhere.
if [ "$(git -C "$BASE_SRC" rev-parse HEAD 2>/dev/null || true)" != "$BASE" ] ||
   [ -n "$(git -C "$BASE_SRC" status --porcelain --untracked-files=no 2>/dev/null || echo changed)" ]; then
    git -C "$ROOT" worktree remove --force "$BASE_SRC" 2>/dev/null || rm -rf "$BASE_SRC"
    git -C "$ROOT" worktree prune
    mkdir -p "$ROOT/.build-identity"
    git -C "$ROOT" worktree add --quiet --detach "$BASE_SRC" "$BASE"
    rm -f "$BASE_SCRATCH/identity-stamp"
fi
# The same dependency versions as this tree, without asking the network.
[ -f "$ROOT/Package.resolved" ] && [ ! -f "$BASE_SRC/Package.resolved" ] && cp "$ROOT/Package.resolved" "$BASE_SRC/"

# A base commit never changes, so its binary is rebuilt only when the CPU target does.
STAMP="base $BASE target-cpu '${TARGET_CPU}'"
if [ ! -x "$BASE_SCRATCH/release/gmmviz" ] || [ "$(cat "$BASE_SCRATCH/identity-stamp" 2>/dev/null)" != "$STAMP" ]; then
    echo "check-identical: building $SHORT in release mode (kept for later runs)" >&2
    mkdir -p "$BASE_SCRATCH"
    build "$BASE_SRC" "$BASE_SCRATCH" "$BASE_SCRATCH/identity-build.log"
    echo "$STAMP" >"$BASE_SCRATCH/identity-stamp"
fi
echo "check-identical: building the working tree in release mode" >&2
mkdir -p "$CURRENT_SCRATCH"
build "$ROOT" "$CURRENT_SCRATCH" "$CURRENT_SCRATCH/identity-build.log"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/check-identical.XXXXXX")
for side in base current; do
    mkdir -p "$WORK/$side"
    cp "$ROOT/assets/data/iris.csv" "$ROOT/assets/data/four-blobs.csv" "$WORK/$side/"
done
ln -s "$BASE_SCRATCH/release/gmmviz" "$WORK/base/gmmviz"
ln -s "$CURRENT_SCRATCH/release/gmmviz" "$WORK/current/gmmviz"

FAILED=0
# run NAME ARGS...: runs `gmmviz ARGS --threads 2` on both sides in NAME/ (paths relative to it,
# the data files one level up), standard output into NAME/stdout. A command that fails on either
# side is reported with its standard error and counted: the check then proves nothing for it.
run() {
    local name=$1 side status statuses=""
    shift
    for side in base current; do
        mkdir -p "$WORK/$side/$name"
        status=0
        (cd "$WORK/$side/$name" && ../gmmviz "$@" --threads 2 >stdout 2>stderr) || status=$?
        statuses="$statuses $status"
    done
    if [ "$statuses" != " 0 0" ]; then
        echo "FAILED    $name: exit statuses (base, current):$statuses for gmmviz $*"
        for side in base current; do sed "s/^/  $side: /" "$WORK/$side/$name/stderr" | head -n 5; done
        FAILED=$((FAILED + 1))
    fi
}

# compare NAME/PATH: one line for a file, or for a directory of frames (every file compared).
SAME=0 DIFFERENT=0
compare() {
    local path=$1 b="$WORK/base/$1" c="$WORK/current/$1"
    if [ -d "$b" ] || [ -d "$c" ]; then
        local files differing="" n=0 bad=0 f
        files=$( { ls -A "$b" 2>/dev/null || true; ls -A "$c" 2>/dev/null || true; } | sort -u)
        for f in $files; do
            n=$((n + 1))
            if ! cmp -s "$b/$f" "$c/$f" 2>/dev/null; then
                bad=$((bad + 1))
                [ "$bad" -le 3 ] && differing="$differing $f"
            fi
        done
        if [ "$n" -gt 0 ] && [ "$bad" -eq 0 ]; then
            printf 'same      %s/ (%d files)\n' "$path" "$n"
            SAME=$((SAME + 1))
        else
            printf 'DIFFERENT %s/ (%d of %d files:%s%s)\n' "$path" "$bad" "$n" "$differing" "$([ "$bad" -gt 3 ] && echo " …")"
            DIFFERENT=$((DIFFERENT + 1))
        fi
    elif [ -f "$b" ] && [ -f "$c" ] && cmp -s "$b" "$c"; then
        printf 'same      %s (%d bytes)\n' "$path" "$(wc -c <"$c")"
        SAME=$((SAME + 1))
    else
        local detail
        if [ -f "$b" ] && [ -f "$c" ]; then
            detail="$(wc -c <"$b") vs $(wc -c <"$c") bytes, $( (cmp "$b" "$c" 2>&1 || true) | sed 's/.*: //' | head -n 1)"
        else
            detail="missing $([ -f "$b" ] && echo "on the current side" || { [ -f "$c" ] && echo "on the base side" || echo "on both sides"; })"
        fi
        printf 'DIFFERENT %s (%s)\n' "$path" "$detail"
        DIFFERENT=$((DIFFERENT + 1))
    fi
}

echo "check-identical: base $SHORT against the working tree ($(git -C "$ROOT" rev-parse --short HEAD)$(
    [ -n "$(git -C "$ROOT" status --porcelain --untracked-files=no)" ] && echo ' with changes'))"

run demo render --frames-dir frames --out demo.gif --history history.json -q
compare demo/demo.gif; compare demo/frames; compare demo/history.json
run em render --steps em --frames-dir frames --out em.gif --history history.json -q
compare em/em.gif; compare em/frames; compare em/history.json
run tween render --tween 3 --frames-dir frames --out tween.gif -q
compare tween/tween.gif; compare tween/frames
run svg render --frame-format svg --frames-dir frames --out none -q
compare svg/frames
run pdf render --steps em --frame-format pdf --frames-dir frames --out none -q
compare pdf/frames
run pairs render --data ../iris.csv -k 3 --view pairs --frames-dir frames --out pairs.gif -q
compare pairs/pairs.gif; compare pairs/frames
run line render --data ../iris.csv -k 3 --view 1d:3 --frames-dir frames --out line.gif -q
compare line/line.gif; compare line/frames
run pca render --data ../iris.csv -k 3 --view pca --frames-dir frames --out pca.gif -q
compare pca/pca.gif; compare pca/frames
run blobs render --data ../four-blobs.csv -k 4 --bounds auto --regions --density contours --frames-dir frames --out blobs.gif -q
compare blobs/blobs.gif; compare blobs/frames
run deck render --out deck.pdf -q
compare deck/deck.pdf
run deck-em render --steps em --preset slides --out deck.pdf -q
compare deck-em/deck.pdf
run player render --out player.html -q
compare player/player.html
run player-em render --steps em --tween 2 --data ../four-blobs.csv -k 4 --bounds auto --out player.html -q
compare player-em/player.html
run fit-demo fit --json --history history.json
compare fit-demo/stdout; compare fit-demo/history.json
run fit-iris fit --data ../iris.csv -k 3 --covariance-type diag --init kmeans --n-init 3 --json
compare fit-iris/stdout
run fit-blobs fit --data ../four-blobs.csv -k 4 --json --history history.json
compare fit-blobs/stdout; compare fit-blobs/history.json
run select-demo select --k 1...5 --json
compare select-demo/stdout
run select-blobs select --data ../four-blobs.csv --k 1...6 --covariance-type all --json --chart bic.png --history best.json
compare select-blobs/stdout; compare select-blobs/bic.png; compare select-blobs/best.json

echo "check-identical: $SAME same, $DIFFERENT different$([ "$FAILED" -gt 0 ] && echo ", $FAILED commands failed")"
if [ "$DIFFERENT" -gt 0 ] || [ "$FAILED" -gt 0 ]; then
    echo "check-identical: outputs kept in $WORK (base/ and current/)"
    exit 1
fi
rm -rf "$WORK"
