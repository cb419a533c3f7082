#!/bin/sh
# Runs gmmviz's demo render under valgrind's memcheck and sorts every leak it reports into
# gmmviz's own and the libraries' one-time allocations.
#
#   scripts/leak-check.sh [path/to/gmmviz]   default: builds one for any x86-64 in .build-leak/build
#
# Three runs: the demo render to a GIF with PNG frames for 3 and for 12 iterations (a leak per
# frame would make the second larger), and one with PDF frames (Cairo's vector surfaces) and
# the history file. Every "definitely" or "indirectly lost" record whose stack goes
# through fontconfig/expat or Cairo's font-face creation (cairo_select_font_face: Cairo keeps
# one toy font face per family and weight for the process's life, fontconfig its parsed
# configuration) is counted as a one-time library allocation; any other record is a project
# leak and fails the check, as does a leak that grows with the number of frames.
# Logs: .build-leak/<run>.log. Needs valgrind (apt-get install valgrind).
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT="$ROOT/.build-leak"
mkdir -p "$OUT"
command -v valgrind >/dev/null || { echo "leak-check: valgrind is missing (apt-get install valgrind)" >&2; exit 2; }
BIN=${1:-}
if [ -z "$BIN" ]; then
    # Valgrind does not decode AVX-512: build for any x86-64, in a folder of its own.
    TARGET_CPU= SCRATCH="$OUT/build" "$ROOT/scripts/build-release.sh" gmmviz >/dev/null
    BIN="$OUT/build/release/gmmviz"
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

run() {
    name=$1; shift
    valgrind --leak-check=full --show-leak-kinds=definite,indirect,possible --num-callers=40 \
        --log-file="$OUT/$name.log" "$BIN" "$@" || { echo "leak-check: gmmviz failed in run $name" >&2; exit 1; }
}

run gif-3 render --max-iter 3 --tol 0 --size 320x200 --out "$WORK/a.gif" --frames-dir "$WORK/fa" --quiet
run gif-12 render --max-iter 12 --tol 0 --size 320x200 --out "$WORK/b.gif" --frames-dir "$WORK/fb" --quiet
run pdf-3 render --max-iter 3 --tol 0 --size 320x200 --out "$WORK/c.gif" --frames-dir "$WORK/fc" --frame-format pdf \
    --history "$WORK/h.json" --quiet

status=0
for name in gif-3 gif-12 pdf-3; do
    python3 - "$OUT/$name.log" "$name" <<'PY' || status=1
import re, sys
log, name = open(sys.argv[1]).read(), sys.argv[2]
def total(kind):
    m = re.search(kind + r": ([\d,]+) bytes in ([\d,]+) blocks", log)
    return (int(m.group(1).replace(",", "")), int(m.group(2).replace(",", ""))) if m else (0, 0)
library = re.compile(r"libfontconfig|libexpat|cairo_select_font_face|cairo_toy_font_face_create|libfreetype")
records = re.split(r"==\d+== \n", log)
own, lib = [], []
for r in records:
    head = re.search(r"([\d,]+)(?: \([^)]*\))? bytes in [\d,]+ blocks are (definitely|indirectly|possibly) lost", r)
    if not head:
        continue
    kind = head.group(2)
    if kind == "possibly":
        # Possibly lost: interior pointers, e.g. the Swift runtime's metadata caches and
        # thread stacks; listed in the log, not counted as leaks (valgrind's own convention).
        continue
    (lib if library.search(r) else own).append(head.group(0))
d, i, p = total("definitely lost"), total("indirectly lost"), total("possibly lost")
print(f"{name}: definitely lost {d[0]} B in {d[1]} blocks, indirectly lost {i[0]} B in {i[1]} blocks, "
      f"possibly lost {p[0]} B in {p[1]} blocks; records: {len(lib)} fontconfig/Cairo one-time, {len(own)} gmmviz")
for o in own:
    print(f"  gmmviz leak: {o} (see {sys.argv[1]})")
open(sys.argv[1] + ".bytes", "w").write(str(d[0] + i[0]))
sys.exit(1 if own else 0)
PY
done
a=$(cat "$OUT/gif-3.log.bytes"); b=$(cat "$OUT/gif-12.log.bytes")
if [ "$a" != "$b" ]; then
    echo "leak-check: lost bytes grow with the frames ($a B for 4 frames, $b B for 13)" >&2
    status=1
else
    echo "leak-check: lost bytes do not grow with the frames ($a B for 4 frames and for 13)"
fi
[ "$status" -eq 0 ] && echo "leak-check: no leak from gmmviz's own code"
exit $status
