#!/usr/bin/env bash
# Benchmark: `bikepdca assign` placing 1,000,000 positioned enforcement records among 2,000 zones (1,000
# districts, 1,000 routes) spread over Honshu; RUNS runs, each on a fresh copy of the prepared database (so every
# point is unassigned and the zone index is built); prints each time and the median. Target: under 10 s.
#
#   Benchmarks/assign_bench.sh [RUNS]    (default 5)
#
# Environment: BIKEPDCA (a built binary; default: builds `swift build -c release --product bikepdca`),
# POINTS (default 1000000), ZONES (default 2000).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
POINTS=${POINTS:-1000000}
ZONES=${ZONES:-2000}
if [[ -z "${BIKEPDCA:-}" ]]; then
    swift build -c release --product bikepdca >&2
    BIKEPDCA=$(swift build -c release --show-bin-path)/bikepdca
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
"$BIKEPDCA" init --db "$WORK/prepared.sqlite" >/dev/null
python3 Benchmarks/assign_make_db.py "$WORK/prepared.sqlite" "$POINTS" "$ZONES"
times=()
for run in $(seq 1 "$RUNS"); do
    rm -f "$WORK/bench.sqlite"*
    cp "$WORK/prepared.sqlite" "$WORK/bench.sqlite"
    start=$(date +%s.%N)
    "$BIKEPDCA" assign --db "$WORK/bench.sqlite" >"$WORK/out.txt"
    end=$(date +%s.%N)
    elapsed=$(echo "$end - $start" | bc)
    times+=("$elapsed")
    echo "run $run: ${elapsed} s" >&2
done
cat "$WORK/out.txt"
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')
echo "assign: $POINTS points, $ZONES zones, median of $RUNS runs: $median s (target < 10 s)"
