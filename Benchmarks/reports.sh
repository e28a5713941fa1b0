#!/usr/bin/env bash
# Report generation timings, release build: the full report set of the sample prefecture (target < 5 s) and one
# zone report (target < 0.5 s), each the median of RUNS runs (default 5). With BIG_DB set to a database made by
# metrics_load.sh (10M enforcement rows), the full set on it too (target < 30 s).
# Usage: Benchmarks/reports.sh            (from the repository root)
#        BIG_DB=/tmp/bench.sqlite RUNS=3 Benchmarks/reports.sh
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
swift build -c release --product bikepdca >/dev/null
bin=$(swift build -c release --show-bin-path)/bikepdca
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/sample.sqlite
export BIKEPDCA_DB=$db
"$bin" init >/dev/null
"$bin" import stations SampleData/stations.csv >/dev/null
"$bin" import zones SampleData/zones.csv >/dev/null
"$bin" import activities SampleData/activities/*.csv >/dev/null
"$bin" import enforcement SampleData/enforcement/*.csv >/dev/null
"$bin" import accidents SampleData/accidents/*.csv >/dev/null
"$bin" import plans SampleData/plans/*.csv >/dev/null

# median SECONDS... : the middle value (lower middle for an even count).
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# time_runs LABEL ARGS... : runs `bikepdca ARGS` $runs times into a fresh folder, prints every time and the median.
time_runs() {
    local label=$1; shift
    local times=()
    for _ in $(seq "$runs"); do
        rm -rf "$work/out"
        local start end
        start=$(date +%s.%N)
        "$bin" "$@" --out "$work/out" --generated-at "2026-04-15 09:00" >/dev/null
        end=$(date +%s.%N)
        times+=("$(echo "$end - $start" | bc)")
    done
    local files
    files=$(find "$work/out" -type f | wc -l)
    printf '%-44s median %6.3f s  (runs: %s; %s files)\n' "$label" "$(median "${times[@]}")" "${times[*]}" "$files"
}

echo "bikepdca report, release build, $runs runs each"
time_runs "report all --period FY2025 (sample)" report all --period FY2025
time_runs "report zone 58101-R01 --period FY2025" report zone 58101-R01 --period FY2025
time_runs "report prefecture --period FY2025" report prefecture --period FY2025
if [[ -n "${BIG_DB:-}" ]]; then
    export BIKEPDCA_DB=$BIG_DB
    time_runs "report all --period FY2025 (BIG_DB)" report all --period FY2025
    time_runs "report zone 58101-R01 (BIG_DB)" report zone 58101-R01 --period FY2025
fi
