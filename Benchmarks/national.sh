#!/usr/bin/env bash
# National scale: the whole pipeline on the generated national data set (47 prefectures, 1,151 stations,
# 1,900 zones, about 1.5M enforcement records and 300k accidents a fiscal year), on one machine.
#
#   Benchmarks/national.sh [YEARS]        (default 10: fiscal 2016–2025)
#
# Imports every file into a fresh database (one run each: the year-by-year times show whether an import slows
# down as the database grows), assigns zones by geometry, then times `metrics` for the last fiscal year (median of
# RUNS, default 3) against DuckDB running the same aggregations over the same CSV rows in memory, one zone report
# and the full report set. Prints peak memory (maximum resident set) and the database size per million records.
# The analyses run twice: for one prefecture (--prefecture, default 30 = 東京, the largest: 102 stations), as a
# prefecture's traffic section runs them, and for the whole country (every station), as the NPA would.
# Environment: WORK (default bench-out), RUNS (default 3), PREFECTURE (default 30), REUSE_DB=1 keeps an existing
# database (skips the import and the assignment), REPORT_ALL=0 skips the full report sets.
set -euo pipefail
cd "$(dirname "$0")/.."
years="${1:-10}"
work="${WORK:-bench-out}"
runs="${RUNS:-3}"
last=$((2016 + years - 1))
data="$work/national"
db="$work/national.sqlite"
OUT="$data" Benchmarks/national_data.sh "$years" >&2
python3 -c 'import duckdb' 2>/dev/null || { echo "needs the duckdb Python package (pip install duckdb)" >&2; exit 1; }
swift build -c release --product bikepdca >&2
bin="$(swift build -c release --show-bin-path)/bikepdca"
export BIKEPDCA_DB="$db"
prefecture="${PREFECTURE:-30}"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# timed LABEL COMMAND…: runs once, prints "LABEL  seconds  peak MiB", appends seconds to $work/.last
timed() {
    local label=$1; shift
    /usr/bin/time -o "$work/.time" -f "%e %M" "$@" >/dev/null 2>"$work/.err" || { cat "$work/.err" >&2; exit 1; }
    read -r seconds peak <"$work/.time"
    printf '%-52s %8.2f s   peak %4d MiB\n' "$label" "$seconds" "$((peak / 1024))"
    echo "$seconds $peak" >"$work/.last"
}

if [[ "${REUSE_DB:-0}" != 1 || ! -f "$db" ]]; then
rm -f "$db" "$db"-wal "$db"-shm
echo "== national import, fiscal 2016–$last (one run per file) =="
timed "stations ($(($(wc -l <"$data/stations.csv") - 1)))" "$bin" import stations "$data/stations.csv"
timed "zones (GeoJSON)" "$bin" import zones "$data/zones.geojson"
total=0; records=0; peak_max=0
for year in $(seq 2016 "$last"); do
    for dataset in enforcement accidents; do
        file="$data/$dataset/${dataset}_FY$year.csv"
        rows=$(($(wc -l <"$file") - 1))
        timed "$dataset FY$year ($rows rows)" "$bin" import --no-assign "$dataset" "$file"
        read -r seconds peak <"$work/.last"
        total=$(echo "$total + $seconds" | bc -l); records=$((records + rows))
        [ "$peak" -gt "$peak_max" ] && peak_max=$peak
    done
