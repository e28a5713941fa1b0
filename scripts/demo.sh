#!/usr/bin/env bash
# From nothing to reports on the sample prefecture: installs what is missing, builds, imports SampleData/ into
# Reports/sample.sqlite, prints what is loaded and writes the FY2025 reports to Reports/ (open Reports/index.html),
# then adds an account of the browser app and prints how to open it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product bikepdca >&2
bin="$(swift build -c release --show-bin-path)/bikepdca"
export BIKEPDCA_DB="${BIKEPDCA_DB:-Reports/sample.sqlite}"
mkdir -p "$(dirname "$BIKEPDCA_DB")"
rm -f "$BIKEPDCA_DB" "$BIKEPDCA_DB-wal" "$BIKEPDCA_DB-shm"
"$bin" init
"$bin" import stations SampleData/stations.csv
"$bin" import zones SampleData/zones.geojson
"$bin" import enforcement SampleData/enforcement/*.csv
"$bin" import enforcement --mapping SampleData/mapping/kita_station.yaml SampleData/mapping/kita_station_export.csv
"$bin" import accidents SampleData/accidents/*.csv
"$bin" import activities SampleData/activities/*.csv
"$bin" import plans SampleData/plans/*.csv
echo
echo "The file with deliberate errors is refused, nothing written (exit status 1 is expected here):"
"$bin" import enforcement SampleData/errors/enforcement_with_errors.csv || true
echo
"$bin" status
echo
"$bin" report all --period FY2025 --out Reports
echo
echo "Database: $BIKEPDCA_DB"
echo "Reports:  Reports/index.html (one HTML file per zone, station and the prefecture, every table also as CSV)"
echo "Next:     bikepdca --help"
echo
# The browser app: one account of the headquarters role, its password made here and printed only this once.
password="$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
echo "$password" | "$bin" user add hq --role hq >/dev/null
echo "Browser app: $bin serve --db $BIKEPDCA_DB --mapping-folder SampleData/mapping"
echo "          then open http://127.0.0.1:8080/ and log in as hq, password $password (shown only now;"
echo "          more accounts: bikepdca user add NAME --role admin|hq|station [--station 58101])"
