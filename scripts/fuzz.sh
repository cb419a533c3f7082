#!/bin/sh
# Builds and runs the libFuzzer targets of the input readers, the code that parses untrusted files.
#
#   scripts/fuzz.sh [seconds] [csv|history ...]     default: 600 s each, both targets
#
# Each target is Tests/Fuzz/<Name>Fuzzer.swift compiled together with Sources/GMM/**/*.swift as
# one module by swiftc -sanitize=fuzzer,address, outside the package graph, so `swift build` and
# `swift test` never need the fuzzer runtime. Targets run one after the other on one core.
# The committed seeds in Tests/Fuzz/corpus/<target>/ are read only; what libFuzzer adds goes to
# .build-fuzz/corpus/<target>/ (kept between runs). A crashing input is saved as
# .build-fuzz/artifacts/<target>/crash-*; add it to the seed corpus with a regression test.
# Prints one summary line per target (seconds, executions, cov, ft, crashes); exits non-zero on
# any crash.
set -eu

SECONDS_EACH=${1:-600}
[ $# -gt 0 ] && shift
TARGETS=${*:-csv history}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT="$ROOT/.build-fuzz"
SWIFTC=${SWIFTC:-swiftc}
mkdir -p "$OUT"

source_of() {
    case "$1" in
        csv) echo "$ROOT/Tests/Fuzz/CSVReaderFuzzer.swift" ;;
        history) echo "$ROOT/Tests/Fuzz/HistoryFuzzer.swift" ;;
        *) echo "fuzz.sh: unknown target '$1' (csv or history)" >&2; exit 2 ;;
    esac
}

build() {
    # The harness and the GMM sources form one module, so the harness sees internal API.
    # shellcheck disable=SC2046
    "$SWIFTC" -sanitize=fuzzer,address -parse-as-library -O -g -module-name GMM \
        $(find "$ROOT/Sources/GMM" -name '*.swift' | sort) "$(source_of "$1")" \
        -o "$OUT/$1-fuzzer"
}

status=0
for t in $TARGETS; do
    echo "fuzz.sh: building $t-fuzzer" >&2
    build "$t" >"$OUT/$t-build.log" 2>&1 || { grep -v 'Cannot export local symbol' "$OUT/$t-build.log" >&2; exit 1; }
    mkdir -p "$OUT/corpus/$t" "$OUT/artifacts/$t"
    log="$OUT/$t.log"
    echo "fuzz.sh: running $t-fuzzer for $SECONDS_EACH s (log: $log)" >&2
    set +e
    "$OUT/$t-fuzzer" "$OUT/corpus/$t" "$ROOT/Tests/Fuzz/corpus/$t" \
        -dict="$ROOT/Tests/Fuzz/$t.dict" -max_total_time="$SECONDS_EACH" -max_len=8192 -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$OUT/artifacts/$t/" >"$log" 2>&1
    rc=$?
    set -e
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    last=$(grep -E '^#[0-9]+' "$log" | tail -n 1)
    cov=$(echo "$last" | sed -n 's/.*cov: \([0-9]*\).*/\1/p')
    ft=$(echo "$last" | sed -n 's/.*ft: \([0-9]*\).*/\1/p')
    corpus=$(echo "$last" | sed -n 's/.*corp: \([0-9]*\/[0-9a-zA-Z]*\).*/\1/p')
    crashes=$(find "$OUT/artifacts/$t" -type f | wc -l)
    echo "$t: ${SECONDS_EACH} s, ${execs:-?} executions, cov ${cov:-?}, ft ${ft:-?}, corpus ${corpus:-?}, crashes $crashes (exit $rc)"
    if [ "$rc" -ne 0 ] || [ "$crashes" -ne 0 ]; then
        status=1
        grep -m 5 -E 'ERROR|Fatal error|precondition|SUMMARY' "$log" >&2 || true
    fi
done
exit $status