done
timed "activities (all years)" "$bin" import --no-assign activities "$data"/activities/*.csv
timed "plans (all years)" "$bin" import plans "$data"/plans/*.csv
size=$(stat -c %s "$db")
printf 'enforcement + accidents: %d records in %.1f s (%.0f records/s), peak %d MiB\n' \
    "$records" "$total" "$(echo "$records / $total" | bc -l)" "$((peak_max / 1024))"
printf 'database: %d MiB, %.1f MiB per million enforcement + accident records\n' \
    "$((size / 1048576))" "$(echo "$size / 1048576 / ($records / 1000000)" | bc -l)"

echo "== zone assignment by geometry, every located record =="
timed "assign" "$bin" assign

fi

# metrics_vs_duckdb LABEL PREFIX [--prefecture CODE]: our metrics (median of RUNS) and DuckDB's same aggregations
# over the same rows (the stations whose ids start with PREFIX; empty for all), loaded in memory beforehand.
metrics_vs_duckdb() {
    local label=$1 prefix=$2; shift 2
    echo "== metrics FY$last, $label: every station, department and zone ($runs runs) =="
    "$bin" metrics --period "FY$last" --format csv "$@" >/dev/null  # warm the page cache
    local times=() peaks=() seconds peak
    for _ in $(seq "$runs"); do
        timed "metrics --period FY$last $*" "$bin" metrics --period "FY$last" --by station,department,zone \
            --format csv "$@"
        read -r seconds peak <"$work/.last"; times+=("$seconds"); peaks+=("$peak")
    done
    local ours duck
    ours=$(printf '%s\n' "${times[@]}" | median)
    duck=$(python3 - "$data" "$last" "$runs" "$prefix" <<'PY'
import os, statistics, sys, time
import duckdb
data, year, runs, prefix = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
con = duckdb.connect()
con.execute(f"""CREATE TABLE enforcement AS SELECT * FROM read_csv('{data}/enforcement/enforcement_FY{year}.csv',
    all_varchar=true) WHERE starts_with(station, '{prefix}')""")
# This year's accidents and the three years before it, as far as the set goes back.
files = [f"{data}/accidents/accidents_FY{y}.csv" for y in range(year, year - 4, -1)]
files = [f for f in files if os.path.exists(f)]
con.execute(f"""CREATE TABLE accidents AS SELECT * FROM read_csv({files}, all_varchar=true)
    WHERE starts_with(station, '{prefix}')""")
spans = [(f"{y}-04-01", f"{y + 1}-03-31") for y in (year, year - 1, year - 2, year - 3)]
start, end = spans[0]
queries = [
    ("""SELECT station, department, zone_id, violation, outcome, substr(date, 1, 7), COUNT(*) FROM enforcement
        WHERE date >= ? AND date <= ? GROUP BY ALL""", [start, end]),
    *[("""SELECT station, zone_id, severity, substr(date, 1, 7), COUNT(*) FROM accidents
        WHERE date >= ? AND date <= ? GROUP BY ALL""", list(span)) for span in spans],
    ("""SELECT station, zone_id, CAST(substr(time, 1, 2) AS INTEGER), isodow(CAST(date AS DATE)), COUNT(*)
        FROM enforcement WHERE zone_id IS NOT NULL AND date >= ? AND date <= ? GROUP BY ALL""", [start, end]),
    ("""SELECT station, zone_id, CAST(substr(time, 1, 2) AS INTEGER), isodow(CAST(date AS DATE)), COUNT(*)
        FROM accidents WHERE zone_id IS NOT NULL AND date >= ? AND date <= ? GROUP BY ALL""", [spans[1][0], end]),
]
times = []
for _ in range(runs):
    t = time.perf_counter()
    for sql, args in queries:
        con.execute(sql, args).fetchall()
    times.append(time.perf_counter() - t)
print(statistics.median(times))
PY
)
    printf 'metrics (%s) median %.2f s (peak %d MiB); DuckDB, same aggregations in memory: %.2f s; ratio %.2f\n' \
        "$label" "$ours" "$(($(printf '%s\n' "${peaks[@]}" | median | cut -d. -f1) / 1024))" "$duck" \
        "$(echo "$ours / $duck" | bc -l)"
}
metrics_vs_duckdb "prefecture $prefecture" "$prefecture" --prefecture "$prefecture"
metrics_vs_duckdb "all 47 prefectures" ""

echo "== reports FY$last, prefecture $prefecture =="
zone=$(sqlite3 "$db" "SELECT id FROM zones WHERE station_id >= '${prefecture}000' ORDER BY id LIMIT 1")
rm -rf "$work/national-reports"
timed "report zone $zone --prefecture $prefecture" "$bin" report zone "$zone" --period "FY$last" \
    --prefecture "$prefecture" --out "$work/national-reports"
timed "report zone $zone (every station as context)" "$bin" report zone "$zone" --period "FY$last" \
    --out "$work/national-reports"
if [[ "${REPORT_ALL:-1}" != 0 ]]; then
    rm -rf "$work/national-reports"
    timed "report all --prefecture $prefecture" "$bin" report all --period "FY$last" --prefecture "$prefecture" \
        --out "$work/national-reports"
    echo "files: $(find "$work/national-reports" -type f | wc -l), $(du -sh "$work/national-reports" | cut -f1)"
fi
