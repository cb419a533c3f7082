#!/bin/sh
# Prints the -target-cpu that the release build uses on this machine, or nothing.
#
# A Swift release build targets baseline x86-64 (SSE2) unless told otherwise, so the EM
# kernel's SIMD8<Double> vectors are split into four 128-bit halves. Built for the host's
# vector width they run as one or two instructions: one EM iteration at N = 10⁶, K = 8 takes
# about half the time (scripts/bench-em.py). The results are bit-identical either way: Swift
# never fuses a multiply and an add unless the code asks for it, so wider vectors change only
# how many lanes one instruction handles, not the rounding.
#
# The names are LLVM CPUs that stand for an instruction-set level (x86-64-v4 and v3), chosen
# from the features /proc/cpuinfo lists. A binary built this way needs a CPU with those
# features: build with `make TARGET_CPU=` (empty) for one that runs on any x86-64.
set -eu
[ "$(uname -m)" = x86_64 ] && [ -r /proc/cpuinfo ] || exit 0
flags=" $(grep -m1 '^flags' /proc/cpuinfo | cut -d: -f2) "
has() { for f in "$@"; do case "$flags" in *" $f "*) ;; *) return 1 ;; esac; done; }
if has avx512f avx512bw avx512cd avx512dq avx512vl avx2 fma bmi2 movbe; then
  echo skylake-avx512
elif has avx2 fma bmi1 bmi2 movbe f16c; then
  echo haswell
fi
