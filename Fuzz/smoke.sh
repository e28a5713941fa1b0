#!/usr/bin/env bash
# A short fuzz run for CI: builds the five libFuzzer targets (in .build-fuzz/) and runs each for SECONDS (default
# 20) from the committed seeds. Fails on any crash, broken promise, hang (10 s) or memory blow-up (2 GiB); the
# input is left in Fuzz/Regressions/ for a regression test. Usage: Fuzz/smoke.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
targets=(CSVFuzz DatesFuzz ProfileFuzz GeoJSONFuzz FileNameFuzz)
bin="$(Fuzz/build.sh "${targets[@]}")"
export SWIFT_BACKTRACE=enable=no
mkdir -p Fuzz/Regressions
status=0
for target in "${targets[@]}"; do
    work="$(mktemp -d)"
    log="$work.log"
    # The targets write their scratch files under TMPDIR: a folder of its own, removed with the run's.
    scratch="$(mktemp -d)"
    if TMPDIR="$scratch" "$bin/$target" "$work" "Fuzz/Corpus/$target" -dict="Fuzz/Dictionaries/$target.dict" \
        -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -artifact_prefix="Fuzz/Regressions/$target-" \
        -print_final_stats=1 >"$log" 2>&1; then
        echo "$target: $(grep -E '^stat::number_of_executed_units' "$log" | cut -d: -f4 | tr -d ' ') executions" \
            "in ${seconds}s, no failure"
    else
        echo "$target: FAILED" >&2
        grep -E "Fatal error|==[0-9]+==ERROR|SUMMARY|Test unit written|Base64" "$log" >&2 || tail -30 "$log" >&2
        status=1
    fi
    rm -rf "$work" "$log" "$scratch"
done
exit $status
