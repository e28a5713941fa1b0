#!/usr/bin/env bash
# A short fuzz run for CI: builds the libFuzzer targets and runs each for SECONDS (default 20) from the committed
# corpus. Fails on any crash, hang (10 s) or memory blow-up (2 GiB); the input is left in Fuzz/Regressions/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
bin="$(Fuzz/build.sh)"
mkdir -p Fuzz/Regressions
for target in DatesFuzz ImportersFuzz; do
    work="$(mktemp -d)"
    "$bin/$target" "$work" "Fuzz/Corpus/$target" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
        -artifact_prefix="Fuzz/Regressions/$target-" -print_final_stats=1 2>&1 | grep -E "^(Done|stat::number_of_executed_units|==[0-9]+==ERROR|SUMMARY)" || true
    test "${PIPESTATUS[0]}" -eq 0
    rm -rf "$work"
done
