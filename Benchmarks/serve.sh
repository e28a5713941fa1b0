#!/usr/bin/env bash
# The browser app under load, on loopback only: USERS concurrent analysts (default 16) read zone reports and the
# dashboard for SECONDS (default 20) with wrk while a station imports a month of enforcement records through the
# upload form. Prints requests/s, p50/p99 latency, non-2xx responses and errors, and the server's peak memory.
# Usage: Benchmarks/serve.sh                        (from the repository root; release build)
#        USERS=32 SECONDS_RUN=30 BIN=.build/debug/bikepdca Benchmarks/serve.sh
set -euo pipefail
cd "$(dirname "$0")/.."
users=${USERS:-16}
duration=${SECONDS_RUN:-20}
port=${PORT:-18080}
if [ -z "${BIN:-}" ]; then
    swift build -c release --product bikepdca >/dev/null
    BIN=$(swift build -c release --show-bin-path)/bikepdca
fi
command -v wrk >/dev/null || { echo "wrk is missing: scripts/install-deps.sh" >&2; exit 1; }
work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
export BIKEPDCA_DB=$work/serve.sqlite
"$BIN" init >/dev/null
"$BIN" import stations SampleData/stations.csv >/dev/null
"$BIN" import zones SampleData/zones.csv >/dev/null
"$BIN" import enforcement SampleData/enforcement/enforcement_2025-0[4-9].csv >/dev/null
"$BIN" import accidents SampleData/accidents/*.csv >/dev/null
"$BIN" import plans SampleData/plans/*.csv >/dev/null
"$BIN" import activities SampleData/activities/*.csv >/dev/null
echo "bench password 1" | "$BIN" user add analyst --role hq >/dev/null
echo "bench password 2" | "$BIN" user add chuo --role station --station 58101 >/dev/null

"$BIN" serve --port "$port" 2>"$work/server.log" &
server=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/login" >/dev/null 2>&1 && break; sleep 0.2; done

# login NAME PASSWORD: prints the session cookie of a fresh login.
login() {
    local jar=$work/jar.$1
    local page token
    page=$(curl -fs -c "$jar" "http://127.0.0.1:$port/login")
    token=$(sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' <<<"$page" | head -1)
    curl -fs -b "$jar" -c "$jar" -o /dev/null --data-urlencode "csrf=$token" --data-urlencode "name=$1" \
        --data-urlencode "password=$2" "http://127.0.0.1:$port/login"
    awk '$6 == "bikepdca_session" { print $7 }' "$jar"
}
analyst=$(login analyst "bench password 1")
chuo=$(login chuo "bench password 2")

# The import: station 58101's October rows, uploaded while the readers run (a write transaction of its own).
head -1 SampleData/enforcement/enforcement_2025-10.csv >"$work/chuo_2025-10.csv"
awk -F, 'NR > 1 && $4 == "58101"' SampleData/enforcement/enforcement_2025-10.csv >>"$work/chuo_2025-10.csv"
upload_page=$(curl -fs -b "bikepdca_session=$chuo" "http://127.0.0.1:$port/upload")
csrf=$(sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' <<<"$upload_page" | head -1)

cat >"$work/paths.lua" <<'LUA'
local paths = { "/reports/zone?id=58101-D01&period=2025-04..2025-09", "/", "/reports/zone?id=58102-R01&period=FY2025",
  "/reports/station?id=58103&period=2025-04..2025-09" }
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("non2xx_or_errors %d\n", summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA
(
    sleep 3
    start=$(date +%s.%N)
    # The upload answers 303 to its job page (/imports/ID), which reloads itself until the import has ended.
    job=$(curl -fs -o /dev/null -w '%{redirect_url}' -b "bikepdca_session=$chuo" -F "csrf=$csrf" \
        -F dataset=enforcement -F mode=import -F "file=@$work/chuo_2025-10.csv" "http://127.0.0.1:$port/upload")
    for _ in $(seq 600); do
        curl -fs -o "$work/upload.html" -b "bikepdca_session=$chuo" "$job"
        grep -q 'http-equiv="refresh"' "$work/upload.html" || break
        sleep 0.1
    done
    end=$(date +%s.%N)
    echo "import during the load: $(echo "$end - $start" | bc) s, $(grep -c 'app-ok' "$work/upload.html") imported" \
        >"$work/import.txt"
) &
uploader=$!
wrk -t2 -c "$users" -d "${duration}s" --timeout 30s --latency -s "$work/paths.lua" \
    -H "Cookie: bikepdca_session=$analyst" "http://127.0.0.1:$port" | tee "$work/wrk.txt"
wait "$uploader"
cat "$work/import.txt"
echo "server peak memory: $(awk '/VmHWM/ { print $2 / 1024 " MiB" }' "/proc/$server/status")"
echo "users $users, ${duration}s: $(awk '/Requests\/sec/ { print $2 }' "$work/wrk.txt") requests/s," \
    "p50 $(awk '$1 == "50%" { print $2 }' "$work/wrk.txt"), p99 $(awk '$1 == "99%" { print $2 }' "$work/wrk.txt")"
