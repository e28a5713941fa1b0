#!/usr/bin/env bash
# The whole benchmark suite in one command: every figure of docs/PERFORMANCE.md, each against its baseline in the
# same run, with medians and peak memory. Writes everything it prints to bench-out/suite-DATE.txt as well.
#
#   Benchmarks/suite.sh            full run (11 minutes on two cores with the national data set already
#                                  generated: 10M-row imports, ten national years imported and analysed)
#   Benchmarks/suite.sh --quick    smaller sizes (about ten minutes): imports up to 1M rows, one national year
#
# Needs: the packages of scripts/install-deps.sh, python3 with duckdb (pip install duckdb).
set -euo pipefail
cd "$(dirname "$0")/.."
quick=0
[[ "${1:-}" == "--quick" ]] && quick=1
mkdir -p bench-out
log="bench-out/suite-$(date +%Y%m%d-%H%M).txt"
exec > >(tee "$log") 2>&1
scripts/install-deps.sh >/dev/null
python3 -c 'import duckdb' || { echo "needs the duckdb Python package (pip install duckdb)"; exit 1; }
swift build -c release --product bikepdca >/dev/null
echo "BikePDCA benchmark suite, $(date '+%Y-%m-%d %H:%M'), $(nproc) cores, $(git rev-parse --short HEAD)"

echo; echo "### Import: bikepdca import enforcement against sqlite3 .import, 10k → 10M rows"
sizes=(10000 100000 1000000 10000000)
[[ $quick == 1 ]] && sizes=(10000 100000 1000000)
for rows in "${sizes[@]}"; do
    runs=3; [[ $rows -ge 10000000 ]] && runs=1
    Benchmarks/import.sh "$rows" "$runs" 2>/dev/null | sed "s/^/[$rows] /"
done

echo; echo "### Zone assignment: 1M located records, 1,000 districts + 1,000 routes"
Benchmarks/assign_bench.sh 3 2>/dev/null | tail -3

echo; echo "### NPA open data: a national year"
Benchmarks/npa_import.sh 3 2>/dev/null | tail -3

if [[ $quick == 0 ]]; then
    echo; echo "### Prefecture metrics: 10M enforcement + 500k accidents against DuckDB"
    Benchmarks/metrics_bench.sh bench-out/metrics 2>/dev/null | tail -3
    echo; echo "### Reports: sample prefecture, and FY2025 on the 10M-record database"
    BIG_DB=bench-out/metrics/bench.sqlite RUNS=3 Benchmarks/reports.sh 2>/dev/null | tail -5
else
    echo; echo "### Reports: sample prefecture"
    RUNS=3 Benchmarks/reports.sh 2>/dev/null | tail -3
fi

echo; echo "### National scale: 47 prefectures, 1,151 stations, 1,900 zones"
if [[ $quick == 1 ]]; then
    WORK=bench-out/quick RUNS=3 REPORT_ALL=0 Benchmarks/national.sh 1
else
    WORK=bench-out RUNS=3 Benchmarks/national.sh 10
fi
echo; echo "written to $log"
