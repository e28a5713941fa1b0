#!/usr/bin/env bash
# Crash test: SIGKILLs `bikepdca import` at random moments, KILLS times (default 120), and checks after each kill
# and after the next run that nothing was lost or half-written.
#
#   Benchmarks/crash.sh [KILLS] [ROWS]     (defaults: 120 kills, 20000 enforcement rows)
#
# Two kinds of run, on a fresh copy of a prepared database each time:
#   enforcement  import a benchmark file of ROWS rows (80 % with a position, none with a zone id) into a database
#                with the sample stations and zones; the assignment after it places the positioned records;
#   zones        import the sample zones plus one new district into a database that also holds those records;
#                the zones changed, so the assignment after it recomputes every record's zone.
# Half the kills fall anywhere in [0, 1.1 × the run's time], half in the zone assignment: once the import has
# printed that it committed, within 1.2 × the time of an `assign` after an --no-assign import. After each kill:
#   - PRAGMA integrity_check is ok;
#   - all or nothing: the file's rows (or zones) are all there with its import-log row, or none and no row;
#   - the log row agrees with what is stored (rows accepted = the file's rows);
#   - where the kill fell: before the import committed, between its commit and the end of the assignment (the
#     pending note is set), or after the assignment (pending note cleared);
# then the same command runs again, uninterrupted, and the database must equal the one an uninterrupted run
# gives: every record's zone and zone source, the enforcement summary tables, the QA flags, the zones, the log's
# counts, and no assignment pending.
#
# Environment: BIKEPDCA (a built binary; default: `swift build --product bikepdca`, a debug build), SEED (the
# random seed, default 1: the same seed gives the same delays). Prints a line per kill and a summary; exit 1 if any
# check failed.
set -euo pipefail
cd "$(dirname "$0")/.."
KILLS=${1:-120}
ROWS=${2:-20000}
RANDOM=${SEED:-1}
command -v sqlite3 >/dev/null || { echo "needs sqlite3 (scripts/install-deps.sh)" >&2; exit 1; }
if [[ -z "${BIKEPDCA:-}" ]]; then
    swift build --product bikepdca >&2
    BIKEPDCA=$(swift build --show-bin-path)/bikepdca
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
started=$(date +%s)

q() { sqlite3 "$1" "$2"; }
# What must be the same after a crash and the next run as after an uninterrupted run (not times nor ids).
digest() {
    {
        q "$1" "SELECT record_id, zone_id, zone_source FROM enforcement ORDER BY record_id"
        q "$1" "SELECT * FROM enforcement_monthly ORDER BY station_id, month, department, zone_id, violation, outcome"
        q "$1" "SELECT * FROM enforcement_zone_times ORDER BY 1, 2, 3, 4, 5"
        q "$1" "SELECT dataset, record_id, kind, zone_id, distance_m FROM qa_flags ORDER BY 1, 2, 3"
        q "$1" "SELECT id, kind, geometry, buffer_m FROM zones ORDER BY id"
        q "$1" "SELECT dataset, file_name, rows_accepted, rows_rejected, rows_replaced FROM import_log ORDER BY id"
        q "$1" "SELECT COUNT(*) FROM spatial_state WHERE key = 'assignment_pending'"
    } | sha256sum | cut -c1-16
}
seconds() { awk -v s="$1" -v e="$2" 'BEGIN { printf "%.3f", e - s }'; }

# Prepared databases and files.
CSV="$WORK/enforcement_$ROWS.csv"
"$BIKEPDCA" sample --benchmark-rows "$ROWS" --benchmark-file "$CSV" >/dev/null
ZONES="$WORK/zones_plus_one.geojson"
python3 - "$ZONES" <<'EOF'
import json, sys
collection = json.load(open("SampleData/zones.geojson", encoding="utf-8"))
# A 2 km square district around 136.975 E, 35.16 N, where many benchmark stops lie.
ring = [[136.964, 35.151], [136.986, 35.151], [136.986, 35.169], [136.964, 35.169], [136.964, 35.151]]
collection["features"].append({"type": "Feature", "properties": {
    "zone_id": "58104-D98", "kind": "district", "station": "58104", "name": "試験地区",
    "designated_from": "2024-04-01"}, "geometry": {"type": "Polygon", "coordinates": [ring]}})
json.dump(collection, open(sys.argv[1], "w", encoding="utf-8"), ensure_ascii=False)
EOF
BASE_E="$WORK/base_enforcement.sqlite"
"$BIKEPDCA" import --db "$BASE_E" stations SampleData/stations.csv >/dev/null
"$BIKEPDCA" import --db "$BASE_E" zones SampleData/zones.geojson >/dev/null
BASE_Z="$WORK/base_zones.sqlite"
cp "$BASE_E" "$BASE_Z"
"$BIKEPDCA" import --db "$BASE_Z" enforcement "$CSV" >/dev/null
ZONE_COUNT=$(q "$BASE_E" "SELECT COUNT(*) FROM zones")

command_for() {  # kind → the import command's arguments (after --db DB)
    case "$1" in
    enforcement) echo "enforcement $CSV" ;;
    zones) echo "zones $ZONES" ;;
    esac
}
base_for() { [[ "$1" == enforcement ]] && echo "$BASE_E" || echo "$BASE_Z"; }

