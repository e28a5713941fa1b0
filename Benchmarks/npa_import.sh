#!/usr/bin/env bash
# Benchmark: import a national year of NPA 本票 (≈300,000 rows, CP932, built from the real Fukui rows with
# shifted keys) with the real national 補充票 2019 (88,961 rows), into a fresh database, RUNS times; prints
# each time and the median. Target: under 10 s.
#
#   Benchmarks/npa_import.sh [RUNS]      (default 5)
#
# Environment: BIKEPDCA (a built binary; default: builds `swift build -c release --product bikepdca`),
# SHARED (default ../shared beside the repository), ROWS (default 300000),
# NPA_IMPORT (the subcommand words before the files; default "import npa-accidents").
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
SHARED=${SHARED:-../shared}
ROWS=${ROWS:-300000}
NPA_IMPORT=${NPA_IMPORT:-import npa-accidents}
if [[ -z "${BIKEPDCA:-}" ]]; then
    swift build -c release --product bikepdca >&2
    BIKEPDCA=$(swift build -c release --show-bin-path)/bikepdca
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 Benchmarks/npa_make_national_honhyo.py "$SHARED/realdata/npa" "$WORK/honhyo_2019.csv" "$ROWS"
ls -l "$WORK/honhyo_2019.csv" >&2
times=()
for run in $(seq 1 "$RUNS"); do
    rm -f "$WORK/bench.sqlite"*
    "$BIKEPDCA" init --db "$WORK/bench.sqlite" >/dev/null
    start=$(date +%s.%N)
    # shellcheck disable=SC2086
    "$BIKEPDCA" $NPA_IMPORT --db "$WORK/bench.sqlite" "$WORK/honhyo_2019.csv" \
        --hojuhyo "$SHARED/realdata/npa/hojuhyo/hojuhyo_2019.csv" >"$WORK/out.txt"
    end=$(date +%s.%N)
    elapsed=$(echo "$end - $start" | bc)
    times+=("$elapsed")
    echo "run $run: ${elapsed} s" >&2
done
cat "$WORK/out.txt"
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')
echo "npa_import: $ROWS rows, median of $RUNS runs: $median s (target < 10 s)"
