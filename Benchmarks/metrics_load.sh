#!/usr/bin/env bash
# Load the benchmark CSVs (from metrics_data.py) into a BikePDCA store: schema by `bikepdca init`, stations and zones
# from the sample set, records bulk-loaded with the sqlite3 shell (the import pipeline is benchmarked elsewhere).
# Usage: metrics_load.sh BIKEPDCA_BINARY DATA_DIR SAMPLE_DIR DB
set -euo pipefail
bin=$1 data=$2 sample=$3 db=$4
rm -f "$db" "$db-wal" "$db-shm"
BIKEPDCA_DB=$db "$bin" init >/dev/null
BIKEPDCA_DB=$db "$bin" import stations "$sample/stations.csv" >/dev/null
BIKEPDCA_DB=$db "$bin" import zones "$sample/zones.csv" >/dev/null
sqlite3 "$db" <<SQL
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
CREATE TEMP TABLE e (record_id, date, time, station_id, department, zone_id, violation, outcome);
CREATE TEMP TABLE a (record_id, date, time, station_id, zone_id, latitude, longitude, severity);
.mode csv
.import $data/bench_enforcement.csv e
.import $data/bench_accidents.csv a
INSERT INTO enforcement (record_id, date, time, station_id, department, zone_id, violation, outcome, vehicle,
                         import_id, source_line)
SELECT record_id, date, time, station_id, department, NULLIF(zone_id, ''), violation, outcome, 'bicycle', 0, rowid
FROM e;
INSERT INTO accidents (record_id, date, time, station_id, zone_id, latitude, longitude, severity, bicycle_role,
                       counterpart, deaths, injuries, import_id, source_line)
SELECT record_id, date, time, station_id, NULLIF(zone_id, ''), CAST(latitude AS REAL), CAST(longitude AS REAL),
       severity, 'A', 'car', severity = 'fatal', 1, 0, rowid
FROM a;
SQL
# Opening the store once applies the analytics migration (its indexes) to the bulk-loaded rows.
BIKEPDCA_DB=$db "$bin" status >/dev/null
