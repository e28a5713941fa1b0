#!/usr/bin/env bash
# Generates the national data set (47 prefectures, 1,151 stations, 1,900 zones; about 1.5M enforcement records
# and 300k accidents a fiscal year from fiscal 2016) into bench-out/national/, with a release build, and prints
# the time and peak memory it took. Skips the work when the set of that many years is already there.
#
#   Benchmarks/national_data.sh [YEARS]      (default 10: fiscal 2016–2025, about 1.9 GB of CSV)
#
# Environment: BIKEPDCA (a built binary; default: builds `swift build -c release --product bikepdca`),
# OUT (default bench-out/national), ROW_SCALE (default 1: the share of the national record volumes).
set -euo pipefail
cd "$(dirname "$0")/.."
years="${1:-10}"
out="${OUT:-bench-out/national}"
row_scale="${ROW_SCALE:-1}"
last=$((2016 + years - 1))
span="fiscal 2016"
[[ "$years" -gt 1 ]] && span="fiscal 2016–$last"
marker="$out/enforcement/enforcement_FY$last.csv"
if [[ -f "$marker" && -f "$out/zones.geojson" && ! -f "$out/.incomplete" ]]; then
    echo "$out already holds $span (remove it to generate again)" >&2
    exit 0
fi
scripts/install-deps.sh
if [[ -z "${BIKEPDCA:-}" ]]; then
    swift build -c release --product bikepdca >&2
    BIKEPDCA=$(swift build -c release --show-bin-path)/bikepdca
fi
mkdir -p "$out"
touch "$out/.incomplete"
timing=$(mktemp)
trap 'rm -f "$timing"' EXIT
/usr/bin/time -o "$timing" -f "%e %M" "$BIKEPDCA" sample --national --out "$out" --years "$years" \
    --first-fiscal-year 2016 --row-scale "$row_scale"
rm -f "$out/.incomplete"
read -r seconds peak <"$timing"
echo "national set, $span: $seconds s, peak $((peak / 1024)) MiB, $(du -sh "$out" | cut -f1) in $out"