# Reference results and the times of each phase, from uninterrupted runs.
declare -A REFERENCE IMPORT_TIME ASSIGN_TIME TOTAL_TIME
for kind in enforcement zones; do
    db="$WORK/reference_$kind.sqlite"
    cp "$(base_for "$kind")" "$db"
    s=$(date +%s.%N)
    # shellcheck disable=SC2046
    "$BIKEPDCA" import --db "$db" --no-assign $(command_for "$kind") >/dev/null
    m=$(date +%s.%N)
    "$BIKEPDCA" assign --db "$db" >/dev/null
    e=$(date +%s.%N)
    IMPORT_TIME[$kind]=$(seconds "$s" "$m")
    ASSIGN_TIME[$kind]=$(seconds "$m" "$e")
    cp "$(base_for "$kind")" "$db"
    s=$(date +%s.%N)
    # shellcheck disable=SC2046
    "$BIKEPDCA" import --db "$db" $(command_for "$kind") >/dev/null
    e=$(date +%s.%N)
    TOTAL_TIME[$kind]=$(seconds "$s" "$e")
    REFERENCE[$kind]=$(digest "$db")
    echo "reference $kind: import ${IMPORT_TIME[$kind]} s, assign ${ASSIGN_TIME[$kind]} s, both ${TOTAL_TIME[$kind]} s" >&2
done

failures=0
declare -A MOMENTS
fail() {
    echo "  FAILED: $*"
    failures=$((failures + 1))
}
for run in $(seq 1 "$KILLS"); do
    kind=$([[ $((run % 5)) -lt 3 ]] && echo enforcement || echo zones)
    db="$WORK/run.sqlite"
    rm -f "$db" "$db"-wal "$db"-shm
    cp "$(base_for "$kind")" "$db"
    out="$WORK/out.txt"
    : >"$out"
    # Line-buffered, so that "imported" shows when the import has committed (it is printed just after).
    # shellcheck disable=SC2046
    stdbuf -oL "$BIKEPDCA" import --db "$db" $(command_for "$kind") >"$out" 2>/dev/null &
    pid=$!
    if ((run % 2)); then
        # Anywhere in the run, a little past its end.
        delay=$(awk -v t="${TOTAL_TIME[$kind]}" -v r=$RANDOM 'BEGIN { printf "%.3f", 1.1 * t * r / 32768 }')
        sleep "$delay"
    else
        # In the zone assignment: once the import has committed, within 1.2 × the assignment's time.
        waited=0
        while ! grep -q imported "$out" && kill -0 "$pid" 2>/dev/null && ((waited < 3000)); do
            sleep 0.01
            waited=$((waited + 1))
        done
        delay=$(awk -v a="${ASSIGN_TIME[$kind]}" -v r=$RANDOM 'BEGIN { printf "%.3f", 1.2 * a * r / 32768 }')
        sleep "$delay"
        delay="commit + $delay"
    fi
    kill -KILL "$pid" 2>/dev/null || true
    status=0
    { wait "$pid" || status=$?; } 2>/dev/null

    # Checks on what the kill left.
    integrity=$(q "$db" "PRAGMA integrity_check")
    [[ "$integrity" == ok ]] || fail "integrity_check: $integrity"
    name=$(basename "$(command_for "$kind" | cut -d' ' -f2)")
    logged=$(q "$db" "SELECT COUNT(*) FROM import_log WHERE dataset = '$kind' AND file_name = '$name'")
    accepted=$(q "$db" "SELECT COALESCE(MAX(rows_accepted), -1) FROM import_log WHERE file_name = '$name'")
    pending=$(q "$db" "SELECT COUNT(*) FROM spatial_state WHERE key = 'assignment_pending'")
    if [[ "$kind" == enforcement ]]; then
        stored=$(q "$db" "SELECT COUNT(*) FROM enforcement")
        whole=$ROWS
        file_rows=$ROWS
    else
        stored=$(q "$db" "SELECT COUNT(*) FROM zones WHERE id = '58104-D98'")
        whole=1
        file_rows=$((ZONE_COUNT + 1))
        [[ "$(q "$db" "SELECT COUNT(*) FROM zones")" -eq $((ZONE_COUNT + stored)) ]] || fail "zones half-written"
    fi
    if [[ "$logged" -eq 0 ]]; then
        [[ "$stored" -eq 0 ]] || fail "$stored of $whole new rows stored without a log row"
        [[ "$pending" -eq 0 ]] || fail "assignment pending without a committed import"
        moment="before the commit"
    else
        [[ "$stored" -eq "$whole" ]] || fail "$stored of $whole new rows stored with a log row"
        [[ "$accepted" -eq "$file_rows" ]] || fail "the log says $accepted rows accepted, the file has $file_rows"
        if [[ "$pending" -eq 1 ]]; then
            moment="between the commit and the end of the assignment"
        else
            moment="after the assignment"
        fi
    fi
    [[ "$status" -eq 137 ]] || moment="$moment (had exited: $status)"
    MOMENTS["$kind: $moment"]=$((${MOMENTS["$kind: $moment"]:-0} + 1))

    # The next run, uninterrupted, must give what an uninterrupted run gives.
    # shellcheck disable=SC2046
    "$BIKEPDCA" import --db "$db" $(command_for "$kind") >/dev/null 2>&1 || fail "the next run failed"
    [[ "$(q "$db" "PRAGMA integrity_check")" == ok ]] || fail "integrity_check after the next run"
    result=$(digest "$db")
    [[ "$result" == "${REFERENCE[$kind]}" ]] || fail "after the next run the database differs from an uninterrupted run's"
    printf '%3d %-11s killed at %s s: %s\n' "$run" "$kind" "$delay" "$moment"
done

elapsed=$(($(date +%s) - started))
echo
echo "kills: $KILLS ($ROWS-row enforcement imports and zones imports), failures: $failures, time: $((elapsed / 60)) min $((elapsed % 60)) s"
for key in "${!MOMENTS[@]}"; do echo "  ${MOMENTS[$key]}  $key"; done | sort -k2
[[ "$failures" -eq 0 ]]
