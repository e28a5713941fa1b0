#!/usr/bin/env bash
# Runs fuzz targets for SECONDS each (default 600), one after another, from the committed seeds plus the inputs
# earlier runs found (kept in .build-fuzz/corpus/<target>/, not committed). A failing input is saved as
# Fuzz/Regressions/<target>-crash-…; libFuzzer's log is .build-fuzz/logs/<target>.log and its final statistics
# are printed. Usage: Fuzz/run.sh [SECONDS [TARGET...]] (default: all four targets)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(CSVFuzz DatesFuzz ProfileFuzz GeoJSONFuzz FileNameFuzz); fi
bin="$(Fuzz/build.sh "${targets[@]}")"
# Swift's own backtracer reads memory behind AddressSanitizer's back; libFuzzer reports the crash instead.
export SWIFT_BACKTRACE=enable=no
mkdir -p Fuzz/Regressions .build-fuzz/logs
status=0
for target in "${targets[@]}"; do
    work=".build-fuzz/corpus/$target"
    log=".build-fuzz/logs/$target.log"
    # The target's scratch files go under TMPDIR: kept inside .build-fuzz, not the system's temporary folder.
    scratch=".build-fuzz/tmp/$target"
    mkdir -p "$work" "$scratch"
    echo "== $target: ${seconds}s" >&2
    TMPDIR="$scratch" "$bin/$target" "$work" "Fuzz/Corpus/$target" -dict="Fuzz/Dictionaries/$target.dict" \
        -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -artifact_prefix="Fuzz/Regressions/$target-" \
        -print_final_stats=1 >"$log" 2>&1 || status=1
    grep -E "^(#[0-9]+[[:space:]]+(INITED|DONE)|Done|stat::|SUMMARY|==[0-9]+==ERROR)|Fatal error" "$log" >&2 || true
done
exit $status
