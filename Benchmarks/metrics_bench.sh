#!/usr/bin/env bash
# Metrics benchmark: prefecture PDCA metrics over 36 months of 10M enforcement rows and 500k accidents, against the
# same aggregation in DuckDB over the same rows, in the same run. Prints the medians of 5 runs and the ratio.
# Usage: Benchmarks/metrics_bench.sh [WORK_DIR]   (needs `pip install duckdb` and the sqlite3 shell)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-/tmp/bikepdca-metrics-bench}
mkdir -p "$work"
swift build -c release --product bikepdca --package-path "$here" >/dev/null
bin=$(swift build -c release --product bikepdca --package-path "$here" --show-bin-path)/bikepdca
[ -f "$work/bench_enforcement.csv" ] || python3 "$here/Benchmarks/metrics_data.py" "$work"
[ -d "$work/sample" ] || "$bin" sample --out "$work/sample" >/dev/null
[ -f "$work/bench.sqlite" ] || bash "$here/Benchmarks/metrics_load.sh" "$bin" "$work" "$work/sample" "$work/bench.sqlite"
export BIKEPDCA_DB=$work/bench.sqlite
period=2023-04..2026-03
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
time_it() { local s e; s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N); echo "$e - $s" | bc -l; }
"$bin" metrics --period $period --by station,department,zone --format csv >/dev/null  # warm the page cache
cli=$(for i in 1 2 3 4 5; do time_it "$bin" metrics --period $period --by station,department,zone --format csv; done | median)
duck=$(python3 - "$work" "$period" <<'PY'
import statistics, sys, time
import duckdb
work = sys.argv[1]
con = duckdb.connect()
con.execute(f"""CREATE TABLE enforcement AS SELECT * FROM read_csv('{work}/bench_enforcement.csv', header=false,
  columns={{'record_id':'VARCHAR','date':'VARCHAR','time':'VARCHAR','station_id':'VARCHAR','department':'VARCHAR',
  'zone_id':'VARCHAR','violation':'VARCHAR','outcome':'VARCHAR'}})""")
con.execute(f"""CREATE TABLE accidents AS SELECT * FROM read_csv('{work}/bench_accidents.csv', header=false,
  columns={{'record_id':'VARCHAR','date':'VARCHAR','time':'VARCHAR','station_id':'VARCHAR','zone_id':'VARCHAR',
  'latitude':'DOUBLE','longitude':'DOUBLE','severity':'VARCHAR'}})""")
queries = [
  """SELECT station_id, department, zone_id, violation, outcome, substr(date, 1, 7) AS month, COUNT(*)
     FROM enforcement WHERE date >= '2023-04-01' AND date <= '2026-03-31' GROUP BY ALL""",
  """SELECT station_id, zone_id, severity, substr(date, 1, 7) AS month, COUNT(*)
     FROM accidents WHERE date >= ? AND date <= ? GROUP BY ALL""",
  """SELECT station_id, zone_id, CAST(substr(time, 1, 2) AS INTEGER), isodow(CAST(date AS DATE)), COUNT(*)
     FROM enforcement WHERE zone_id IS NOT NULL AND date >= '2023-04-01' AND date <= '2026-03-31' GROUP BY ALL""",
]
spans = [("2023-04-01", "2026-03-31"), ("2022-04-01", "2025-03-31"), ("2021-04-01", "2024-03-31"), ("2020-04-01", "2023-03-31")]
times = []
for _ in range(5):
    start = time.perf_counter()
    con.execute(queries[0]).fetchall()
    for span in spans:
        con.execute(queries[1], list(span)).fetchall()
    con.execute(queries[2]).fetchall()
    times.append(time.perf_counter() - start)
print(statistics.median(times))
PY
)
echo "bikepdca metrics --period $period (10M enforcement, 500k accidents): median ${cli} s"
echo "DuckDB, same aggregations in memory:                          median ${duck} s"
echo "ratio bikepdca / DuckDB: $(echo "$cli / $duck" | bc -l | cut -c1-6)"
