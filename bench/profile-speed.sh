#!/usr/bin/env bash
# JFR profile of the fast path on cases A (train) and B (score): top frames of the Java samples
# (jdk.ExecutionSample) and of the samples in native code (jdk.NativeMethodSample: SGEMM, JNI copies).
# Usage (from the repository root, after bench/run-speed.sh has built the module and exported the data):
#   bench/profile-speed.sh [DATA_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-/tmp/moho-bench-data}
export OMP_NUM_THREADS=1
if [ -z "${OPENBLAS_CORETYPE+x}" ] && grep -q GenuineIntel /proc/cpuinfo && grep -qw avx512f /proc/cpuinfo; then
  export OPENBLAS_CORETYPE=SkylakeX
fi
CP="$(cat bench/target/bench.classpath):bench/target/classes"
for c in train score; do
  jfr=bench/target/profile-$c.jfr
  java -XX:StartFlightRecording=filename=$jfr,settings=profile -cp "$CP" org.moho.bench.SpeedBench "$DATA" $c 3 2>/dev/null | grep '^{'
  for ev in jdk.ExecutionSample jdk.NativeMethodSample; do
    echo "== $c: $ev, top frames (samples, frame)"
    jfr print --events $ev $jfr | grep -A1 'stackTrace = \[' | grep -v 'stackTrace\|^--' \
      | sed 's/line:.*//; s/^ *//' | sort | uniq -c | sort -rn | head -8
  done
done
