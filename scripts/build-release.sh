#!/bin/sh
# Builds release products the one way every script and make target builds them:
#
#   scripts/build-release.sh gmmviz [gmmviz-bench ...]
#
# for this machine's vector width (scripts/target-cpu.sh), or for the CPU named by the
# environment variable TARGET_CPU when it is set (TARGET_CPU= builds for any x86-64). All
# callers must agree, or each build would recompile the whole package with other flags; a
# build with other flags (SCRATCH=dir) keeps its own build folder.
set -eu
cd "$(dirname "$0")/.."
TARGET_CPU=${TARGET_CPU-$(scripts/target-cpu.sh)}
# The Swift standard library and Foundation are linked in statically, so a release binary runs
# on a machine with only Cairo, giflib, libdeflate and the fonts installed (make install).
for product in "$@"; do
  # One --product per call: swift build builds only the last of several.
  ${SWIFT:-swift} build -c release --static-swift-stdlib --product "$product" ${SCRATCH:+--scratch-path "$SCRATCH"} \
    ${TARGET_CPU:+-Xswiftc -target-cpu -Xswiftc "$TARGET_CPU"}
done
