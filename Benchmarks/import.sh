#!/usr/bin/env bash
# Import benchmark: `bikepdca import enforcement` (validated, typed, indexed, transactional) against
# `sqlite3 .import` of the same CSV into an untyped table, in the same run. Prints the median of RUNS runs of
# each, the peak memory (maximum resident set) and the ratio.
#
#   Benchmarks/import.sh [ROWS] [RUNS]       (defaults: 1000000 rows, 5 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
runs="${2:-5}"
work="${BENCH_DIR:-bench-out}"
mkdir -p "$work"
scripts/install-deps.sh
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (apt-get install time)" >&2; exit 1; }
swift build -c release --product bikepdca >&2
bin="$(swift build -c release --show-bin-path)/bikepdca"

csv="$work/enforcement_${rows}.csv"
[ -f "$csv" ] || "$bin" sample --benchmark-rows "$rows" --benchmark-file "$csv" >&2
base="$work/base.sqlite"
rm -f "$base" "$base"-wal "$base"-shm
"$bin" import --db "$base" stations SampleData/stations.csv >/dev/null
"$bin" import --db "$base" zones SampleData/zones.geojson >/dev/null
sqlite3 "$base" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ours_t=(); ours_m=(); base_t=(); base_m=()
for run in $(seq "$runs"); do
    db="$work/run.sqlite"; rm -f "$db" "$db"-wal "$db"-shm; cp "$base" "$db"
    /usr/bin/time -o "$work/time" -f "%e %M" "$bin" import --db "$db" --no-assign enforcement "$csv" >/dev/null 2>"$work/err"
    out=$(tail -1 "$work/time"); ours_t+=("${out% *}"); ours_m+=("${out#* }")
    raw="$work/raw.sqlite"; rm -f "$raw"
    /usr/bin/time -o "$work/time" -f "%e %M" sqlite3 "$raw" ".import --csv $csv t" >/dev/null
    out=$(tail -1 "$work/time"); base_t+=("${out% *}"); base_m+=("${out#* }")
    echo "run $run: bikepdca ${ours_t[-1]} s ${ours_m[-1]} KiB   sqlite3 .import ${base_t[-1]} s ${base_m[-1]} KiB" >&2
done
ot=$(printf '%s\n' "${ours_t[@]}" | median); bt=$(printf '%s\n' "${base_t[@]}" | median)
om=$(printf '%s\n' "${ours_m[@]}" | median); bm=$(printf '%s\n' "${base_m[@]}" | median)
size=$(stat -L -c %s "$csv")
echo "rows: $rows   file: $((size / 1048576)) MiB   runs: $runs (medians)"
echo "bikepdca import:  ${ot} s   peak ${om} KiB"
echo "sqlite3 .import:  ${bt} s   peak ${bm} KiB"
awk -v o="$ot" -v b="$bt" 'BEGIN { printf "ratio (bikepdca / sqlite3): %.2f   rows/s: %.0f\n", o / b, '"$rows"' / o }'
