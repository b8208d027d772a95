#!/usr/bin/env bash
# Issue #8 speed benchmarks, side by side with the PyTorch and scikit-learn peers, alternating:
# each round runs Moho's cases A and B, then the peers' (each in a fresh process, each after its
# own warm-up), so that load from other jobs hits both alike; medians over rounds, ratios to PyTorch.
# Then the Beam DirectRunner and embedded-Flink scoring (records in batches, and one record per
# element), SGEMM rates and stock DL4J once.
#
# Usage (from the repository root): bench/run-speed.sh [ROUNDS] [OUT.jsonl]
#   PEERS=../shared/bench/peers  the peer scripts (peerdata.py, bench_ae_torch.py, ...)
#   DATA=/tmp/moho-bench-data    where the peers' arrays are exported as raw float32 (~225 MB)
#   OPENBLAS_CORETYPE            see below; set it to "" to keep OpenBLAS's own choice
# Needs: apt-get install -y python3-torch python3-sklearn python3-numpy; /usr/bin/python3.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-5}
OUT=${2:-bench/target/speed-$(date -u +%Y%m%dT%H%M%S).jsonl}
PEERS=${PEERS:-../shared/bench/peers}
DATA=${DATA:-/tmp/moho-bench-data}
PY=/usr/bin/python3
# One BLAS thread per worker: on 2 vCPUs two threads inside one product are slower than one.
export OMP_NUM_THREADS=1
# OpenBLAS 0.3.19, the one ND4J bundles, does not know Intel Sapphire Rapids and later and falls
# back to its generic "Prescott" (SSE3) kernels there: 4-5x slower SGEMM (BENCHMARKS.md, "Speed").
# On an Intel CPU with AVX-512, ask for its Skylake-X kernels unless the caller chose otherwise.
if [ -z "${OPENBLAS_CORETYPE+x}" ] && grep -q GenuineIntel /proc/cpuinfo && grep -qw avx512f /proc/cpuinfo; then
  export OPENBLAS_CORETYPE=SkylakeX
fi

./mvnw -B -o -q -pl bench -am package -DskipTests
[ -f "$DATA/score_200000x256.f32" ] || $PY bench/export_peerdata.py "$PEERS" "$DATA"
CP="$(cat bench/target/bench.classpath):bench/target/classes"
moho() { nice -n 5 java ${JAVA_OPTS:-} -cp "$CP" org.moho.bench.SpeedBench "$DATA" "$@" 2>/dev/null | grep '^{' | tee -a "$OUT"; }
# the runner cases with the collector the moho launcher picks (./moho: -XX:+UseParallelGC)
runner() { JAVA_OPTS=-XX:+UseParallelGC moho "$@"; }
load() { echo "{\"case\": \"load\", \"peer\": \"uptime\", \"round\": \"$1\", \"loadavg\": \"$(cut -d' ' -f1-3 /proc/loadavg)\"}" | tee -a "$OUT"; }

mkdir -p "$(dirname "$OUT")"
echo "{\"case\": \"env\", \"peer\": \"machine\", \"cpu\": \"$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)\", \"cores\": $(grep -c ^processor /proc/cpuinfo), \"openblas_coretype\": \"${OPENBLAS_CORETYPE:-auto}\", \"omp_num_threads\": 1}" | tee -a "$OUT"
moho sgemm
for r in $(seq 1 "$ROUNDS"); do
  load "$r"
  moho train 1
  nice -n 5 $PY bench/peers_timed.py "$PEERS" --runs 1 --peers torch | tee -a "$OUT"
  moho score 1
  nice -n 5 $PY bench/peers_timed.py "$PEERS" --runs 1 --peers sklearn | tee -a "$OUT"
  moho workers 1
done
load end
if [ -z "${SKIP_RUNNERS:-}" ]; then  # SKIP_RUNNERS=1: only the alternated rounds and SGEMM
  moho workers 2                 # the raw loop again, next to the runners
  # the same reads and per-batch stage code as the batched pipelines, in two plain threads, in
  # alternation with them: a pipeline's ratio to this loop is what the runner adds. "fused" is the
  # reader and the scoring stage as one step, as `moho run` compiles a chain of per-record stages
  for r in 1 2; do runner raw-read-and-score 3; runner beam-direct-fused 3; runner beam-direct-batched 3; done
  runner beam-direct 1
  runner beam-flink-batched 1
  moho dl4j
  # one FeatureVector per element on Flink (Java serialization between operators): ~30x slower
  # than the raw loop, several minutes for the 1,000,000 records; only when asked for
  if [ -n "${FLINK_RECORDS:-}" ]; then runner beam-flink 1; runner beam-flink-reuse 1; fi
fi
moho sgemm
$PY bench/summarise_speed.py "$OUT"
